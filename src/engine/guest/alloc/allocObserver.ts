// Allocator interposition, observe mode: breakpoints on the guest's own allocator entry points
// (`__rust_alloc`, `__rust_alloc_zeroed`, `__rust_dealloc`, `__rust_realloc`, or C `malloc`, `calloc`,
// `realloc`, `free`) record every call — arguments at entry, the returned pointer at the return address,
// the caller pc (ra - 4), and the instruction count and timestamp at both ends — without changing the run:
// the hooks read registers untraced and never redirect, so accesses and timestamps are exactly those of an
// unmodified run. Symbols folded to one address by the linker (Rust's alloc and alloc_zeroed) are reported
// as one kind `alloc|alloc_zeroed`. Invariant: a return is matched to its call by the return address AND
// the stack pointer, so recursion and re-entry do not mix calls up. The functions, registers and argument
// decoding are allocCalls.ts's (the one home shared with orthotope mode and the time-travel columns).

import {
  ALLOC_REGS as REG,
  allocatorEntryPoints,
  isFree,
  readAllocArgs,
  readRegister,
  summarizeAllocCalls,
  type AllocCall,
  type AllocCallSummary,
  type AllocFunction,
} from './allocCalls';
import type { Interpreter } from '../isa/executor';

const reg = (machine: Interpreter, r: number) => readRegister(machine.memory, r);

export class AllocObserver {
  readonly calls: AllocCall[] = [];
  private open = 0;

  constructor(private readonly machine: Interpreter) {
    for (const [address, names] of allocatorEntryPoints(machine.program)) {
      machine.addHook(address, () => {
        this.enter(names);
        return false;
      });
    }
  }

  get hooked(): boolean {
    return allocatorEntryPoints(this.machine.program).size > 0;
  }

  private enter(names: AllocFunction[]): void {
    const m = this.machine;
    const kind = names[0];
    const call: AllocCall = {
      function: names.join('|'),
      ...readAllocArgs(m.memory, kind),
      result: null,
      callerPc: (reg(m, REG.ra) - 4) >>> 0,
      entryInstret: m.instret,
      entryTimestamp: m.memory.timestamp,
      exitInstret: null,
      exitTimestamp: null,
      depth: this.open,
    };
    this.calls.push(call);
    this.open++;
    const returnsValue = !isFree(kind);
    const ra = reg(m, REG.ra);
    const sp = reg(m, REG.sp);
    const onReturn = (machine: Interpreter): boolean => {
      if (machine.pc !== ra || reg(machine, REG.sp) !== sp) return false;
      call.result = returnsValue ? reg(machine, REG.a0) : 0;
      call.exitInstret = machine.instret;
      call.exitTimestamp = machine.memory.timestamp;
      this.open--;
      machine.removeHook(ra, onReturn);
      return false;
    };
    m.addHook(ra, onReturn);
  }

  /** Totals for the summary (allocCalls.ts summarizeAllocCalls). */
  summary(): AllocCallSummary {
    return summarizeAllocCalls(this.calls);
  }
}

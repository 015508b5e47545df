// The compiled tier of the interpreter (guest/isa/executor.ts): regions of basic blocks (blockShape.ts:
// the blocks statically reachable from a hot entry block) translated once to JavaScript (tracedSource.ts)
// and cached by entry index; blocks chain inside a region (blockSource.ts), regions through a dispatch
// loop (each returns the next pc; the next function is one array load away), and the tier falls back to the interpreter for everything else: words it does not compile (IO, hints, precompiles,
// TERMINATE, hooks = breakpoints and allocator entry points), a block longer than the steps left (step
// limits and single steps), an instruction that fails (the block returns before it), a block run fewer
// than compileThreshold() times (2) (cold code is not worth compiling), and whenever an observer is attached
// (TracingMemory.onAccess: watchpoints and queries; onStep: metering), which sees every access as before.
// Result: the same state as the interpreter alone, access for access (compiledTier.test.ts).
// Cost: one compile per hot block (~0.1 ms); per block executed, one array load, one call.

import type { TracingMemory } from '../../memory/tracingMemory';
import type { GuestProgram } from '../program/guestProgram';
import { blockLength, formRegion, MAX_BLOCK } from './blockShape';
import { compileTraced, type BlockState, type TracedBlock } from './tracedSource';
import { codeGenerationAllowed, compiledTierDefault, compileThreshold } from './tierSwitch';

/** What the tier needs of the interpreter that owns it. */
export interface TierHost {
  pc: number;
  instret: number;
  readonly status: string;
  readonly memory: TracingMemory;
  readonly onStep: ((idx: number) => void) | null;
  /** The interpreter's own loop for up to n instructions (throws what it throws). */
  interpretSteps(n: number): void;
}

export class CompiledTier {
  private readonly blocks: (TracedBlock | undefined)[];
  /** Per start index: 0 = not looked at, -1 = the word is not compiled, else the block's length. */
  private readonly lens: Int32Array;
  private readonly visits: Uint8Array;
  private readonly st: BlockState = { n: 0, bailed: false };
  /** Per word: the entries of the regions whose blocks hold it or end right before it (invalidate). */
  private readonly owners: (number[] | undefined)[];
  private readonly memLimit: number;
  /** Blocks compiled so far (for tests and figures). */
  compiled = 0;

  private constructor(
    private readonly program: GuestProgram,
    /** The interpreter's code array (hooks patch it; invalidate() is told). */
    private readonly code: Int32Array,
    memory: TracingMemory,
  ) {
    this.blocks = new Array<TracedBlock | undefined>(code.length);
    this.lens = new Int32Array(code.length);
    this.visits = new Uint8Array(code.length);
    this.owners = new Array<number[] | undefined>(code.length + 1);
    this.memLimit = Math.min(2 ** 29, (memory.spaces[2]?.hostCells ?? 0) - 3);
  }

  /**
   * The tier for an interpreter, or null where it cannot apply: switched off, no code generation (CSP),
   * or a memory config whose register or main space is not the RV32 byte space with ALIGN 4.
   */
  static create(program: GuestProgram, memory: TracingMemory, code: Int32Array): CompiledTier | null {
    if (!compiledTierDefault() || !codeGenerationAllowed()) return null;
    const s1 = memory.spaces[1];
    const s2 = memory.spaces[2];
    if (s1 === undefined || s2 === undefined || s1.align !== 4 || s2.align !== 4) return null;
    if (s1.native || s2.native || s1.hostCells < 128 || s2.hostCells < 4) return null;
    return new CompiledTier(program, code, memory);
  }

  /** A hook was added or removed at instruction `idx`: forget the blocks and regions that hold or end at it. */
  invalidate(idx: number): void {
    for (let s = Math.max(0, idx - MAX_BLOCK); s <= idx && s < this.lens.length; s++)
      if (s === idx || (this.lens[s] > 0 && s + this.lens[s] >= idx)) this.lens[s] = 0;
    const owners = this.owners[idx];
    if (owners === undefined) return;
    for (const entry of owners) this.blocks[entry] = undefined;
    this.owners[idx] = undefined;
  }

  /** Runs up to maxSteps instructions of `host` (see the top); throws what the interpreter throws. */
  run(host: TierHost, maxSteps: number): void {
    const mem = host.memory;
    const S1 = mem.spaces[1]!;
    const S2 = mem.spaces[2]!;
    const base = this.program.decoded.pcBase;
    const count = this.code.length;
    const lens = this.lens;
    const blocks = this.blocks;
    const st = this.st;
    let remaining = maxSteps;
    while (remaining > 0) {
      if (host.status === 'terminated') return;
      if (mem.onAccess !== null || host.onStep !== null) {
        host.interpretSteps(remaining);
        return;
      }
      const off = host.pc - base;
      const idx = off >>> 2;
      if (off < 0 || (off & 3) !== 0 || idx >= count) {
        host.interpretSteps(1); // throws the interpreter's fetch error
        return;
      }
      let len = lens[idx];
      if (len === 0) len = lens[idx] = blockLength(this.code, idx) || -1;
      let fn = blocks[idx];
      if (fn === undefined) {
        if (len < 0 || len > remaining || this.visits[idx] < compileThreshold()) {
          if (len > 0 && len <= remaining) this.visits[idx]++;
          remaining -= this.interpret(host, len < 0 ? 1 : Math.min(len, remaining));
          continue;
        }
        fn = blocks[idx] = this.compile(idx);
      } else if (len > remaining) {
        remaining -= this.interpret(host, remaining);
        continue;
      }
      host.pc = fn(mem, S1, S2, st, remaining, host.pc);
      host.instret += st.n;
      remaining -= st.n;
      // The block returned before an instruction it must not run itself: the interpreter runs it.
      if (st.bailed && remaining > 0) remaining -= this.interpret(host, 1);
    }
  }

  private interpret(host: TierHost, n: number): number {
    const before = host.instret;
    host.interpretSteps(n);
    return host.instret - before;
  }

  private compile(idx: number): TracedBlock {
    const d = this.program.decoded;
    const region = formRegion(this.code, d.imm, idx);
    for (const { start, length } of region)
      for (let w = start; w <= start + length; w++) (this.owners[w] ??= []).push(idx);
    this.compiled++;
    return compileTraced({ code: this.code, imm: d.imm, pcBase: d.pcBase, memLimit: this.memLimit }, region);
  }
}

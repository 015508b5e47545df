// Instruction-level tracing of a guest run: one step = one instruction with its disassembly, every traced
// access (address space, pointer, size, timestamp, t_prev) and every adapter record it appended.
// Used by `exec --format trace` and the UI's instruction panel. Slow by design (hook per access, records
// kept); fast runs use GuestRun.run. Invariant: the record log is cleared after each step (its counters
// keep the totals), so a long trace needs constant memory.

import type { AdapterRecord } from '../../memory/recordLog';
import { disassembleWord, formatDisassembly } from './disassembler';
import type { GuestRun } from '../guestRun';

export interface TraceAccess {
  as: number;
  ptr: number;
  size: number;
  write: boolean;
  t: number;
  tPrev: number;
}

export interface TraceStep {
  pc: number;
  word: number;
  text: string;
  /** Timestamp before the instruction. */
  t0: number;
  /** Timestamp after it. */
  t1: number;
  accesses: TraceAccess[];
  records: AdapterRecord[];
}

/** Executes one instruction of `run` (whose RecordLog must keep records) and describes it. */
export function traceStep(run: GuestRun): TraceStep {
  const { memory, machine, program } = run;
  const pc = machine.pc;
  const idx = (pc - program.decoded.pcBase) / 4;
  const word = program.decoded.words[idx] ?? 0;
  const accesses: TraceAccess[] = [];
  const previousHook = memory.onAccess;
  memory.onAccess = (as, ptr, size, write, t, tPrev) => accesses.push({ as, ptr, size, write, t, tPrev });
  memory.records.clear();
  const t0 = memory.timestamp;
  try {
    machine.step();
  } finally {
    memory.onAccess = previousHook;
  }
  const records: AdapterRecord[] = [];
  for (let i = 0; i < memory.records.length; i++) records.push(memory.records.get(i));
  const text = formatDisassembly(
    disassembleWord(word, pc, { symbols: program.symbols, vmConfig: run.machine.config }),
  );
  return { pc, word, text, t0, t1: memory.timestamp, accesses, records };
}

const hex = (n: number) => `0x${n.toString(16)}`;

export function formatRecord(r: AdapterRecord): string {
  const arrow =
    r.kind === 'split' ? `${r.blockSize}->${r.lowestBlockSize}` : `${r.blockSize}<-${r.lowestBlockSize}`;
  const parts = r.prevTimestamps === undefined ? '' : ` [${r.prevTimestamps.join(',')}]`;
  return `${r.kind} AS${r.addressSpace}[${hex(r.pointer)}] ${arrow} ts=${r.timestamp}${parts}`;
}

/** `0x00200800 t=1..4 addi sp, sp, -16 | R AS1[0x8] t=1 prev=0, W AS1[0x8] t=3 prev=1 | split AS1[0x0] 8->4 ts=0` */
export function formatTraceLine(step: TraceStep): string {
  const accesses = step.accesses
    .map((a) => `${a.write ? 'W' : 'R'} AS${a.as}[${hex(a.ptr)}] t=${a.t} prev=${a.tPrev}`)
    .join(', ');
  const records = step.records.map(formatRecord).join(', ');
  const pc = `0x${step.pc.toString(16).padStart(8, '0')}`;
  return `${pc} t=${step.t0}..${step.t1} ${step.text} | ${accesses || '-'} | ${records || '-'}`;
}

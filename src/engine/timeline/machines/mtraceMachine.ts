// A .mtrace script as a timeline machine: one step per directive (read, write, tick, finalize), exactly as
// scripts/mtraceRunner.ts executes them (the `init` image is applied before step 0). The timestamp of
// every step is known from the program alone (1 + accesses + ticks), so timestamp -> step is a binary
// search. A script with an invalid line runs its valid prefix; reaching the end of that prefix ends the run
// with the script error (line and message), nothing before it lost.
// Invariants: the record log keeps counters only unless a view switches `records.keep` on; finalize (at
// most once, last) changes nothing but the record counters, and `finalized` says whether it ran.

import { EngineError, toErrorInfo } from '../../errors';
import {
  captureMemory,
  forEachSnapshotPage,
  type MemorySnapshot,
  restoreMemory,
  snapshotTableBytes,
} from '../../memory/memorySnapshot';
import type { TracingMemory } from '../../memory/tracingMemory';
import { type MtraceProgram, OP_FINALIZE, OP_READ, OP_TICK, OP_WRITE } from '../../scripts/mtraceProgram';
import { memoryForProgram } from '../../scripts/mtraceRunner';
import type { Hasher } from './hasher';
import type { Machine, MachineEnd, MachineState } from './machine';
import { hashMemory } from './memoryHash';

export interface MtraceState extends MachineState {
  readonly memory: MemorySnapshot;
  readonly finalized: boolean;
}

/** tsAt[s] = the timestamp after s directives (count + 1 entries). */
export function stepTimestamps(program: MtraceProgram): Uint32Array {
  const ts = new Uint32Array(program.count + 1);
  let t = 1;
  ts[0] = t;
  for (let i = 0; i < program.count; i++) {
    const op = program.op[i];
    if (op === OP_READ || op === OP_WRITE) t += 1;
    else if (op === OP_TICK) t += program.pointer[i];
    ts[i + 1] = t;
  }
  return ts;
}

export class MtraceMachine implements Machine<MtraceState> {
  readonly memory: TracingMemory;
  step = 0;
  finalized = false;
  private readonly tsAt: Uint32Array;

  constructor(readonly program: MtraceProgram) {
    this.memory = memoryForProgram(program, false);
    this.tsAt = stepTimestamps(program);
  }

  get timestamp(): number {
    return this.memory.timestamp;
  }

  /** The script line of directive `step` (the next one to run), or 0 past the last. */
  lineAt(step: number): number {
    return step < this.program.count ? this.program.line[step] : 0;
  }

  run(n: number): MachineEnd | null {
    const p = this.program;
    const m = this.memory;
    const end = Math.min(p.count, this.step + n);
    for (let i = this.step; i < end; i++) {
      const op = p.op[i];
      try {
        if (op === OP_READ) m.read(p.addressSpace[i], p.pointer[i], p.size[i]);
        else if (op === OP_WRITE) {
          const v = p.valueStart[i];
          m.write(p.addressSpace[i], p.pointer[i], p.size[i], p.values.subarray(v, v + p.size[i]));
        } else if (op === OP_TICK) m.incrementTimestampBy(p.pointer[i]);
        else if (op === OP_FINALIZE) {
          m.finalize(p.mode === 'persistent');
          this.finalized = true;
        }
      } catch (e) {
        const error = toErrorInfo(e);
        error.location.line = p.line[i];
        return { status: 'error', error, partial: true };
      }
      this.step = i + 1;
    }
    if (this.step < p.count) return null;
    if (p.error !== undefined) {
      const error = new EngineError('script', p.error.message, { line: p.error.line });
      return { status: 'error', error: toErrorInfo(error), partial: false };
    }
    return { status: 'done' };
  }

  capture(): MtraceState {
    return {
      step: this.step,
      timestamp: this.timestamp,
      memory: captureMemory(this.memory),
      finalized: this.finalized,
    };
  }

  restore(state: MtraceState): void {
    restoreMemory(this.memory, state.memory);
    this.step = state.step;
    this.finalized = state.finalized;
  }

  stateBytes(state: MtraceState, visitShared: (page: object, bytes: number) => void): number {
    forEachSnapshotPage(state.memory, visitShared);
    return snapshotTableBytes(state.memory) + 32;
  }

  counters(out: Float64Array): void {
    const m = this.memory;
    out[0] = m.accesses;
    out[1] = m.records.splits;
    out[2] = m.records.merges;
    out[3] = 0;
    out[4] = 0;
    out[5] = 0;
  }

  hash(h: Hasher): void {
    h.str('mtrace');
    h.num(this.step);
    h.u32(this.finalized ? 1 : 0);
    hashMemory(this.memory, h);
  }

  stepAtTimestamp(t: number): number {
    const ts = this.tsAt;
    let lo = 0;
    let hi = ts.length; // first index with ts > t
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ts[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return Math.max(0, lo - 1);
  }

  timestampAt(step: number): number {
    return this.tsAt[step];
  }
}

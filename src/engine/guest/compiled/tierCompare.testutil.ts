// Test helpers for the compiled tier: run the same guest with the tier off and on, and fingerprint
// everything a run ends with (registers, pc, instret, status, exit code, error, timestamp, access count,
// lastTPrev, console, public values, every cell and metadata entry of every space, every adapter record
// in order with its data and timestamps, the record counters and rows, then the same after finalize).
import { expect } from 'vitest';
import type { GuestRun } from '../guestRun';
import type { RecordLog } from '../../memory/recordLog';
import type { TracingMemory } from '../../memory/tracingMemory';
import { compiledTierDefault, setCompiledTierDefault } from './tierSwitch';

/** FNV-1a over 32-bit words. */
class Hash {
  h = 0x811c9dc5;
  word(x: number): void {
    this.h = Math.imul(this.h ^ (x >>> 0), 16777619) >>> 0;
  }
  array(a: ArrayLike<number>, n = a.length): void {
    this.word(n);
    for (let i = 0; i < n; i++) this.word(a[i]);
  }
}

function allZero(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

/** Every cell, metadata word and offset of every space (absent pages = zero pages). */
export function memoryFingerprint(mem: TracingMemory): number {
  const h = new Hash();
  mem.spaces.forEach((s, as) => {
    if (s === undefined) return;
    h.word(as);
    for (const p of [...s.allocatedData].sort((a, b) => a - b)) {
      const page = s.dataPages[p]!;
      if (allZero(page)) continue;
      h.word(p);
      h.array(page);
    }
    for (const p of [...s.allocatedMeta].sort((a, b) => a - b)) {
      const meta = s.metaPages[p]!;
      const offs = s.offsetPages[p]!;
      if (allZero(meta) && allZero(offs)) continue;
      h.word(p);
      h.array(meta);
      h.array(offs);
    }
  });
  return h.h;
}

export function recordsFingerprint(r: RecordLog): number {
  const h = new Hash();
  h.word(r.splits);
  h.word(r.merges);
  h.array(Array.from(r.rows));
  h.word(r.firstIndex);
  for (const a of [r.timestampAndMask, r.addressSpace, r.pointer, r.blockSize, r.lowestBlockSize, r.typeSize])
    h.array(a, r.length);
  h.array(r.data, r.dataLength);
  h.array(r.prevTs, r.prevTsLength);
  return h.h;
}

export interface EndState {
  status: string;
  pc: number;
  instret: number;
  exitCode: number | null;
  error: string | null;
  timestamp: number;
  accesses: number;
  lastTPrev: number;
  registers: number[];
  console: string;
  publicValues: string;
  memory: number;
  records: number;
  recordCount: number;
  finalMemory?: number;
  finalRecords?: number;
  adapterRows?: number[];
}

export function endState(run: GuestRun, finalize = true): EndState {
  const m = run.machine;
  const mem = run.memory;
  const state: EndState = {
    status: m.status,
    pc: m.pc,
    instret: m.instret,
    exitCode: m.exitCode,
    error: m.error?.message ?? null,
    timestamp: mem.timestamp,
    accesses: mem.accesses,
    lastTPrev: mem.lastTPrev,
    registers: Array.from(run.registers()),
    console: m.console,
    publicValues: Buffer.from(run.publicValues()).toString('hex'),
    memory: memoryFingerprint(mem),
    records: recordsFingerprint(mem.records),
    recordCount: mem.records.total,
  };
  if (finalize && m.status === 'terminated') {
    run.finalize();
    state.finalMemory = memoryFingerprint(mem);
    state.finalRecords = recordsFingerprint(mem.records);
    state.adapterRows = Array.from(mem.records.rows);
  }
  return state;
}

/** Builds a run with the tier off or on (the switch only matters while the interpreter is constructed). */
export function withTier<T>(on: boolean, make: () => T): T {
  const before = compiledTierDefault();
  setCompiledTierDefault(on);
  try {
    return make();
  } finally {
    setCompiledTierDefault(before);
  }
}

/**
 * Runs `make()` both ways in slices of `slice` steps until it ends or `limit` steps ran, and expects equal
 * end states.
 */
export function expectSameEnd(make: () => GuestRun, slice = 500_000_000, limit = 500_000_000): EndState {
  const ends = [false, true].map((on) => {
    const run = withTier(on, make);
    expect(run.machine.tier !== null).toBe(on);
    let steps = 0;
    while ((run.machine.status === 'ready' || run.machine.status === 'paused') && steps < limit) {
      const n = Math.min(slice, limit - steps);
      run.run(n);
      steps += n;
    }
    return endState(run);
  });
  expect(ends[1]).toEqual(ends[0]);
  return ends[1];
}

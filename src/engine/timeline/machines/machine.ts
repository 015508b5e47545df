// What the timeline records and replays: one deterministic run that executes in steps (a guest
// instruction, a .mtrace directive, a .alloc directive) and whose whole state can be captured and restored.
// The three adapters (guestMachine.ts, mtraceMachine.ts, allocMachine.ts) implement it over the engine.
// Invariants every machine keeps: run(n) from a restored state does exactly what it did the first time
// (bit for bit: same accesses, timestamps, records, allocator writes); capture() never copies memory
// pages (they are shared copy-on-write) and a captured state stays valid after any later execution;
// `step` counts completed steps and `timestamp` never decreases along a run.

import type { ErrorInfo } from '../../errors';
import type { TracingMemory } from '../../memory/tracingMemory';
import type { Hasher } from './hasher';

/** The cumulative counters the timeline samples for its density view, in this order. */
export const COUNTER_NAMES = ['accesses', 'splits', 'merges', 'allocations', 'frees', 'errors'] as const;
export type CounterName = (typeof COUNTER_NAMES)[number];
export const COUNTER_COUNT = COUNTER_NAMES.length;

/**
 * How a run ended. `partial`: the failing step had already changed the state when it failed (a guest
 * instruction that trapped after some of its accesses); the timeline then returns to the last whole step.
 */
export type MachineEnd = { status: 'done' } | { status: 'error'; error: ErrorInfo; partial: boolean };

/** What every captured state carries (the rest is the machine's own). */
export interface MachineState {
  readonly step: number;
  readonly timestamp: number;
}

export interface Machine<S extends MachineState> {
  /** Completed steps since the start of the run. */
  readonly step: number;
  /** The timeline axis: TracingMemory.timestamp (guest, mtrace) or the step index (alloc). */
  readonly timestamp: number;
  /**
   * Segmented guest runs: global timestamp - the memory's own (segment-local) timestamp, which is what the
   * memory's access hook and block metadata report (undefined or 0: they are the same).
   */
  readonly timestampOffset?: number;
  /** Segmented guest runs: the step at which the current segment's memory began (0 for the first). */
  readonly segmentStart?: number;
  /** The traced memory (null for .alloc runs, which have none). */
  readonly memory: TracingMemory | null;
  /** Executes up to `n` more steps; null while the run can go on, else how it ended. */
  run(n: number): MachineEnd | null;
  capture(): S;
  restore(state: S): void;
  /**
   * Bytes a captured state holds of its own; `visitShared` is called for every page it shares with others
   * (the checkpoint store counts each shared page once).
   */
  stateBytes(state: S, visitShared: (page: object, bytes: number) => void): number;
  /** Writes the COUNTER_NAMES totals so far into out[0..COUNTER_COUNT). */
  counters(out: Float64Array): void;
  /** Feeds the whole state into `h` (for stateHash()). */
  hash(h: Hasher): void;
  /** The step whose state has the largest timestamp <= t, when the machine knows it without running. */
  stepAtTimestamp?(t: number): number;
}

// Test-only: the reference the seek tests compare against — fresh runs that simply stop at T, never
// captured or restored. A `lead` machine goes one step at a time to find, for each target timestamp T
// (ascending), the last step whose state has timestamp <= T; a `lag` machine then runs there in one bulk
// run() and its full-state hash is taken. Where the fixtures live, and the gate for tests that need them:
// ../guest/fixtures.testutil.ts.
import { readFileSync } from 'node:fs';
import { Random } from '../random';
import { Hasher } from './machines/hasher';
import type { Machine, MachineState } from './machines/machine';

export interface RefState {
  step: number;
  timestamp: number;
  hash: string;
}

export function hashOf(machine: Machine<MachineState>): string {
  const h = new Hasher();
  machine.hash(h);
  return h.digest();
}

/** Reference states for every target (any order; computed ascending), none past `maxSteps`. */
export function referenceStates(
  make: () => Machine<MachineState>,
  targets: readonly number[],
  maxSteps: number,
): Map<number, RefState> {
  const lead = make();
  const lag = make();
  const out = new Map<number, RefState>();
  let lastOk = 0;
  let ended = false;
  for (const t of [...new Set(targets)].sort((a, b) => a - b)) {
    while (lead.timestamp <= t) {
      lastOk = lead.step;
      if (ended || lead.step >= maxSteps) break;
      const end = lead.run(1);
      if (end !== null) {
        ended = true;
        if (end.status === 'error' && end.partial) break; // the failing step never completes
      }
    }
    if (lag.step < lastOk) lag.run(lastOk - lag.step);
    out.set(t, { step: lag.step, timestamp: lag.timestamp, hash: hashOf(lag) });
  }
  return out;
}

/** A seeded shuffle of `count` timestamps in [0, last]. */
export function randomTimestamps(seed: number, count: number, last: number): number[] {
  const rng = new Random(seed);
  return Array.from({ length: count }, () => rng.below(last + 1));
}

export function readBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(file));
}

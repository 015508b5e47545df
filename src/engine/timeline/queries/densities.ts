// Bucketed event densities for the timeline strip: how many accesses, splits, merges, allocations, frees
// and errors fall in each of `buckets` equal timestamp ranges [e_i, e_i+1) of [t0, t1).
// Two ways, chosen by resolution: a window spanning few samples is re-executed with hooks and counted
// exactly (each access at its timestamp, its records with it, per-step counters at the step's start);
// a wider one is read off the recording's cumulative samples, interpolated linearly inside a sample
// interval and rounded, so buckets always sum to the exact total between the window's ends when those ends
// are sample points (and bucket edges are off by at most one sample interval's share otherwise).
// Invariant: beyond the recorded head nothing is counted (the head is the right edge of what is known).

import { COUNTER_COUNT, type MachineState } from '../machines/machine';
import type { StepSamples } from '../recording/stepSamples';
import type { Timeline } from '../recording/timeline';
import type { TracingMemory } from '../../memory/tracingMemory';

export interface Densities {
  t0: number;
  t1: number;
  buckets: number;
  /** True when counted by re-execution, false when interpolated from samples. */
  exact: boolean;
  accesses: Float64Array;
  splits: Float64Array;
  merges: Float64Array;
  allocations: Float64Array;
  frees: Float64Array;
  errors: Float64Array;
}

/** Re-execute when the window spans fewer sample intervals than this. */
const EXACT_SAMPLE_SPAN = 8;

function emptyDensities(t0: number, t1: number, buckets: number, exact: boolean): Densities {
  const f = () => new Float64Array(buckets);
  return {
    t0,
    t1,
    buckets,
    exact,
    accesses: f(),
    splits: f(),
    merges: f(),
    allocations: f(),
    frees: f(),
    errors: f(),
  };
}

function series(d: Densities): Float64Array[] {
  return [d.accesses, d.splits, d.merges, d.allocations, d.frees, d.errors];
}

/** Cumulative counter c at timestamp e, from the samples and the head (linear inside an interval). */
function cumulativeAt(
  samples: StepSamples,
  headTs: number,
  head: Float64Array,
  e: number,
  c: number,
): number {
  if (e >= headTs) return head[c];
  const j = samples.lastAtOrBefore(e);
  if (j < 0) return 0;
  const t0 = samples.timestamp[j];
  const v0 = samples.counter(j, c);
  const last = j + 1 >= samples.count;
  const t1 = last ? headTs : samples.timestamp[j + 1];
  const v1 = last ? head[c] : samples.counter(j + 1, c);
  return t1 > t0 ? v0 + ((v1 - v0) * (e - t0)) / (t1 - t0) : v0;
}

function fromSamples<S extends MachineState>(
  tl: Timeline<S>,
  t0: number,
  t1: number,
  buckets: number,
): Densities {
  const d = emptyDensities(t0, t1, buckets, false);
  const out = series(d);
  for (let c = 0; c < COUNTER_COUNT; c++) {
    let prev = Math.round(cumulativeAt(tl.samples, tl.headTimestamp, tl.headCounters, t0, c));
    for (let i = 0; i < buckets; i++) {
      const e = t0 + ((t1 - t0) * (i + 1)) / buckets;
      const next = Math.round(cumulativeAt(tl.samples, tl.headTimestamp, tl.headCounters, e, c));
      out[c][i] = next - prev;
      prev = next;
    }
  }
  return d;
}

function exactly<S extends MachineState>(
  tl: Timeline<S>,
  memory: TracingMemory | null,
  t0: number,
  t1: number,
  buckets: number,
): Densities {
  const d = emptyDensities(t0, t1, buckets, true);
  const out = series(d);
  const bucket = (t: number) =>
    t < t0 || t >= t1 ? -1 : Math.min(buckets - 1, Math.floor(((t - t0) * buckets) / (t1 - t0)));
  const saved = tl.savePosition();
  const before = new Float64Array(COUNTER_COUNT);
  const after = new Float64Array(COUNTER_COUNT);
  const machine = tl.machine;
  try {
    tl.seekStep(tl.stepAtTimestamp(t0));
    let splits = 0;
    let merges = 0;
    // Segmented runs: the hook reports segment-local timestamps and the record counts restart at 0 at each
    // hand-over (a segment's offset is larger than the previous one's: each has at least one instruction).
    let offset = machine.timestampOffset ?? 0;
    const newSegment = () => {
      const o = machine.timestampOffset ?? 0;
      if (o === offset) return;
      offset = o;
      splits = 0;
      merges = 0;
    };
    if (memory !== null) {
      splits = memory.records.splits;
      merges = memory.records.merges;
      memory.onAccess = (_as, _ptr, _size, _write, t) => {
        newSegment();
        const b = bucket(t + offset);
        const log = memory.records;
        if (b >= 0) {
          out[0][b]++;
          out[1][b] += log.splits - splits;
          out[2][b] += log.merges - merges;
        }
        splits = log.splits;
        merges = log.merges;
      };
    }
    while (machine.timestamp < t1 && tl.step < tl.head) {
      const t = machine.timestamp;
      machine.counters(before);
      if (tl.forward(1) === 0) break;
      machine.counters(after);
      const b = bucket(t);
      if (b < 0) continue;
      for (let c = 3; c < COUNTER_COUNT; c++) out[c][b] += after[c] - before[c];
      if (memory !== null) {
        newSegment();
        // Records after the step's last access (finalize) count at the step's start.
        out[1][b] += memory.records.splits - splits;
        out[2][b] += memory.records.merges - merges;
        splits = memory.records.splits;
        merges = memory.records.merges;
      }
    }
  } finally {
    if (memory !== null) memory.onAccess = null;
    tl.returnTo(saved);
  }
  return d;
}

export function densities<S extends MachineState>(
  tl: Timeline<S>,
  memory: TracingMemory | null,
  t0: number,
  t1: number,
  buckets: number,
): Densities {
  const samples = tl.samples;
  const j0 = samples.lastAtOrBefore(t0);
  const j1 = samples.lastAtOrBefore(Math.min(t1, tl.headTimestamp));
  if (j1 - j0 < EXACT_SAMPLE_SPAN) return exactly(tl, memory, t0, t1, buckets);
  return fromSamples(tl, t0, t1, buckets);
}

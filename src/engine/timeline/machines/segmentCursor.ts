// Where a segmented guest run is in OpenVM v1.7.0's segmentation (persistent mode: the metered pass cuts the
// run into segments, crates/vm/src/arch/execution_mode/metered/segment_ctx.rs; each segment is then
// preflighted on a fresh TracingMemory over the image the previous one left, crates/vm/src/arch/vm.rs).
// The cuts come from the metered pass (metering/segmentPlan.ts) as (instret_start, num_insns, end timestamp).
// Two time axes:
//   step     the global instruction index (state after `step` instructions);
//   global   one monotone timestamp over the whole run: bases[s] + local - 1, where local is segment s's own
//            TracingMemory timestamp (1 at its start) and bases[s] = 1 + Σ_{k<s} (end_k - 1). Every instruction
//            advances the timestamp by the same amount in any memory state, so this is exactly the timestamp
//            of the same run with segmentation switched off (meterView's segmentTimestamps, segments.test.ts).
// The state after the last instruction of segment s (step = starts[s+1]) still belongs to s (its end, before
// finalize); the hand-over to s+1 happens when the next instruction runs. So position (s+1, 1) is the same
// global timestamp as (s, end_s) and names the same state, shown as (s, end_s).
// Invariants: starts[0] = 0, strictly increasing; bases non-decreasing; every lookup O(log segments).

import { EngineError } from '../../errors';

/** One segment as the metered pass cut it. `endTimestamp`: NaN when not known (the last, unfinished one). */
export interface SegmentBound {
  instretStart: number;
  numInsns: number;
  endTimestamp: number;
}

/** (segment, timestamp within it) of a global timestamp or a step. */
export interface SegmentTime {
  segment: number;
  timestamp: number;
}

export class SegmentCursor {
  /** Instret at which each segment starts. */
  readonly starts: Float64Array;
  /** Global timestamp at each segment's start (its local timestamp 1). */
  readonly bases: Float64Array;
  /** Local timestamp after each segment's last instruction (NaN: unknown). */
  readonly ends: Float64Array;
  /** The segment the machine's memory currently holds. */
  segment = 0;
  /** Splits and merges of the segments before each one (the cumulative density counters). */
  readonly splitBase: Float64Array;
  readonly mergeBase: Float64Array;

  constructor(readonly bounds: readonly SegmentBound[]) {
    const n = bounds.length;
    if (n === 0 || bounds[0].instretStart !== 0)
      throw new EngineError('internal', 'a segment plan starts with a segment at instret 0');
    this.starts = Float64Array.from(bounds, (b) => b.instretStart);
    this.ends = Float64Array.from(bounds, (b) => b.endTimestamp);
    // A pass that gives only the cuts leaves the ends NaN: bases past the first unknown end are learnt at
    // the hand-over (learnEnd) and are +Infinity until then (no global timestamp reaches them yet).
    this.bases = new Float64Array(n).fill(Infinity);
    this.bases[0] = 1;
    for (let s = 1; s < n; s++) {
      if (!(this.starts[s] > this.starts[s - 1]))
        throw new EngineError('internal', `segment plan: bad segment ${s - 1}`);
      if (this.ends[s - 1] >= 1 && this.bases[s - 1] !== Infinity)
        this.bases[s] = this.bases[s - 1] + this.ends[s - 1] - 1;
    }
    this.splitBase = new Float64Array(n);
    this.mergeBase = new Float64Array(n);
  }

  get count(): number {
    return this.starts.length;
  }

  /** The instret at which the segment after the current one starts (Infinity: none). */
  nextStart(): number {
    const s = this.segment + 1;
    return s < this.starts.length ? this.starts[s] : Infinity;
  }

  /**
   * At the hand-over after segment s: its end timestamp. Checks it against the plan's when the plan had one
   * (returns false on a mismatch), else learns it and the next segment's base.
   */
  learnEnd(s: number, end: number): boolean {
    if (!Number.isNaN(this.ends[s])) return this.ends[s] === end;
    this.ends[s] = end;
    if (s + 1 < this.count) this.bases[s + 1] = this.bases[s] + end - 1;
    return true;
  }

  /** Global timestamp of a local one in the current segment. */
  global(local: number): number {
    return this.bases[this.segment] + local - 1;
  }

  /** The segment that holds the state after `step` instructions (a segment's end belongs to it). */
  segmentOfStep(step: number): number {
    return Math.max(0, upperBound(this.starts, step - 1) - 1);
  }

  /** The first segment whose span [bases, bases + end - 1] contains the global timestamp t. */
  segmentOfTimestamp(t: number): number {
    // Last segment whose base < t (a base equal to t is also the previous segment's end).
    const s = lowerBound(this.bases, t) - 1;
    return Math.max(0, s);
  }

  /** Global timestamp -> (segment, local timestamp). */
  split(t: number): SegmentTime {
    const segment = this.segmentOfTimestamp(t);
    return { segment, timestamp: t - this.bases[segment] + 1 };
  }

  /** (segment, local timestamp) -> global timestamp; a bad pair is a request error naming the valid range. */
  join(segment: number, local: number): number {
    if (!Number.isSafeInteger(segment) || segment < 0 || segment >= this.count)
      throw new EngineError(
        'request',
        `no segment ${segment}: the run has ${this.count} segment${this.count === 1 ? '' : 's'} (0..${this.count - 1})`,
      );
    if (this.bases[segment] === Infinity)
      throw new EngineError(
        'request',
        `segment ${segment} is not recorded yet: record the run further first`,
      );
    const end = this.ends[segment];
    if (!Number.isSafeInteger(local) || local < 1 || (!Number.isNaN(end) && local > end))
      throw new EngineError(
        'request',
        `segment ${segment} has timestamps 1..${Number.isNaN(end) ? '' : end}, got ${local}`,
      );
    return this.bases[segment] + local - 1;
  }
}

/** The first index i with a[i] > x. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first index i with a[i] >= x. */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] >= x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

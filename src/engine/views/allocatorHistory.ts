// The Allocator panel's metrics over time (allocatorMetrics.ts) over the whole recorded run [0, head], for
// sessions that run orthotope (.alloc traces, guests served by orthotope). The run is cut into buckets
// evenly in steps (a power-of-two stride that doubles, merging pairs, so there are never more than
// ~MAX_HISTORY_POINTS points) and each bucket keeps the states where live bytes are lowest and highest:
// point sampling at a fixed stride aliases with periodic workloads (an alloc/free cycle of 16 directives
// sampled every 2nd one hides every peak), the extremes do not. Step 0, the head and the current position
// are added as exact points, so the line spans the recording and passes through the summary's values.
// Every point is an exact state: the metrics at that step, bit for bit as a fresh run stopped there.
// Cost: the history depends only on the run, so it is cached per session and only extended when the
// recorded head grows, by walking the new steps once (replayed from checkpoints) and seeking back.
// Stepping forward at the head needs no seek at all: the new step is the live state.
// Invariant: the session's position (and state) is the same after a call as before it.

import type { Allocator } from '../alloc/orthotope/allocator';
import { allocatorMetrics, type AllocatorMetrics } from '../alloc/views/allocatorMetrics';
import type { Session } from '../session';

/** Parallel arrays, ascending in step; the shape AllocatorPanel's chart draws. */
export interface AllocatorHistory {
  /** The timeline axis: the timestamp of each point (.alloc runs: the step). */
  t: number[];
  /** The step of each point (the state after that many steps). */
  step: number[];
  liveBytes: number[];
  carvedBytes: number[];
  internalFragBytes: number[];
  /** The current position's timestamp (one of `t`): the chart's cursor. */
  cursor?: number;
}

export const MAX_HISTORY_POINTS = 1000;

/** The orthotope allocator a session runs, or null when it has none (mtrace, other guests). */
export function orthotopeOf(session: Session): Allocator | null {
  const o = session.opened;
  if (o.kind === 'alloc') return o.machine.allocator;
  if (o.kind === 'guest' && o.machine.interposer !== null) return o.machine.interposer.allocator;
  return null;
}

interface Point {
  step: number;
  t: number;
  m: AllocatorMetrics;
}

/** The lowest and highest live bytes of one bucket's steps (the earlier step on ties). */
interface Bucket {
  lo: Point;
  hi: Point;
}

function widen(b: Bucket | undefined, p: Point): Bucket {
  if (b === undefined) return { lo: p, hi: p };
  return { lo: p.m.liveBytes < b.lo.m.liveBytes ? p : b.lo, hi: p.m.liveBytes > b.hi.m.liveBytes ? p : b.hi };
}

function merge(a: Bucket, b: Bucket | undefined): Bucket {
  return b === undefined ? a : widen(widen(a, b.lo), b.hi);
}

export class AllocatorHistoryCache {
  /** Bucket k covers steps [k * every, (k + 1) * every) of those visited. */
  private buckets: Bucket[] = [];
  private every = 1;
  /** The first and the last visited step's points (step 0 and the head); -1: nothing visited yet. */
  private first: Point | null = null;
  private last: Point | null = null;
  private visited = -1;

  constructor(
    private readonly session: Session,
    private readonly maxPoints = MAX_HISTORY_POINTS,
  ) {
    if (!Number.isSafeInteger(maxPoints) || maxPoints < 5)
      throw new RangeError(`maxPoints must be >= 5, got ${maxPoints}`);
  }

  /** Steps per bucket (for tests and tooltips). */
  get stride(): number {
    return this.every;
  }

  /** The history of [0, head] with the current position in it; null when the session has no orthotope. */
  history(): AllocatorHistory | null {
    const allocator = orthotopeOf(this.session);
    if (allocator === null) return null;
    const pos = this.session.position();
    const here: Point = { step: pos.step, t: pos.timestamp, m: allocatorMetrics(allocator) };
    const head = this.session.info().head.step;
    if (head !== this.visited) this.extend(head, here.step);
    const points = new Map<number, Point>();
    for (const p of [this.first, ...this.buckets.flatMap((b) => [b.lo, b.hi]), this.last, here])
      if (p !== null) points.set(p.step, p);
    const sorted = [...points.values()].sort((a, b) => a.step - b.step);
    return {
      t: sorted.map((p) => p.t),
      step: sorted.map((p) => p.step),
      liveBytes: sorted.map((p) => p.m.liveBytes),
      carvedBytes: sorted.map((p) => p.m.carvedBytes),
      internalFragBytes: sorted.map((p) => p.m.internalFragBytes),
      cursor: here.t,
    };
  }

  /** Visits the steps (visited, head] into their buckets; `here` is the current position's step. */
  private extend(head: number, here: number): void {
    if (head < this.visited) {
      // The recorded head never shrinks; start over rather than keep points of another run.
      this.buckets = [];
      this.every = 1;
      this.first = this.last = null;
      this.visited = -1;
    }
    // Two points per bucket, plus step 0, the head and the current position, must fit in maxPoints.
    while (2 * (Math.floor(head / this.every) + 1) + 3 > this.maxPoints) {
      const merged: Bucket[] = [];
      for (let k = 0; k < this.buckets.length; k += 2)
        merged.push(merge(this.buckets[k], this.buckets[k + 1]));
      this.buckets = merged;
      this.every *= 2;
    }
    const s = this.session;
    let moved = false;
    try {
      for (let step = this.visited + 1; step <= head; step++) {
        const at = s.position().step;
        if (at !== step) {
          // Walk forward one step when already next to it (a replay step), else seek (replays from a checkpoint).
          if (at === step - 1) s.step(1);
          else s.seekStep(step);
          moved = true;
        }
        const p: Point = {
          step,
          t: s.position().timestamp,
          m: allocatorMetrics(orthotopeOf(s) as Allocator),
        };
        const k = Math.floor(step / this.every);
        this.buckets[k] = widen(this.buckets[k], p);
        if (step === 0) this.first = p;
        this.last = p;
        this.visited = step;
      }
    } finally {
      if (moved) s.seekStep(here);
    }
  }
}

const caches = new WeakMap<Session, AllocatorHistoryCache>();

/** The session's allocator history (cached per session; see AllocatorHistoryCache), undefined without orthotope. */
export function allocatorHistory(session: Session): AllocatorHistory | undefined {
  let cache = caches.get(session);
  if (cache === undefined) {
    cache = new AllocatorHistoryCache(session);
    caches.set(session, cache);
  }
  return cache.history() ?? undefined;
}

// The checkpoints of one recording and their memory: regular checkpoints laid while recording (sorted by
// step, thinned for older history when over budget) and a few scratch checkpoints laid by seeks near where
// the user is looking (least recently used first out), so a step back or a nearby seek replays little.
// Memory is measured, not guessed: a page shared by several checkpoints (copy-on-write) counts once, via
// reference counts on the page objects; each state's own bytes (page tables, small structures) add up.
// Invariants: the checkpoint at step 0 is never removed; every page object's count equals the number of
// stored checkpoints that reference it; `bytes` = shared page bytes + own bytes of all stored states.

import type { Machine, MachineState } from '../machines/machine';
import { thinningPlan } from './thinning';

export interface Checkpoint<S extends MachineState> {
  readonly state: S;
  readonly ownBytes: number;
  readonly scratch: boolean;
  lastUse: number;
}

export interface CheckpointStats {
  budgetBytes: number;
  /** Bytes held by all checkpoints (shared pages once). */
  bytes: number;
  checkpoints: number;
  scratchCheckpoints: number;
  /** Regular checkpoints removed by thinning so far, and the thinning factor in force (0 = never thinned). */
  thinnedCheckpoints: number;
  thinningK: number;
  /** The largest gap between consecutive regular checkpoints (steps): the worst replay of a seek. */
  maxGapSteps: number;
}

const INITIAL_K = 64;

export class CheckpointStore<S extends MachineState> {
  private regular: Checkpoint<S>[] = [];
  private scratchList: Checkpoint<S>[] = [];
  private readonly refs = new Map<object, number>();
  private sharedBytes = 0;
  private ownBytes = 0;
  private clock = 0;
  thinned = 0;
  k = 0;

  constructor(
    private readonly machine: Machine<S>,
    public budgetBytes: number,
    private readonly scratchSlots: number,
  ) {}

  get bytes(): number {
    return this.sharedBytes + this.ownBytes;
  }

  /** Regular checkpoints, ascending by step (read-only view). */
  get checkpoints(): readonly Checkpoint<S>[] {
    return this.regular;
  }

  private retain(state: S, delta: 1 | -1): number {
    return this.machine.stateBytes(state, (page, bytes) => {
      const n = (this.refs.get(page) ?? 0) + delta;
      if (n === 0) {
        this.refs.delete(page);
        this.sharedBytes -= bytes;
      } else {
        if (n === 1 && delta === 1) this.sharedBytes += bytes;
        this.refs.set(page, n);
      }
    });
  }

  /** Stores a state; returns the bytes it added. Regular ones must come in ascending step order. */
  add(state: S, scratch: boolean): number {
    const before = this.bytes;
    const own = this.retain(state, 1);
    this.ownBytes += own;
    const cp: Checkpoint<S> = { state, ownBytes: own, scratch, lastUse: ++this.clock };
    if (scratch) {
      this.scratchList.push(cp);
      // Over budget, scratch checkpoints go first (the two newest stay: they make step back cheap).
      while (
        this.scratchList.length > this.scratchSlots ||
        (this.bytes > this.budgetBytes && this.scratchList.length > 2)
      )
        this.evictScratch();
    } else this.regular.push(cp);
    return this.bytes - before;
  }

  private drop(cp: Checkpoint<S>): void {
    this.retain(cp.state, -1);
    this.ownBytes -= cp.ownBytes;
  }

  private evictScratch(): void {
    let oldest = 0;
    for (let i = 1; i < this.scratchList.length; i++)
      if (this.scratchList[i].lastUse < this.scratchList[oldest].lastUse) oldest = i;
    this.drop(this.scratchList[oldest]);
    this.scratchList.splice(oldest, 1);
  }

  /** The checkpoint (regular or scratch) with the largest step <= `step`. */
  nearest(step: number): Checkpoint<S> {
    const r = this.regular;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r[mid].state.step <= step) lo = mid + 1;
      else hi = mid;
    }
    let best = r[Math.max(0, lo - 1)];
    for (const s of this.scratchList) if (s.state.step <= step && s.state.step > best.state.step) best = s;
    best.lastUse = ++this.clock;
    return best;
  }

  /** The regular checkpoint with the largest timestamp <= t (the first one if none). */
  nearestByTimestamp(t: number): Checkpoint<S> {
    const r = this.regular;
    let lo = 0;
    let hi = r.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (r[mid].state.timestamp <= t) lo = mid + 1;
      else hi = mid;
    }
    return r[Math.max(0, lo - 1)];
  }

  /** Drops every checkpoint after `step` (used when the recording is cut back to its last good step). */
  truncateAfter(step: number): void {
    while (this.regular.length > 1 && this.regular[this.regular.length - 1].state.step > step)
      this.drop(this.regular.pop() as Checkpoint<S>);
    this.scratchList = this.scratchList.filter((s) => {
      if (s.state.step <= step) return true;
      this.drop(s);
      return false;
    });
  }

  /** Thins regular checkpoints (older history first) until the store fits its budget, or cannot shrink. */
  enforceBudget(head: number, minGap: number): void {
    while (this.bytes > this.budgetBytes && this.scratchList.length > 0) this.evictScratch();
    if (this.bytes <= this.budgetBytes) return;
    let k = this.k === 0 ? INITIAL_K : this.k;
    for (;;) {
      const keep = thinningPlan(
        this.regular.map((c) => c.state.step),
        head,
        minGap,
        k,
      );
      const kept: Checkpoint<S>[] = [];
      this.regular.forEach((c, i) => {
        if (keep[i]) kept.push(c);
        else {
          this.drop(c);
          this.thinned++;
        }
      });
      this.regular = kept;
      this.k = k;
      // Aim below the budget so that thinning does not run again at the very next checkpoint.
      if (this.bytes <= this.budgetBytes * 0.75 || k <= 1 || this.regular.length <= 2) return;
      k = Math.max(1, Math.floor(k / 2));
    }
  }

  stats(): CheckpointStats {
    let maxGap = 0;
    for (let i = 1; i < this.regular.length; i++)
      maxGap = Math.max(maxGap, this.regular[i].state.step - this.regular[i - 1].state.step);
    return {
      budgetBytes: this.budgetBytes,
      bytes: this.bytes,
      checkpoints: this.regular.length,
      scratchCheckpoints: this.scratchList.length,
      thinnedCheckpoints: this.thinned,
      thinningK: this.k,
      maxGapSteps: maxGap,
    };
  }
}

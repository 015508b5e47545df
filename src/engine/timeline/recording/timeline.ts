// Recording and time travel for one machine, the way rr does it: while the run advances past its recorded
// head, lay checkpoints (copy-on-write, adaptive interval, thinned for older history when over budget) and
// coarse samples; to go anywhere already recorded, restore the nearest earlier checkpoint and replay —
// deterministically, so the state is bit-identical to the one first seen there.
// Position model: the state after `step` steps; seek(timestamp t) goes to the last step whose state has
// timestamp <= t, i.e. just before the step that performs the access at t.
// Invariants: `head` is the furthest step ever reached and everything in [0, head] can be reproduced;
// samples and regular checkpoints are only added at the head; `end` is set once, when the run ends (done,
// error at its last good step, or the step limit); after an error inside a step the live state is partial
// (`dirty`) until the next restore.

import { EngineError, type ErrorInfo } from '../../errors';
import { CheckpointStore, type CheckpointStats } from './checkpointStore';
import { COUNTER_COUNT, type Machine, type MachineEnd, type MachineState } from '../machines/machine';
import { StepSamples } from './stepSamples';

export interface TimelineOptions {
  /** Memory budget of the checkpoints, bytes. */
  budgetBytes: number;
  /** Steps between checkpoints when they are cheap (the interval grows with their cost). */
  baseInterval: number;
  /** Steps between samples (a power of two dividing baseInterval). */
  sampleEvery: number;
  /** The run stops (status 'limit') after this many steps. */
  maxSteps: number;
  /** Checkpoints seeks may lay near their targets. */
  scratchSlots: number;
}

export interface TimelineEnd {
  status: 'done' | 'error' | 'limit';
  step: number;
  timestamp: number;
  error?: ErrorInfo;
}

/** Bytes of new checkpoint state per step of interval we accept (bigger checkpoints are laid further apart). */
const BYTES_PER_STEP = 8;
const MAX_INTERVAL_FACTOR = 64;

export class Timeline<S extends MachineState> {
  readonly store: CheckpointStore<S>;
  readonly samples: StepSamples;
  head = 0;
  headTimestamp: number;
  /** Counters at the head (the densities' right edge). */
  readonly headCounters = new Float64Array(COUNTER_COUNT);
  end: TimelineEnd | null = null;
  /** True while the live state is the partial state of a failed step. */
  private dirty = false;
  private interval: number;
  private nextCheckpoint: number;
  private readonly scratchCounters = new Float64Array(COUNTER_COUNT);

  constructor(
    readonly machine: Machine<S>,
    readonly options: TimelineOptions,
  ) {
    this.store = new CheckpointStore(machine, options.budgetBytes, options.scratchSlots);
    this.samples = new StepSamples(options.sampleEvery);
    this.interval = options.baseInterval;
    this.headTimestamp = machine.timestamp;
    machine.counters(this.headCounters);
    this.samples.push(machine.timestamp, this.headCounters);
    this.store.add(machine.capture(), false);
    this.nextCheckpoint = this.interval;
  }

  get step(): number {
    return this.machine.step;
  }

  /** The last step that can be reached: the end if known, else the head. */
  get lastStep(): number {
    return this.end !== null ? this.end.step : this.head;
  }

  stats(): CheckpointStats {
    return this.store.stats();
  }

  /**
   * Runs up to `n` steps forward from the current position: replays what is recorded, records beyond the
   * head. Stops early at the end of the run. Returns the number of steps done.
   */
  forward(n: number): number {
    if (this.dirty) this.restoreTo(this.machine.step);
    const start = this.machine.step;
    let left = n;
    while (left > 0) {
      const s = this.machine.step;
      if (s < this.head) {
        const k = Math.min(left, this.head - s);
        this.machine.run(k);
        left -= this.machine.step - s;
        if (this.machine.step === s)
          throw new EngineError('internal', `replay made no progress at step ${s}`);
        continue;
      }
      if (this.end !== null) break;
      const boundary = Math.min(this.samples.nextStep, this.nextCheckpoint, this.options.maxSteps);
      const k = Math.min(left, boundary - s);
      const ended = k > 0 ? this.machine.run(k) : null;
      left -= this.machine.step - s;
      this.head = this.machine.step;
      if (ended !== null) {
        this.finish(ended);
        break;
      }
      this.atHead();
      if (k <= 0 && this.end === null)
        throw new EngineError('internal', `recording made no progress at step ${s}`);
    }
    if (this.machine.step === this.head && !this.dirty) {
      this.headTimestamp = this.machine.timestamp;
      this.machine.counters(this.headCounters);
    }
    return this.machine.step - start;
  }

  /** Bookkeeping at the head: samples, checkpoints, the step limit. */
  private atHead(): void {
    const m = this.machine;
    if (m.step === this.samples.nextStep) {
      m.counters(this.scratchCounters);
      this.samples.push(m.timestamp, this.scratchCounters);
    }
    if (m.step >= this.nextCheckpoint) {
      const added = this.store.add(m.capture(), false);
      const want = Math.ceil(added / BYTES_PER_STEP);
      const base = this.options.baseInterval;
      this.interval = Math.min(base * MAX_INTERVAL_FACTOR, Math.max(base, want));
      const every = this.samples.every;
      this.nextCheckpoint = Math.ceil((m.step + this.interval) / every) * every;
      this.store.enforceBudget(this.head, base);
    }
    if (m.step >= this.options.maxSteps) {
      this.end = { status: 'limit', step: m.step, timestamp: m.timestamp };
    }
  }

  private finish(ended: MachineEnd): void {
    const m = this.machine;
    if (ended.status === 'done') {
      this.end = { status: 'done', step: m.step, timestamp: m.timestamp };
      return;
    }
    const step = m.step;
    if (ended.partial) {
      // The failing step changed the state before it failed: go back to the last whole step.
      this.dirty = true;
      this.store.truncateAfter(step);
      this.restoreTo(step);
    }
    this.end = { status: 'error', step, timestamp: m.timestamp, error: ended.error };
  }

  /** Restores the nearest checkpoint <= step and replays to it (never records). */
  private restoreTo(step: number): void {
    const cp = this.store.nearest(step);
    this.machine.restore(cp.state);
    this.dirty = false;
    const k = step - this.machine.step;
    if (k > 0) this.machine.run(k);
    if (this.machine.step !== step)
      throw new EngineError('internal', `replay to step ${step} stopped at ${this.machine.step}`);
  }

  /**
   * Goes to the state after `step` steps, recording forward if needed. Returns false when the run ends
   * before that step (the position is then the end).
   */
  seekStep(step: number): boolean {
    if (step > this.head) {
      if (this.end !== null) {
        this.seekStep(this.end.step);
        return false;
      }
      this.seekStep(this.head);
      this.forward(step - this.head);
      return this.machine.step === step;
    }
    const cur = this.machine.step;
    const cp = this.store.nearest(step);
    if (!this.dirty && cur <= step && cur >= cp.state.step) {
      this.forward(step - cur);
      return true;
    }
    this.machine.restore(cp.state);
    this.dirty = false;
    this.replayWithScratch(step);
    return true;
  }

  /**
   * Replays to `target`, laying scratch checkpoints at target - 1024 * 4^j on the way when the replay is
   * long, so that stepping back from the target (or seeking near it) replays at most ~3/4 of a gap.
   */
  private replayWithScratch(target: number): void {
    const from = this.machine.step;
    const marks: number[] = [];
    for (let d = 1024; target - d > from + d / 4; d *= 4) marks.push(target - d);
    for (let i = marks.length - 1; i >= 0; i--) {
      const at = marks[i];
      const near = this.store.nearest(at).state.step;
      if (at - near < (at === target - 1024 ? 256 : 1024)) continue;
      this.forward(at - this.machine.step);
      this.store.add(this.machine.capture(), true);
    }
    this.forward(target - this.machine.step);
  }

  /** The step whose state has the largest timestamp <= t (records forward when t is beyond the head). */
  stepAtTimestamp(t: number): number {
    if (this.machine.stepAtTimestamp !== undefined) return this.machine.stepAtTimestamp(t);
    if (t >= this.headTimestamp) {
      if (this.end !== null) return this.end.step;
      this.seekStep(this.head);
      while (this.end === null && this.machine.timestamp <= t) this.forward(this.samples.every);
      if (this.machine.timestamp <= t) return this.machine.step;
    }
    const j = this.samples.lastAtOrBefore(t);
    if (j < 0) return 0;
    const lo = j * this.samples.every;
    const hi = Math.min((j + 1) * this.samples.every, this.head);
    this.seekStep(lo);
    // Find the first step in (lo, hi] whose timestamp is past t, one step at a time.
    const machine = this.machine;
    while (machine.step < hi) {
      this.forward(1);
      if (machine.timestamp > t) return machine.step - 1;
    }
    return hi;
  }

  /** Goes to the last state whose timestamp is <= t. */
  seekTimestamp(t: number): void {
    this.seekStep(this.stepAtTimestamp(t));
  }

  /** A checkpoint of the current position, for views that replay elsewhere and come back. */
  savePosition(): S {
    if (this.dirty) this.restoreTo(this.machine.step);
    const state = this.machine.capture();
    return state;
  }

  returnTo(state: S): void {
    this.machine.restore(state);
    this.dirty = false;
  }
}

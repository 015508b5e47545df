// The recording's coarse index, columnar: at every `every`-th step (0, every, 2*every, ...) the timestamp
// and the cumulative counters (COUNTER_NAMES). It maps timestamps to steps (a guest instruction spans
// several timestamps, so this needs the recording) and feeds the timeline's density view.
// Invariants: sample i is the state after i*every steps; timestamps are non-decreasing; when `maxSamples`
// is reached every other sample is dropped and `every` doubles, so memory stays bounded (12 + 8*counters
// bytes per sample) and the next sample step is unchanged (count*every).

import { COUNTER_COUNT } from '../machines/machine';

export class StepSamples {
  every: number;
  count = 0;
  timestamp: Uint32Array;
  /** count x COUNTER_COUNT, row-major. */
  counters: Float64Array;

  constructor(
    every: number,
    private readonly maxSamples = 1 << 17,
  ) {
    this.every = every;
    this.timestamp = new Uint32Array(1024);
    this.counters = new Float64Array(1024 * COUNTER_COUNT);
  }

  /** The step of the next sample to push. */
  get nextStep(): number {
    return this.count * this.every;
  }

  /** Appends the sample of step `nextStep`. */
  push(timestamp: number, counters: Float64Array): void {
    if (this.count === this.maxSamples) this.compact();
    if (this.count === this.timestamp.length) {
      const ts = new Uint32Array(this.timestamp.length * 2);
      ts.set(this.timestamp);
      this.timestamp = ts;
      const cs = new Float64Array(this.counters.length * 2);
      cs.set(this.counters);
      this.counters = cs;
    }
    this.timestamp[this.count] = timestamp;
    // a plain loop: a subarray per sample (tens of thousands per recording) is garbage for nothing
    const row = this.count * COUNTER_COUNT;
    for (let c = 0; c < COUNTER_COUNT; c++) this.counters[row + c] = counters[c];
    this.count++;
  }

  private compact(): void {
    const n = Math.ceil(this.count / 2);
    for (let i = 0; i < n; i++) {
      this.timestamp[i] = this.timestamp[2 * i];
      this.counters.copyWithin(i * COUNTER_COUNT, 2 * i * COUNTER_COUNT, (2 * i + 1) * COUNTER_COUNT);
    }
    this.count = n;
    this.every *= 2;
  }

  /** Index of the last sample with timestamp <= t (-1 if none). */
  lastAtOrBefore(t: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timestamp[mid] <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  counter(i: number, c: number): number {
    return this.counters[i * COUNTER_COUNT + c];
  }

  get byteLength(): number {
    return this.timestamp.byteLength + this.counters.byteLength;
  }
}

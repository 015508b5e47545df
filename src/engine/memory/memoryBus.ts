// The memory-bus self-check of OpenVM's proof (shared/spec/openvm-v1-memory.md §2.3): every access
// consumes (as, ptr, old, t_prev) and produces (as, ptr, new, t); every adapter row of a split consumes the
// parent and produces both halves, a merge row the reverse; the boundary produces the initial memory at
// t 0 and consumes the final memory. A faithful run leaves the multiset of messages balanced. Used by the
// property tests and the UI's "is this run provable?" indicator.

import type { TouchedMemory } from './finalize';
import type { RecordLog } from './recordLog';
import { MERGE_AND_NOT_SPLIT_FLAG } from './recordLog';

export class MemoryBus {
  private readonly balance = new Map<string, number>();

  private add(
    as: number,
    ptr: number,
    values: ArrayLike<number>,
    from: number,
    count: number,
    ts: number,
    delta: number,
  ): void {
    let key = `${as}:${ptr}:${ts}:`;
    for (let i = 0; i < count; i++) key += values[from + i] + ',';
    const v = (this.balance.get(key) ?? 0) + delta;
    if (v === 0) this.balance.delete(key);
    else this.balance.set(key, v);
  }

  /** One memory access of `size` cells. */
  access(
    as: number,
    ptr: number,
    size: number,
    old: ArrayLike<number>,
    tPrev: number,
    now: ArrayLike<number>,
    t: number,
  ): void {
    this.add(as, ptr, old, 0, size, tPrev, -1);
    this.add(as, ptr, now, 0, size, t, +1);
  }

  /** Every AccessAdapterAir row of the records stored in `log` (the same rows trace generation makes). */
  records(log: RecordLog): void {
    for (let r = 0; r < log.length; r++) {
      const tsAndMask = log.timestampAndMask[r];
      const merge = (tsAndMask & MERGE_AND_NOT_SPLIT_FLAG) !== 0;
      const ts = (tsAndMask & ~MERGE_AND_NOT_SPLIT_FLAG) >>> 0;
      const as = log.addressSpace[r];
      const b = log.blockSize[r];
      const l = log.lowestBlockSize[r];
      const d = log.dataStart[r];
      const p = log.prevTsStart[r];
      for (let n = 2 * l; n <= b; n *= 2) {
        const k = n / (2 * l);
        for (let j = 0; j < b / n; j++) {
          const ptr = log.pointer[r] + j * n;
          let left = ts;
          let right = ts;
          if (merge) {
            left = 0;
            right = 0;
            for (let q = 0; q < k; q++) left = Math.max(left, log.prevTs[p + 2 * j * k + q]);
            for (let q = 0; q < k; q++) right = Math.max(right, log.prevTs[p + (2 * j + 1) * k + q]);
          }
          const parentTs = Math.max(left, right);
          const sign = merge ? +1 : -1; // a split consumes the parent, a merge produces it
          this.add(as, ptr, log.data, d + j * n, n, parentTs, sign);
          this.add(as, ptr, log.data, d + j * n, n / 2, left, -sign);
          this.add(as, ptr + n / 2, log.data, d + j * n + n / 2, n / 2, right, -sign);
        }
      }
    }
  }

  /** The boundary: initial values at t 0 produced, final values consumed. */
  boundary(touched: TouchedMemory, initial: (as: number, ptr: number) => number): void {
    const c = touched.chunk;
    const init = new Array<number>(c);
    for (let k = 0; k < touched.pointer.length; k++) {
      const as = touched.addressSpace[k];
      const ptr = touched.pointer[k];
      for (let j = 0; j < c; j++) init[j] = initial(as, ptr + j);
      this.add(as, ptr, init, 0, c, 0, +1);
      this.add(as, ptr, touched.values, k * c, c, touched.timestamp[k], -1);
    }
  }

  /** Messages left unbalanced (empty when the run balances). */
  unbalanced(): string[] {
    return [...this.balance.entries()].map(([k, v]) => `${v > 0 ? '+' : ''}${v} ${k}`);
  }
}

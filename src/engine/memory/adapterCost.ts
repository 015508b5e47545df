// What access adapters cost: AccessAdapterInventory::compute_heights_from_arena (adapter/mod.rs) and the
// padding of trace heights (next_power_of_two_or_zero for adapters; boundary chips as in persistent.rs /
// volatile/mod.rs). Pure functions: the formula lives here once.

import { ADAPTER_SIZES } from './config';

/** Index into ADAPTER_SIZES of AccessAdapterAir<N> (N = 2 -> 0, ..., 32 -> 4). */
export function adapterIndex(n: number): number {
  return 31 - Math.clz32(n) - 1;
}

/**
 * Adds the rows one split/merge record between block size B and lowest size L contributes:
 * B/N rows to AccessAdapterAir<N> for every N in {2L, 4L, ..., B}, i.e. B/L - 1 rows in total.
 */
export function addRecordRows(rows: Float64Array, blockSize: number, lowestBlockSize: number): void {
  // Every record appended goes through here, so in powers of two: N = 2^e (index e - 1), B/N = 2^(log B - e).
  const logB = 31 - Math.clz32(blockSize);
  for (let e = 32 - Math.clz32(lowestBlockSize); e <= logB; e++) rows[e - 1] += 1 << (logB - e);
}

/** The same rows, written as the definition above (the property tests check one against the other). */
export function recordRows(blockSize: number, lowestBlockSize: number): number[] {
  const rows = [0, 0, 0, 0, 0];
  for (let n = lowestBlockSize * 2; n <= blockSize; n *= 2) rows[adapterIndex(n)] += blockSize / n;
  return rows;
}

/** next_power_of_two_or_zero: 0 stays 0 (the AIR is absent from the proof). */
export function paddedAdapterHeight(rows: number): number {
  if (rows === 0) return 0;
  let h = 1;
  while (h < rows) h *= 2;
  return h;
}

/** Rust's usize::next_power_of_two (0 -> 1). */
export function nextPowerOfTwo(n: number): number {
  let h = 1;
  while (h < n) h *= 2;
  return h;
}

export interface AdapterCost {
  /** Unpadded rows per AccessAdapterAir<N>, keyed by N. */
  rows: Record<number, number>;
  /** Padded trace heights per N (0 stays 0). */
  padded: Record<number, number>;
  /** Boundary rows: persistent = 2 x touched chunks (PersistentBoundaryAir<8>), volatile = touched cells. */
  boundaryRows: number;
  boundaryPadded: number;
}

export function adapterCost(
  rows: ArrayLike<number>,
  touchedEntries: number,
  persistent: boolean,
): AdapterCost {
  const byN: Record<number, number> = {};
  const padded: Record<number, number> = {};
  ADAPTER_SIZES.forEach((n, i) => {
    byN[n] = rows[i];
    padded[n] = paddedAdapterHeight(rows[i]);
  });
  const boundaryRows = persistent ? 2 * touchedEntries : touchedEntries;
  return { rows: byN, padded, boundaryRows, boundaryPadded: nextPowerOfTwo(boundaryRows) };
}

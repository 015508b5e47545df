// How many grid rows each lane of the Address spaces panel shows (issue 21): the panel's free height cut
// into rows and dealt out one at a time, round robin (largest spaces first), to the lanes that have content
// and room for more (a space smaller than the window, such as the 128 register cells, never gets more rows than it has).
// A lane nothing has touched yet keeps one row; every lane keeps at least one. So the grid fills the
// panel instead of leaving empty space under a few fixed rows, and never draws rows past a space's end.
import type { LaneSize } from '../../debugger/storeTypes';

export interface LaneShape {
  addressSpace: number;
  /** Size of the space in cells. */
  cells: number;
  /** Cells per grid row at the panel's width. */
  perRow: number;
  /** Something in the space was accessed (the lane has content to show). */
  touched: boolean;
}

/** Rows per lane (same order) for `budget` rows of room. */
export function distributeRows(lanes: readonly LaneShape[], budget: number): number[] {
  const max = lanes.map((l) => (l.touched ? Math.max(1, Math.ceil(l.cells / l.perRow)) : 1));
  const rows = lanes.map(() => 1);
  let left = budget - lanes.length;
  // Largest spaces first: a row too few for main memory hides more than one too few for the registers.
  const order = lanes.map((_, i) => i).sort((a, b) => max[b] - max[a]);
  while (left > 0) {
    let gave = false;
    for (const i of order) {
      if (left === 0) break;
      if (rows[i] >= max[i]) continue;
      rows[i]++;
      left--;
      gave = true;
    }
    if (!gave) break;
  }
  return rows;
}

/** The window each lane asks for: its rows of cells (the whole space when it is smaller). */
export function laneSizes(lanes: readonly LaneShape[], budget: number): Record<number, LaneSize> {
  const rows = distributeRows(lanes, budget);
  const out: Record<number, LaneSize> = {};
  lanes.forEach((l, i) => {
    out[l.addressSpace] = { len: Math.min(l.cells, rows[i] * l.perRow), row: l.perRow };
  });
  return out;
}

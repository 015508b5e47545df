// Where a lane's detail window goes when it follows the accesses (issue 21): onto the last access in its
// address space at the current position (the block with the newest timestamp, memoryOverview.newestCell),
// whichever step made it, so "Run to end" shows the heap the program worked on rather than address 0.
// The window starts on a grid row and, among the placements that keep the access's row in view, takes the
// one showing the most touched units (ties: the access about a third of the way down), so it shows no
// untouched rows when touched ones are next to the access. The current window stays put while it holds the
// access and shows as much as any other placement (stepping does not make it jump).
// Cost: O(rows x cells per row / min_block_size) metadata reads; a few thousand per lane and frame.

import { LOG_BLOCK_SIZE_SHIFT } from '../memory/accessMetadata';
import type { SpaceStore } from '../memory/spaceStore';

export interface FollowTarget {
  /** The current window (the UI's last one) and its length. */
  addr: number;
  len: number;
  /** Cells per grid row (the window starts on a row); len is a multiple of it. */
  row: number;
  /** The cell to keep in view. */
  pointer: number;
  /** Size of the space in cells. */
  cells: number;
}

/** Touched ALIGN units among cells [from, to) (an untouched unit has size code 0 and offset 0). */
function touchedUnits(space: SpaceStore, from: number, to: number): number {
  let n = 0;
  for (let u = Math.floor(from / space.align); u * space.align < to; u++)
    if (space.metaWord(u) >>> LOG_BLOCK_SIZE_SHIFT !== 0 || space.metaOffset(u) !== 0) n++;
  return n;
}

/** The start of the detail window that shows `pointer` (see the header). */
export function followWindow(space: SpaceStore, t: FollowTarget): number {
  const { len, pointer, cells } = t;
  if (len >= cells) return 0;
  const row = Math.max(1, Math.min(t.row, len));
  const rows = Math.max(1, Math.floor(len / row));
  const lastFirst = Math.max(0, Math.floor((cells - len) / row));
  const at = Math.floor(pointer / row);
  const lo = Math.max(0, Math.min(lastFirst, at - rows + 1));
  const hi = Math.max(0, Math.min(lastFirst, at));
  // Touched units per row over [lo, hi + rows), then a sliding sum over the candidate first rows.
  const counts: number[] = [];
  for (let r = lo; r < hi + rows; r++)
    counts.push(touchedUnits(space, r * row, Math.min(cells, (r + 1) * row)));
  const sums: number[] = [];
  let sum = counts.slice(0, rows).reduce((a, b) => a + b, 0);
  for (let first = lo; first <= hi; first++) {
    if (first > lo) sum += counts[first - lo + rows - 1] - counts[first - lo - 1];
    sums.push(sum);
  }
  const most = Math.max(...sums);
  // The current window, when it holds the access and shows as much as any other placement, stays.
  const current = t.addr / row;
  if (Number.isInteger(current) && current >= lo && current <= hi && sums[current - lo] === most)
    return t.addr;
  const third = Math.floor(rows / 3);
  let best = -1;
  for (let first = lo; first <= hi; first++)
    if (sums[first - lo] === most && (best < 0 || Math.abs(at - first - third) < Math.abs(at - best - third)))
      best = first;
  return best * row;
}

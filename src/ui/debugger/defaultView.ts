// Which lanes and zoom a fresh run shows, and how the detail window follows the current access.
import type { Frame, LaneRequest } from '../../engine/views/frameTypes';
import type { SessionKind } from '../../engine/timeline/sessionTypes';
import type { LaneSize } from './storeTypes';

export const OVERVIEW_BUCKETS = 512;
export const DETAIL_CELLS: Record<number, number> = { 1: 128, 2: 64, 3: 32, 4: 32 };
const SPACE_CELLS: Record<number, number> = { 1: 128, 2: 2 ** 29, 3: 32, 4: 2 ** 29 };

export function lanesFor(kind: SessionKind): number[] {
  if (kind === 'alloc') return [];
  if (kind === 'guest') return [1, 2, 3];
  return [1, 2, 3, 4];
}

/**
 * Lane requests: overview of the whole space, detail at `focus` (aligned down to a row) of the size the
 * panel laid out (`size`; DETAIL_CELLS until it has measured itself).
 */
export function laneRequest(
  addressSpace: number,
  focus: number,
  follow: boolean,
  overview?: { start: number; end: number },
  size?: LaneSize,
): LaneRequest {
  const cells = SPACE_CELLS[addressSpace];
  const len = Math.min(size?.len ?? DETAIL_CELLS[addressSpace], cells);
  const row = Math.max(1, Math.min(size?.row ?? len, len));
  const addr = Math.max(0, Math.min(cells - len, Math.floor(focus / row) * row));
  return {
    addressSpace,
    start: overview?.start ?? 0,
    end: overview?.end ?? cells,
    buckets: OVERVIEW_BUCKETS,
    detail: { addr, len },
    follow,
    row,
  };
}

/** Where each lane's detail looks in a frame (the worker may have re-centered it on the step's access). */
export function focusOf(frame: Frame, focus: Record<number, number>): Record<number, number> {
  const next = { ...focus };
  for (const l of frame.lanes) if (l.detail) next[l.addressSpace] = l.detail.addr;
  return next;
}

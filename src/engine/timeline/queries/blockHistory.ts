// "Who touched this?": the accesses of a cell range, newest first, without a per-access log. OpenVM's own
// metadata does most of the work: the timestamp of the block containing a unit is the time of the last
// access that touched that unit (an access re-blocks every unit it covers at its timestamp; splits keep
// timestamps), so at any state the latest earlier access to a range is the max over its units. The history
// walks back with it: jump to the checkpoint interval holding that access, replay that interval with an
// access hook (collecting every access to the range in it), read the metadata at the interval's start to
// find the previous interval worth replaying, and so on.
// Invariants: results are exact (same accesses a full replay would report); intervals without an access to
// the range are never replayed; the caller's position is restored afterwards.

import { LOG_BLOCK_SIZE_SHIFT, TIMESTAMP_MASK } from '../../memory/accessMetadata';
import type { TracingMemory } from '../../memory/tracingMemory';
import type { MachineState } from '../machines/machine';
import type { Timeline } from '../recording/timeline';

/** The latest access time to any cell of [addr, addr + len) in the current state, 0 if never accessed. */
export function lastAccessTime(memory: TracingMemory, as: number, addr: number, len: number): number {
  const s = memory.space(as);
  const first = Math.floor(addr / s.align);
  const last = Math.floor((addr + len - 1) / s.align);
  let max = 0;
  for (let u = first; u <= last; u++) {
    const start = u - s.metaOffset(u);
    const word = s.metaWord(start);
    if (word >>> LOG_BLOCK_SIZE_SHIFT === 0) continue;
    const t = word & TIMESTAMP_MASK;
    if (t > max) max = t;
  }
  return max;
}

/** Traced accesses as columns (ascending timestamps): one shape for histories and windows. */
export interface AccessColumns {
  count: number;
  timestamp: Uint32Array;
  tPrev: Uint32Array;
  addressSpace: Uint8Array;
  pointer: Uint32Array;
  size: Uint8Array;
  write: Uint8Array;
}

/** Columnar access list (ascending timestamps). */
export interface AccessList extends AccessColumns {
  /** True when older accesses exist beyond `limit`. */
  more: boolean;
}

interface Row {
  t: number;
  tPrev: number;
  as: number;
  ptr: number;
  size: number;
  write: boolean;
}

export function toAccessList(rows: Row[], more: boolean): AccessList {
  return {
    count: rows.length,
    timestamp: Uint32Array.from(rows, (r) => r.t),
    tPrev: Uint32Array.from(rows, (r) => r.tPrev),
    addressSpace: Uint8Array.from(rows, (r) => r.as),
    pointer: Uint32Array.from(rows, (r) => r.ptr),
    size: Uint8Array.from(rows, (r) => r.size),
    write: Uint8Array.from(rows, (r) => (r.write ? 1 : 0)),
    more,
  };
}

/**
 * The global timestamp of the latest access to the range at or before the current position (0: none). In a
 * segmented run the metadata is the current segment's and says nothing of earlier ones: when the range is
 * untouched in this segment, the search goes to the end of the previous one (the state at its last step,
 * before the hand-over) and looks there. May leave the position elsewhere (callers return).
 */
export function latestAccess<S extends MachineState>(
  tl: Timeline<S>,
  memory: TracingMemory,
  as: number,
  addr: number,
  len: number,
): number {
  for (;;) {
    const t = lastAccessTime(memory, as, addr, len);
    if (t > 0) return t + (tl.machine.timestampOffset ?? 0);
    const start = tl.machine.segmentStart ?? 0;
    if (start <= 0) return 0;
    tl.seekStep(start);
  }
}

/** The last `limit` accesses to the range before the current position (ascending in the result). */
export function blockHistory<S extends MachineState>(
  tl: Timeline<S>,
  memory: TracingMemory,
  as: number,
  addr: number,
  len: number,
  limit: number,
): AccessList {
  const saved = tl.savePosition();
  const rows: Row[] = [];
  let upper = tl.step;
  let latest = latestAccess(tl, memory, as, addr, len);
  const end = addr + len;
  try {
    while (latest > 0 && rows.length < limit) {
      const cp = tl.store.nearestByTimestamp(latest);
      const from = cp.state.step;
      tl.seekStep(from);
      const found: Row[] = [];
      // Segmented runs: t global, tPrev the segment's own (0: the segment's first touch).
      memory.onAccess = (a, ptr, size, write, t, tPrev) => {
        if (a === as && ptr < end && ptr + size > addr)
          found.push({ t: t + (tl.machine.timestampOffset ?? 0), tPrev, as: a, ptr, size, write });
      };
      try {
        tl.forward(upper - from);
      } finally {
        memory.onAccess = null;
      }
      rows.unshift(...found);
      upper = from;
      if (from === 0) latest = 0;
      else {
        tl.seekStep(from);
        latest = latestAccess(tl, memory, as, addr, len);
        if (tl.step < upper) upper = tl.step;
      }
    }
  } finally {
    tl.returnTo(saved);
  }
  const more = rows.length > limit || latest > 0;
  return toAccessList(rows.slice(Math.max(0, rows.length - limit)), more);
}

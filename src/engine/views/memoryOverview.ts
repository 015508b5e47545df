// The overview of one address space for the Address spaces lane: [start, end) cut into N buckets, each
// with how many ALIGN units are touched, the largest block size code seen, and the newest timestamp in it
// (heat by last access). Only allocated metadata pages are visited, so the whole 2^29-cell space costs
// O(touched pages), not O(cells). Plain typed arrays: they cross postMessage as transferables.

import { LOG_BLOCK_SIZE_SHIFT, TIMESTAMP_MASK } from '../memory/accessMetadata';
import { PAGE_SIZE } from '../memory/spaceStore';
import type { TracingMemory } from '../memory/tracingMemory';
import { transferable } from './transferable';

export interface MemoryOverview {
  addressSpace: number;
  start: number;
  end: number;
  buckets: number;
  /** Cells per bucket (may be fractional when zoomed in past one cell per bucket). */
  cellsPerBucket: number;
  /** Touched ALIGN units per bucket. */
  touchedUnits: Uint32Array;
  /** Largest AccessMetadata size code per bucket (0 untouched, 1..6 = blocks of 1..32 cells). */
  maxSizeCode: Uint8Array;
  /** Newest block timestamp per bucket (0 when untouched or only touched at t 0). */
  newestTimestamp: Uint32Array;
  /** Newest timestamp anywhere in the space (for heat scaling). */
  newest: number;
  /**
   * First cell of the block holding `newest` (-1 when nothing in range was accessed after t 0): the last
   * access in [start, end), since set_meta_block stamps the accessed block with the access's timestamp and
   * a later split keeps the pieces' older ones (online.rs).
   */
  newestCell: number;
}

export function memoryOverview(
  memory: TracingMemory,
  addressSpace: number,
  start: number,
  end: number,
  buckets: number,
): MemoryOverview {
  const touchedUnits = transferable(new Uint32Array(buckets));
  const maxSizeCode = transferable(new Uint8Array(buckets));
  const newestTimestamp = transferable(new Uint32Array(buckets));
  const cellsPerBucket = (end - start) / buckets;
  const out: MemoryOverview = {
    addressSpace,
    start,
    end,
    buckets,
    cellsPerBucket,
    touchedUnits,
    maxSizeCode,
    newestTimestamp,
    newest: 0,
    newestCell: -1,
  };
  const s = memory.spaces[addressSpace];
  if (s === undefined || end <= start) return out;
  const align = s.align;
  const firstUnit = Math.floor(start / align);
  const lastUnit = Math.ceil(end / align); // exclusive
  for (let p = Math.floor(firstUnit / PAGE_SIZE); p < s.metaPages.length && p * PAGE_SIZE < lastUnit; p++) {
    const page = s.metaPages[p];
    if (page === undefined) continue;
    const offsets = s.offsetPages[p] as Uint8Array;
    const from = Math.max(0, firstUnit - p * PAGE_SIZE);
    const to = Math.min(page.length, lastUnit - p * PAGE_SIZE);
    for (let i = from; i < to; i++) {
      const word = page[i];
      const code = word >>> LOG_BLOCK_SIZE_SHIFT;
      if (code === 0 && offsets[i] === 0) continue; // untouched unit
      const cell = (p * PAGE_SIZE + i) * align;
      const b = Math.min(buckets - 1, Math.floor((cell - start) / cellsPerBucket));
      touchedUnits[b]++;
      if (code > maxSizeCode[b]) maxSizeCode[b] = code;
      const ts = word & TIMESTAMP_MASK;
      if (ts > newestTimestamp[b]) newestTimestamp[b] = ts;
      if (ts > out.newest) {
        // Units of a block share its timestamp: the first unit seen with it is the block's start.
        out.newest = ts;
        out.newestCell = cell;
      }
    }
  }
  return out;
}

/** The touched extent of a space: [first touched cell, last touched cell + 1), or undefined. */
export function touchedExtent(
  memory: TracingMemory,
  addressSpace: number,
): { start: number; end: number } | undefined {
  const s = memory.spaces[addressSpace];
  if (s === undefined) return undefined;
  let first = -1;
  let last = -1;
  s.metaPages.forEach((page, p) => {
    if (page === undefined) return;
    const offsets = s.offsetPages[p] as Uint8Array;
    for (let i = 0; i < page.length; i++) {
      if (page[i] === 0 && offsets[i] === 0) continue;
      const unit = p * PAGE_SIZE + i;
      if (first < 0) first = unit;
      last = unit;
    }
  });
  return first < 0 ? undefined : { start: first * s.align, end: (last + 1) * s.align };
}

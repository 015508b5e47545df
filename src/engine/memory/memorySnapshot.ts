// A checkpoint of a whole TracingMemory (for the timeline's seek = restore + replay): every page of every
// address space (shared copy-on-write, see spaceStore.ts), the timestamp, the access counter and the
// RecordLog's counters (splits, merges, rows per AccessAdapterAir<N>). Stored record detail is not part of
// the state: it is transient output (the timeline keeps counters only and re-executes a window when a
// view needs the records), so restore() clears it.
// Invariants: a snapshot is immutable once taken and can be restored any number of times; capture() costs
// O(existing pages) reference copies and no data copy; the first write to each page after a capture or a
// restore copies that page (4 KiB data, 16 KiB + 4 KiB metadata).

import type { SpacePages } from './spaceStore';
import type { TracingMemory } from './tracingMemory';

export interface MemorySnapshot {
  readonly spaces: readonly (SpacePages | undefined)[];
  readonly timestamp: number;
  readonly accesses: number;
  readonly splits: number;
  readonly merges: number;
  readonly rows: Float64Array;
}

export function captureMemory(memory: TracingMemory): MemorySnapshot {
  const log = memory.records;
  return {
    spaces: memory.spaces.map((s) => (s === undefined ? undefined : s.capture())),
    timestamp: memory.timestamp,
    accesses: memory.accesses,
    splits: log.splits,
    merges: log.merges,
    rows: log.rows.slice(),
  };
}

export function restoreMemory(memory: TracingMemory, snapshot: MemorySnapshot): void {
  memory.spaces.forEach((s, as) => {
    const pages = snapshot.spaces[as];
    if (s !== undefined && pages !== undefined) s.restore(pages);
  });
  memory.timestamp = snapshot.timestamp;
  memory.accesses = snapshot.accesses;
  const log = memory.records;
  log.clear();
  log.splits = snapshot.splits;
  log.merges = snapshot.merges;
  log.rows.set(snapshot.rows);
}

/** Page objects a snapshot references, with their byte sizes (for the checkpoint store's accounting). */
export function forEachSnapshotPage(
  snapshot: MemorySnapshot,
  visit: (page: object, bytes: number) => void,
): void {
  for (const pages of snapshot.spaces) {
    if (pages === undefined) continue;
    for (const d of pages.data) visit(d, d.byteLength);
    for (const m of pages.meta) visit(m, m.byteLength);
    for (const o of pages.offsets) visit(o, o.byteLength);
  }
}

/** Bytes of the snapshot's own page tables (index and reference lists), excluding the shared pages. */
export function snapshotTableBytes(snapshot: MemorySnapshot): number {
  let bytes = 64;
  for (const pages of snapshot.spaces) {
    if (pages === undefined) continue;
    bytes += 12 * pages.dataIndex.length + 20 * pages.metaIndex.length;
  }
  return bytes;
}

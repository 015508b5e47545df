// The orthotope-model part of a full-state hash: everything in AllocatorState (arena cursor and carve
// totals, central lists, large pool and live registry, every thread cache's class caches and slabs, the
// inspector's counters, the operation count) and the arena pages the allocator has written (those a
// CountingArenaBytes saw written; for another store, every page of [0, cursor), where headers and links
// land). A guest's arena lives in its memory, which the guest hash covers already: `withBytes` false
// leaves the bytes out (and the slow reads of guest memory they would take).
// Invariants: maps are hashed in sorted key order; the ClassCache `recent` hint (no observable effect) is
// left out; all-zero pages are skipped so page materialisation does not matter.

import type { Allocator } from '../../alloc/orthotope/allocator';
import { PAGE_SIZE } from '../../alloc/orthotope/arena/arenaBytes';
import { CountingArenaBytes } from './countingArenaBytes';
import { allZero, type Hasher } from './hasher';

export function hashAllocator(allocator: Allocator, h: Hasher, withBytes = true): void {
  const s = allocator.state;
  h.num(s.opCount);
  h.num(s.arena.cursor);
  h.num(s.arena.carvedSmallBytes);
  h.num(s.arena.carvedLargeBytes);
  for (const x of s.central.heads) h.float(x);
  for (const x of s.central.lens) h.num(x);
  const pool = s.large.poolBuckets();
  h.u32(pool.length);
  for (const [size, starts] of pool) {
    h.num(size);
    h.u32(starts.length);
    for (const x of starts) h.num(x);
  }
  const live = [...s.large.live.entries()].sort((a, b) => a[0] - b[0]);
  h.u32(live.length);
  for (const [ptr, r] of live) {
    h.num(ptr);
    h.num(r.blockStart);
    h.num(r.blockSize);
    h.num(r.requested);
    h.num(r.usable);
  }
  h.num(s.large.freeBlocks);
  h.num(s.large.freeBytes);
  for (const thread of allocator.threads()) {
    const cache = s.caches.get(thread);
    if (cache === undefined) continue;
    h.num(thread);
    h.u32(cache.bound ? 1 : 0);
    for (const k of cache.classes) {
      for (const a of [k.slabStart, k.slabCapacity, k.slabFresh, k.slabFreeLen, k.available]) {
        h.u32(a.length);
        for (const x of a) h.num(x);
      }
      h.u32(k.slabFreeHead.length);
      for (const x of k.slabFreeHead) h.float(x);
      h.float(k.sharedHead);
      h.num(k.sharedLen);
      h.num(k.totalLen);
    }
  }
  hashCounters(allocator, h);
  if (!withBytes) return;
  const bytes = s.memory.bytes;
  const pages =
    bytes instanceof CountingArenaBytes ? [...bytes.everWritten].sort((a, b) => a - b) : undefined;
  const cursor = Math.min(s.arena.cursor, s.memory.size);
  const count = pages === undefined ? Math.ceil(cursor / PAGE_SIZE) : pages.length;
  for (let k = 0; k < count; k++) {
    const at = (pages === undefined ? k : pages[k]) * PAGE_SIZE;
    const data = bytes.readBytes(at, Math.min(PAGE_SIZE, s.memory.size - at));
    if (allZero(data)) continue;
    h.num(at);
    h.bytes(data);
  }
}

function hashCounters(allocator: Allocator, h: Hasher): void {
  const k = allocator.state.counters;
  for (const a of [
    k.carvedBlocks,
    k.carvedSpans,
    k.liveBlocks,
    k.liveRequestedBytes,
    k.allocs,
    k.frees,
    k.refills,
    k.refilledBlocks,
    k.drains,
    k.drainedBlocks,
  ]) {
    h.u32(a.length);
    for (const x of a) h.float(x);
  }
  for (const x of [
    k.largeCarved,
    k.largeReused,
    k.largeAllocs,
    k.largeFrees,
    k.largeLeakedBlocks,
    k.largeLeakedBytes,
  ])
    h.float(x);
  const errors = Object.keys(k.errors).sort();
  h.u32(errors.length);
  for (const e of errors) {
    h.str(e);
    h.num(k.errors[e]);
  }
}

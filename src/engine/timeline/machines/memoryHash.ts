// The TracingMemory part of a full-state hash: every non-zero data page and metadata page (packed words and
// offset_to_start) of every address space in (space, page) order, then the timestamp, the access counter
// and the RecordLog's counters. Stored record detail is transient output and not hashed.
// Invariant: pages that exist but hold only zeros hash like absent pages, so a state reached by restore +
// replay (which may allocate or copy pages differently) hashes like the same state reached by a plain run.

import type { TracingMemory } from '../../memory/tracingMemory';
import { allZero, type Hasher } from './hasher';

export function hashMemory(memory: TracingMemory, h: Hasher): void {
  memory.spaces.forEach((s, as) => {
    if (s === undefined) return;
    h.u32(0x5ace0000 | as);
    const data = s.allocatedData.slice().sort((x, y) => x - y);
    for (const p of data) {
      const page = s.dataPages[p] as Uint8Array | Uint32Array;
      if (allZero(page)) continue;
      h.u32(p);
      if (page instanceof Uint8Array) h.bytes(page);
      else h.words(page);
    }
    h.u32(0xffff_ffff);
    const meta = s.allocatedMeta.slice().sort((x, y) => x - y);
    for (const p of meta) {
      const words = s.metaPages[p] as Uint32Array;
      const offsets = s.offsetPages[p] as Uint8Array;
      if (allZero(words) && allZero(offsets)) continue;
      h.u32(p);
      h.words(words);
      h.bytes(offsets);
    }
    h.u32(0xffff_ffff);
  });
  h.num(memory.timestamp);
  h.num(memory.accesses);
  const log = memory.records;
  h.num(log.splits);
  h.num(log.merges);
  for (let i = 0; i < log.rows.length; i++) h.num(log.rows[i]);
}

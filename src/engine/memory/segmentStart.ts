// The hand-over between segments (OpenVM v1.7.0: each segment's preflight builds a fresh TracingMemory with
// `TracingMemory::from_image` over the memory image the previous segment left; crates/vm/src/arch/vm.rs
// preflight / online.rs new + from_image): the same cell data, no access metadata (every chunk back to an
// untouched initial block of CHUNK cells at timestamp 0), timestamp 1 (INITIAL_TIMESTAMP + 1) and an empty
// record arena. Done in place so that the interpreter keeps its memory object; the data pages become shared
// copy-on-write, so a snapshot taken before the reset still holds the previous segment's state.

import { INITIAL_TIMESTAMP, type TracingMemory } from './tracingMemory';

export function startSegmentMemory(memory: TracingMemory): void {
  for (const s of memory.spaces) {
    if (s === undefined) continue;
    const pages = s.capture();
    s.restore({ ...pages, metaIndex: new Uint32Array(0), meta: [], offsets: [] });
  }
  memory.timestamp = INITIAL_TIMESTAMP + 1;
  const log = memory.records;
  log.clear();
  log.splits = 0;
  log.merges = 0;
  log.rows.fill(0);
}

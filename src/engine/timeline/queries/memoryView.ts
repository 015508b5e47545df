// A memory range as the UI shows it, at the current state: the cell values, and for every ALIGN unit the
// raw AccessMetadata entry (OpenVM v1.7 `timestamp_and_log_block_size`, `offset_to_start`) decoded into
// the block that contains the unit (start cell, size in cells, last-access timestamp). Plain columns only.
// Invariants: units cover [addr, addr + len) rounded out to ALIGN; an untouched unit has blockStart -1 and
// size 0; reads are untraced (a view never changes the run).

import { metadataBlockSize, TIMESTAMP_MASK } from '../../memory/accessMetadata';
import type { TracingMemory } from '../../memory/tracingMemory';

export interface MemoryRangeView {
  addressSpace: number;
  addr: number;
  len: number;
  values: Uint32Array;
  /** Cells per unit (min_block_size) and the cell address of the first unit. */
  align: number;
  unitAddr: number;
  raw: Uint32Array;
  offsetToStart: Uint8Array;
  /** Cell address of the containing block's start, -1 when the unit was never touched. */
  blockStart: Float64Array;
  blockSize: Uint8Array;
  timestamp: Uint32Array;
}

export function memoryRange(memory: TracingMemory, as: number, addr: number, len: number): MemoryRangeView {
  const s = memory.space(as);
  const values = new Uint32Array(len);
  for (let i = 0; i < len; i++) values[i] = s.getCell(addr + i);
  const first = Math.floor(addr / s.align);
  const last = Math.floor((addr + len - 1) / s.align);
  const units = last - first + 1;
  const view: MemoryRangeView = {
    addressSpace: as,
    addr,
    len,
    values,
    align: s.align,
    unitAddr: first * s.align,
    raw: new Uint32Array(units),
    offsetToStart: new Uint8Array(units),
    blockStart: new Float64Array(units),
    blockSize: new Uint8Array(units),
    timestamp: new Uint32Array(units),
  };
  for (let k = 0; k < units; k++) {
    const u = first + k;
    const offset = s.metaOffset(u);
    const startWord = s.metaWord(u - offset);
    const size = metadataBlockSize(startWord);
    view.raw[k] = s.metaWord(u);
    view.offsetToStart[k] = offset;
    view.blockStart[k] = size === 0 ? -1 : (u - offset) * s.align;
    view.blockSize[k] = size;
    view.timestamp[k] = startWord & TIMESTAMP_MASK;
  }
  return view;
}

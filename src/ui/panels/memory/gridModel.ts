// The zoomed-in cells of a lane, decoded from a MemoryRangeView: per cell its unit's AccessMetadata (block
// start, size, timestamp, raw word, offset_to_start), and the block outlines the grid draws. A block is a
// run of consecutive cells sharing blockStart; it is cut at row ends (the outline stays open there, so a
// block wrapping to the next row reads as one) and at the window's edges (open where it goes on outside).
import type { MemoryRangeView } from '../../../engine/timeline/queries/memoryView';

export interface CellInfo {
  addr: number;
  value: number;
  /** Cell address of the containing block's start, -1 when its unit was never touched. */
  blockStart: number;
  /** Block size in cells (0 when untouched). */
  blockSize: number;
  timestamp: number;
  /** The unit's raw `timestamp_and_log_block_size` word and `offset_to_start` (in ALIGN units). */
  raw: number;
  offsetToStart: number;
  /** First cell of the unit (min_block_size cells share one metadata entry). */
  unitAddr: number;
}

export function cellInfo(view: MemoryRangeView, i: number): CellInfo {
  const addr = view.addr + i;
  const k = Math.floor(addr / view.align) - Math.floor(view.unitAddr / view.align);
  return {
    addr,
    value: view.values[i],
    blockStart: view.blockStart[k],
    blockSize: view.blockSize[k],
    timestamp: view.timestamp[k],
    raw: view.raw[k],
    offsetToStart: view.offsetToStart[k],
    unitAddr: view.unitAddr + k * view.align,
  };
}

export function cellInfos(view: MemoryRangeView): CellInfo[] {
  return Array.from({ length: view.len }, (_, i) => cellInfo(view, i));
}

export interface BlockSegment {
  row: number;
  /** Columns [col0, col1) of the row. */
  col0: number;
  col1: number;
  blockStart: number;
  blockSize: number;
  /** The block goes on before / after this segment (previous row, next row, or outside the window). */
  openLeft: boolean;
  openRight: boolean;
  /** Size label on the block's first segment in view: "16", or "…16" when the block starts before the window. */
  label: string | null;
}

export function blockSegments(cells: readonly CellInfo[], perRow: number, viewAddr: number): BlockSegment[] {
  const out: BlockSegment[] = [];
  let i = 0;
  while (i < cells.length) {
    const c = cells[i];
    if (c.blockStart < 0) {
      i++;
      continue;
    }
    const row = Math.floor(i / perRow);
    let j = i + 1;
    while (j < cells.length && Math.floor(j / perRow) === row && cells[j].blockStart === c.blockStart) j++;
    const first = c.addr === c.blockStart || i === 0 || cells[i - 1].blockStart !== c.blockStart;
    const end = c.blockStart + c.blockSize;
    out.push({
      row,
      col0: i % perRow,
      col1: ((j - 1) % perRow) + 1,
      blockStart: c.blockStart,
      blockSize: c.blockSize,
      openLeft: c.addr > c.blockStart,
      openRight: viewAddr + j < end,
      label: first ? (c.blockStart < viewAddr ? `…${c.blockSize}` : String(c.blockSize)) : null,
    });
    i = j;
  }
  return out;
}

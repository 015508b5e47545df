// OpenVM v1.7 TracingMemory::finalize (online.rs: finalize, touched_blocks, touched_blocks_to_equipartition,
// handle_touched_blocks). Walks every touched block in (address space, pointer) order and cuts the touched
// memory into CHUNK-cell pieces (persistent: 8, volatile: 1), appending the extra records to the same arena:
// a split of each block larger than ALIGN, then a merge per chunk (persistent) or, when ALIGN > CHUNK
// (volatile byte spaces), a split of every ALIGN unit down to single cells. OpenVM's asserts become
// EngineError('finalize-assertion') naming the online.rs line.

import { EngineError } from '../errors';
import { LOG_BLOCK_SIZE_SHIFT, metadataBlockSize, TIMESTAMP_MASK } from './accessMetadata';
import { CHUNK } from './config';
import type { RecordLog } from './recordLog';
import { PAGE_SIZE, type SpaceStore } from './spaceStore';

/**
 * What finalize reads and appends of a TracingMemory: its address spaces and record log. Structural, so
 * that tracingMemory.ts (which calls finalize) and finalize.ts do not import each other.
 */
export interface FinalizableMemory {
  readonly records: RecordLog;
  readonly spaces: readonly (SpaceStore | undefined)[];
  space(as: number): SpaceStore;
  addSplitRecord(s: SpaceStore, as: number, ptr: number, ts: number, blockSize: number, lowest: number): void;
}

/** The finalize equipartition, columnar: entry k covers cells ptr[k] .. ptr[k] + chunk of space as[k]. */
export interface TouchedMemory {
  persistent: boolean;
  /** Cells per entry: 8 persistent, 1 volatile. */
  chunk: number;
  addressSpace: number[];
  pointer: number[];
  timestamp: number[];
  /** entries x chunk canonical cell values. */
  values: number[];
}

export interface TouchedBlock {
  addressSpace: number;
  pointer: number;
  timestamp: number;
  blockSize: number;
}

/** touched_blocks: every metadata entry with offset 0 and a non-zero size, by (AS, pointer). */
export function touchedBlocks(memory: FinalizableMemory): TouchedBlock[] {
  const blocks: TouchedBlock[] = [];
  memory.spaces.forEach((s, as) => {
    if (s === undefined) return;
    s.metaPages.forEach((page, p) => {
      if (page === undefined) return;
      const offsets = s.offsetPages[p] as Uint8Array;
      for (let i = 0; i < page.length; i++) {
        const word = page[i];
        if (offsets[i] === 0 && word >>> LOG_BLOCK_SIZE_SHIFT !== 0) {
          blocks.push({
            addressSpace: as,
            pointer: (p * PAGE_SIZE + i) * s.align,
            timestamp: word & TIMESTAMP_MASK,
            blockSize: metadataBlockSize(word),
          });
        }
      }
    });
  });
  return blocks;
}

function assertion(line: number, message: string): EngineError {
  return new EngineError(
    'finalize-assertion',
    `OpenVM assertion failed in finalize: online.rs:${line} ${message}`,
  );
}
const SIZES_DIVISIBLE =
  'The union of all touched blocks must consist of blocks with sizes divisible by `CHUNK`';
const CHUNK_ALIGNED = 'The union of all touched blocks must consist of `CHUNK`-aligned blocks';

/** TracingMemory::finalize(is_persistent). Call once, after the last access. */
export function finalizeMemory(memory: FinalizableMemory, persistent: boolean): TouchedMemory {
  const chunk = persistent ? CHUNK : 1;
  const out: TouchedMemory = { persistent, chunk, addressSpace: [], pointer: [], timestamp: [], values: [] };
  const curValues = new Uint32Array(CHUNK);
  const curTs = new Uint32Array(CHUNK);
  const cell = new Uint32Array(32);
  let cnt = 0;
  let curAs = 0;
  let curPtr = 0;
  for (const block of touchedBlocks(memory)) {
    const { addressSpace: as, pointer: ptr, timestamp: ts, blockSize } = block;
    const s = memory.space(as);
    const align = s.align;
    if (!(cnt === 0 || (curAs === as && curPtr + cnt === ptr))) throw assertion(1008, SIZES_DIVISIBLE);
    if (cnt === 0) {
      if ((ptr & (chunk - 1)) !== 0) throw assertion(1018, CHUNK_ALIGNED);
      curAs = as;
      curPtr = ptr;
    }
    if (blockSize > align) memory.addSplitRecord(s, as, ptr, ts, blockSize, align);
    if (align > chunk) {
      if (cnt !== 0) throw assertion(1037, 'assertion `left == right` failed (current_cnt == 0)');
      for (let i = 0; i < blockSize; i += align) memory.addSplitRecord(s, as, ptr + i, ts, align, chunk);
      s.readCells(ptr, blockSize, cell);
      for (let i = 0; i < blockSize; i += chunk) {
        out.addressSpace.push(as);
        out.pointer.push(ptr + i);
        out.timestamp.push(ts);
        for (let j = 0; j < chunk; j++) out.values.push(cell[i + j]);
      }
    } else {
      for (let i = 0; i < blockSize; i++) {
        curValues[cnt] = s.getCell(ptr + i);
        if ((cnt & (align - 1)) === 0) curTs[cnt / align] = ts;
        cnt++;
        if (cnt === chunk) {
          const parts = chunk / align;
          let t = 0;
          for (let k = 0; k < parts; k++) if (curTs[k] > t) t = curTs[k];
          if (chunk !== align)
            memory.records.addMerge(t, as, curPtr, chunk, align, s.config.typeSize, curValues, curTs);
          out.addressSpace.push(as);
          out.pointer.push(curPtr);
          out.timestamp.push(t);
          for (let j = 0; j < chunk; j++) out.values.push(curValues[j]);
          curPtr += cnt;
          cnt = 0;
        }
      }
    }
  }
  if (cnt !== 0) throw assertion(1129, SIZES_DIVISIBLE);
  return out;
}

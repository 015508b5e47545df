// Plain-language answers to "why does this record exist?", derived from the record and the access (or
// finalize) that appended it — never hard-coded per example. Each cause names the OpenVM v1.7 function in
// online.rs that produced the record:
//  - existing-block split: prev_access_time -> calculate_splits_and_merges -> split_by_meta
//  - first-touch split (persistent): prev_access_time -> handle_uninitialized_memory -> split_by_meta
//  - first-touch zero merge (volatile, ALIGN 4): handle_uninitialized_memory -> add_merge_record
//  - access merge: prev_access_time -> add_merge_record
//  - finalize split / chunk merge / cell split: finalize -> handle_touched_blocks
// Why a split at t 0 is always a first touch: a block larger than ALIGN is only ever made by an access's
// merge, whose metadata gets that access's timestamp (>= 1).

import type { AdapterRecord } from '../memory/recordLog';

export type RecordCause =
  | 'existing-block-split'
  | 'first-touch-split'
  | 'first-touch-zero-merge'
  | 'access-merge'
  | 'finalize-block-split'
  | 'finalize-chunk-merge'
  | 'finalize-cell-split';

export interface AccessContext {
  op: 'read' | 'write';
  addressSpace: number;
  pointer: number;
  size: number;
  timestamp: number;
  /** A guest run's access of 16 or 32 cells: made by a precompile chip (RV32IM instructions access 4). */
  byPrecompile?: boolean;
}

export interface RecordExplanation {
  cause: RecordCause;
  /** The OpenVM function chain, innermost last. */
  openvmFunction: string;
  text: string;
}

const cells = (n: number) => `${n} cell${n === 1 ? '' : 's'}`;
const range = (p: number, n: number) => `[${p}, ${p + n})`;

/** Explains a record appended during an access (context) or during finalize (context undefined). */
export function explainRecord(r: AdapterRecord, context: AccessContext | undefined, mode: 'persistent' | 'volatile'): RecordExplanation {
  const { blockSize: b, lowestBlockSize: l, pointer: p, addressSpace: as, timestamp: t } = r;
  const pieces = `${b / l} blocks of ${cells(l)}`;
  const rows = rowsText(b, l);
  if (context === undefined) {
    if (r.kind === 'merge') {
      return {
        cause: 'finalize-chunk-merge',
        openvmFunction: 'finalize -> handle_touched_blocks -> add_merge_record',
        text: `Finalize cuts touched memory into ${cells(b)} chunks for the ${mode} boundary chip: the ${pieces} of AS${as} ${range(p, b)} are merged into one chunk at t ${t}, the newest of their timestamps [${(r.prevTimestamps ?? []).join(', ')}]. ${rows}`,
      };
    }
    // Only AS 1..3 have 4-cell units to cut into cells; an AS 4 block split to 1 is an ordinary block split.
    if (l === 1 && mode === 'volatile' && b === 4 && minBlockSizeOf(as) === 4) {
      return {
        cause: 'finalize-cell-split',
        openvmFunction: 'finalize -> handle_touched_blocks -> add_split_record',
        text: `Volatile finalize works cell by cell (CHUNK 1), but AS${as} has 4-cell blocks: the block at ${range(p, b)} is split into single cells at its timestamp ${t}. ${rows}`,
      };
    }
    return {
      cause: 'finalize-block-split',
      openvmFunction: 'finalize -> handle_touched_blocks -> add_split_record',
      text: `Finalize first splits every touched block larger than min_block_size: the ${cells(b)} block at AS${as} ${range(p, b)} (last accessed at t ${t}) becomes ${pieces}, with its final contents. ${rows}`,
    };
  }
  const access = `the ${context.op} of ${cells(context.size)} at AS${context.addressSpace} ${range(context.pointer, context.size)} (t ${context.timestamp})`;
  const result = explainAccessRecord(r, context, access, rows, pieces);
  return context.byPrecompile === true ? { ...result, text: `${result.text} ${PRECOMPILE_NOTE}` } : result;
}

/**
 * Why an access is 16 or 32 cells at all: RV32IM instructions only access 4 cells; the precompile chips do
 * more (docs/precompile-accesses.md).
 */
const PRECOMPILE_NOTE =
  'Only precompile instructions access 16 or 32 cells at once in a guest (RV32IM loads and stores access 4): SHA-256 reads its input 16 cells per access and writes its digest as one 32-cell block, and the Int256 instructions read and write whole 32-byte numbers; these accesses are where AccessAdapterAir<16> and <32> rows come from.';

function explainAccessRecord(r: AdapterRecord, context: AccessContext, access: string, rows: string, pieces: string): RecordExplanation {
  const { blockSize: b, lowestBlockSize: l, pointer: p, addressSpace: as, timestamp: t } = r;
  if (r.kind === 'split') {
    if (t === 0) {
      return {
        cause: 'first-touch-split',
        openvmFunction: 'prev_access_time -> handle_uninitialized_memory -> split_by_meta',
        text: `First touch: ${access} reached cells no access had touched. In persistent mode memory starts as ${cells(b)} blocks of the initial image at t 0 (initial_block_size ${b}), so the whole block ${range(p, b)} is split into ${pieces} first — its data is the initial image. ${rows}`,
      };
    }
    return {
      cause: 'existing-block-split',
      openvmFunction: 'prev_access_time -> calculate_splits_and_merges -> split_by_meta',
      text: `${capitalize(access)} overlapped the ${cells(b)} block starting at ${p} (last accessed at t ${t}), which had to be split down to ${pieces} first: OpenVM keeps one timestamp per block, and a block is always split all the way down to min_block_size, even the parts outside the access. ${rows}`,
    };
  }
  // A zero merge is the only merge whose lowest size is below the space's min_block_size (1 < 4 in
  // AS 1..3): an access merge always merges min_block_size pieces.
  if (l < minBlockSizeOf(as)) {
    return {
      cause: 'first-touch-zero-merge',
      openvmFunction: 'prev_access_time -> handle_uninitialized_memory -> add_merge_record',
      text: `First touch in volatile mode: ${access} reached the untouched unit ${range(p, b)}. Volatile memory starts as single cells (initial_block_size 1), so ${cells(b)} are merged from 1-cell pieces at t 0. The record's data is always zeros (OpenVM's constant INITIAL_CELL_BUFFER), even if the memory holds other values. ${rows}`,
    };
  }
  const prev = r.prevTimestamps ?? [];
  return {
    cause: 'access-merge',
    openvmFunction: 'prev_access_time -> add_merge_record',
    text: `${capitalize(access)} treats its ${cells(b)} as one block, but they were ${pieces} with timestamps [${prev.join(', ')}]: they are merged, and the access's t_prev is the newest of them, ${t}. ${rows}`,
  };
}

function minBlockSizeOf(as: number): number {
  return as >= 1 && as <= 3 ? 4 : 1;
}

function capitalize(s: string): string {
  return s[0].toUpperCase() + s.slice(1);
}

/** "Adds 2 rows to AccessAdapterAir<8> and 1 to AccessAdapterAir<16>." */
export function rowsText(b: number, l: number): string {
  const parts: string[] = [];
  for (let n = 2 * l; n <= b; n *= 2) parts.push(`${b / n} to AccessAdapterAir<${n}>`);
  return `Cost: ${b / l - 1} row${b / l - 1 === 1 ? '' : 's'} (${parts.join(', ')}).`;
}

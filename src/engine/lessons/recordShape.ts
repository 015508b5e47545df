// What a learner predicts about a record: its kind, block, sizes and timestamps (not its data, which no
// one predicts). Shapes compare by key, and print the way the records panel does.

import type { AdapterRecord } from '../memory/recordLog';

export interface RecordShape {
  kind: 'split' | 'merge';
  addressSpace: number;
  pointer: number;
  blockSize: number;
  lowestBlockSize: number;
  timestamp: number;
  /** Merges: the pieces' timestamps. */
  prevTimestamps?: number[];
}

export function shapeOf(r: AdapterRecord): RecordShape {
  const s: RecordShape = {
    kind: r.kind,
    addressSpace: r.addressSpace,
    pointer: r.pointer,
    blockSize: r.blockSize,
    lowestBlockSize: r.lowestBlockSize,
    timestamp: r.timestamp,
  };
  if (r.prevTimestamps !== undefined) s.prevTimestamps = [...r.prevTimestamps];
  return s;
}

export function shapeKey(s: RecordShape): string {
  return `${s.kind}:${s.addressSpace}:${s.pointer}:${s.blockSize}:${s.lowestBlockSize}:${s.timestamp}:${(s.prevTimestamps ?? []).join(',')}`;
}

export function listKey(list: readonly RecordShape[]): string {
  return list.map(shapeKey).join('|');
}

/** Adapter rows of one record: B/L - 1 (adapterCost.ts has the per-N split). */
export function shapeRows(s: RecordShape): number {
  return s.blockSize / s.lowestBlockSize - 1;
}

const at = (p: number) => (p >= 4096 ? `0x${p.toString(16)}` : String(p));

/** "split AS2 16 → 4×4 at 16, t 4" / "merge AS2 2×4 → 8 at 24, t 4, prev_ts [4, 4]". */
export function describeShape(s: RecordShape): string {
  const pieces = `${s.blockSize / s.lowestBlockSize}×${s.lowestBlockSize}`;
  const what = s.kind === 'split' ? `${s.blockSize} → ${pieces}` : `${pieces} → ${s.blockSize}`;
  const prev = s.prevTimestamps === undefined ? '' : `, prev_ts [${s.prevTimestamps.join(', ')}]`;
  return `${s.kind} AS${s.addressSpace} ${what} at ${at(s.pointer)}, t ${s.timestamp}${prev}`;
}

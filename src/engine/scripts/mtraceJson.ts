// The JSON Lines of shared/spec/mtrace-format.md, byte for byte: fixed key order, no whitespace.

import type { TouchedMemory } from '../memory/finalize';
import { ADAPTER_SIZES } from '../memory/config';
import type { RecordLog } from '../memory/recordLog';
import { MERGE_AND_NOT_SPLIT_FLAG } from '../memory/recordLog';

/** A RECORD of the JSON Lines (shared/spec/mtrace-format.md), as a reader parses it back. */
export interface MtraceJsonRecord {
  kind: 'split' | 'merge';
  as: number;
  ptr: number;
  size: number;
  lowest: number;
  type_size: number;
  t: number;
  data: number[];
  prev_ts?: number[];
}

function list(a: ArrayLike<number>, start: number, end: number): string {
  let s = '[';
  for (let i = start; i < end; i++) s += i === start ? a[i] : ',' + a[i];
  return s + ']';
}

/** RECORDs stored in the log (all of them, in append order). */
export function recordsJson(log: RecordLog): string {
  let s = '[';
  for (let i = 0; i < log.length; i++) {
    const tsAndMask = log.timestampAndMask[i];
    const merge = (tsAndMask & MERGE_AND_NOT_SPLIT_FLAG) !== 0;
    const b = log.blockSize[i];
    const ds = log.dataStart[i];
    if (i > 0) s += ',';
    s += `{"kind":"${merge ? 'merge' : 'split'}","as":${log.addressSpace[i]},"ptr":${log.pointer[i]},"size":${b},"lowest":${log.lowestBlockSize[i]},"type_size":${log.typeSize[i]},"t":${(tsAndMask & ~MERGE_AND_NOT_SPLIT_FLAG) >>> 0},"data":${list(log.data, ds, ds + b)}`;
    if (merge) {
      const ps = log.prevTsStart[i];
      s += `,"prev_ts":${list(log.prevTs, ps, ps + b / log.lowestBlockSize[i])}`;
    }
    s += '}';
  }
  return s + ']';
}

export function accessJson(
  line: number,
  isWrite: boolean,
  as: number,
  ptr: number,
  size: number,
  t: number,
  tPrev: number,
  prev: Uint32Array,
  log: RecordLog,
): string {
  return `{"i":${line},"op":"${isWrite ? 'write' : 'read'}","as":${as},"ptr":${ptr},"size":${size},"t":${t},"t_prev":${tPrev},"prev":${list(prev, 0, size)},"records":${recordsJson(log)}}\n`;
}

export function finalizeJson(touched: TouchedMemory, log: RecordLog): string {
  let s = '{"op":"finalize","touched":[';
  const c = touched.chunk;
  for (let k = 0; k < touched.pointer.length; k++) {
    if (k > 0) s += ',';
    s += `[${touched.addressSpace[k]},${touched.pointer[k]},${touched.timestamp[k]},${list(touched.values, k * c, k * c + c)}]`;
  }
  return s + `],"records":${recordsJson(log)}}\n`;
}

export interface MtraceSummary {
  accesses: number;
  reads: number;
  writes: number;
  timestamp: number;
  splits: number;
  merges: number;
  adapterRows: number[];
  touched: number;
}

export function summaryJson(s: MtraceSummary): string {
  const rows = ADAPTER_SIZES.map((n, i) => `"${n}":${s.adapterRows[i]}`).join(',');
  return `{"accesses":${s.accesses},"reads":${s.reads},"writes":${s.writes},"timestamp":${s.timestamp},"splits":${s.splits},"merges":${s.merges},"adapter_rows":{${rows}},"touched":${s.touched}}\n`;
}

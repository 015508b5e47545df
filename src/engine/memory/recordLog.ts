// The access-adapter record arena (OpenVM v1.7 DenseRecordArena of AccessRecordHeader + timestamps + data,
// adapter/records.rs), kept columnar: one typed array per header field, and pools for data and timestamps.
// Records are appended in exactly the order TracingMemory appends them. Counters (splits, merges, rows per
// AccessAdapterAir<N>) cover every record ever appended, even when the stored detail is cleared or not kept,
// so a long run can keep exact totals while bounding memory.

import { addRecordRows } from './adapterCost';

export const MERGE_AND_NOT_SPLIT_FLAG = 0x80000000;

export type RecordKind = 'split' | 'merge';

/** One record as an object (for output and views; the log itself stores columns). */
export interface AdapterRecord {
  kind: RecordKind;
  addressSpace: number;
  pointer: number;
  blockSize: number;
  lowestBlockSize: number;
  typeSize: number;
  /** Header timestamp with MERGE_AND_NOT_SPLIT_FLAG removed. */
  timestamp: number;
  /** The raw header word `timestamp_and_mask`. */
  timestampAndMask: number;
  /** blockSize cell values (canonical). */
  data: number[];
  /** Merges only: block/lowest timestamps of the pieces. Splits carry none (OpenVM leaves that area unwritten). */
  prevTimestamps?: number[];
}

export class RecordLog {
  /** Totals over every record appended since construction (never reset by clear). */
  splits = 0;
  merges = 0;
  /** Unpadded rows per AccessAdapterAir<N>, N = 2, 4, 8, 16, 32. */
  readonly rows = new Float64Array(5);

  /** When false, only the counters are kept (summary runs, fast-forward replay). */
  keep: boolean;
  /** Number of records dropped by clear(): global index of stored record 0. */
  firstIndex = 0;
  length = 0;

  timestampAndMask = new Uint32Array(64);
  addressSpace = new Uint8Array(64);
  pointer = new Uint32Array(64);
  blockSize = new Uint8Array(64);
  lowestBlockSize = new Uint8Array(64);
  typeSize = new Uint8Array(64);
  dataStart = new Uint32Array(64);
  data = new Uint32Array(1024);
  dataLength = 0;
  prevTsStart = new Uint32Array(64);
  prevTs = new Uint32Array(256);
  prevTsLength = 0;

  constructor(keep = true) {
    this.keep = keep;
  }

  /** Global count of records appended so far. */
  get total(): number {
    return this.splits + this.merges;
  }

  private growHeaders(): void {
    const cap = this.timestampAndMask.length * 2;
    const grow = <T extends Uint8Array | Uint32Array>(a: T, make: (n: number) => T): T => {
      const b = make(cap);
      b.set(a);
      return b;
    };
    this.timestampAndMask = grow(this.timestampAndMask, (n) => new Uint32Array(n));
    this.addressSpace = grow(this.addressSpace, (n) => new Uint8Array(n));
    this.pointer = grow(this.pointer, (n) => new Uint32Array(n));
    this.blockSize = grow(this.blockSize, (n) => new Uint8Array(n));
    this.lowestBlockSize = grow(this.lowestBlockSize, (n) => new Uint8Array(n));
    this.typeSize = grow(this.typeSize, (n) => new Uint8Array(n));
    this.dataStart = grow(this.dataStart, (n) => new Uint32Array(n));
    this.prevTsStart = grow(this.prevTsStart, (n) => new Uint32Array(n));
  }

  private reserve(values: number, timestamps: number): void {
    if (this.length === this.timestampAndMask.length) this.growHeaders();
    if (this.dataLength + values > this.data.length) {
      const b = new Uint32Array(Math.max(this.data.length * 2, this.dataLength + values));
      b.set(this.data);
      this.data = b;
    }
    if (this.prevTsLength + timestamps > this.prevTs.length) {
      const b = new Uint32Array(Math.max(this.prevTs.length * 2, this.prevTsLength + timestamps));
      b.set(this.prevTs);
      this.prevTs = b;
    }
  }

  private header(tsAndMask: number, as: number, ptr: number, b: number, l: number, t: number): void {
    const i = this.length;
    this.timestampAndMask[i] = tsAndMask;
    this.addressSpace[i] = as;
    this.pointer[i] = ptr;
    this.blockSize[i] = b;
    this.lowestBlockSize[i] = l;
    this.typeSize[i] = t;
    this.dataStart[i] = this.dataLength;
    this.prevTsStart[i] = this.prevTsLength;
  }

  /**
   * TracingMemory::add_split_record. `values` holds the B cells (ignored when !keep). Callers skip B == L
   * themselves (OpenVM returns early there) so that the hot path does not copy data for nothing.
   */
  addSplit(ts: number, as: number, ptr: number, b: number, l: number, t: number, values: Uint32Array): void {
    this.splits++;
    addRecordRows(this.rows, b, l);
    if (!this.keep) return;
    this.reserve(b, 0);
    this.header(ts, as, ptr, b, l, t);
    this.data.set(values.subarray(0, b), this.dataLength);
    this.dataLength += b;
    this.length++;
  }

  /** TracingMemory::add_merge_record: the header timestamp gets MERGE_AND_NOT_SPLIT_FLAG. */
  addMerge(
    ts: number,
    as: number,
    ptr: number,
    b: number,
    l: number,
    t: number,
    values: Uint32Array,
    prevTs: Uint32Array,
  ): void {
    this.merges++;
    addRecordRows(this.rows, b, l);
    if (!this.keep) return;
    const parts = b / l;
    this.reserve(b, parts);
    this.header((ts | MERGE_AND_NOT_SPLIT_FLAG) >>> 0, as, ptr, b, l, t);
    this.data.set(values.subarray(0, b), this.dataLength);
    this.dataLength += b;
    this.prevTs.set(prevTs.subarray(0, parts), this.prevTsLength);
    this.prevTsLength += parts;
    this.length++;
  }

  /** Drops the stored detail (counters stay). */
  clear(): void {
    this.firstIndex += this.length;
    this.length = 0;
    this.dataLength = 0;
    this.prevTsLength = 0;
  }

  isMerge(i: number): boolean {
    return (this.timestampAndMask[i] & MERGE_AND_NOT_SPLIT_FLAG) !== 0;
  }

  /** Stored record i (0 <= i < length) as an object. */
  get(i: number): AdapterRecord {
    const tsAndMask = this.timestampAndMask[i];
    const merge = (tsAndMask & MERGE_AND_NOT_SPLIT_FLAG) !== 0;
    const b = this.blockSize[i];
    const l = this.lowestBlockSize[i];
    const ds = this.dataStart[i];
    const record: AdapterRecord = {
      kind: merge ? 'merge' : 'split',
      addressSpace: this.addressSpace[i],
      pointer: this.pointer[i],
      blockSize: b,
      lowestBlockSize: l,
      typeSize: this.typeSize[i],
      timestamp: (tsAndMask & ~MERGE_AND_NOT_SPLIT_FLAG) >>> 0,
      timestampAndMask: tsAndMask,
      data: Array.from(this.data.subarray(ds, ds + b)),
    };
    if (merge) {
      const ps = this.prevTsStart[i];
      record.prevTimestamps = Array.from(this.prevTs.subarray(ps, ps + b / l));
    }
    return record;
  }

  /** Bytes of typed-array storage per stored record, for the bench's budget figures. */
  bytesUsed(): number {
    return 18 * this.length + 4 * this.dataLength + 4 * this.prevTsLength;
  }
}

// The time dimension of a metered run's cost attribution (meteredRun.ts): which call-stack node executed
// each instruction, and at which instruction every row that is not an instruction's own static chip row
// was caused. With it, the cost of any instruction range is exact (rangeProfile.ts), and the times a
// function ran are intervals on the timeline (RangeProfiler.intervals).
//   runs    maximal stretches of instructions executed one after another (pc + 4) in one call-stack node:
//           instret and instruction index of the first, the node, and the app's one-segment timestamp at
//           its start (segment base + the segment's TracingMemory timestamp - 1, as meterView's
//           segmentTimestamps). An instruction's static chip row (one row of its AIR, opcodeAirs.ts) follows
//           from its index, so runs carry them.
//   events  everything else charged to a node: operand-dependent chip rows, precompile rows, adapter rows
//           of split/merge records, and the rows finalize charges to the instruction that first touched a
//           chunk (boundary, finalize records, Merkle, Poseidon2), each with the instret that caused it.
// Invariants: runs are in instret order, contiguous, and cover [0, instret); events are in no particular
// order (finalize's come at a segment's end, a replayed window's after it). MeteredRun's per-node totals
// (nodeRows, nodeInstructions) equal the log summed over [0, instret) (rangeProfile.test.ts).
// Cost: 20 bytes per run (one per taken branch, call or return: fibonacci n = 800,000 makes 800,035 runs in
// 12,000,278 instructions, 16 MB; the call-heavy hashmap example 1,420,131 in 5,188,937, 28 MB) and 24 bytes
// per event, arrays trimmed to size when the run ends; one comparison per instruction while metering.
// Instret fits 32 bits (runStart): a run of 2^32 instructions is refused.
// A log built with keep = false records nothing (the metered pass of `exec` and the session's segment
// planner, which read only the segments and the per-node totals): a 10^9-instruction fibonacci makes
// 66.7 M runs, 1.3 GB of log that nothing would read. A log with a folder (wholeRunFold.ts) hands what is
// settled to it (settle, finish) and keeps about one segment: it answers whole-run queries only.

import { EngineError } from '../../errors';
import type { CallSiteTree } from './callSiteTree';

/** A folder's whole-run samples (lineSamples.ts completes them). */
export interface FoldedSamples {
  /** Per sample: its context and instruction index; values [instructions, cells, adapter rows]. */
  ctx: number[];
  idx: number[];
  values: [number[], number[], number[]];
  /** Rows of node-0 events per AIR (the "[before the first instruction]" stack). */
  rootRows: Float64Array;
}

/** Where a log folds what is settled (wholeRunFold.ts). */
export interface LogFolder {
  readonly tree: CallSiteTree;
  /** Takes the log's runs [0, runs) and its events caused before `cut`. */
  fold(log: AttributionLog, runs: number, cut: number): void;
  /** Rows and instructions per node over the whole run. */
  rows(): { nodeRows: Float64Array<ArrayBuffer>; nodeInstructions: Float64Array<ArrayBuffer> };
  samples(width: readonly number[], adapter: readonly number[]): FoldedSamples;
}

type Grown = Float64Array | Int32Array | Uint32Array;

function resize<T extends Grown>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a.subarray(0, Math.min(n, a.length)));
  return b;
}

export class AttributionLog {
  runCount = 0;
  runStart = new Uint32Array(1024);
  runIdx = new Int32Array(1024);
  runNode = new Int32Array(1024);
  runTs = new Float64Array(1024);
  eventCount = 0;
  eventAt = new Float64Array(1024);
  eventNode = new Int32Array(1024);
  eventAir = new Int32Array(1024);
  eventRows = new Float64Array(1024);
  /** Set when the run ends: its instret and the timestamp after its last instruction. */
  instret = 0;
  endTs = 1;

  /** Where settled runs and events go (null: the log keeps everything). */
  folder: LogFolder | null = null;

  /** keep = false: run() and event() record nothing (see the top). */
  constructor(readonly keep = true) {}

  /** Starts a run at instruction `at` (instret), index `idx`, node `node`, timestamp `ts`. */
  run(at: number, idx: number, node: number, ts: number): void {
    if (!this.keep) return;
    if (at > 0xffffffff) throw new EngineError('request', 'metering attributes at most 2^32 instructions');
    const r = this.runCount++;
    if (r === this.runStart.length) {
      const n = 2 * r;
      this.runStart = resize(this.runStart, n);
      this.runIdx = resize(this.runIdx, n);
      this.runNode = resize(this.runNode, n);
      this.runTs = resize(this.runTs, n);
    }
    this.runStart[r] = at;
    this.runIdx[r] = idx;
    this.runNode[r] = node;
    this.runTs[r] = ts;
  }

  event(at: number, node: number, air: number, rows: number): void {
    if (!this.keep) return;
    const e = this.eventCount++;
    if (e === this.eventAt.length) {
      const n = 2 * e;
      this.eventAt = resize(this.eventAt, n);
      this.eventNode = resize(this.eventNode, n);
      this.eventAir = resize(this.eventAir, n);
      this.eventRows = resize(this.eventRows, n);
    }
    this.eventAt[e] = at;
    this.eventNode[e] = node;
    this.eventAir[e] = air;
    this.eventRows[e] = rows;
  }

  /** The run has ended: its instret, the timestamp after it, and the arrays cut to size. */
  finish(instret: number, endTs: number): void {
    this.instret = instret;
    this.endTs = endTs;
    if (this.folder !== null && this.runCount > 0) this.foldBefore(this.runCount, Infinity);
    this.runStart = resize(this.runStart, this.runCount);
    this.runIdx = resize(this.runIdx, this.runCount);
    this.runNode = resize(this.runNode, this.runCount);
    this.runTs = resize(this.runTs, this.runCount);
    this.eventAt = resize(this.eventAt, this.eventCount);
    this.eventNode = resize(this.eventNode, this.eventCount);
    this.eventAir = resize(this.eventAir, this.eventCount);
    this.eventRows = resize(this.eventRows, this.eventCount);
  }

  /**
   * With a folder: nothing will be caused before instret `end` any more (a segment ending there closed and
   * its window is committed). The runs before the one holding `end`, and the events they caused, are folded.
   */
  settle(end: number): void {
    if (this.folder === null) return;
    const keep = this.runAt(end);
    if (keep > 0) this.foldBefore(keep, this.runStart[keep]);
  }

  private foldBefore(runs: number, cut: number): void {
    (this.folder as LogFolder).fold(this, runs, cut);
    const n = this.runCount;
    this.runStart.copyWithin(0, runs, n);
    this.runIdx.copyWithin(0, runs, n);
    this.runNode.copyWithin(0, runs, n);
    this.runTs.copyWithin(0, runs, n);
    this.runCount = n - runs;
    let w = 0;
    for (let e = 0; e < this.eventCount; e++) {
      const at = this.eventAt[e];
      if (at < cut) continue;
      this.eventAt[w] = at;
      this.eventNode[w] = this.eventNode[e];
      this.eventAir[w] = this.eventAir[e];
      this.eventRows[w] = this.eventRows[e];
      w++;
    }
    this.eventCount = w;
  }

  /** Drops the events since `mark` whose AIR is in [airFrom, airTo) (a window's undone adapter rows). */
  dropSince(mark: number, airFrom: number, airTo: number): void {
    let w = mark;
    for (let e = mark; e < this.eventCount; e++) {
      const air = this.eventAir[e];
      if (air >= airFrom && air < airTo) continue;
      this.eventAt[w] = this.eventAt[e];
      this.eventNode[w] = this.eventNode[e];
      this.eventAir[w] = air;
      this.eventRows[w] = this.eventRows[e];
      w++;
    }
    this.eventCount = w;
  }

  /** The run holding instruction `at` (the last run starting at or before it), or -1 before the first. */
  runAt(at: number): number {
    let lo = 0;
    let hi = this.runCount - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.runStart[mid] <= at) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }

  runEnd(r: number): number {
    return r + 1 < this.runCount ? this.runStart[r + 1] : this.instret;
  }

  runEndTs(r: number): number {
    return r + 1 < this.runCount ? this.runTs[r + 1] : this.endTs;
  }

  /** Bytes held (the typed arrays' capacity). */
  bytes(): number {
    return (
      this.runStart.byteLength +
      this.runIdx.byteLength +
      this.runNode.byteLength +
      this.runTs.byteLength +
      this.eventAt.byteLength +
      this.eventNode.byteLength +
      this.eventAir.byteLength +
      this.eventRows.byteLength
    );
  }
}

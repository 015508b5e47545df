// The time dimension of a metered run's cost attribution (meteredRun.ts): which call-stack node executed
// each instruction, and at which instruction every row that is not an instruction's own static chip row
// was caused. With it, the cost of any instruction range is exact (rangeProfile.ts), and the times a
// function ran are intervals on the timeline (functionIntervals).
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
// Cost: 20 bytes per run (a taken branch, call or return: fibonacci's loop makes one run per ~6
// instructions) and 24 bytes per event; one comparison per instruction while metering.

function grow<T extends Float64Array | Int32Array>(a: T, n: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(n, a.length * 2));
  b.set(a);
  return b;
}

export class AttributionLog {
  runCount = 0;
  runStart = new Float64Array(1024);
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

  /** Starts a run at instruction `at` (instret), index `idx`, node `node`, timestamp `ts`. */
  run(at: number, idx: number, node: number, ts: number): void {
    const r = this.runCount++;
    if (r === this.runStart.length) {
      this.runStart = grow(this.runStart, r + 1);
      this.runIdx = grow(this.runIdx, r + 1);
      this.runNode = grow(this.runNode, r + 1);
      this.runTs = grow(this.runTs, r + 1);
    }
    this.runStart[r] = at;
    this.runIdx[r] = idx;
    this.runNode[r] = node;
    this.runTs[r] = ts;
  }

  event(at: number, node: number, air: number, rows: number): void {
    const e = this.eventCount++;
    if (e === this.eventAt.length) {
      this.eventAt = grow(this.eventAt, e + 1);
      this.eventNode = grow(this.eventNode, e + 1);
      this.eventAir = grow(this.eventAir, e + 1);
      this.eventRows = grow(this.eventRows, e + 1);
    }
    this.eventAt[e] = at;
    this.eventNode[e] = node;
    this.eventAir[e] = air;
    this.eventRows[e] = rows;
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

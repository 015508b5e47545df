// The cost of an instruction range [from, to) of a metered run, exactly, and the times a function ran: read
// from the run's attribution log (attributionLog.ts) after the run, without the machine (the worker keeps a
// RangeProfiler per metered run; the MeteredRun and its memory can go).
// A range holds the instructions whose instret is in [from, to): their instruction counts and static chip
// rows (from the log's runs and the static chip table), and every event caused by one of them (dynamic and
// precompile rows, adapter rows, the rows finalize charges to a first touch). A segment's [fixed] rows
// (ProgramAir, connector, lookup tables) and [padding] belong to no instruction: a range has them for the
// segments it holds whole. So the segments' ranges sum to the whole run, a segment's range has exactly
// that segment's rows per AIR, and an empty range is empty.
// Cost of a query: O(instructions in the range) for the runs (a typed-array loop, ~10 ns per instruction)
// plus O(events) for the events, plus O(nodes × AIRs) for the totals; memory: the log (attributionLog.ts).
// A run metered with attribution 'whole-run' folded its log (wholeRunFold.ts): only the whole run can be asked.

import { EngineError } from '../../errors';
import type { AttributionLog } from './attributionLog';
import type { StackTrie } from './callStacks';
import { type CostEntry, type CostMeasure, type CostSource, costEntries, frameName } from './costProfile';
import type { MeteredRun, SegmentResult } from '../meteredRun';

export interface RangeRows {
  /** Rows per (node, AIR): nodeRows[node * airs + air]; instructions per node. */
  nodeRows: Float64Array<ArrayBuffer>;
  nodeInstructions: Float64Array<ArrayBuffer>;
}

export class RangeProfiler {
  readonly inventory: MeteredRun['inventory'];
  readonly functions: MeteredRun['functions'];
  readonly trie: StackTrie;
  readonly segments: readonly SegmentResult[];
  readonly log: AttributionLog;
  /** Per instruction index: its static chip AIR (-1: none) and whether its rows are dynamic (events). */
  readonly airOf: Int16Array;
  readonly dynamic: Uint8Array;
  /** The program run (its symbols and DWARF name profile locations: metering/profiles). */
  readonly program: MeteredRun['program'];

  constructor(run: MeteredRun) {
    this.inventory = run.inventory;
    this.functions = run.functions;
    this.trie = run.trie;
    this.segments = run.segments;
    this.log = run.log;
    this.airOf = run.airOf;
    this.dynamic = run.dynamic;
    this.program = run.program;
  }

  get instret(): number {
    return this.log.instret;
  }

  /** Every row and instruction caused by the instructions [from, to), per node. */
  rows(from: number, to: number): RangeRows {
    const a = this.inventory.length;
    const nodes = this.trie.size;
    const nodeRows = new Float64Array(nodes * a);
    const nodeInstructions = new Float64Array(nodes);
    const log = this.log;
    const airOf = this.airOf;
    const dynamic = this.dynamic;
    if (!(from < to)) return { nodeRows, nodeInstructions };
    if (log.folder !== null) {
      this.requireWholeRun(from, to);
      return log.folder.rows();
    }
    for (let r = Math.max(0, log.runAt(from)); r < log.runCount && log.runStart[r] < to; r++) {
      const start = log.runStart[r];
      const s = Math.max(from, start);
      const e = Math.min(to, log.runEnd(r));
      if (e <= s) continue;
      const node = log.runNode[r];
      nodeInstructions[node] += e - s;
      const base = node * a;
      const first = log.runIdx[r] + (s - start);
      const last = first + (e - s);
      for (let k = first; k < last; k++) {
        const air = airOf[k];
        if (air >= 0 && dynamic[k] === 0) nodeRows[base + air] += 1;
      }
    }
    for (let i = 0; i < log.eventCount; i++) {
      const at = log.eventAt[i];
      if (at >= from && at < to) nodeRows[log.eventNode[i] * a + log.eventAir[i]] += log.eventRows[i];
    }
    return { nodeRows, nodeInstructions };
  }

  /** A folded log (see the top) answers the whole run only. */
  requireWholeRun(from: number, to: number): void {
    if (this.log.folder !== null && !(from <= 0 && to >= this.instret))
      throw new EngineError(
        'request',
        `this run kept whole-run totals only (attribution 'whole-run'): no range [${from}, ${to})`,
      );
  }

  /** The range as a cost source: its rows, and the segments it holds whole. */
  source(from: number, to: number): CostSource {
    const { nodeRows, nodeInstructions } = this.rows(from, to);
    const whole = this.segments.filter(
      (s) => s.numInsns > 0 && s.instretStart >= from && s.instretStart + s.numInsns <= to,
    );
    return {
      inventory: this.inventory,
      functions: this.functions,
      trie: this.trie,
      nodeRows,
      nodeInstructions,
      segments: whole as SegmentResult[],
    };
  }

  entries(from: number, to: number, measure: CostMeasure): CostEntry[] {
    return costEntries(this.source(from, to), measure);
  }

  /** Which nodes run `path` (frame names, outermost first, as costEntries names them) or a callee of it. */
  nodesUnder(path: readonly string[]): Uint8Array {
    const t = this.trie;
    const mask = new Uint8Array(t.size);
    const depth = path.length;
    if (depth === 0) return mask;
    const names = this.functions.names;
    for (let n = 1; n < t.size; n++) {
      const p = t.parent[n];
      if (p > 0 && mask[p] === 1) mask[n] = 1;
      else if (t.depth[n] === depth) {
        let ok = true;
        for (let m = n, d = depth - 1; m > 0; m = t.parent[m], d--)
          if (frameName(names[t.func[m]]) !== path[d]) {
            ok = false;
            break;
          }
        if (ok) mask[n] = 1;
      }
    }
    return mask;
  }

  /**
   * The intervals during which `path` was executing (it or a callee: its node or one under it), adjacent
   * ones merged: pairs [from, to) in instret and the same pairs in the app's one-segment timestamps.
   */
  intervals(path: readonly string[]): { instret: Float64Array; timestamps: Float64Array } {
    const log = this.log;
    if (log.folder !== null)
      throw new EngineError(
        'request',
        "this run kept whole-run totals only (attribution 'whole-run'): when a function ran is not kept",
      );
    const mask = this.nodesUnder(path);
    const ins: number[] = [];
    const ts: number[] = [];
    for (let r = 0; r < log.runCount; r++) {
      if (mask[log.runNode[r]] === 0) continue;
      const s = log.runStart[r];
      const k = ins.length;
      if (k > 0 && ins[k - 1] === s) {
        ins[k - 1] = log.runEnd(r);
        ts[k - 1] = log.runEndTs(r);
      } else {
        ins.push(s, log.runEnd(r));
        ts.push(log.runTs[r], log.runEndTs(r));
      }
    }
    return { instret: Float64Array.from(ins), timestamps: Float64Array.from(ts) };
  }
}

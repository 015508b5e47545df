// A whole-run profile in memory that does not grow with the run (`exec --profile` on 10^9 instructions):
// the attribution log (attributionLog.ts) hands its runs and events here as soon as nothing can refer to
// them again (AttributionLog.settle: after a segment closed, everything caused before the run holding its
// end), and keeps only the rest. Runs are counted by (call-site context, first instruction, length) —
// fibonacci's loop is one such key 66.7 M times — and events by (context, instruction), exactly as
// profiles/lineSamples.ts and RangeProfiler.rows resolve them; so the whole run's samples and per-node
// rows are the same sums the full log gives (wholeRunFold.test.ts), only ranges other than the whole run
// cannot be asked (rangeProfile.ts refuses them).
// Events at instret -1 (finalize rows of chunks no instruction touched) are in no instruction range, so
// in no whole-run range either: they are not counted, as the full log's queries do not count them.
// Cost: one Map update per run, one per event; memory O(distinct keys + contexts).

import type { AttributionLog, FoldedSamples, LogFolder } from './attributionLog';
import { CallSiteTree } from './callSiteTree';
import { sampleIndex } from './sampleIndex';
import type { FunctionTable, StackTrie } from './callStacks';

export class WholeRunFold implements LogFolder {
  readonly tree: CallSiteTree;
  /** (ctx * codeLen + first) -> (length -> runs). */
  private readonly runs = new Map<number, Map<number, number>>();
  /** Event rows per (ctx * codeLen + idx) and AIR: key * airs + air -> rows, in order of appearance. */
  private readonly eventRows = new Map<number, number>();
  /** Event rows per (node, AIR): node * airs + air -> rows (RangeProfiler.rows). */
  private readonly nodeEventRows = new Map<number, number>();
  private readonly rootRows: Float64Array;

  constructor(
    private readonly trie: StackTrie,
    functions: FunctionTable,
    private readonly airOf: Int16Array,
    private readonly dynamic: Uint8Array,
    private readonly airs: number,
  ) {
    this.tree = new CallSiteTree(trie, functions.linkKind);
    this.rootRows = new Float64Array(airs);
  }

  private get codeLen(): number {
    return this.airOf.length;
  }

  /** Takes the log's runs [0, runs) and its events caused before `cut` (at most the runs' end). */
  fold(log: AttributionLog, runs: number, cut: number): void {
    const codeLen = this.codeLen;
    const ctxOf = new Int32Array(runs);
    for (let r = 0; r < runs; r++) {
      const first = log.runIdx[r];
      const length = log.runEnd(r) - log.runStart[r];
      const ctx = this.tree.next(log.runNode[r], first, length);
      ctxOf[r] = ctx;
      if (length <= 0) continue;
      const key = ctx * codeLen + first;
      let byLength = this.runs.get(key);
      if (byLength === undefined) this.runs.set(key, (byLength = new Map()));
      byLength.set(length, (byLength.get(length) ?? 0) + 1);
    }
    for (let e = 0; e < log.eventCount; e++) {
      const at = log.eventAt[e];
      if (!(at >= 0 && at < cut)) continue;
      const node = log.eventNode[e];
      const air = log.eventAir[e];
      const rows = log.eventRows[e];
      const nk = node * this.airs + air;
      this.nodeEventRows.set(nk, (this.nodeEventRows.get(nk) ?? 0) + rows);
      if (node === 0) {
        this.rootRows[air] += rows;
        continue;
      }
      const r = log.runAt(at);
      const ctx = r >= 0 && log.runNode[r] === node ? ctxOf[r] : this.tree.contextOf(node);
      const idx = r >= 0 ? log.runIdx[r] + (at - log.runStart[r]) : 0;
      const k = (ctx * codeLen + idx) * this.airs + air;
      this.eventRows.set(k, (this.eventRows.get(k) ?? 0) + rows);
    }
  }

  /** Rows and instructions per node over the whole run (RangeProfiler.rows(0, instret)). */
  rows(): { nodeRows: Float64Array<ArrayBuffer>; nodeInstructions: Float64Array<ArrayBuffer> } {
    const a = this.airs;
    const nodes = this.trie.size;
    const nodeRows = new Float64Array(nodes * a);
    const nodeInstructions = new Float64Array(nodes);
    const codeLen = this.codeLen;
    for (const [key, byLength] of this.runs) {
      const node = this.tree.node[Math.floor(key / codeLen)];
      const first = key % codeLen;
      for (const [length, count] of byLength) {
        nodeInstructions[node] += length * count;
        for (let k = first; k < first + length; k++) {
          const air = this.airOf[k];
          if (air >= 0 && this.dynamic[k] === 0) nodeRows[node * a + air] += count;
        }
      }
    }
    for (const [nk, rows] of this.nodeEventRows) nodeRows[nk] += rows;
    return { nodeRows, nodeInstructions };
  }

  /** The whole run's samples per (context, instruction), before lineSamples adds [fixed] and [padding]. */
  samples(width: readonly number[], adapter: readonly number[]): FoldedSamples {
    const codeLen = this.codeLen;
    const out: FoldedSamples = { ctx: [], idx: [], values: [[], [], []], rootRows: this.rootRows };
    const sample = sampleIndex(out, codeLen);
    const addRows = (i: number, air: number, rows: number) => {
      out.values[1][i] += rows * width[air];
      out.values[2][i] += rows * adapter[air];
    };
    for (const [key, byLength] of this.runs) {
      const ctx = Math.floor(key / codeLen);
      const first = key % codeLen;
      for (const [length, count] of byLength)
        for (let k = first; k < first + length; k++) {
          const i = sample(ctx, k);
          out.values[0][i] += count;
          const air = this.airOf[k];
          if (air >= 0 && this.dynamic[k] === 0) addRows(i, air, count);
        }
    }
    for (const [k, rows] of this.eventRows) {
      const air = k % this.airs;
      const key = Math.floor(k / this.airs);
      addRows(sample(Math.floor(key / codeLen), key % codeLen), air, rows);
    }
    return out;
  }
}

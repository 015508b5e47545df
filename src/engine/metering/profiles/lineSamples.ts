// The cost of an instruction range of a metered run per (call stack with call sites, instruction): the
// samples of a pprof profile. Three values per sample, as costProfile.ts measures them: instructions,
// trace cells (rows × (main + perm columns) of the row's AIR) and access-adapter rows. The same rows as
// RangeProfiler.rows (each instruction's static chip row, each event at the instruction that caused it),
// attributed one level finer: to the instruction, and to the call sites of its stack (callSites.ts).
// Rows no instruction caused are synthetic stacks, as in costProfile.ts: "[fixed] AIR" and
// "[padding] AIR" for the segments the range holds whole, "[before the first instruction]" for the root.
// Invariants: per measure, the samples sum to costEntries of the same range (profiles.test.ts), so a
// profile's totals are the --segments totals for the whole run. Cost: O(instructions in the range) map
// updates plus O(events).

import type { CostMeasure } from '../attribution/costProfile';
import { COST_MEASURES } from '../attribution/costProfile';
import type { RangeProfiler } from '../attribution/rangeProfile';
import { callSitesOf } from './callSites';
import { sampleIndex } from '../attribution/sampleIndex';

export const SAMPLE_MEASURES: readonly CostMeasure[] = COST_MEASURES;

export interface LineSamples {
  /** Per sample: its context (callSites.ts) and its instruction index, or a synthetic stack. */
  ctx: number[];
  idx: number[];
  /** Synthetic stacks (outermost frame first) for rows no instruction caused; null for real samples. */
  synthetic: (string[] | null)[];
  /** values[m][i]: sample i's value in SAMPLE_MEASURES[m]. */
  values: [number[], number[], number[]];
}

export function lineSamples(q: RangeProfiler, from: number, to: number): LineSamples {
  const sites = callSitesOf(q);
  const log = q.log;
  const inv = q.inventory;
  const width = inv.airs.map((a) => a.mainCols + a.permCols);
  const adapter = inv.airs.map((a) => (a.kind === 'adapter' ? 1 : 0));
  const codeLen = q.functions.funcOf.length;
  const out: LineSamples = { ctx: [], idx: [], synthetic: [], values: [[], [], []] };
  if (log.folder !== null && from < to) {
    q.requireWholeRun(from, to);
    const f = log.folder.samples(width, adapter);
    out.ctx = f.ctx;
    out.idx = f.idx;
    out.synthetic = f.ctx.map(() => null);
    out.values = f.values;
    const root = synthetic(out, ['[before the first instruction]']);
    for (const air of inv.airs)
      if (f.rootRows[air.id] > 0) addRowsTo(out, width, adapter, root, air.id, f.rootRows[air.id]);
    return finish(q, out, from, to, width);
  }
  const sample = sampleIndex(out, codeLen, () => out.synthetic.push(null));
  const addRows = (i: number, air: number, rows: number) => addRowsTo(out, width, adapter, i, air, rows);
  if (from < to) {
    for (let r = Math.max(0, log.runAt(from)); r < log.runCount && log.runStart[r] < to; r++) {
      const start = log.runStart[r];
      const s = Math.max(from, start);
      const e = Math.min(to, log.runEnd(r));
      if (e <= s) continue;
      const ctx = sites.runCtx[r];
      const first = log.runIdx[r] + (s - start);
      for (let k = first; k < first + (e - s); k++) {
        const i = sample(ctx, k);
        out.values[0][i] += 1;
        const air = q.airOf[k];
        if (air >= 0 && q.dynamic[k] === 0) addRows(i, air, 1);
      }
    }
    const rootRows = new Float64Array(inv.length);
    for (let ev = 0; ev < log.eventCount; ev++) {
      const at = log.eventAt[ev];
      if (!(at >= from && at < to)) continue;
      const node = log.eventNode[ev];
      if (node === 0) {
        rootRows[log.eventAir[ev]] += log.eventRows[ev];
        continue;
      }
      const r = log.runAt(at);
      const sameRun = r >= 0 && log.runNode[r] === node;
      const ctx = sameRun ? sites.runCtx[r] : sites.contextOf(node);
      const idx = r >= 0 ? log.runIdx[r] + (at - log.runStart[r]) : 0;
      addRows(sample(ctx, idx), log.eventAir[ev], log.eventRows[ev]);
    }
    const root = synthetic(out, ['[before the first instruction]']);
    for (const air of inv.airs) if (rootRows[air.id] > 0) addRows(root, air.id, rootRows[air.id]);
  }
  return finish(q, out, from, to, width);
}

function addRowsTo(
  out: LineSamples,
  width: readonly number[],
  adapter: readonly number[],
  i: number,
  air: number,
  rows: number,
): void {
  out.values[1][i] += rows * width[air];
  out.values[2][i] += rows * adapter[air];
}

function finish(q: RangeProfiler, out: LineSamples, from: number, to: number, width: readonly number[]) {
  const inv = q.inventory;
  // [fixed] and [padding] of the segments the range holds whole (costProfile.ts).
  for (const air of inv.airs) {
    let fixed = 0;
    let padding = 0;
    for (const s of q.segments) {
      if (!(s.numInsns > 0 && s.instretStart >= from && s.instretStart + s.numInsns <= to)) continue;
      if (air.constantHeight !== undefined || air.kind === 'program') fixed += s.rows[air.id];
      padding += s.padded[air.id] - s.rows[air.id];
    }
    if (fixed > 0) out.values[1][synthetic(out, ['[fixed]', air.name])] += fixed * width[air.id];
    if (padding > 0) out.values[1][synthetic(out, ['[padding]', air.name])] += padding * width[air.id];
  }
  return dropEmpty(out);
}

function synthetic(out: LineSamples, stack: string[]): number {
  const i = out.ctx.length;
  out.ctx.push(0);
  out.idx.push(-1);
  out.synthetic.push(stack);
  for (const v of out.values) v.push(0);
  return i;
}

function dropEmpty(s: LineSamples): LineSamples {
  const out: LineSamples = { ctx: [], idx: [], synthetic: [], values: [[], [], []] };
  for (let i = 0; i < s.ctx.length; i++) {
    if (s.values[0][i] === 0 && s.values[1][i] === 0 && s.values[2][i] === 0) continue;
    out.ctx.push(s.ctx[i]);
    out.idx.push(s.idx[i]);
    out.synthetic.push(s.synthetic[i]);
    for (let m = 0; m < 3; m++) out.values[m].push(s.values[m][i]);
  }
  return out;
}

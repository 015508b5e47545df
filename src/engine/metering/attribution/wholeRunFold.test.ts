// A metered run whose attribution log is folded as it goes (attribution 'whole-run', wholeRunFold.ts) or not
// kept ('totals') against the same run with the full log: the same segments (instret, rows, padded rows,
// metered estimate), the same per-node totals, and for 'whole-run' the same whole-run range rows and the
// same pprof samples per (call stack with call sites, instruction) — compared by content, since context
// numbering may differ — while the log keeps less than one segment of runs. Runs with many segments, cuts
// at checkpoints (replays), calls and returns, and precompile rows.
import { describe, expect, it } from 'vitest';
import { MeteredRun, type MeteringOptions } from '../meteredRun';
import {
  DEBUG_CALLS,
  FIBONACCI_CHECKPOINT_CUTS,
  HASHMAP,
  KECCAK256,
  type MeteredCase,
} from './meteredCases.testutil';
import { RangeProfiler } from './rangeProfile';
import { callSitesOf } from '../profiles/callSites';
import { lineSamples } from '../profiles/lineSamples';
import { COST_MEASURES } from './costProfile';

const CASES: MeteredCase[] = [FIBONACCI_CHECKPOINT_CUTS, DEBUG_CALLS, HASHMAP, KECCAK256];

/** The samples as "stack|instruction" -> values, the stack spelled as (node, call site) pairs. */
function samplesByContent(q: RangeProfiler): Map<string, number[]> {
  const s = lineSamples(q, 0, q.instret);
  const sites = callSitesOf(q);
  const out = new Map<string, number[]>();
  for (let i = 0; i < s.ctx.length; i++) {
    const frames: string[] = [];
    for (let c = s.ctx[i]; c > 0; c = sites.parent[c]) frames.push(`${sites.node[c]}@${sites.site[c]}`);
    const key = `${s.synthetic[i]?.join(';') ?? frames.join('<')}|${s.idx[i]}`;
    expect(out.has(key), key).toBe(false);
    out.set(key, [s.values[0][i], s.values[1][i], s.values[2][i]]);
  }
  return out;
}

const segmentsOf = (run: MeteredRun) =>
  run.segments.map((s) => ({
    start: s.instretStart,
    n: s.numInsns,
    end: s.endTimestamp,
    rows: Array.from(s.rows),
    padded: Array.from(s.padded),
    metered: Array.from(s.metered),
  }));

function meterCase(c: MeteredCase, attribution: MeteringOptions['attribution'], logBudgetBytes?: number) {
  const run = new MeteredRun(c.program(), {
    input: c.input(),
    vmConfig: c.vmConfig?.(),
    ...c.options,
    attribution,
    logBudgetBytes,
  });
  let maxRuns = 0;
  const log = run.log;
  const settle = log.settle.bind(log);
  log.settle = (end: number) => {
    maxRuns = Math.max(maxRuns, log.runCount);
    settle(end);
  };
  const result = run.run();
  expect(result.error).toBeNull();
  expect(result.exitCode).toBe(0);
  return { run, maxRuns };
}

for (const c of CASES) {
  describe.runIf(c.need())(`attribution 'whole-run' and 'totals': ${c.name}`, () => {
    const meter = (attribution: MeteringOptions['attribution']) => meterCase(c, attribution);

    it('the same segments, per-node totals, whole-run rows and pprof samples as the full log', () => {
      const full = meter('log').run;
      const { run: folded, maxRuns } = meter('whole-run');
      const { run: totals } = meter('totals');
      expect(full.segments.length).toBeGreaterThan(2);
      expect(segmentsOf(folded)).toEqual(segmentsOf(full));
      expect(segmentsOf(totals)).toEqual(segmentsOf(full));
      const n = full.trie.size;
      const a = full.inventory.length;
      for (const run of [folded, totals]) {
        expect(Array.from(run.nodeInstructions.subarray(0, n))).toEqual(
          Array.from(full.nodeInstructions.subarray(0, n)),
        );
        expect(Array.from(run.nodeRows.subarray(0, n * a))).toEqual(
          Array.from(full.nodeRows.subarray(0, n * a)),
        );
      }
      expect(totals.log.runCount + totals.log.eventCount).toBe(0);

      const qFull = new RangeProfiler(full);
      const qFold = new RangeProfiler(folded);
      expect(qFold.instret).toBe(qFull.instret);
      const wf = qFull.rows(0, qFull.instret);
      const wo = qFold.rows(0, qFold.instret);
      expect(Array.from(wo.nodeInstructions)).toEqual(Array.from(wf.nodeInstructions));
      expect(Array.from(wo.nodeRows)).toEqual(Array.from(wf.nodeRows));
      for (const m of COST_MEASURES)
        expect(qFold.entries(0, qFold.instret, m)).toEqual(qFull.entries(0, qFull.instret, m));
      expect(samplesByContent(qFold)).toEqual(samplesByContent(qFull));
      // The folded log held fewer runs than the full one has (it keeps about one segment).
      expect(maxRuns).toBeLessThan(full.log.runCount);
      expect(folded.log.runCount).toBe(0);
      // Only the whole run can be asked.
      expect(() => qFold.rows(0, Math.floor(qFold.instret / 2))).toThrow(/whole-run/);
    }, 120_000);
  });
}

// The budget's fold, on the quick cases (many segments, calls, checkpoint cuts).
for (const c of [FIBONACCI_CHECKPOINT_CUTS, DEBUG_CALLS]) {
  describe.runIf(c.need())(`attribution 'log' with a budget: ${c.name}`, () => {
    const meter = (attribution: MeteringOptions['attribution'], budget?: number) =>
      meterCase(c, attribution, budget);
    it("'log' over its budget folds from that segment on: the same whole-run profile as 'whole-run'", () => {
      const full = meter('log').run;
      const whole = new RangeProfiler(meter('whole-run').run);
      // A budget the log passes part-way (half its final size), and one it passes at the first close.
      for (const budget of [full.log.bytes() / 2, 1]) {
        const { run } = meter('log', budget);
        expect(run.log.folder, `budget ${budget}`).not.toBeNull();
        const q = new RangeProfiler(run);
        expect(segmentsOf(run)).toEqual(segmentsOf(full));
        for (const m of COST_MEASURES)
          expect(q.entries(0, q.instret, m)).toEqual(whole.entries(0, whole.instret, m));
        expect(samplesByContent(q)).toEqual(samplesByContent(whole));
        expect(() => q.rows(0, Math.floor(q.instret / 2))).toThrow(/whole-run/);
        expect(() => q.intervals(['main'])).toThrow(/whole-run/);
      }
      // Under its budget the full log stays.
      expect(meter('log', full.log.bytes() * 4).run.log.folder).toBeNull();
    }, 120_000);
  });
}

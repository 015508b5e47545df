// Range queries of a metered run's cost (rangeProfile.ts over attributionLog.ts): the whole run's range is
// MeteredRun's per-node totals, the segments' ranges sum to it and each one has exactly its segment's
// preflighted rows per AIR, an empty range is empty, any cut is additive; instructions and static chip rows
// of an arbitrary range against a plain run's executed instructions; a function's intervals against a
// per-instruction walk of a plain run (its call stack and TracingMemory timestamp at every instruction).
import { beforeAll, describe, expect, it } from 'vitest';
import { GuestRun } from '../../guest/guestRun';
import { enterInstruction, type StackCursor } from './callStacks';
import { COST_MEASURES, costEntries, frameName } from './costProfile';
import { MeteredRun } from '../meteredRun';
import {
  DEBUG_CALLS,
  FIBONACCI_CHECKPOINT_CUTS,
  FIBONACCI_UNCHECKPOINTED_CUTS,
  KECCAK256,
  type MeteredCase,
} from './meteredCases.testutil';
import { RangeProfiler } from './rangeProfile';
import { segmentJson } from '../segmentReport';

const CASES: MeteredCase[] = [
  FIBONACCI_CHECKPOINT_CUTS,
  FIBONACCI_UNCHECKPOINTED_CUTS,
  DEBUG_CALLS,
  KECCAK256,
];

/** Per AIR, the rows of `rows` summed over the nodes. */
function perAir(rows: Float64Array, airs: number): number[] {
  const out = new Array<number>(airs).fill(0);
  for (let i = 0; i < rows.length; i++) out[i % airs] += rows[i];
  return out;
}

for (const c of CASES) {
  describe.runIf(c.need())(`range profiles: ${c.name}`, () => {
    let run: MeteredRun;
    let q: RangeProfiler;
    beforeAll(() => {
      run = new MeteredRun(c.program(), { input: c.input(), vmConfig: c.vmConfig?.(), ...c.options });
      const result = run.run();
      expect(result.error).toBeNull();
      expect(result.exitCode).toBe(0);
      expect(result.segments.length).toBeGreaterThan(1);
      q = new RangeProfiler(run);
    }, 120_000);

    it("the whole run's range is the run's per-node totals", () => {
      const whole = q.rows(0, run.log.instret);
      const a = run.inventory.length;
      const n = run.trie.size;
      expect(Array.from(whole.nodeInstructions.subarray(0, n))).toEqual(
        Array.from(run.nodeInstructions.subarray(0, n)),
      );
      expect(Array.from(whole.nodeRows.subarray(0, n * a))).toEqual(
        Array.from(run.nodeRows.subarray(0, n * a)),
      );
      for (const m of COST_MEASURES) expect(q.entries(0, run.log.instret, m)).toEqual(costEntries(run, m));
    });

    it("the segments' ranges sum to the whole run; each has exactly its segment's rows and cells", () => {
      const a = run.inventory.length;
      const sum = new Float64Array(run.trie.size * a);
      for (const s of run.segments) {
        const r = q.rows(s.instretStart, s.instretStart + s.numInsns);
        r.nodeRows.forEach((x, i) => (sum[i] += x));
        const totals = perAir(r.nodeRows, a);
        for (const air of run.inventory.airs) {
          if (air.constantHeight !== undefined || air.kind === 'program') continue;
          expect({ segment: s.index, air: air.name, rows: totals[air.id] }).toEqual({
            segment: s.index,
            air: air.name,
            rows: s.rows[air.id],
          });
        }
        expect(r.nodeInstructions.reduce((t, x) => t + x, 0)).toBe(s.numInsns);
        // The segment's profile in cells is its AIR table's cells (attributed + [fixed] + [padding]).
        const cells = q.entries(s.instretStart, s.instretStart + s.numInsns, 'cells');
        const table = segmentJson(run, s).airs.reduce((t, x) => t + x.cells, 0);
        expect(cells.reduce((t, e) => t + e.weight, 0)).toBe(table);
      }
      expect(Array.from(sum)).toEqual(Array.from(run.nodeRows.subarray(0, run.trie.size * a)));
    });

    it('an empty range is empty; any cut is additive', () => {
      const mid = Math.floor(run.log.instret * 0.37) + 3;
      for (const m of COST_MEASURES) {
        expect(q.entries(mid, mid, m)).toEqual([]);
        expect(q.entries(0, 0, m)).toEqual([]);
      }
      const left = q.rows(0, mid);
      const right = q.rows(mid, run.log.instret);
      const whole = q.rows(0, run.log.instret);
      expect(Array.from(left.nodeRows.map((x, i) => x + right.nodeRows[i]))).toEqual(
        Array.from(whole.nodeRows),
      );
    });

    it("an arbitrary range's instructions per function and static chip rows are a plain run's", () => {
      const from = Math.floor(run.log.instret * 0.21) + 1;
      const to = Math.floor(run.log.instret * 0.83) + 5;
      const plain = new GuestRun(c.program(), {
        input: c.input(),
        vmConfig: c.vmConfig?.(),
        mode: 'persistent',
      });
      const fnCount = new Map<string, number>();
      const chip = new Array<number>(run.inventory.length).fill(0);
      let at = 0;
      plain.machine.onStep = (idx) => {
        if (at >= from && at < to) {
          const f = run.functions.names[run.functions.funcOf[idx]];
          fnCount.set(f, (fnCount.get(f) ?? 0) + 1);
          if (run.airOf[idx] >= 0 && run.dynamic[idx] === 0) chip[run.airOf[idx]]++;
        }
        at++;
      };
      plain.run(1e9);
      const r = q.rows(from, to);
      const ours = new Map<string, number>();
      for (let n = 1; n < run.trie.size; n++) {
        if (r.nodeInstructions[n] === 0) continue;
        const f = run.functions.names[run.trie.func[n]];
        ours.set(f, (ours.get(f) ?? 0) + r.nodeInstructions[n]);
      }
      expect(ours).toEqual(fnCount);
      // Static chip rows: the range's rows of chip AIRs minus its dynamic/precompile events.
      const totals = perAir(r.nodeRows, run.inventory.length);
      const log = run.log;
      for (let e = 0; e < log.eventCount; e++) {
        const air = run.inventory.airs[log.eventAir[e]];
        if ((air.kind === 'chip' || air.kind === 'phantom') && log.eventAt[e] >= from && log.eventAt[e] < to)
          totals[air.id] -= log.eventRows[e];
      }
      for (const air of run.inventory.airs)
        if (air.kind === 'chip' || air.kind === 'phantom')
          expect([air.name, totals[air.id]]).toEqual([air.name, chip[air.id]]);
    });

    it("a function's intervals are the instructions and timestamps a plain run spends in it", () => {
      // The busiest call stack two frames deep or more, and its caller.
      const entries = costEntries(run, 'instructions').filter((e) => e.stack.length >= 2);
      entries.sort((x, y) => y.weight - x.weight);
      const target = entries[0].stack;
      for (const p of [target, target.slice(0, -1)]) {
        const plain = new GuestRun(c.program(), {
          input: c.input(),
          vmConfig: c.vmConfig?.(),
          mode: 'persistent',
        });
        const cur: StackCursor = { node: 0, pending: 0 };
        const names = run.functions.names.map(frameName);
        const inside: boolean[] = [];
        const ts: number[] = [];
        plain.machine.onStep = (idx) => {
          const node = enterInstruction(run.trie, run.functions, cur, idx);
          const stack = run.trie.path(node, names);
          inside.push(p.every((f, i) => stack[i] === f));
          ts.push(plain.memory.timestamp);
        };
        plain.run(1e9);
        ts.push(plain.memory.timestamp);
        const ins: number[] = [];
        const tts: number[] = [];
        for (let i = 0; i < inside.length; i++) {
          if (!inside[i]) continue;
          if (ins.length > 0 && ins[ins.length - 1] === i) {
            ins[ins.length - 1] = i + 1;
            tts[tts.length - 1] = ts[i + 1];
          } else {
            ins.push(i, i + 1);
            tts.push(ts[i], ts[i + 1]);
          }
        }
        const got = q.intervals(p);
        expect(ins.length).toBeGreaterThan(0);
        expect(Array.from(got.instret)).toEqual(ins);
        expect(Array.from(got.timestamps)).toEqual(tts);
      }
      expect(q.intervals(['no such function']).instret.length).toBe(0);
    });
  });
}

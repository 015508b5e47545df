// The cost view's figures, cross-checked against the CLI: `npm run memscope -- run X --summary` for
// scripts (the other mode: the same script with its `mode` line changed; scripts without `finalize`: the
// same script with `finalize` appended), and `npm run memscope -- exec X.elf --mode M` for guests.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CostComparison, costComparison, type ModeCost } from './costComparison';

const PUBLIC = resolve(__dirname, '../../../public');
const bytes = (file: string) => new Uint8Array(readFileSync(`${PUBLIC}/${file}`));

/** The CLI summary's figures of one run: records, rows per N = 2..32, touched entries. */
function summary(r: ModeCost) {
  return {
    splits: r.records.splits,
    merges: r.records.merges,
    rows: r.adapters.map((a) => a.rows),
    touched: r.boundary.entries,
  };
}

function check(c: CostComparison) {
  for (const r of c.runs) {
    // Records by block size add up to the totals, padded heights are powers of two (or 0), totals add up.
    expect(r.adapters.reduce((n, a) => n + a.splits, 0)).toBe(r.records.splits);
    expect(r.adapters.reduce((n, a) => n + a.merges, 0)).toBe(r.records.merges);
    for (const a of r.adapters)
      expect(a.padded === 0 || (a.padded >= a.rows && (a.padded & (a.padded - 1)) === 0)).toBe(true);
    expect(r.total.rows).toBe(r.adapters.reduce((n, a) => n + a.rows, 0) + r.boundary.rows);
    expect(r.boundary.rows).toBe(r.mode === 'persistent' ? 2 * r.boundary.entries : r.boundary.entries);
  }
}

describe('costComparison on scripts', () => {
  it('finalize.mtrace: persistent as loaded, volatile as the what-if', () => {
    const c = costComparison('mtrace', bytes('examples/finalize.mtrace'));
    check(c);
    expect(c.mode).toBe('persistent');
    expect(c.runs.map((r) => [r.mode, r.status, r.finalize])).toEqual([
      ['persistent', 'done', 'script'],
      ['volatile', 'done', 'script'],
    ]);
    // {"splits":6,"merges":6,"adapter_rows":{"2":0,"4":0,"8":14,"16":2,"32":0},"touched":4}
    expect(summary(c.runs[0])).toEqual({ splits: 6, merges: 6, rows: [0, 0, 14, 2, 0], touched: 4 });
    expect(c.runs[0].boundary).toEqual({ air: 'PersistentBoundaryAir<8>', entries: 4, rows: 8, padded: 8 });
    expect(c.runs[0].adapters.map((a) => a.padded)).toEqual([0, 0, 16, 2, 0]);
    // with `mode volatile`: {"splits":9,"merges":9,"adapter_rows":{"2":28,"4":14,"8":6,"16":2,"32":0},"touched":28}
    expect(summary(c.runs[1])).toEqual({ splits: 9, merges: 9, rows: [28, 14, 6, 2, 0], touched: 28 });
    expect(c.runs[1].boundary).toEqual({ air: 'VolatileBoundaryAir', entries: 28, rows: 28, padded: 32 });
    expect(c.notes.join(' ')).toMatch(/init/);
  });

  it('volatile.mtrace: records by block size, and persistent as the what-if', () => {
    const c = costComparison('mtrace', bytes('examples/volatile.mtrace'));
    check(c);
    expect(c.mode).toBe('volatile');
    // {"splits":3,"merges":3,"adapter_rows":{"2":8,"4":4,"8":2,"16":0,"32":0},"touched":8}
    expect(summary(c.runs[0])).toEqual({ splits: 3, merges: 3, rows: [8, 4, 2, 0, 0], touched: 8 });
    // Two zero merges 1 -> 4 and the access's merge 4 -> 8; finalize: 8 -> 4, then two 4 -> 1.
    expect(c.runs[0].adapters.map((a) => [a.n, a.splits, a.merges])).toEqual([
      [2, 0, 0],
      [4, 2, 2],
      [8, 1, 1],
      [16, 0, 0],
      [32, 0, 0],
    ]);
    // with `mode persistent`: {"splits":2,"merges":2,"adapter_rows":{"2":0,"4":0,"8":4,"16":0,"32":0},"touched":1}
    expect(summary(c.runs[1])).toEqual({ splits: 2, merges: 2, rows: [0, 0, 4, 0, 0], touched: 1 });
    expect(c.runs[1].boundary.padded).toBe(2);
  });

  it('a lesson without `finalize` is finalized at its end, and says so', () => {
    const c = costComparison('mtrace', bytes('lessons/08-cost.mtrace'));
    check(c);
    expect(c.runs.map((r) => r.finalize)).toEqual(['added', 'added']);
    // 08-cost.mtrace + `finalize`: {"splits":14,"merges":14,"adapter_rows":{"2":0,"4":0,"8":34,"16":4,"32":2},"touched":11}
    expect(summary(c.runs[0])).toEqual({ splits: 14, merges: 14, rows: [0, 0, 34, 4, 2], touched: 11 });
    expect(c.runs[0].total).toEqual({ rows: 34 + 4 + 2 + 22, padded: 64 + 4 + 2 + 32 });
    // ... in volatile mode: {"splits":19,"merges":19,"adapter_rows":{"2":64,"4":32,"8":12,"16":4,"32":2},"touched":64}
    expect(summary(c.runs[1])).toEqual({ splits: 19, merges: 19, rows: [64, 32, 12, 4, 2], touched: 64 });
    expect(c.notes.filter((n) => n.includes('no `finalize`: both runs were finalized'))).toHaveLength(1);
  });
});

describe('costComparison on guests', () => {
  it('lesson_subword.elf in both modes, as `memscope exec --mode` reports them', () => {
    const c = costComparison('guest', bytes('examples/lesson_subword.elf'));
    check(c);
    expect(c.runs.map((r) => [r.mode, r.status, r.steps])).toEqual([
      ['persistent', 'done', 55],
      ['volatile', 'done', 55],
    ]);
    // records {split 11, merge 11}, AccessAdapterAir<8> 22 rows (height 32), touchedChunks 11, boundaryRows 22
    expect(summary(c.runs[0])).toEqual({ splits: 11, merges: 11, rows: [0, 0, 22, 0, 0], touched: 11 });
    expect(c.runs[0].adapters.map((a) => a.padded)).toEqual([0, 0, 32, 0, 0]);
    expect(c.runs[0].boundary.rows).toBe(22);
    // --mode volatile: {split 17, merge 17}, <2> 68 (128), <4> 34 (64), touchedChunks 68, boundaryRows 68
    expect(summary(c.runs[1])).toEqual({ splits: 17, merges: 17, rows: [68, 34, 0, 0, 0], touched: 68 });
    expect(c.runs[1].adapters.map((a) => a.padded)).toEqual([128, 64, 0, 0, 0]);
    expect(c.runs[1].boundary).toMatchObject({ rows: 68, padded: 128 });
  });

  it('hello.elf loaded in volatile mode puts volatile first', () => {
    const c = costComparison('guest', bytes('examples/hello.elf'), { mode: 'volatile' });
    check(c);
    expect(c.runs.map((r) => r.mode)).toEqual(['volatile', 'persistent']);
    // --mode volatile: {split 16, merge 16}, <2> 64, <4> 32, touchedChunks 64; persistent: 10/10, <8> 20, 10 chunks
    expect(summary(c.runs[0])).toEqual({ splits: 16, merges: 16, rows: [64, 32, 0, 0, 0], touched: 64 });
    expect(summary(c.runs[1])).toEqual({ splits: 10, merges: 10, rows: [0, 0, 20, 0, 0], touched: 10 });
  });

  it('stops a long guest at the step cap and says so', () => {
    const c = costComparison('guest', bytes('examples/hashmap.elf'), {}, 50_000);
    check(c);
    expect(c.runs.map((r) => [r.status, r.steps, r.finalize])).toEqual([
      ['capped', 50_000, 'added'],
      ['capped', 50_000, 'added'],
    ]);
    expect(
      c.notes.filter((n) => n.startsWith('Both runs stopped at the step cap (50,000 steps)')),
    ).toHaveLength(1);
    expect(() => costComparison('guest', bytes('examples/hashmap.elf'), {}, 0)).toThrow(/step cap/);
  });
});

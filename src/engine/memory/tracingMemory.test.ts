// The worked examples of shared/spec/openvm-v1-memory.md §3.3 (derived from online.rs by hand), checked
// record by record against the engine.
import { describe, expect, it } from 'vitest';
import { defaultMemoryConfig } from './config';
import { RecordLog } from './recordLog';
import { TracingMemory } from './tracingMemory';
import { EngineError } from '../errors';

type Rec = [kind: 'split' | 'merge', as: number, ptr: number, b: number, l: number, t: number, data: number[], prevTs?: number[]];

function take(m: TracingMemory): Rec[] {
  const out: Rec[] = [];
  for (let i = 0; i < m.records.length; i++) {
    const r = m.records.get(i);
    const rec: Rec = [r.kind, r.addressSpace, r.pointer, r.blockSize, r.lowestBlockSize, r.timestamp, r.data];
    if (r.prevTimestamps) rec.push(r.prevTimestamps);
    out.push(rec);
  }
  m.records.clear();
  return out;
}
const bytes = (...xs: number[]) => xs;
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
const fresh = (ibs: number) => new TracingMemory(defaultMemoryConfig(), ibs, new RecordLog(true));

describe('worked example A (persistent, AS2, initial image a0..af)', () => {
  // The steps of the example in order; each test starts from a fresh memory that has replayed the steps
  // before its own (records taken), so every step is checked on its own and in any order.
  const steps: ((m: TracingMemory) => number | void)[] = [
    (m) => m.write(2, 0, 4, [1, 2, 3, 4]),
    (m) => m.read(2, 0, 8),
    (m) => m.read(2, 4, 4),
    (m) => m.write(2, 0, 16, range(0x50, 16)),
  ];
  const after = (n: number) => {
    const m = fresh(8);
    range(0, 16).forEach((i) => m.setCell(2, i, 0xa0 + i));
    for (const step of steps.slice(0, n)) {
      step(m);
      take(m);
    }
    return m;
  };
  it('A1: write 4 at 0 splits the first-touched chunk at t 0', () => {
    const m = after(0);
    expect(steps[0](m)).toBe(0);
    expect(Array.from(m.values.subarray(0, 4))).toEqual(range(0xa0, 4));
    expect(take(m)).toEqual([['split', 2, 0, 8, 4, 0, range(0xa0, 8)]]);
  });
  it('A2: read 8 at 0 merges with prev_ts [1, 0]', () => {
    const m = after(1);
    expect(steps[1](m)).toBe(1);
    expect(take(m)).toEqual([['merge', 2, 0, 8, 4, 1, bytes(1, 2, 3, 4, 0xa4, 0xa5, 0xa6, 0xa7), [1, 0]]]);
    expect(m.records.timestampAndMask.length).toBeGreaterThan(0);
  });
  it('A3: read 4 at 4 splits the 8-block at its timestamp 2', () => {
    const m = after(2);
    expect(steps[2](m)).toBe(2);
    expect(take(m)).toEqual([['split', 2, 0, 8, 4, 2, bytes(1, 2, 3, 4, 0xa4, 0xa5, 0xa6, 0xa7)]]);
  });
  it('A4: write 16 at 0 first-touches chunk 8 and merges [2, 3, 0, 0]', () => {
    const m = after(3);
    expect(steps[3](m)).toBe(3);
    expect(take(m)).toEqual([
      ['split', 2, 8, 8, 4, 0, range(0xa8, 8)],
      ['merge', 2, 0, 16, 4, 3, [1, 2, 3, 4, ...range(0xa4, 12)], [2, 3, 0, 0]],
    ]);
    expect(m.timestamp).toBe(5);
  });
  it('A-finalize: split 16 -> 4 and two chunk merges; rows <8> 10, <16> 2 in all', () => {
    const m = after(4);
    const touched = m.finalize(true);
    expect(take(m)).toEqual([
      ['split', 2, 0, 16, 4, 4, range(0x50, 16)],
      ['merge', 2, 0, 8, 4, 4, range(0x50, 8), [4, 4]],
      ['merge', 2, 8, 8, 4, 4, range(0x58, 8), [4, 4]],
    ]);
    expect(touched.pointer).toEqual([0, 8]);
    expect(touched.timestamp).toEqual([4, 4]);
    expect(touched.values).toEqual(range(0x50, 16));
    expect(Array.from(m.records.rows)).toEqual([0, 0, 10, 2, 0]);
  });
});

describe('worked example B (persistent, native AS4)', () => {
  it('read 4 at 3 splits chunk 0 down to 1 and merges at an unaligned pointer', () => {
    const m = fresh(8);
    expect(m.read(4, 3, 4)).toBe(0);
    expect(take(m)).toEqual([
      ['split', 4, 0, 8, 1, 0, new Array(8).fill(0)],
      ['merge', 4, 3, 4, 1, 0, [0, 0, 0, 0], [0, 0, 0, 0]],
    ]);
    const touched = m.finalize(true);
    expect(take(m)).toEqual([
      ['split', 4, 3, 4, 1, 1, [0, 0, 0, 0]],
      ['merge', 4, 0, 8, 1, 1, new Array(8).fill(0), [0, 0, 0, 1, 1, 1, 1, 0]],
    ]);
    expect(touched.pointer).toEqual([0]);
    expect(Array.from(m.records.rows)).toEqual([12, 6, 2, 0, 0]);
  });
});

describe('worked example C (volatile, AS2)', () => {
  it('first touches record zero merges; finalize splits every unit to cells', () => {
    const m = fresh(1);
    expect(m.write(2, 0, 4, [1, 2, 3, 4])).toBe(0);
    expect(take(m)).toEqual([['merge', 2, 0, 4, 1, 0, [0, 0, 0, 0], [0, 0, 0, 0]]]);
    expect(m.read(2, 0, 8)).toBe(1);
    expect(take(m)).toEqual([
      ['merge', 2, 4, 4, 1, 0, [0, 0, 0, 0], [0, 0, 0, 0]],
      ['merge', 2, 0, 8, 4, 1, [1, 2, 3, 4, 0, 0, 0, 0], [1, 0]],
    ]);
    const touched = m.finalize(false);
    expect(take(m)).toEqual([
      ['split', 2, 0, 8, 4, 2, [1, 2, 3, 4, 0, 0, 0, 0]],
      ['split', 2, 0, 4, 1, 2, [1, 2, 3, 4]],
      ['split', 2, 4, 4, 1, 2, [0, 0, 0, 0]],
    ]);
    expect(touched.pointer).toEqual(range(0, 8));
    expect(touched.timestamp).toEqual(new Array(8).fill(2));
    expect(Array.from(m.records.rows)).toEqual([8, 4, 2, 0, 0]);
  });
  it('the volatile oddity: the zero merge ignores a non-zero image', () => {
    const m = fresh(1);
    m.setCell(2, 0, 9);
    m.read(2, 0, 4);
    expect(Array.from(m.values.subarray(0, 4))).toEqual([9, 0, 0, 0]);
    expect(take(m)).toEqual([['merge', 2, 0, 4, 1, 0, [0, 0, 0, 0], [0, 0, 0, 0]]]);
  });
});

describe('worked example D (persistent, registers: add x3, x1, x2)', () => {
  it('two first-touch splits, then the write takes the fast path', () => {
    const m = fresh(8);
    m.pokeWord(1, 4, 5);
    m.pokeWord(1, 8, 7);
    expect(m.readWord(1, 4)).toBe(5);
    expect(m.lastTPrev).toBe(0);
    expect(m.readWord(1, 8)).toBe(7);
    expect(take(m)).toEqual([
      ['split', 1, 0, 8, 4, 0, [0, 0, 0, 0, 5, 0, 0, 0]],
      ['split', 1, 8, 8, 4, 0, [7, 0, 0, 0, 0, 0, 0, 0]],
    ]);
    expect(m.writeWord(1, 12, 12)).toBe(0);
    expect(m.lastTPrev).toBe(0);
    expect(take(m)).toEqual([]);
    m.finalize(true);
    expect(take(m)).toEqual([
      ['merge', 1, 0, 8, 4, 1, [0, 0, 0, 0, 5, 0, 0, 0], [0, 1]],
      ['merge', 1, 8, 8, 4, 3, [7, 0, 0, 0, 12, 0, 0, 0], [2, 3]],
    ]);
    expect(m.records.rows[2]).toBe(4);
  });
});

describe('worked example E (persistent, a block not aligned to its size)', () => {
  it('write 8 at 4 inside a 16-block', () => {
    const m = fresh(8);
    m.write(2, 0, 16, range(0, 16));
    expect(take(m)).toEqual([
      ['split', 2, 0, 8, 4, 0, new Array(8).fill(0)],
      ['split', 2, 8, 8, 4, 0, new Array(8).fill(0)],
      ['merge', 2, 0, 16, 4, 0, new Array(16).fill(0), [0, 0, 0, 0]],
    ]);
    expect(m.write(2, 4, 8, range(0x40, 8))).toBe(1);
    expect(take(m)).toEqual([
      ['split', 2, 0, 16, 4, 1, range(0, 16)],
      ['merge', 2, 4, 8, 4, 1, range(4, 8), [1, 1]],
    ]);
    m.finalize(true);
    expect(take(m)).toEqual([
      ['split', 2, 4, 8, 4, 2, range(0x40, 8)],
      ['merge', 2, 0, 8, 4, 2, [0, 1, 2, 3, 0x40, 0x41, 0x42, 0x43], [1, 2]],
      ['merge', 2, 8, 8, 4, 2, [0x44, 0x45, 0x46, 0x47, 12, 13, 14, 15], [2, 1]],
    ]);
  });
});

describe('worked example F (persistent, the accesses of a tiny RV32 program)', () => {
  it('gives the t_prev column and 6 <8> rows', () => {
    const m = fresh(8);
    const tPrevs: number[] = [];
    const r = (as: number, p: number) => (m.readWord(as, p), tPrevs.push(m.lastTPrev));
    const w = (as: number, p: number, v: number) => (m.writeWord(as, p, v), tPrevs.push(m.lastTPrev));
    w(1, 8, 0x1000); // lui x2, 0x1
    r(1, 0); m.incrementTimestamp(); w(1, 4, 0xffffffff); // addi x1, x0, -1
    r(1, 8); r(1, 4); w(2, 0x1000, 0xffffffff); // sw x1, 0(x2)
    r(1, 8); r(2, 0x1000); w(1, 12, 0xff); // lbu x3, 1(x2)
    r(1, 8); r(1, 0); w(2, 0x1000, 0xffff00ff); // sb x0, 2(x2)
    expect(tPrevs).toEqual([0, 0, 0, 1, 4, 0, 5, 7, 0, 8, 2, 9]);
    expect(m.timestamp).toBe(14);
    take(m);
    const touched = m.finalize(true);
    expect(take(m).map((r) => [r[1], r[2], r[5], r[7]])).toEqual([
      [1, 0, 12, [12, 6]],
      [1, 8, 11, [11, 10]],
      [2, 0x1000, 13, [13, 0]],
    ]);
    expect(m.records.rows[2]).toBe(6);
    expect(touched.pointer.length).toBe(3);
  });
});

describe('OpenVM assertions and bounds become typed errors', () => {
  it('misaligned pointer', () => {
    expect(() => fresh(8).read(2, 2, 4)).toThrow(/pointer=2 not aligned to 4/);
  });
  it('pointer past 2^29 (rv32im test_load_x0)', () => {
    const e = (() => {
      try {
        fresh(8).readWord(2, 0x40000000);
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).kind).toBe('out-of-bounds');
  });
  it('AS3 accepts pointers up to 4095 thanks to page rounding, not 4096', () => {
    const m = fresh(8);
    expect(() => m.writeWord(3, 4092, 1)).not.toThrow();
    expect(() => m.writeWord(3, 4096, 1)).toThrow(/out of range/);
  });
  it('finalize assertions fire when IBS and mode are mismatched (spec §4)', () => {
    const f2 = fresh(4);
    f2.write(2, 4, 4, [1, 2, 3, 4]);
    expect(() => f2.finalize(true)).toThrow(/online.rs:1018 .*CHUNK`-aligned/);
    const f4 = fresh(1);
    f4.write(2, 0, 4, [1, 2, 3, 4]);
    expect(() => f4.finalize(true)).toThrow(/online.rs:1129/);
    const f1 = fresh(4);
    f1.write(2, 0, 4, [1, 2, 3, 4]);
    f1.write(2, 8, 4, [1, 2, 3, 4]);
    expect(() => f1.finalize(true)).toThrow(/online.rs:1008/);
  });
  it('a 29-bit timestamp overflow is refused', () => {
    const m = fresh(8);
    m.incrementTimestampBy(2 ** 29 - 2); // timestamp starts at 1: now 2^29 - 1, the last legal one
    expect(() => m.read(2, 0, 4)).not.toThrow();
    expect(() => m.read(2, 0, 4)).toThrow(/>= 2\^29/);
  });
});

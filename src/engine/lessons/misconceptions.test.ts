// Wrong answers are the true record list changed by one misconception each, only when it changes
// something, never equal to the truth or to each other.
import { describe, expect, it } from 'vitest';
import { distractors, type FactAccess, type StepFacts } from './misconceptions';
import { listKey, type RecordShape } from './recordShape';

const split = (p: number, b: number, l: number, t: number): RecordShape => ({
  kind: 'split',
  addressSpace: 2,
  pointer: p,
  blockSize: b,
  lowestBlockSize: l,
  timestamp: t,
});
const merge = (p: number, b: number, l: number, t: number, prev: number[]): RecordShape => ({
  kind: 'merge',
  addressSpace: 2,
  pointer: p,
  blockSize: b,
  lowestBlockSize: l,
  timestamp: t,
  prevTimestamps: prev,
});
const access = (
  pointer: number,
  size: number,
  records: FactAccess['records'],
  timestamp = 5,
): FactAccess => ({ op: 'read', addressSpace: 2, pointer, size, timestamp, tPrev: 4, records });
const facts = (
  accesses: FactAccess[],
  mode: StepFacts['mode'] = 'persistent',
  finalize: StepFacts['finalize'] = [],
): StepFacts => ({ mode, accesses, finalize, subword: false });

describe('distractors', () => {
  it('a split inside a larger block: split to the access size, merge without the split', () => {
    const f = facts([
      access(24, 8, [
        { shape: split(16, 16, 4, 4), cause: 'existing-block-split' },
        { shape: merge(24, 8, 4, 4, [4, 4]), cause: 'access-merge' },
      ]),
    ]);
    const d = distractors(f);
    expect(d.map((x) => x.records)).toEqual([
      [split(16, 16, 8, 4)],
      [merge(24, 8, 4, 4, [4, 4])],
      [{ ...split(16, 16, 4, 4), pointer: 24 }, merge(24, 8, 4, 4, [4, 4])],
    ]);
    expect(d[0].misconception).toMatch(/to the size of the access/);
    const keys = d.map((x) => listKey(x.records));
    expect(new Set([...keys, listKey(f.accesses[0].records.map((r) => r.shape))]).size).toBe(4);
  });

  it('a quiet repeat: touching again, merging anyway, splitting to cells', () => {
    const d = distractors(facts([access(0, 8, [])]));
    expect(d.map((x) => x.records)).toEqual([
      [split(0, 8, 4, 0)],
      [merge(0, 4, 1, 0, [0, 0, 0, 0]), merge(4, 4, 1, 0, [0, 0, 0, 0])],
      [merge(0, 8, 4, 4, [4, 4])],
    ]);
  });

  it('volatile first touches: no first touch, one zero merge for the whole access, the persistent first touch', () => {
    const zm = (p: number) => ({
      shape: merge(p, 4, 1, 0, [0, 0, 0, 0]),
      cause: 'first-touch-zero-merge' as const,
    });
    const f = facts(
      [access(16, 8, [zm(16), zm(20), { shape: merge(16, 8, 4, 0, [0, 0]), cause: 'access-merge' }])],
      'volatile',
    );
    const d = distractors(f);
    expect(d.map((x) => x.records)).toEqual([
      [merge(16, 8, 4, 0, [0, 0])],
      [merge(16, 8, 1, 0, new Array<number>(8).fill(0))],
      [split(16, 8, 4, 0), merge(16, 8, 4, 0, [0, 0])],
    ]);
  });

  it('finalize: without the splits, without the aligned chunk, split only to chunks', () => {
    const f = facts([], 'persistent', [
      { shape: split(0, 8, 4, 1), cause: 'finalize-block-split' },
      { shape: merge(0, 8, 4, 1, [1, 1]), cause: 'finalize-chunk-merge' },
      { shape: split(16, 16, 4, 2), cause: 'finalize-block-split' },
      { shape: merge(16, 8, 4, 2, [2, 2]), cause: 'finalize-chunk-merge' },
      { shape: merge(24, 8, 4, 2, [2, 2]), cause: 'finalize-chunk-merge' },
    ]);
    const d = distractors(f);
    expect(d.map((x) => x.records.length)).toEqual([3, 3, 3]);
    expect(d[2].records[2]).toEqual(split(16, 16, 8, 2));
  });

  it('offers nothing when nothing happened and nothing was accessed', () => {
    expect(distractors(facts([]))).toEqual([]);
  });
});

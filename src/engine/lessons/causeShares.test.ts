// The cause sentences on constructed runs (the figures of ecrecover's persistent run, and a pure RV32IM one).
import { describe, expect, it } from 'vitest';
import { causeSentences, isChipCause, percent } from './causeShares';
import type { ModeCost } from './costComparison';

function run(rows: number[], causes: ModeCost['causes']): ModeCost {
  return {
    mode: 'persistent',
    steps: 1,
    timestamp: 1,
    status: 'done',
    error: null,
    finalize: 'added',
    records: { splits: 0, merges: 0 },
    adapters: rows.map((r, k) => ({ n: 2 << k, splits: 0, merges: 0, rows: r, padded: r })),
    boundary: { air: 'PersistentBoundaryAir<8>', entries: 0, rows: 0, padded: 0 },
    total: { rows: 0, padded: 0 },
    causes,
  };
}

describe('causeSentences', () => {
  it('ecrecover: the extension chips against RV32IM and finalize, per AIR with rows', () => {
    const r = run(
      [0, 0, 9254, 3004, 1502],
      [
        { cause: 'RV32IM', rows: [0, 0, 3394, 912, 456] },
        { cause: 'Keccak-256', rows: [0, 0, 3, 0, 0] },
        { cause: 'modular', rows: [0, 0, 744, 352, 176] },
        { cause: 'ECC', rows: [0, 0, 2310, 1150, 575] },
        { cause: 'finalize', rows: [0, 0, 2803, 590, 295] },
      ],
    );
    expect(causeSentences(r, 'ecrecover')).toEqual([
      'ecrecover: 33 % of AccessAdapterAir<8> rows come from extension chips (ECC 25 %, modular 8 %, Keccak-256 <1 %), 37 % from RV32IM instructions, 30 % from finalize.',
      'ecrecover: 50 % of AccessAdapterAir<16> rows come from extension chips (ECC 38 %, modular 12 %), 30 % from RV32IM instructions, 20 % from finalize.',
      'ecrecover: 50 % of AccessAdapterAir<32> rows come from extension chips (ECC 38 %, modular 12 %), 30 % from RV32IM instructions, 20 % from finalize.',
    ]);
  });

  it('one chip, and a run without any', () => {
    const one = run(
      [0, 0, 10, 4, 0],
      [
        { cause: 'Int256', rows: [0, 0, 6, 4, 0] },
        { cause: 'finalize', rows: [0, 0, 4, 0, 0] },
      ],
    );
    expect(causeSentences(one, 'int256')).toEqual([
      'int256: 60 % of AccessAdapterAir<8> rows come from the Int256 chip, 40 % from finalize.',
      'int256: 100 % of AccessAdapterAir<16> rows come from the Int256 chip.',
    ]);
    const pure = run(
      [0, 0, 20, 0, 0],
      [
        { cause: 'RV32IM', rows: [0, 0, 0, 0, 0] },
        { cause: 'finalize', rows: [0, 0, 20, 0, 0] },
      ],
    );
    expect(causeSentences(pure, 'hello')).toEqual([
      'hello: AccessAdapterAir<8> rows: 100 % from finalize (no extension chip).',
    ]);
  });

  it('percent and isChipCause', () => {
    expect([percent(0, 5), percent(1, 1000), percent(1, 3)]).toEqual(['0 %', '<1 %', '33 %']);
    expect(['RV32IM', 'finalize', 'script accesses', 'modular', 'Fp2'].map(isChipCause)).toEqual([
      false,
      false,
      false,
      true,
      true,
    ]);
  });
});

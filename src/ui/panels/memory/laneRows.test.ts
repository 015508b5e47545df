import { describe, expect, it } from 'vitest';
import { distributeRows, laneSizes } from './laneRows';

const regs = { addressSpace: 1, cells: 128, perRow: 32, touched: true };
const mem = { addressSpace: 2, cells: 2 ** 29, perRow: 32, touched: true };
const pub = { addressSpace: 3, cells: 32, perRow: 32, touched: true };

describe('lane rows', () => {
  it('fills the room: small spaces get all their rows, main memory the rest', () => {
    expect(distributeRows([regs, mem, pub], 14)).toEqual([4, 9, 1]);
    expect(laneSizes([regs, mem, pub], 14)).toEqual({
      1: { len: 128, row: 32 },
      2: { len: 9 * 32, row: 32 },
      3: { len: 32, row: 32 },
    });
  });
  it('shares a small room round robin, one row at least per lane', () => {
    const narrow = [
      { ...regs, perRow: 16 },
      { ...mem, perRow: 16 },
      { ...pub, perRow: 16 },
    ];
    expect(distributeRows(narrow, 6)).toEqual([2, 2, 2]);
    expect(distributeRows(narrow, 7)).toEqual([2, 3, 2]);
    expect(distributeRows(narrow, 4)).toEqual([1, 2, 1]);
    expect(distributeRows(narrow, 1)).toEqual([1, 1, 1]);
  });
  it('gives an untouched lane one row and never more rows than a space has', () => {
    const native = { addressSpace: 4, cells: 2 ** 29, perRow: 8, touched: false };
    expect(distributeRows([regs, pub, native], 40)).toEqual([4, 1, 1]);
  });
});

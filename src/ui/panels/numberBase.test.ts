// The shared number base's formatting: addresses, ranges and cell values in hex and decimal.
import { describe, expect, it } from 'vitest';
import { fmtAddr, fmtRange, fmtValues, useNumberFormat } from './numberBase';

describe('numberBase', () => {
  it('formats addresses, ranges and values in both bases', () => {
    expect(fmtAddr(42, 'hex')).toBe('0x2a');
    expect(fmtAddr(42, 'dec')).toBe('42');
    expect(fmtRange(8, 4, 'hex')).toBe('[0x8..0xc)');
    expect(fmtRange(8, 4, 'dec')).toBe('[8..12)');
    expect(fmtValues([1, 255, 16], 'hex')).toBe('01 ff 10');
    expect(fmtValues([1, 255, 16], 'dec')).toBe('1 255 16');
    expect(fmtValues([2013265920], 'hex', 4)).toBe('0x78000000');
  });

  it('starts in hex, the base the grid and the lessons use', () => {
    expect(useNumberFormat.getState().format).toBe('hex');
  });
});

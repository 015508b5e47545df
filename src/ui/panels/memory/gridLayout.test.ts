import { describe, expect, it } from 'vitest';
import { fitFont, gridGeometry, gridHeight, gutterWidth, ROW_PITCH, valueChars } from './gridLayout';

describe('address spaces grid layout', () => {
  it('puts 32 bytes on a row when they fit, else 16; native cells 8 a row', () => {
    const g = gutterWidth(4);
    expect(gridGeometry('byte', 4, 128, 640, g).perRow).toBe(32);
    // The app's center column at 1280x720 (~490 px inside the panel): registers keep 4 rows of 32 ...
    expect(gridGeometry('byte', 4, 128, 490, g).perRow).toBe(32);
    // ... while main memory, with its 8-digit addresses, goes to 16 a row.
    expect(gridGeometry('byte', 4, 64, 490, gutterWidth(10)).perRow).toBe(16);
    expect(gridGeometry('byte', 4, 128, 400, g).perRow).toBe(16);
    expect(gridGeometry('native', 1, 32, 640, g).perRow).toBe(8);
    expect(gridGeometry('byte', 4, 8, 640, g).perRow).toBe(8);
  });

  it('groups byte cells by unit with a gap, field cells without', () => {
    const b = gridGeometry('byte', 4, 128, 490, 30);
    expect(b.gap).toBe(2);
    expect(b.cw).toBe(13.75);
    expect(b.cellX(0)).toBe(30);
    expect(b.cellX(3)).toBe(30 + 3 * 13.75);
    expect(b.cellX(4)).toBe(30 + 4 * 13.75 + 2);
    expect(b.width).toBeLessThanOrEqual(490);
    const n = gridGeometry('native', 1, 32, 640, 40);
    expect(n.gap).toBe(0);
    expect(n.cw).toBe(75);
    expect(n.cellX(7)).toBe(40 + 7 * 75);
    expect(gridGeometry('byte', 4, 128, 2000, 40).cw).toBe(34);
  });

  it('keeps the four default lanes within about 400 pixels of grid', () => {
    const rows = [128 / 32, 64 / 32, 32 / 32, 32 / 8];
    expect(rows.reduce((s, r) => s + r * ROW_PITCH, 0)).toBeLessThanOrEqual(230);
    expect(gridHeight(128, 32)).toBe(4 * ROW_PITCH);
    expect(gridHeight(30, 8)).toBe(4 * ROW_PITCH);
  });

  it('shrinks the value font to fit, down to a floor', () => {
    expect(valueChars('byte', 'dec', false)).toBe(3);
    expect(valueChars('byte', 'hex', true)).toBe(8);
    expect(valueChars('native', 'field', false)).toBe(10);
    expect(fitFont(40, 2)).toBe(10.5);
    expect(fitFont(13.75, 2)).toBe(9);
    expect(fitFont(18, 3)).toBe(8.5);
    expect(fitFont(20, 3)).toBe(9.5);
    expect(fitFont(4, 10)).toBe(8);
  });
});

import { describe, expect, it } from 'vitest';
import { defaultMemoryConfig } from '../memory/config';
import { TracingMemory } from '../memory/tracingMemory';
import { followWindow } from './followWindow';
import { memoryOverview } from './memoryOverview';

const CELLS = 2 ** 29;

describe('followWindow', () => {
  it('keeps the window while the access is inside it', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    const s = m.space(2);
    expect(followWindow(s, { addr: 0x100, len: 128, row: 32, pointer: 0x140, cells: CELLS })).toBe(0x100);
  });

  it('leaves a window that holds the access when another placement shows more touched rows', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    for (let p = 0x1000; p < 0x1080; p += 4) m.write(2, p, 4, [1, 2, 3, 4]); // rows 0x1000..0x1060
    const s = m.space(2);
    // the window [0x1060, 0x10e0) holds the access at 0x1060 but only one touched row: it moves up
    expect(followWindow(s, { addr: 0x1060, len: 128, row: 32, pointer: 0x1060, cells: CELLS })).toBe(0x1000);
    // the best placement already: it stays
    expect(followWindow(s, { addr: 0x1000, len: 128, row: 32, pointer: 0x1060, cells: CELLS })).toBe(0x1000);
  });

  it('moves onto the heap row of the last access, showing touched rows rather than untouched ones', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    // A heap that grows upward: 8 rows of 32 bytes written from 0x220000, the last access at its top row.
    for (let p = 0x220000; p < 0x220100; p += 4) m.write(2, p, 4, [1, 2, 3, 4]);
    const last = memoryOverview(m, 2, 0, CELLS, 512);
    expect(last.newestCell).toBe(0x2200fc);
    const addr = followWindow(m.space(2), {
      addr: 0,
      len: 4 * 32,
      row: 32,
      pointer: last.newestCell,
      cells: CELLS,
    });
    // The access's row is the window's last: the three rows above are touched, the ones below are not.
    expect(addr).toBe(0x220080);
    expect(addr % 32).toBe(0);
    expect(last.newestCell).toBeGreaterThanOrEqual(addr);
    expect(last.newestCell).toBeLessThan(addr + 128);
  });

  it('puts the access a third of the way down when nothing around it is touched, and clamps at the ends', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    m.read(2, 0x4000, 4);
    const s = m.space(2);
    // 6 rows: every placement shows the one touched row; the access lands on row 2.
    expect(followWindow(s, { addr: 0, len: 6 * 32, row: 32, pointer: 0x4000, cells: CELLS })).toBe(
      0x4000 - 2 * 32,
    );
    expect(followWindow(s, { addr: 0x4000, len: 192, row: 32, pointer: 0x10, cells: CELLS })).toBe(0);
    expect(followWindow(s, { addr: 0, len: 192, row: 32, pointer: CELLS - 1, cells: CELLS })).toBe(
      CELLS - 192,
    );
    // A window as large as the space always starts at 0.
    expect(followWindow(m.space(1), { addr: 0, len: 128, row: 32, pointer: 100, cells: 128 })).toBe(0);
  });
});

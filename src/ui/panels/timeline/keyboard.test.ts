import { describe, expect, it } from 'vitest';
import { nudge } from './keyboard';

const w = { t0: 0, t1: 500 };

describe('scrubber keys', () => {
  it('moves by one with the arrows', () => {
    expect(nudge('ArrowRight', 10, w, 0, 1000)).toBe(11);
    expect(nudge('ArrowLeft', 10, w, 0, 1000)).toBe(9);
    expect(nudge('ArrowUp', 10, w, 0, 1000)).toBe(11);
    expect(nudge('ArrowDown', 10, w, 0, 1000)).toBe(9);
  });

  it('moves by a tenth of the visible window with PageUp/PageDown', () => {
    expect(nudge('PageUp', 10, w, 0, 1000)).toBe(60);
    expect(nudge('PageDown', 100, w, 0, 1000)).toBe(50);
    expect(nudge('PageUp', 10, { t0: 0, t1: 5 }, 0, 1000)).toBe(11);
  });

  it('jumps to the ends and clamps to the run', () => {
    expect(nudge('Home', 10, w, 3, 1000)).toBe(3);
    expect(nudge('End', 10, w, 3, 1000)).toBe(1000);
    expect(nudge('ArrowLeft', 3, w, 3, 1000)).toBe(3);
    expect(nudge('PageUp', 990, w, 0, 1000)).toBe(1000);
  });

  it('leaves other keys alone', () => {
    expect(nudge('s', 10, w, 0, 1000)).toBeNull();
    expect(nudge('Enter', 10, w, 0, 1000)).toBeNull();
  });
});

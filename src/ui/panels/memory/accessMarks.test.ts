import { describe, expect, it } from 'vitest';
import type { StepAccess } from '../../../engine/views/frameTypes';
import { accessesIn, accessMarks, markName, READ, WRITE } from './accessMarks';

const acc = (addressSpace: number, pointer: number, size: number, write: boolean): StepAccess => ({
  timestamp: 1,
  tPrev: 0,
  addressSpace,
  pointer,
  size,
  write,
  recordStart: 0,
  recordEnd: 0,
});

describe('current step access marks', () => {
  it('marks read, written and read-then-written cells of one space', () => {
    const step = [acc(1, 40, 4, false), acc(1, 40, 4, true), acc(1, 52, 4, false), acc(2, 0, 8, true)];
    const m = accessMarks(step, 1);
    expect(m.get(40)).toBe(READ | WRITE);
    expect(m.get(43)).toBe(READ | WRITE);
    expect(m.get(52)).toBe(READ);
    expect(m.get(56)).toBeUndefined();
    expect(m.has(0)).toBe(false);
    expect(accessMarks(step, 2).get(7)).toBe(WRITE);
    expect(accessesIn(step, 1)).toHaveLength(3);
  });

  it('names the marks', () => {
    expect(markName(READ)).toBe('read');
    expect(markName(WRITE)).toBe('write');
    expect(markName(READ | WRITE)).toBe('read-write');
    expect(markName(0)).toBeNull();
  });
});

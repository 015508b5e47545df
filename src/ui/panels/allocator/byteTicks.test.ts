import { describe, expect, it } from 'vitest';
import { byteTicks } from './byteTicks';

describe('byte axis ticks', () => {
  it('puts axis ticks on power-of-two multiples', () => {
    expect(byteTicks(0, 242_112, 8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((i) => i * 32_768));
    expect(byteTicks(1000, 5000, 4)).toEqual([1024, 2048, 3072, 4096]);
    expect(byteTicks(7, 7, 4)).toEqual([7]);
  });
});

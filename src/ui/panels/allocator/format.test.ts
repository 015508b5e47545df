import { describe, expect, it } from 'vitest';
import { bytesExact, bytesShort, count, percent } from './format';

describe('allocator panel number formats', () => {
  it('formats exact counts and bytes', () => {
    expect(count(1234567)).toBe('1,234,567');
    expect(bytesExact(242_112)).toBe('242,112 bytes');
    expect(bytesExact(1)).toBe('1 byte');
  });

  it('formats short binary sizes', () => {
    expect(bytesShort(512)).toBe('512 B');
    expect(bytesShort(242_112)).toBe('236 KiB');
    expect(bytesShort(61_072)).toBe('59.6 KiB');
    expect(bytesShort(67_108_864)).toBe('64 MiB');
    expect(bytesShort(20_971_584)).toBe('20 MiB');
    expect(bytesShort(1536)).toBe('1.5 KiB');
  });

  it('formats fractions as percentages without hiding tiny ones', () => {
    expect(percent(0)).toBe('0%');
    expect(percent(1)).toBe('100%');
    expect(percent(0.4662)).toBe('46.6%');
    expect(percent(0.0036)).toBe('0.4%');
    expect(percent(0.00001)).toBe('<0.1%');
  });
});

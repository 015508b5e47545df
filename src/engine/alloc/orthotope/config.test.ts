import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, MAX_MODEL_MAPPING, deriveClassTable, type AllocatorConfig } from './config';
import { validateConfig } from './configValidation';

const cfg = (over: Partial<AllocatorConfig>): AllocatorConfig => ({ ...DEFAULT_CONFIG, ...over });

describe('AllocatorConfig (orthotope 0.1.7 config.rs)', () => {
  it('derives the spec table for the default tuning', () => {
    const t = deriveClassTable(DEFAULT_CONFIG);
    expect(t.refillCount).toEqual([256, 102, 7, 5, 3, 1, 1, 1, 1, 1, 1, 1]);
    expect(t.localLimit).toEqual([512, 204, 15, 10, 7, 3, 2, 2, 2, 2, 2, 2]);
    expect(t.drainCount).toEqual([128, 51, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1]);
  });

  it('takes the drain count from the refill count, not from the local target', () => {
    const t = deriveClassTable(cfg({ refillTargetBytes: 128 * 10, localCacheTargetBytes: 128 * 1000 }));
    expect(t.refillCount[0]).toBe(10);
    expect(t.localLimit[0]).toBe(1000);
    expect(t.drainCount[0]).toBe(5);
  });

  it('accepts targets of 0: refill 1, limit 2, drain 1 for every class', () => {
    const t = deriveClassTable(cfg({ refillTargetBytes: 0, localCacheTargetBytes: 0 }));
    expect(new Set(t.refillCount)).toEqual(new Set([1]));
    expect(new Set(t.localLimit)).toEqual(new Set([2]));
    expect(new Set(t.drainCount)).toEqual(new Set([1]));
    expect(validateConfig(cfg({ refillTargetBytes: 0, localCacheTargetBytes: 0 }))).toBeNull();
  });

  it('uses alignment-rounded block sizes for the derived counts', () => {
    const t = deriveClassTable(cfg({ alignment: 256 }));
    expect(t.blockSize[0]).toBe(256);
    expect(t.refillCount[0]).toBe(128);
  });

  const cases: Array<[string, Partial<AllocatorConfig>, string]> = [
    ['alignment below 64', { alignment: 32 }, 'allocator alignment must be at least 64 bytes'],
    [
      'alignment 0 (fails the first check)',
      { alignment: 0 },
      'allocator alignment must be at least 64 bytes',
    ],
    ['arena 0', { arenaSize: 0 }, 'arena size must be greater than zero'],
    ['alignment not a power of two', { alignment: 96 }, 'alignment must be a power of two'],
    [
      'arena smaller than the alignment',
      { arenaSize: 2048, alignment: 4096 },
      'arena size must be at least the alignment',
    ],
    [
      'first failing check wins (alignment before arena)',
      { alignment: 32, arenaSize: 0 },
      'allocator alignment must be at least 64 bytes',
    ],
    ['arena 0 before power of two', { arenaSize: 0, alignment: 96 }, 'arena size must be greater than zero'],
  ];
  it.each(cases)('InvalidConfig for %s', (_, over, message) => {
    expect(validateConfig(cfg(over))).toEqual({
      kind: 'InvalidConfig',
      message,
      location: { config: cfg(over) },
    });
  });

  it('accepts the extremes that are valid', () => {
    expect(validateConfig(cfg({ arenaSize: 64, alignment: 64 }))).toBeNull();
    expect(validateConfig(cfg({ arenaSize: 4096, alignment: 4096 }))).toBeNull();
  });

  it('fails to map an arena beyond the 128 TiB address space (MapFailed)', () => {
    expect(validateConfig(cfg({ arenaSize: MAX_MODEL_MAPPING - 63 }))).toBeNull();
    expect(validateConfig(cfg({ arenaSize: MAX_MODEL_MAPPING }))?.kind).toBe('MapFailed');
  });

  it('throws on values no usize can hold (caller bug, not an orthotope outcome)', () => {
    expect(() => validateConfig(cfg({ arenaSize: -1 }))).toThrow(RangeError);
    expect(() => validateConfig(cfg({ alignment: 64.5 }))).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { describeBucket, formatBucketRange, formatTime, sliderValueText } from './format';

describe('timeline text', () => {
  it('formats times with their unit', () => {
    expect(formatTime(1234567, 'timestamp')).toBe('timestamp 1,234,567');
    expect(formatTime(12, 'operation')).toBe('operation 12');
  });

  it('formats the whole times of a bucket', () => {
    const r = { t0: 120, t1: 220, buckets: 10 };
    expect(formatBucketRange(r, 0, 'operation')).toBe('operations 120–129 (10 operations)');
    expect(formatBucketRange({ t0: 7, t1: 9, buckets: 2 }, 0, 'timestamp')).toBe('timestamp 7');
    // Fractional edges: the bucket [2.5, 5) holds 3 and 4.
    expect(formatBucketRange({ t0: 0, t1: 10, buckets: 4 }, 1, 'operation')).toBe(
      'operations 3–4 (2 operations)',
    );
  });

  it('describes a bucket with one line per track', () => {
    const lines = describeBucket(
      { t0: 0, t1: 100, buckets: 10 },
      2,
      [
        { label: 'allocations', count: 4 },
        { label: 'errors', count: 1200 },
      ],
      'operation',
    );
    expect(lines).toEqual(['operations 20–29 (10 operations)', 'allocations: 4', 'errors: 1,200']);
  });

  it('announces the slider value with the run range', () => {
    expect(sliderValueText(5, 0, 1600, 'operation')).toBe('operation 5 of 0–1,600');
  });
});

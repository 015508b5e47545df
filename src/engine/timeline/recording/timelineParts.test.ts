// The small kernels of the timeline: the thinning plan, step samples with compaction, the hasher.
import { describe, expect, it } from 'vitest';
import { Hasher } from '../machines/hasher';
import { COUNTER_COUNT } from '../machines/machine';
import { StepSamples } from './stepSamples';
import { thinningPlan } from './thinning';

describe('thinningPlan', () => {
  it('keeps the first and the newest, and spaces older checkpoints by age / k', () => {
    const steps = Array.from({ length: 1001 }, (_, i) => i * 100);
    const keep = thinningPlan(steps, 100_000, 100, 8);
    expect(keep[0]).toBe(true);
    expect(keep[1000]).toBe(true);
    const kept = steps.filter((_, i) => keep[i]);
    expect(kept.length).toBeLessThan(80);
    for (let i = 1; i < kept.length - 1; i++) {
      const age = 100_000 - kept[i];
      expect(kept[i + 1] - kept[i]).toBeGreaterThanOrEqual(Math.max(100, age / 8) - 100);
    }
    expect(thinningPlan(steps, 100_000, 100, 1).filter(Boolean).length).toBeLessThan(kept.length);
  });
});

describe('StepSamples', () => {
  it('maps timestamps to samples and halves itself when full, keeping the step of every sample', () => {
    const s = new StepSamples(4, 8);
    const c = new Float64Array(COUNTER_COUNT);
    for (let i = 0; i < 20; i++) {
      expect(s.nextStep).toBe(s.count * s.every);
      const step = s.nextStep;
      c[0] = step * 10;
      s.push(1 + 3 * step, c);
    }
    expect(s.every).toBeGreaterThan(4);
    for (let i = 0; i < s.count; i++) {
      expect(s.timestamp[i]).toBe(1 + 3 * i * s.every);
      expect(s.counter(i, 0)).toBe(i * s.every * 10);
    }
    expect(s.lastAtOrBefore(0)).toBe(-1);
    expect(s.lastAtOrBefore(1 + 3 * s.every)).toBe(1);
    expect(s.lastAtOrBefore(3 * s.every)).toBe(0);
  });
});

describe('Hasher', () => {
  it('is deterministic and sensitive to every value and to boundaries', () => {
    const h = (f: (x: Hasher) => void) => {
      const x = new Hasher();
      f(x);
      return x.digest();
    };
    expect(h((x) => x.words([1, 2, 3]))).toBe(h((x) => x.words(new Uint32Array([1, 2, 3]))));
    expect(h((x) => x.words([1, 2, 3]))).not.toBe(h((x) => x.words([1, 2, 4])));
    expect(h((x) => (x.words([1]), x.words([2, 3])))).not.toBe(h((x) => (x.words([1, 2]), x.words([3]))));
    expect(h((x) => x.str('ab'))).not.toBe(h((x) => x.str('ba')));
    expect(h((x) => x.num(2 ** 40))).not.toBe(h((x) => x.num(0)));
    expect(h((x) => x.float(-1))).not.toBe(h((x) => x.float(1)));
    expect(h((x) => x.bytes(new Uint8Array([1, 2, 3, 4, 5])))).not.toBe(
      h((x) => x.bytes(new Uint8Array([1, 2, 3, 4, 6]))),
    );
  });
});

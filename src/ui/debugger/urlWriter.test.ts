import { describe, expect, it } from 'vitest';
import { ThrottledUrlWriter } from './urlWriter';

function clock() {
  let now = 0;
  const queue: { at: number; fn: () => void }[] = [];
  return {
    timers: { now: () => now, setTimeout: (fn: () => void, ms: number) => queue.push({ at: now + ms, fn }) },
    advance(ms: number) {
      now += ms;
      for (const t of queue.splice(0).sort((a, b) => a.at - b.at))
        if (t.at <= now) t.fn();
        else queue.push(t);
    },
  };
}

describe('throttled URL writes', () => {
  it('write at most once per interval, and always the last state (trailing write)', () => {
    const c = clock();
    const written: string[] = [];
    const w = new ThrottledUrlWriter((s) => written.push(s), 200, c.timers);
    w.request('?t=1');
    for (let t = 2; t <= 50; t++) {
      c.advance(10);
      w.request(`?t=${t}`);
    }
    expect(written.length).toBeLessThanOrEqual(4);
    c.advance(500);
    expect(written.at(-1)).toBe('?t=50');
    expect(written[0]).toBe('?t=1');
  });
  it('keep a failed write to themselves', () => {
    const w = new ThrottledUrlWriter(() => {
      throw new Error('SecurityError: too many calls');
    }, 0);
    expect(() => w.request('?t=1')).not.toThrow();
    expect(String(w.lastError)).toMatch(/SecurityError/);
  });
});

import { describe, expect, it } from 'vitest';
import { SeekCoalescer } from './seekCoalescer';

describe('SeekCoalescer', () => {
  it('keeps one seek in flight and collapses the rest to the latest', async () => {
    const sent: number[] = [];
    const shown: number[] = [];
    let release: (() => void) | null = null;
    const c = new SeekCoalescer<number>(
      (t) => {
        sent.push(t);
        return new Promise((resolve) => (release = () => resolve(t)));
      },
      (r) => shown.push(r),
    );
    c.request(1);
    c.request(2);
    c.request(3);
    c.request(4);
    expect(sent).toEqual([1]);
    expect(c.pending).toBe(true);
    release!();
    await new Promise((r) => setTimeout(r, 0));
    expect(sent).toEqual([1, 4]);
    release!();
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual([1, 4]);
    expect(c.busy).toBe(false);
  });
});

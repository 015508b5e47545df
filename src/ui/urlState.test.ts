import { describe, expect, it } from 'vitest';
import { formatUrlState, parseUrlState } from './urlState';

describe('URL state', () => {
  it('round-trips every field', () => {
    const s = {
      example: 'hello.elf',
      input: '0x01ff',
      mode: 'volatile' as const,
      alloc: 'observe' as const,
      t: 1234,
      sel: { addressSpace: 2, pointer: 0x2000 },
      hidden: ['Allocator'],
      panels: ['cost'],
    };
    expect(parseUrlState(formatUrlState(s))).toEqual(s);
  });
  it('ignores malformed values instead of failing', () => {
    expect(parseUrlState('?t=abc&mode=fast&sel=x&input=zz')).toEqual({});
  });
});

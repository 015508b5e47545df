import { describe, expect, it } from 'vitest';
import { breakpointLabel, parseBreakTarget, searchSymbols, watchpointLabel } from './breakTarget';

const symbols = [
  { name: 'main', address: 0x2008d4 },
  { name: 'memcmp', address: 0x200a00 },
  { name: 'memcpy', address: 0x200a14 },
  { name: 'openvm_fibonacci_recursive_program::fibonacci', address: 0x200874 },
];
const guest = { kind: 'guest' as const, symbols };

describe('typed breakpoints', () => {
  it('resolves symbols, addresses and file:line', () => {
    expect(parseBreakTarget('main', guest)).toMatchObject({ ok: true, bp: { pc: 0x2008d4 } });
    expect(parseBreakTarget(' 0x200A14 ', guest)).toMatchObject({ ok: true, bp: { pc: 0x200a14 } });
    expect(parseBreakTarget('200a14', guest)).toMatchObject({ ok: true, bp: { pc: 0x200a14 } });
    expect(parseBreakTarget('calls.c:48', guest)).toMatchObject({
      ok: true,
      bp: { file: 'calls.c', line: 48 },
    });
    expect(parseBreakTarget('fibonacci', guest)).toMatchObject({ ok: true, bp: { pc: 0x200874 } });
    expect(parseBreakTarget('7', { kind: 'script' })).toMatchObject({ ok: true, bp: { line: 7 } });
  });

  it('names what is wrong', () => {
    expect(parseBreakTarget('0x200a16', guest)).toMatchObject({ ok: false, error: /multiple of 4/ });
    expect(parseBreakTarget('mem', guest)).toMatchObject({
      ok: false,
      error: /did you mean `memcmp`, `memcpy`/,
    });
    expect(parseBreakTarget('nosuch', guest)).toMatchObject({
      ok: false,
      error: 'no function symbol `nosuch`',
    });
    expect(parseBreakTarget('', guest).ok).toBe(false);
    expect(parseBreakTarget('x', { kind: 'script' })).toMatchObject({ ok: false });
  });

  it('searches and labels', () => {
    expect(searchSymbols(symbols, 'MEM').map((s) => s.name)).toEqual(['memcmp', 'memcpy']);
    expect(searchSymbols(symbols, 'fib')[0].address).toBe(0x200874);
    expect(breakpointLabel({ pc: 0x2008d4 }, symbols)).toBe('main (0x2008d4)');
    expect(breakpointLabel({ pc: 0x10 }, symbols)).toBe('pc 0x10');
    expect(watchpointLabel({ addressSpace: 2, addr: 0x2002c0, len: 4, writesOnly: true })).toBe(
      'write AS2 [0x2002c0, 0x2002c4)',
    );
  });
});

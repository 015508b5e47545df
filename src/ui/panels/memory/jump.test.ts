import { describe, expect, it } from 'vitest';
import { pageTarget, resolveJump } from './jump';

const SYMBOLS = [
  { name: 'main', address: 0x200010 },
  { name: 'memset', address: 0x2000dc },
  { name: 'memcpy', address: 0x2000fc },
  { name: 'memmove', address: 0x200124 },
  { name: 'Buffer', address: 0x300000 },
  { name: 'mainloop', address: 0x200400 },
];

describe('jump to an address or a symbol', () => {
  it('accepts decimal and 0x hex in range', () => {
    expect(resolveJump('40', 128)).toEqual({ ok: true, pointer: 40 });
    expect(resolveJump(' 0x7C ', 128)).toEqual({ ok: true, pointer: 124 });
    expect(resolveJump('0', 32)).toEqual({ ok: true, pointer: 0 });
  });

  it('rejects out-of-range addresses and garbage with a message', () => {
    const r = resolveJump('128', 128);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('0..127');
    expect(resolveJump('0x', 128).ok).toBe(false);
    expect(resolveJump('-4', 128).ok).toBe(false);
    expect(resolveJump('', 128)).toEqual({ ok: false, message: 'Type an address.' });
    const g = resolveJump('main', 128);
    expect(g.ok).toBe(false);
    if (!g.ok) expect(g.message).toContain('not an address');
  });

  it('finds symbols exactly, case-sensitively, before prefixes', () => {
    expect(resolveJump('main', 2 ** 29, SYMBOLS)).toEqual({
      ok: true,
      pointer: 0x200010,
      symbol: 'main',
      others: 0,
    });
    expect(resolveJump('memc', 2 ** 29, SYMBOLS)).toEqual({
      ok: true,
      pointer: 0x2000fc,
      symbol: 'memcpy',
      others: 0,
    });
  });

  it('prefers the shortest prefix match, then the lowest address, and counts the others', () => {
    expect(resolveJump('mem', 2 ** 29, SYMBOLS)).toEqual({
      ok: true,
      pointer: 0x2000dc,
      symbol: 'memset',
      others: 2,
    });
    expect(resolveJump('mai', 2 ** 29, SYMBOLS)).toMatchObject({ ok: true, symbol: 'main', others: 1 });
  });

  it('falls back to a case-insensitive prefix', () => {
    expect(resolveJump('buf', 2 ** 29, SYMBOLS)).toMatchObject({
      ok: true,
      pointer: 0x300000,
      symbol: 'Buffer',
    });
  });

  it('adds an offset to a symbol', () => {
    expect(resolveJump('main+16', 2 ** 29, SYMBOLS)).toMatchObject({
      ok: true,
      pointer: 0x200020,
      symbol: 'main',
    });
    expect(resolveJump('Buffer + 0x10', 2 ** 29, SYMBOLS)).toMatchObject({ ok: true, pointer: 0x300010 });
  });

  it('reports unknown symbols and symbols outside the space', () => {
    expect(resolveJump('nosuch', 2 ** 29, SYMBOLS)).toEqual({ ok: false, message: 'No symbol "nosuch".' });
    expect(resolveJump('main', 0x1000, SYMBOLS).ok).toBe(false);
    expect(resolveJump('', 2 ** 29, SYMBOLS)).toEqual({ ok: false, message: 'Type an address or a symbol.' });
  });

  it('pages the detail window inside the space', () => {
    expect(pageTarget(0, 64, 2 ** 29, 1)).toBe(64);
    expect(pageTarget(64, 64, 2 ** 29, -1)).toBe(0);
    expect(pageTarget(0, 64, 2 ** 29, -1)).toBeNull();
    expect(pageTarget(0, 128, 128, 1)).toBeNull();
    expect(pageTarget(2 ** 29 - 64, 64, 2 ** 29, 1)).toBeNull();
    expect(pageTarget(10, 32, 40, 1)).toBe(8);
  });
});

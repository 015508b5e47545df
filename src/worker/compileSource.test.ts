// The playground's check: assembly errors and a script's first invalid line, with the column of the token
// the parser's message quotes.
import { describe, expect, it } from 'vitest';
import { compileSource } from './compileSource';

describe('compileSource', () => {
  it('points at the quoted token of a script error', () => {
    expect(compileSource('mtrace', 'write 2 0 4 1 2 3 4\n  read 2 0 4x\n')).toEqual({
      ok: false,
      errors: [{ line: 2, column: 12, message: 'invalid number `4x`' }],
    });
  });
  it('falls back to the first token of the line', () => {
    const r = compileSource('mtrace', 'read 2 0 3\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 1, column: 1 });
  });
  it('gives a valid script its bytes and assembly its ELF', () => {
    const s = compileSource('mtrace', 'read 2 0 4\n');
    expect(s.ok && new TextDecoder().decode(s.bytes)).toBe('read 2 0 4\n');
    const a = compileSource('asm', 'terminate 0\n');
    expect(a.ok && [...a.bytes.slice(0, 4)]).toEqual([0x7f, 0x45, 0x4c, 0x46]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseMtrace } from './mtraceParser';
import { OP_READ, OP_TICK, OP_WRITE } from './mtraceProgram';

const err = (text: string) => parseMtrace(text).error;

describe('mtrace parser', () => {
  it('reads directives, comments, tabs, CRLF, hex and leading zeros', () => {
    const p = parseMtrace('# c\r\n\tread\t2 0x10 4 # x\r\nwrite 0X4 0010 02 0xA 0Xb# c\ntick 007\n');
    expect(p.error).toBeUndefined();
    expect(Array.from(p.op.subarray(0, 3))).toEqual([OP_READ, OP_WRITE, OP_TICK]);
    expect(Array.from(p.line.subarray(0, 3))).toEqual([2, 3, 4]);
    expect(p.pointer[1]).toBe(10);
    expect(Array.from(p.values.subarray(0, 2))).toEqual([10, 11]);
    expect(p.pointer[2]).toBe(7);
  });
  it('names wrong argument counts and bad modes', () => {
    expect(err('read 2 0')).toEqual({ line: 1, message: '`read` takes 3 arguments (AS PTR SIZE), 2 given' });
    expect(err('read 2 0 4 5')?.message).toMatch(/3 given|4 given/);
    expect(err('finalize now')?.message).toBe('`finalize` takes no arguments, 1 given');
    expect(err('mode fast')?.message).toBe('unknown mode `fast` (persistent or volatile)');
    expect(err('init 2 0')?.message).toMatch(/at least one value/);
    expect(err('init 3 30 1 2 3')?.message).toBe('cells 30..33 out of range for address space 3 (32 cells)');
  });
  it('an init may come after mode; mode after init is also fine', () => {
    expect(err('init 2 0 1\nmode volatile\nread 2 0 4')).toBeUndefined();
  });
  it('prints huge numbers exactly in messages', () => {
    expect(err('tick 99999999999999999999')?.message).toBe('tick amount 99999999999999999999 out of range');
  });
  it('keeps the valid prefix before an error', () => {
    const p = parseMtrace('read 2 0 4\nread 2 0 4\nread 2 1 4\nread 2 0 4');
    expect(p.count).toBe(2);
    expect(p.error?.line).toBe(3);
  });
  it(
    'stays linear on a long script without comments (regression: indexOf("#") rescanned the tail)',
    { timeout: 5000 },
    () => {
      const text = 'read 2 0 4\n'.repeat(300_000);
      expect(parseMtrace(text).count).toBe(300_000);
    },
  );
});

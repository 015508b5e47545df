// Source-line moves on debug_loop.elf without reference tools: Step back retraces Step over exactly (every
// line of main's loop is one run of instructions), a program without DWARF moves by instruction, and
// file:line breakpoints resolve through the line table (the gdb comparisons are in src/cli/*.gdb.test.ts).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { debugInfoOf } from '../guest/debuginfo/dwarf/debugInfo';
import { EXAMPLES } from '../guest/fixtures.testutil';
import { Session } from '../session';

const open = (name: string) => Session.open('guest', new Uint8Array(readFileSync(path.join(EXAMPLES, name))));

describe('Session.stepSource', () => {
  it('Step back retraces Step over, line start by line start', () => {
    const s = open('debug_loop.elf');
    expect(s.run({ breakpoints: [{ file: 'debug_loop.c', line: 10 }] }).reason).toBe('breakpoint');
    const program = s.opened.kind === 'guest' ? s.opened.machine.program : (null as never);
    const debug = debugInfoOf(program);
    const seen = [s.position().step];
    for (let i = 0; i < 12; i++) seen.push(s.stepSource('over').step);
    const lines = seen.map((step) => {
      s.seekStep(step);
      return debug.lineAt(s.position().pc!)!.line;
    });
    expect(lines).toEqual([10, 11, 12, 13, 14, 15, 16, 12, 13, 14, 15, 16, 12]);
    for (let i = seen.length - 2; i >= 0; i--) expect(s.stepSource('back').step).toBe(seen[i]);
  });

  it('file:line breakpoints stop at every statement start of the line; unknown lines are refused', () => {
    const s = open('debug_loop.elf');
    const hits: number[] = [];
    for (let i = 0; i < 3; i++) {
      const stop = s.run({ breakpoints: [{ file: 'examples/guests/debug_loop.c', line: 15 }] });
      expect(stop.reason).toBe('breakpoint');
      hits.push(s.position().pc!);
    }
    expect(new Set(hits).size).toBe(1);
    expect(() => s.run({ breakpoints: [{ file: 'debug_loop.c', line: 2 }] })).toThrow(
      /no code at debug_loop\.c:2/,
    );
  });

  it('without DWARF every move is one instruction, and file:line breakpoints are refused', () => {
    const s = open('hello.elf');
    expect(s.stepSource('into').step).toBe(1);
    expect(s.stepSource('back').step).toBe(0);
    expect(s.callStack().length).toBeGreaterThanOrEqual(1); // symbols only
    expect(() => s.run({ breakpoints: [{ file: 'hello.c', line: 3 }] })).toThrow(/no line information/);
  });
});

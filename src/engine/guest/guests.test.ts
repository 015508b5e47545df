// End states of whole programs: the real OpenVM v1.7 benchmark guests (../shared/guests/openvm-v1.7, their
// README's exit codes and public values, recomputed here where possible) and our example guests (expected
// values recomputed in TypeScript from each example's algorithm).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, needs, SHARED_GUESTS, sharedGuests } from './fixtures.testutil';
import { loadGuestProgram } from './program/guestProgram';
import { GuestRun } from './guestRun';
import { parseInput, type GuestInput } from './io/input';

const PUBLISHED_FIBONACCI_INSTRUCTIONS = 1_500_209;

function runElf(file: string, input?: GuestInput, mode: 'persistent' | 'volatile' = 'persistent') {
  const run = new GuestRun(loadGuestProgram(new Uint8Array(readFileSync(file))), { input, mode });
  run.run(200_000_000);
  return run;
}

const words = (pv: Uint8Array, n: number) =>
  Array.from({ length: n }, (_, i) => new DataView(pv.buffer).getUint32(4 * i, true));

function fib(n: number, mod: bigint): bigint {
  let a = 0n;
  let b = 1n;
  for (let i = 0; i < n; i++) [a, b] = [b, (a + b) % mod];
  return a;
}

describe.runIf(needs(sharedGuests()))('real OpenVM v1.7 guests reach their README end state', () => {
  it('fibonacci (n = 100000): exit 0, public values = fib(100000) mod 2^64, instruction count near the published one', () => {
    const run = runElf(
      path.join(SHARED_GUESTS, 'fibonacci.elf'),
      parseInput(readFileSync(path.join(SHARED_GUESTS, 'fibonacci.input.json'), 'utf8')),
    );
    expect(run.machine.error).toBeNull();
    expect(run.machine.exitCode).toBe(0);
    const pv = run.publicValues();
    const value = new DataView(pv.buffer).getBigUint64(0, true);
    expect(value).toBe(fib(100_000, 1n << 64n));
    expect(Buffer.from(pv.subarray(0, 8)).toString('hex')).toBe('7b4a163404503926'); // the README's bytes
    const n = run.machine.instret;
    console.log(
      `fibonacci: ${n} instructions executed (OpenVM's published figure: ${PUBLISHED_FIBONACCI_INSTRUCTIONS}, difference ${n - PUBLISHED_FIBONACCI_INSTRUCTIONS})`,
    );
    expect(Math.abs(n - PUBLISHED_FIBONACCI_INSTRUCTIONS)).toBeLessThan(1000);
  });

  it('fibonacci_recursive: exit 0, AS3[0..4) = fib(27)', () => {
    const run = runElf(path.join(SHARED_GUESTS, 'fibonacci_recursive.elf'));
    expect(run.machine.exitCode).toBe(0);
    expect(words(run.publicValues(), 1)[0]).toBe(Number(fib(27, 1n << 32n)));
  });

  it('bubblesort: exit 0', () => {
    const run = runElf(path.join(SHARED_GUESTS, 'bubblesort.elf'));
    expect(run.machine.error).toBeNull();
    expect(run.machine.exitCode).toBe(0);
  });

  it('base64_json: exit 0 with its input; a corrupted input byte makes it panic (exit 1)', () => {
    const text = readFileSync(path.join(SHARED_GUESTS, 'base64_json.input.json'), 'utf8');
    const ok = runElf(path.join(SHARED_GUESTS, 'base64_json.elf'), parseInput(text));
    expect(ok.machine.error).toBeNull();
    expect(ok.machine.exitCode).toBe(0);
    const bad = text.replace(/"0x01(..)/, '"0x012a'); // '*' is not base64
    expect(runElf(path.join(SHARED_GUESTS, 'base64_json.elf'), parseInput(bad)).machine.exitCode).toBe(1);
  });
});

const example = (name: string) => path.join(EXAMPLES, `${name}.elf`);

describe('example guests (public/examples) end states, in both memory modes', () => {
  for (const mode of ['persistent', 'volatile'] as const) {
    it(`hello (${mode})`, () => {
      const run = runElf(example('hello'), undefined, mode);
      expect(run.machine.exitCode).toBe(0);
      expect(run.machine.console).toBe('Hello, OpenVM!\n');
      expect(words(run.publicValues(), 2)).toEqual([42, 'Hello, OpenVM!\n'.length]);
    });
  }

  it('subword: byte/halfword stores and sign-extending loads', () => {
    let sum = 0;
    const bytes = Array.from({ length: 64 }, (_, i) => (i * 37 + 1) & 0xff);
    for (const b of bytes) sum = (Math.imul(sum, 31) + b) >>> 0;
    for (let i = 0; i < 32; i++) sum = (sum + (((i * 1000 - 16000) << 16) >> 16)) >>> 0;
    const text = 'the quick brown fox jumps over the lazy dog'.replace(
      /(^| )([a-z])/g,
      (_, sp: string, c: string) => sp + c.toUpperCase(),
    );
    for (const ch of text) sum = (Math.imul(sum, 7) + ch.charCodeAt(0)) >>> 0;
    const run = runElf(example('subword'));
    expect(run.machine.console).toBe(`${text}\n`);
    expect(words(run.publicValues(), 4)).toEqual([sum, 0x80, 0xffff8000, 0xffffff80]);
  });

  it('matmul: trace and hash of C = A x B', () => {
    const N = 24;
    let seed = 12345;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0); // matmul.c's own LCG
    const A: number[][] = [];
    const B: number[][] = [];
    for (let i = 0; i < N; i++) {
      A.push([]);
      B.push([]);
      for (let j = 0; j < N; j++) {
        A[i].push(((next() >>> 16) & 0xff) - 128);
        B[i].push(((next() >>> 16) & 0xff) - 128);
      }
    }
    let trace = 0;
    let h = 0;
    const C = A.map((row, i) =>
      row.map((_, j) => row.reduce((acc, a, k) => (acc + Math.imul(a, B[k][j])) | 0, 0) + 0 * i),
    );
    for (let i = 0; i < N; i++) trace = (trace + C[i][i]) >>> 0;
    for (const row of C) for (const c of row) h = Math.imul((h ^ c) >>> 0, 16777619) >>> 0;
    const run = runElf(example('matmul'));
    expect(run.machine.exitCode).toBe(0);
    expect(words(run.publicValues(), 2)).toEqual([trace, h]);
  });

  it('hashmap: live entries, checksum of found values, no leaked allocation', () => {
    let checksum = 0;
    for (let i = 1; i < 600; i += 2) checksum = (Math.imul(checksum, 33) + ((i * i + 7) >>> 0)) >>> 0;
    const run = runElf(example('hashmap'));
    expect(run.machine.exitCode).toBe(0);
    expect(words(run.publicValues(), 3)).toEqual([300, checksum, 0]);
  });

  it('sum_input: reads two input vectors', () => {
    const run = runElf(example('sum_input'), parseInput('{"input": ["0x0101020304", "0x01ff"]}'));
    expect(words(run.publicValues(), 3)).toEqual([2, 5, 1 + 2 + 3 + 4 + 255]);
    expect(runElf(example('sum_input')).machine.error?.message).toMatch(/^EndOfInputStream/);
  });

  it('debug_loop (-O0, DWARF 5): sum of the squares of its array', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6];
    const run = runElf(example('debug_loop'));
    expect(run.machine.exitCode).toBe(0);
    expect(words(run.publicValues(), 2)).toEqual([values.reduce((s, v) => s + v * v, 0), values.length]);
  });

  it('debug_calls (-O1, DWARF 4): heap list of triangular numbers walked and freed', () => {
    let total = 0;
    for (let n = 1; n <= 10; n++) total += (n * (n + 1)) / 2;
    const run = runElf(example('debug_calls'));
    expect(run.machine.exitCode).toBe(0);
    expect(words(run.publicValues(), 3)).toEqual([total, 10, 0]);
  });
});

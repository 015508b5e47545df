// Safety of the translator (blockSource.ts SAFETY): whatever the input file holds, the generated source is
// made of the translator's own fixed words and decimal integers only, compiling it never throws, and no
// exception escapes a run. Fuzzed with random words (uniform and RV32IM-shaped), and with real ELFs
// with random bytes overwritten (the loader may refuse them with its own error; what it accepts runs).
// Also: code is read-only for OpenVM guests (the program is committed apart from memory), so a guest
// that stores over its own text keeps executing the original words, in both tiers.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { Random } from '../../random';
import * as A from '../asm/encode';
import { guestFromWords } from '../isa/runWords.testutil';
import { EXAMPLES } from '../fixtures.testutil';
import { loadGuestProgram, type GuestProgram } from '../program/guestProgram';
import { GuestRun } from '../guestRun';
import { blockLength, formRegion } from './blockShape';
import { meteredSource } from './meteredSource';
import { tracedSource } from './tracedSource';
import { compileMetered } from './meteredSource';
import { compileTraced } from './tracedSource';
import { expectSameEnd } from './tierCompare.testutil';
import { setCompileThreshold } from './tierSwitch';

/** Every identifier the generated source may contain (the templates' own words). */
const ALLOWED = new Set(
  (
    'use strict const let if else return function region for switch case break continue true false ' +
    'undefined env mulh mulhsu mulhu div divu rem remu Math imul mem S1 S2 st H budget pc rw rm T A L a b v m ' +
    'p P s x u i wp mp I n bailed page touch timestamp accesses lastTPrev readWord writeWord peekWord ' +
    'wordPagesW metaPagesW wordPages wordPage'
  ).split(' '),
);

/** What in one generated source is not the translator's own text: unknown identifiers, quotes, backslashes. */
function sourceProblems(source: string): string[] {
  const problems = new Set<string>();
  const words = source.replace(/"use strict"/, 'use strict').match(/[A-Za-z_$][\w$]*/g) ?? [];
  for (const w of words) if (!ALLOWED.has(w)) problems.add(`identifier ${w}`);
  const quote = /["'`\\]/.exec(source.replace(/^"use strict";/, ''));
  if (quote !== null) problems.add(`character ${quote[0]} at ${quote.index}`);
  return [...problems];
}

/**
 * Checks the traced and metered sources of the regions entered at `entries` (default: every block start)
 * and compiles them. One assertion per program: an expect per identifier (a million for a 500-word ELF,
 * ~40 µs each under vitest) made the fuzzed-ELF test run for most of an hour (issue 24).
 */
function checkSources(program: GuestProgram, entries?: readonly number[]): number {
  const d = program.decoded;
  const input = { code: d.code, imm: d.imm, pcBase: d.pcBase, memLimit: 2 ** 29 };
  const airOf = new Int16Array(d.code.length).map((_, i) => (i % 5) - 1);
  const problems: string[] = [];
  let regions = 0;
  for (const idx of entries ?? d.code.keys()) {
    if (blockLength(d.code, idx) === 0) continue;
    const region = formRegion(d.code, d.imm, idx);
    const metered = { ...input, airOf, airCount: 4 };
    for (const [flavour, source] of [
      ['traced', tracedSource(input, region)],
      ['metered', meteredSource(metered, region)],
    ])
      for (const what of sourceProblems(source)) problems.push(`${flavour} region at word ${idx}: ${what}`);
    compileTraced(input, region);
    compileMetered(metered, region);
    regions++;
  }
  expect(problems.slice(0, 20)).toEqual([]);
  return regions;
}

/** `count` distinct block starts of the program, drawn with `rnd` (a sample of its regions). */
function someBlockStarts(program: GuestProgram, rnd: Random, count: number): number[] {
  const code = program.decoded.code;
  const starts = [...code.keys()].filter((i) => blockLength(code, i) > 0);
  for (let i = starts.length - 1; i > 0; i--) {
    const j = rnd.below(i + 1);
    [starts[i], starts[j]] = [starts[j], starts[i]];
  }
  return starts.slice(0, count);
}

/** The fuzzed ELFs of `seed`: an example ELF with 1..40 random bytes overwritten, and a Random per case. */
function* mutatedElfs(
  seed: number,
  cases: number,
): Generator<{ label: string; bytes: Uint8Array; rnd: Random }> {
  const rnd = new Random(seed);
  const names = ['hello', 'subword', 'matmul'];
  const originals = names.map((n) => readFileSync(path.join(EXAMPLES, `${n}.elf`)));
  for (let p = 0; p < cases; p++) {
    const which = rnd.below(originals.length);
    const bytes = new Uint8Array(originals[which]);
    const flips = 1 + rnd.below(40);
    for (let k = 0; k < flips; k++) {
      // half in the first 4 KiB (headers and the start of text), half anywhere
      const at = rnd.below(2) === 0 ? rnd.below(Math.min(4096, bytes.length)) : rnd.below(bytes.length);
      bytes[at] = rnd.below(256);
    }
    const label = `seed 0x${seed.toString(16)} case ${p} (${names[which]}.elf, ${flips} bytes)`;
    yield { label, bytes, rnd: new Random((seed * 1000 + p) >>> 0) }; // the case's own sampling
  }
}

/** Runs `body`, naming the case in whatever it throws (an assertion's message included). */
function inCase(label: string, body: () => void): void {
  try {
    body();
  } catch (e) {
    if (e instanceof Error) e.message = `${label}: ${e.message}`;
    throw e;
  }
}

function randomWord(rnd: Random): number {
  if (rnd.below(2) === 0) return rnd.u32();
  // RV32IM-shaped: a real opcode with random fields
  const opcode = rnd.pick([0x33, 0x13, 0x03, 0x23, 0x63, 0x6f, 0x67, 0x37, 0x17, 0x0b, 0x73, 0x0f]);
  return ((rnd.u32() & ~0x7f) | opcode) >>> 0;
}

afterEach(() => setCompileThreshold(2));

describe('translator safety', () => {
  it('random words: sources use only the translator’s words, compile, and runs end the same in both tiers', () => {
    setCompileThreshold(0);
    const rnd = new Random(0x5afe);
    let regions = 0;
    for (let p = 0; p < 60; p++) {
      const words = Array.from({ length: 40 + rnd.below(80) }, () => randomWord(rnd));
      const program = guestFromWords(words);
      regions += checkSources(program);
      expectSameEnd(() => new GuestRun(program, { keepRecords: true }), 997, 20_000);
    }
    expect(regions).toBeGreaterThan(500);
  });

  // Seeded: every case is reproducible from its label (seed, case number). Each loaded ELF runs both ways
  // (100,000 steps at most, in slices) and a sample of its regions is checked; the regression below checks
  // every region of the case that exposed the cost.
  it('real ELFs with random bytes overwritten: a clear loader error, or runs that never throw', () => {
    setCompileThreshold(0);
    let loaded = 0;
    for (const { label, bytes, rnd } of mutatedElfs(0xe1f, 60)) {
      inCase(label, () => {
        let program: GuestProgram;
        try {
          program = loadGuestProgram(bytes);
        } catch (e) {
          expect(e).toBeInstanceOf(EngineError);
          expect((e as Error).message).not.toBe('');
          return;
        }
        loaded++;
        checkSources(program, someBlockStarts(program, rnd, 24));
        const end = expectSameEnd(() => new GuestRun(program, { keepRecords: true }), 9_973, 100_000);
        expect(['paused', 'terminated', 'failed']).toContain(end.status);
        if (end.status === 'failed') expect(end.error).toMatch(/\S/);
      });
    }
    expect(loaded).toBeGreaterThan(10);
  });

  // Regression (issue 24): the fuzzed-ELF test above "hung". The runs never did (all 60 cases end, both
  // tiers, in ~10 s); its source check made one vitest assertion per identifier of every region, ~1e6 for
  // this case (476 words), 30-70 s per loaded ELF. Every region of that case, checked in one pass, must
  // finish well within this test's timeout (a synchronous test that overruns fails when it returns).
  it('every region of fuzzed case 1 (seed 0xe1f) is checked within the timeout', { timeout: 20_000 }, () => {
    const [, found] = mutatedElfs(0xe1f, 2);
    const program = loadGuestProgram(found.bytes);
    expect(program.decoded.code.length).toBe(476);
    const before = expect.getState().assertionCalls;
    expect(checkSources(program)).toBeGreaterThan(300);
    expect(expect.getState().assertionCalls - before).toBeLessThan(10);
  });
});

describe('code is read-only', () => {
  it('a guest storing over its own text still runs the original words (as OpenVM and the interpreter do)', () => {
    setCompileThreshold(0);
    // x5 = pc of the loop; the loop overwrites its own `addi x6, x6, 1` with `addi x6, x6, 100`, 3 times.
    const patched = A.addi(6, 6, 100);
    const words = [
      A.auipc(5, 0), // 0: x5 = text base
      ...A.li(7, patched | 0), // 1-2
      A.addi(8, 0, 3), // 3: counter
      A.sw(7, 5, 4 * 6), // 4: store over word 6
      A.addi(0, 0, 0), // 5
      A.addi(6, 6, 1), // 6: the overwritten word
      A.addi(8, 8, -1), // 7
      A.bne(8, 0, -16), // 8: back to 4
      A.terminate(0),
    ];
    const end = expectSameEnd(() => new GuestRun(guestFromWords(words), { keepRecords: true }));
    expect(end.registers[6]).toBe(3); // not 300: memory changed, the program did not
  });
});

// The one-pass summary (mtraceFastSummary.ts) against the reference path (decode + parse + runMtrace): on
// every golden script, on generated scripts and on thousands of mutated ones it either declines (undefined)
// or gives the identical summary; it declines every invalid script and accepts every valid one (a BOM is
// the one valid encoding it leaves to the reference path).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { filesIn, needs, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { Random } from '../random';
import { decodeScriptText } from './decodeText';
import { fastMtraceSummary } from './mtraceFastSummary';
import { generateMtrace } from './mtraceGenerator';
import type { MtraceSummary } from './mtraceJson';
import { parseMtrace } from './mtraceParser';
import { runMtrace } from './mtraceRunner';

const GOLDEN = join(SHARED, 'golden/openvm-memory');
const encode = (text: string) => new TextEncoder().encode(text);

function reference(bytes: Uint8Array): MtraceSummary | undefined {
  const decoded = decodeScriptText(bytes);
  if ('error' in decoded) return undefined;
  const program = parseMtrace(decoded.text);
  if (program.error) return undefined;
  try {
    return runMtrace(program).summary;
  } catch (e) {
    if (e instanceof EngineError) return undefined;
    throw e;
  }
}

const hasBom = (b: Uint8Array) => b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;

/** Both paths agree; the fast one declines exactly the scripts the reference rejects (and BOM files). */
function agree(bytes: Uint8Array, label: string): MtraceSummary | undefined {
  const want = reference(bytes);
  const got = fastMtraceSummary(bytes);
  if (want === undefined) expect(got, `${label}: accepted an invalid script`).toBeUndefined();
  else if (hasBom(bytes)) expect(got === undefined || JSON.stringify(got) === JSON.stringify(want), label).toBe(true);
  else expect(got, label).toEqual(want);
  return want;
}

describe.runIf(needs(sharedFile('golden/openvm-memory')))('fast summary on the golden scripts', () => {
  for (const dir of ['generated', 'handwritten', 'invalid']) {
    const scripts = filesIn(join(GOLDEN, dir), '.mtrace');
    it(`${dir} (${scripts.length} scripts)`, () => {
      expect(scripts.length, `${GOLDEN}/${dir} holds no .mtrace`).toBeGreaterThan(0);
      let valid = 0;
      for (const script of scripts)
        if (agree(new Uint8Array(readFileSync(join(GOLDEN, dir, script))), `${dir}/${script}`) !== undefined) valid++;
      // the generated and handwritten scripts are valid, the invalid ones are not: both paths were taken
      expect(valid).toBe(dir === 'invalid' ? 0 : scripts.length);
    });
  }
});

describe('fast summary on generated scripts', () => {
  it('agrees in both modes, with and without an image, across page boundaries', () => {
    for (let seed = 1; seed <= 24; seed++) {
      const mode = seed % 2 === 0 ? 'persistent' : 'volatile';
      const text = generateMtrace({ seed, accesses: 400, mode, init: seed % 3 === 0, window: seed % 4 === 0 ? 1 << 16 : 256 });
      expect(agree(encode(text), `seed ${seed}`)).toBeDefined();
    }
  });
});

describe('fast summary on edge cases of the grammar', () => {
  const cases = [
    '',
    '\n\n',
    '# only a comment',
    'finalize',
    'mode volatile\nfinalize\n# after\n\n',
    'tick 0',
    'read 2 0 4',
    'read 2 0 4\r',
    'read 2 0 4\r\n\r\n',
    'read 2 0 4\r\r\n',
    'read 2 0 4 \r\n',
    'read 2 0 4\r#c\n',
    'read 2 0 4#c',
    'read 2 0 4 # c\u00e9\n',
    'read#\n',
    'read 2 0x 4',
    'read 2 0x0 0X04',
    'read 2 0x10 04',
    'write 4 0 2 0x77FFFFFF 2013265920',
    'write 4 0 2 2013265921 0',
    'write 2 0 4 1 2 3 256',
    'write 2 0 4 1 2 3',
    'write 2 0 4 1 2 3 4 5',
    'write 2 0 4 1 2 3 4#',
    'write 2 0 4 1 2 3 4x',
    'write 2 0 4 1 2 3 0x',
    'write\t2\t0\t4\t1\t2\t3\t0xfF\t',
    'write 2 0 4 00000000000000000000001 2 3 4',
    'write 2 0 4 99999999999999999999999 2 3 4',
    'read 1 124 4',
    'read 1 128 4',
    'read 3 28 8',
    'read 4 536870880 32',
    'read 4 536870881 32',
    'read 2 2 4',
    'read 2 0 2',
    'read 4 0 3',
    'read 4 0 0',
    'read 4 0 64',
    'read 0 0 4',
    'read 5 0 4',
    'READ 2 0 4',
    'reads 2 0 4',
    'rea 2 0 4',
    'tick 536870910\nread 2 0 4',
    'tick 536870910\nread 2 0 4\nread 2 0 4',
    'tick 536870911',
    'tick 4294967295',
    'tick 4294967296',
    'tick',
    'tick 1 2',
    'finalize now',
    'finalize\nfinalize',
    'finalize\nread 2 0 4',
    'read 2 0 4\nmode volatile',
    'mode volatile\nmode volatile',
    'mode persistent extra',
    'mode fast',
    'mode',
    'init 2 0 1 2 3\nmode volatile\nread 2 0 8\nfinalize',
    'init 2 0',
    'init 2 0#1',
    'init 3 30 1 2',
    'init 3 30 1 2 3',
    'init 4 0 2013265920 2013265921',
    'read 2 0 4\ninit 2 0 1',
    'tick 1\ninit 2 0 1',
    'config x',
    'bogus',
    '\u00e9',
    '\ufeffread 2 0 4',
    '\tread 2 0 4',
    ' \t \r\n',
  ];
  it('agrees on each', () => {
    for (const text of cases) agree(encode(text), JSON.stringify(text));
  });
  it('declines text that is not UTF-8, even in a comment or after the last directive', () => {
    const bad = (prefix: string, tail: number[]) => new Uint8Array([...encode(prefix), ...tail]);
    for (const bytes of [bad('read 2 0 4 # ', [0xff, 10]), bad('read 2 0 4\n#', [0xc3]), bad('finalize\n# ', [0xed, 0xa0, 0x80])]) {
      expect(reference(bytes)).toBeUndefined();
      expect(fastMtraceSummary(bytes)).toBeUndefined();
    }
  });
});

// Mutations aimed at the grammar: single bytes that are delimiters, digits or near-misses; boundary numbers;
// lines moved, doubled or dropped (mode/init after an access, two finalizes, ...).
const BYTES = [' ', '\t', '\r', '\n', '#', '0', '1', '9', 'x', 'X', 'a', 'f', 'g', 'r', 'e', '\u00e9', '\ufeff', '\u0000'];
const NUMBERS = ['0', '1', '3', '4', '8', '31', '32', '33', '64', '127', '128', '255', '256', '4096', '536870911', '536870912', '2013265920', '2013265921', '4294967295', '4294967296', '100000000000000000000', '0x0', '0x1F', '0X20', '0x', '00012', 'x1'];

function mutate(text: string, rng: Random): string {
  const kind = rng.below(4);
  if (kind === 0) {
    const at = rng.below(text.length + 1);
    const drop = rng.below(2);
    return text.slice(0, at) + (rng.chance(0.8) ? rng.pick(BYTES) : '') + text.slice(at + drop);
  }
  if (kind === 1) {
    const tokens = [...text.matchAll(/[0-9A-Za-z]+/g)];
    if (tokens.length === 0) return text;
    const t = rng.pick(tokens);
    const at = t.index ?? 0;
    return text.slice(0, at) + rng.pick(NUMBERS) + text.slice(at + t[0].length);
  }
  const lines = text.split('\n');
  const i = rng.below(lines.length);
  const j = rng.below(lines.length);
  if (kind === 2) lines.splice(j, 0, lines[i]);
  else lines.splice(i, 1);
  return lines.join('\n');
}

describe('fast summary on mutated scripts', () => {
  it('declines every invalid one and agrees on every valid one', () => {
    const rng = new Random(0x5ca1ab1e);
    let valid = 0;
    let invalid = 0;
    for (let k = 0; k < 1500; k++) {
      const mode = rng.chance(0.5) ? 'persistent' : 'volatile';
      let text = generateMtrace({ seed: k, accesses: 6 + rng.below(10), mode, init: rng.chance(0.3), window: 64 });
      const mutations = 1 + rng.below(3);
      for (let m = 0; m < mutations; m++) text = mutate(text, rng);
      if (agree(encode(text), JSON.stringify(text)) === undefined) invalid++;
      else valid++;
    }
    // Both outcomes must be well represented for the test to mean anything.
    expect(valid).toBeGreaterThan(200);
    expect(invalid).toBeGreaterThan(200);
  });
});

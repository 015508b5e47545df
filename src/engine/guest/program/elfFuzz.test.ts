// 10,000 deterministic mutations of the example guest ELFs (public/examples): every one must either load or be
// rejected with an EngineError, and every one that loads must run (a few hundred steps) without an
// exception escaping the machine (its failures are EngineErrors in `machine.error`).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { Random } from '../../random';
import { allGuestElfs } from '../fixtures.testutil';
import { disassembleRange } from '../isa/disassembler';
import { loadGuestProgram } from './guestProgram';
import { GuestRun } from '../guestRun';

const MUTATIONS = 10_000;

/** One random mutation: byte flips, header-field overwrites (where the lies are), truncation, splices. */
function mutate(src: Uint8Array, rnd: Random): Uint8Array {
  const bytes = src.slice();
  const v = new DataView(bytes.buffer);
  const kind = rnd.below(6);
  const interesting = [
    0,
    1,
    3,
    4,
    0x7f,
    0x80,
    0xff,
    0xfff,
    0x1000,
    0x7fffffff,
    0x80000000,
    0xffffffff,
    2 ** 29,
    2 ** 29 - 4,
    bytes.length,
    bytes.length + 1,
  ];
  if (kind === 0) {
    for (let n = 1 + rnd.below(8); n > 0; n--) bytes[rnd.below(bytes.length)] ^= 1 << rnd.below(8);
    return bytes;
  }
  if (kind === 1) {
    // an ELF header field
    const field = rnd.pick([4, 5, 6, 16, 18, 24, 28, 32, 42, 44, 46, 48, 50]);
    const value = rnd.pick(interesting) >>> 0;
    if (field <= 6) bytes[field] = value & 0xff;
    else if (field >= 42 || field === 16 || field === 18) v.setUint16(field, value & 0xffff, true);
    else v.setUint32(field, value, true);
    return bytes;
  }
  if (kind === 2) {
    // a program header field
    const phoff = v.getUint32(28, true);
    const phnum = v.getUint16(44, true);
    const at = phoff + 32 * rnd.below(Math.max(phnum, 1)) + 4 * rnd.below(8);
    if (at + 4 <= bytes.length) v.setUint32(at, rnd.pick(interesting) >>> 0, true);
    return bytes;
  }
  if (kind === 3) return bytes.slice(0, rnd.below(bytes.length));
  if (kind === 4) {
    // random words into the text (exercises the decoder and the executor)
    for (let n = 1 + rnd.below(32); n > 0; n--) {
      const at = 0x800 + 4 * rnd.below(Math.max(1, (bytes.length - 0x800) >> 2));
      if (at + 4 <= bytes.length) v.setUint32(at, rnd.u32(), true);
    }
    return bytes;
  }
  // a section header field (symbols)
  const shoff = v.getUint32(32, true);
  const at = shoff + 4 * rnd.below(40);
  if (at + 4 <= bytes.length) v.setUint32(at, rnd.pick(interesting) >>> 0, true);
  return bytes;
}

describe('fuzzed ELFs never escape as a non-EngineError', () => {
  const sources = allGuestElfs()
    .filter(([label]) => label.startsWith('examples/'))
    .map(([label, path]) => ({ label, bytes: new Uint8Array(readFileSync(path)) }));
  it(`${MUTATIONS} mutations`, () => {
    expect(sources.length).toBeGreaterThan(0);
    const rnd = new Random(0x5eed);
    let loaded = 0;
    let rejected = 0;
    let ran = 0;
    const rejectedKinds = new Set<string>();
    for (let i = 0; i < MUTATIONS; i++) {
      const src = sources[i % sources.length];
      const bytes = mutate(src.bytes, rnd);
      let program;
      try {
        program = loadGuestProgram(bytes);
        loaded++;
      } catch (e) {
        if (!(e instanceof EngineError))
          throw new Error(`mutation ${i} of ${src.label}: ${String(e)}`, { cause: e });
        rejected++;
        rejectedKinds.add(e.message.replace(/[0-9].*$/, ''));
        continue;
      }
      // Display paths must cope with whatever loaded.
      disassembleRange(program.decoded.words.subarray(0, 64), program.decoded.pcBase, program.symbols);
      if (i % 25 === 0) {
        const run = new GuestRun(program);
        run.run(300);
        if (run.machine.error !== null) expect(run.machine.error).toBeInstanceOf(EngineError);
        expect(run.machine.error?.kind).not.toBe('internal');
        ran++;
      }
    }
    expect(loaded + rejected).toBe(MUTATIONS);
    expect(rejected).toBeGreaterThan(100);
    expect(loaded).toBeGreaterThan(100);
    console.log(
      `fuzz: ${loaded} loaded (${ran} run 300 steps), ${rejected} rejected with ${rejectedKinds.size} distinct messages`,
    );
  });
});

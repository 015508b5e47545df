// Broken DWARF never breaks a program: thousands of deterministic mutations of the debug sections of both
// debug examples (bit flips, interesting values, random words, truncated sections, lying lengths). Each
// must read without an exception escaping readDebugInfo (problems are messages naming a .debug_ section
// and an offset), the strict readers may only throw EngineError('dwarf'), and the program still loads,
// disassembles and runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../errors';
import { Random } from '../../../random';
import { disassembleRange } from '../../isa/disassembler';
import { loadElf } from '../../program/elf';
import { EXAMPLES } from '../../fixtures.testutil';
import { loadGuestProgram } from '../../program/guestProgram';
import { GuestRun } from '../../guestRun';
import { readDebugInfo } from './debugInfo';
import { readInfoUnits } from './infoUnits';
import { readLineUnits } from './lineProgram';
import { dwarfSections } from './sections';

const MUTATIONS = 1500;
const INTERESTING = [0, 1, 0x7f, 0x80, 0xff];

function mutate(
  src: Uint8Array,
  debug: { index: number; offset: number; size: number }[],
  rnd: Random,
): Uint8Array {
  const bytes = src.slice();
  const v = new DataView(bytes.buffer);
  const s = rnd.pick(debug);
  const at = () => s.offset + rnd.below(Math.max(1, s.size));
  switch (rnd.below(5)) {
    case 0:
      for (let n = 1 + rnd.below(8); n > 0; n--) bytes[at()] ^= 1 << rnd.below(8);
      break;
    case 1:
      for (let n = 1 + rnd.below(4); n > 0; n--) bytes[at()] = rnd.pick(INTERESTING);
      break;
    case 2: {
      const p = at();
      if (p + 4 <= s.offset + s.size)
        v.setUint32(p, rnd.pick([rnd.u32(), 0xffffffff, 0xfffffff0, 0x7fffffff, s.size]), true);
      break;
    }
    case 3: {
      // a truncated or overlong section (sh_size in its header)
      const shoff = v.getUint32(32, true);
      v.setUint32(
        shoff + s.index * 40 + 20,
        rnd.pick([0, rnd.below(s.size), s.size + 1 + rnd.below(64), 0xffffffff]),
        true,
      );
      break;
    }
    default:
      // the first length field of the section lies
      v.setUint32(s.offset, rnd.pick([0, 1, 2, rnd.below(s.size * 2), 0xffffffff, 0xfffffff5]), true);
  }
  return bytes;
}

describe('broken DWARF sections', () => {
  for (const name of ['debug_loop.elf', 'debug_calls.elf']) {
    it(`${name}: ${MUTATIONS} mutations of the .debug_ sections never throw past the reader`, () => {
      const src = new Uint8Array(readFileSync(path.join(EXAMPLES, name)));
      const debug = loadElf(src).sections.filter((s) => s.name.startsWith('.debug_') && s.size >= 4);
      expect(debug.length).toBeGreaterThanOrEqual(6);
      const rnd = new Random(name.length * 7919);
      let withProblems = 0;
      for (let i = 0; i < MUTATIONS; i++) {
        const bytes = mutate(src, debug, rnd);
        const elf = loadElf(bytes); // debug sections never make the program unloadable
        const info = readDebugInfo(bytes, elf.sections);
        for (const p of info.problems)
          expect(p, `mutation ${i}`).toMatch(/^\.debug_\w+(: | at offset 0x[0-9a-f]+: )/);
        if (info.problems.length > 0) withProblems++;
        for (let k = 0; k < elf.instructions.length; k += 7) {
          info.framesAt(elf.pcBase + 4 * k);
          try {
            info.callFrames.rowAt(elf.pcBase + 4 * k);
          } catch (e) {
            expect(e, `mutation ${i}`).toBeInstanceOf(EngineError);
          }
        }
        const { sections } = dwarfSections(bytes, elf.sections);
        for (const strict of [() => readLineUnits(sections), () => readInfoUnits(sections, new Map())]) {
          try {
            strict();
          } catch (e) {
            expect(e, `mutation ${i}`).toBeInstanceOf(EngineError);
            expect((e as EngineError).kind).toBe('dwarf');
          }
        }
      }
      console.log(`${name}: ${withProblems} of ${MUTATIONS} mutations reported problems, none threw`);
      expect(withProblems).toBeGreaterThan(MUTATIONS / 4);
    });
  }

  it('a broken .debug_line is reported by name and offset; the program still loads, disassembles and runs', () => {
    const bytes = new Uint8Array(readFileSync(path.join(EXAMPLES, 'debug_loop.elf')));
    const line = loadElf(bytes).sections.find((s) => s.name === '.debug_line')!;
    new DataView(bytes.buffer).setUint16(line.offset + 4, 9, true); // version 9
    const program = loadGuestProgram(bytes);
    const info = readDebugInfo(bytes, program.elf.sections);
    expect(info.problems[0]).toBe('.debug_line at offset 0x4: unsupported line table version 9');
    expect(info.scopes.some((s) => s.name === 'main')).toBe(true); // .debug_info still read
    expect(
      disassembleRange(program.decoded.words, program.decoded.pcBase, program.symbols, true).length,
    ).toBe(program.decoded.words.length);
    const run = new GuestRun(program, {});
    run.run(10_000);
    expect(run.machine.exitCode).toBe(0);
  });
});

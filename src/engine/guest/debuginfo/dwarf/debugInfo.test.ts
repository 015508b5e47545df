// Functions and inlined calls from .debug_info against llvm-symbolizer --inlining, at every instruction
// address of both debug examples (DWARF 5 with .debug_addr/.debug_str_offsets/.debug_rnglists; DWARF 4 with
// inline strings/.debug_str/.debug_ranges); and ELFs without DWARF read as empty, without problems.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allGuestElfs, EXAMPLES } from '../../fixtures.testutil';
import { loadElf } from '../../program/elf';
import { readDebugInfo } from './debugInfo';
import { mustRun } from './dwarfdump.testutil';
import { hasSymbolizer, symbolize, SYMBOLIZER } from './symbolizer.testutil';

function load(name: string) {
  const file = path.join(EXAMPLES, name);
  const bytes = new Uint8Array(readFileSync(file));
  const elf = loadElf(bytes);
  return { file, elf, info: readDebugInfo(bytes, elf.sections) };
}

describe.runIf(mustRun(hasSymbolizer))(
  'DWARF functions and inlined frames agree with llvm-symbolizer --inlining',
  () => {
    it(`${SYMBOLIZER} is installed`, () =>
      expect(hasSymbolizer, `${SYMBOLIZER} is missing (apt-get install llvm)`).toBe(true));

    for (const name of ['debug_loop.elf', 'debug_calls.elf']) {
      it(`${name}: the frames at every instruction address`, () => {
        const { file, elf, info } = load(name);
        expect(info.problems).toEqual([]);
        const pcs = Array.from(elf.instructions, (_, k) => elf.pcBase + 4 * k);
        const ref = symbolize(file, pcs);
        expect(ref.length).toBe(pcs.length);
        let inlinedFrames = 0;
        for (const [k, pc] of pcs.entries()) {
          const got = info
            .framesAt(pc)
            .map((f) => ({ function: f.function, file: f.file ?? '??', line: f.line, column: f.column }));
          const want = ref[k].map((f) => ({ ...f, file: f.file.replace(/^(\.\/)+/, '') }));
          expect(got, `pc 0x${pc.toString(16)}`).toEqual(want);
          inlinedFrames += info.framesAt(pc).filter((f) => f.inlined).length;
        }
        console.log(
          `${name}: ${pcs.length} addresses, ${info.scopes.length} scopes, ${inlinedFrames} inlined frames, all as ${SYMBOLIZER} says`,
        );
        if (name === 'debug_calls.elf') expect(inlinedFrames).toBeGreaterThan(0);
      });
    }
  },
);
if (!mustRun(hasSymbolizer))
  console.warn(`skipping the DWARF frame tests: ${SYMBOLIZER} is not installed (apt-get install llvm)`);

describe('DWARF of the debug examples, without reference tools', () => {
  it('debug_calls: triangle is inlined into push, called from main', () => {
    const { elf, info } = load('debug_calls.elf');
    const push = info.scopes.find((s) => s.name === 'push' && s.kind === 'function');
    expect(push).toBeDefined();
    const inl = info.scopes.find((s) => s.name === 'triangle' && s.kind === 'inlined');
    expect(inl?.callFile).toBe('examples/guests/debug_calls.c');
    expect(inl?.callLine).toBe(20);
    expect(info.lines.addressesOf('debug_calls.c', 44).length).toBeGreaterThan(0);
    expect(elf.entry).toBe(0x200800);
  });
});

describe('ELFs without DWARF', () => {
  it('every committed ELF without .debug_info reads as empty, with no problems', () => {
    let checked = 0;
    for (const [label, file] of allGuestElfs()) {
      const bytes = new Uint8Array(readFileSync(file));
      const elf = loadElf(bytes);
      if (elf.sections.some((s) => s.name.startsWith('.debug_'))) continue;
      const info = readDebugInfo(bytes, elf.sections);
      expect(info.problems, label).toEqual([]);
      expect(info.hasLines, label).toBe(false);
      expect(info.framesAt(elf.entry), label).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(6);
  });
});

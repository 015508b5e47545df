// The line-number state machine against llvm-dwarfdump, on both debug examples (DWARF 5: debug_loop.elf;
// DWARF 4: debug_calls.elf): every unit's file table and every row, field by field; then the address ->
// line lookup on every instruction address of the executable segment, against the rows of the reference.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../../fixtures.testutil';
import { loadElf } from '../../program/elf';
import { dwarfdumpLines, DWARFDUMP, hasDwarfdump, mustRun, type RefRow } from './dwarfdump.testutil';
import { readLineUnits, type LineRow } from './lineProgram';
import { LineTable } from './lineTable';
import { dwarfSections } from './sections';

const FIXTURES = [
  ['debug_loop.elf', 5],
  ['debug_calls.elf', 4],
] as const;

function flagsOf(r: LineRow): string[] {
  const f: string[] = [];
  if (r.isStmt) f.push('is_stmt');
  if (r.basicBlock) f.push('basic_block');
  if (r.endSequence) f.push('end_sequence');
  if (r.prologueEnd) f.push('prologue_end');
  if (r.epilogueBegin) f.push('epilogue_begin');
  return f;
}

const refOf = (r: LineRow): RefRow => ({
  address: r.address,
  line: r.line,
  column: r.column,
  file: r.file,
  isa: r.isa,
  discriminator: r.discriminator,
  flags: flagsOf(r),
});

function load(name: string) {
  const file = path.join(EXAMPLES, name);
  const bytes = new Uint8Array(readFileSync(file));
  const elf = loadElf(bytes);
  return { file, elf, units: readLineUnits(dwarfSections(bytes, elf.sections).sections) };
}

describe.runIf(mustRun(hasDwarfdump))('DWARF line programs agree with llvm-dwarfdump --debug-line', () => {
  it(`${DWARFDUMP} is installed`, () =>
    expect(hasDwarfdump, `${DWARFDUMP} is missing (apt-get install llvm)`).toBe(true));

  for (const [name, version] of FIXTURES) {
    it(`${name} (DWARF ${version}): file tables and every row of every unit`, () => {
      const { file, units } = load(name);
      const ref = dwarfdumpLines(file);
      expect(units.map((u) => u.offset)).toEqual(ref.map((u) => u.offset));
      expect(units.length).toBeGreaterThanOrEqual(4); // the example and the runtime's three files
      let rows = 0;
      for (const [i, u] of units.entries()) {
        expect(u.version).toBe(version);
        expect(ref[i].version).toBe(version);
        for (const [k, d] of ref[i].dirs) expect(u.dirs[k]).toBe(d);
        for (const [k, f] of ref[i].files) expect(u.files[k]).toEqual({ name: f.name, dirIndex: f.dirIndex });
        expect(u.rows.map(refOf)).toEqual(ref[i].rows);
        rows += u.rows.length;
      }
      console.log(`${name}: ${units.length} line programs, ${rows} rows, all equal to ${DWARFDUMP}'s`);
    });

    it(`${name} (DWARF ${version}): the line of every instruction address`, () => {
      const { file, elf, units } = load(name);
      const ref = dwarfdumpLines(file);
      const table = new LineTable(units);
      let described = 0;
      for (let k = 0; k < elf.instructions.length; k++) {
        const pc = elf.pcBase + 4 * k;
        // The reference: the last row at or below pc in the sequence that contains pc.
        let expected: { line: number; column: number; file: number; unit: number } | null = null;
        for (const [ui, u] of ref.entries()) {
          for (let j = 0; j + 1 < u.rows.length; j++) {
            const row = u.rows[j];
            if (row.flags.includes('end_sequence')) continue;
            if (row.address <= pc && pc < u.rows[j + 1].address)
              expected = { line: row.line, column: row.column, file: row.file, unit: ui };
          }
        }
        const got = table.at(pc);
        if (expected === null) {
          expect(got, `pc 0x${pc.toString(16)}`).toBeNull();
          continue;
        }
        described++;
        const refFile = ref[expected.unit].files.get(expected.file)!;
        expect(got, `pc 0x${pc.toString(16)}`).not.toBeNull();
        expect({ line: got!.line, column: got!.column }, `pc 0x${pc.toString(16)}`).toEqual({
          line: expected.line,
          column: expected.column,
        });
        expect(
          got!.file.endsWith(refFile.name),
          `pc 0x${pc.toString(16)}: ${got!.file} vs ${refFile.name}`,
        ).toBe(true);
      }
      // Nearly every instruction has a line (hand-written code without .loc directives would not).
      expect(described).toBeGreaterThan(elf.instructions.length * 0.9);
      console.log(
        `${name}: ${described} of ${elf.instructions.length} instruction addresses have a line, all as ${DWARFDUMP} says`,
      );
    });
  }
});
if (!mustRun(hasDwarfdump))
  console.warn(`skipping the DWARF line-table tests: ${DWARFDUMP} is not installed (apt-get install llvm)`);

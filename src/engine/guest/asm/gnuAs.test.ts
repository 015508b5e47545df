// The assembler against GNU as: a generated corpus (corpus.testutil.ts, > 2,000 lines: every RV32IM
// instruction and pseudo-instruction) assembled by riscv64-unknown-elf-as -march=rv32im -mno-relax and
// linked by riscv64-unknown-elf-ld --no-relax at our addresses, must give the same text and data bytes;
// and objdump must read our ELF back to the same instruction words. With CI=true a missing tool fails.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, OBJDUMP, tool } from '../fixtures.testutil';
import { assembleProgram } from './assembleProgram';
import { generateCorpus } from './corpus.testutil';

const AS = 'riscv64-unknown-elf-as';
const LD = 'riscv64-unknown-elf-ld';
const OBJCOPY = 'riscv64-unknown-elf-objcopy';
const install = 'apt-get install binutils-riscv64-unknown-elf';

const TARGETS = /^(beq|bne|blt|bge|bltu|bgeu|bgt|ble|bgtu|bleu|beqz|bnez|bltz|bgez|blez|bgtz|j|jal)$/;

/** objdump -d's instructions, as assembly our syntax reads (branch targets as 0x addresses, no comments). */
function objdumpText(file: string, aliases: boolean): { word: number; text: string }[] {
  const args = ['-d', ...(aliases ? [] : ['-M', 'no-aliases']), file];
  const out = execFileSync(OBJDUMP, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const lines: { word: number; text: string }[] = [];
  for (const m of out.matchAll(/^\s*[0-9a-f]+:\s+([0-9a-f]{8})\s+(\S+)[ \t]*([^#<\n]*)/gm)) {
    const ops = m[3].trim().split(',');
    if (TARGETS.test(m[2])) ops[ops.length - 1] = `0x${ops[ops.length - 1]}`;
    lines.push({ word: Number.parseInt(m[1], 16), text: `${m[2]} ${ops.join(', ')}` });
  }
  return lines;
}

describe.runIf(needs(tool(AS, install), tool(LD, install), tool(OBJCOPY, install), tool(OBJDUMP, install)))(
  'assembler agrees with riscv64-unknown-elf-as',
  () => {
    it('assembles a generated 2,000+ line corpus to the bytes GNU as + ld produce', () => {
      const source = generateCorpus(2200);
      expect(source.split('\n').length).toBeGreaterThanOrEqual(2000);
      const ours = assembleProgram(source);
      if (!ours.ok) throw new Error(JSON.stringify(ours.errors.slice(0, 5)));
      const a = ours.assembly;
      const dir = mkdtempSync(path.join(tmpdir(), 'memscope-asm-'));
      const file = (n: string) => path.join(dir, n);
      writeFileSync(file('c.s'), source);
      execFileSync(AS, ['-march=rv32im', '-mabi=ilp32', '-mno-relax', '-o', file('c.o'), file('c.s')]);
      const hex = (n: number) => `0x${n.toString(16)}`;
      execFileSync(LD, [
        '--no-relax',
        '-m',
        'elf32lriscv',
        `-Ttext=${hex(a.text.base)}`,
        `-Tdata=${hex(a.data.base)}`,
        '-o',
        file('gnu.elf'),
        file('c.o'),
      ]);
      execFileSync(OBJCOPY, ['-O', 'binary', '-j', '.text', file('gnu.elf'), file('text.bin')]);
      execFileSync(OBJCOPY, ['-O', 'binary', '-j', '.data', file('gnu.elf'), file('data.bin')]);
      const gnuText = new Uint8Array(readFileSync(file('text.bin')));
      const gnuData = new Uint8Array(readFileSync(file('data.bin')));
      expect(a.text.bytes.length).toBe(gnuText.length);
      // Word by word, so that a mismatch names its line.
      const lineOf = new Map([...a.lines].map(([pc, line]) => [pc, line]));
      const lines = source.split('\n');
      const view = new DataView(a.text.bytes.buffer);
      const gview = new DataView(gnuText.buffer);
      const diffs: string[] = [];
      for (let k = 0; k < gnuText.length; k += 4) {
        const ours32 = view.getUint32(k, true);
        const gnu32 = gview.getUint32(k, true);
        if (ours32 !== gnu32) {
          let pc = a.text.base + k;
          while (!lineOf.has(pc)) pc -= 4;
          diffs.push(
            `${hex(a.text.base + k)} ${lines[(lineOf.get(pc) as number) - 1].trim()}: ours ${hex(ours32)}, gnu ${hex(gnu32)}`,
          );
        }
      }
      expect(diffs.slice(0, 10)).toEqual([]);
      expect(Buffer.from(a.data.bytes).toString('hex')).toBe(Buffer.from(gnuData).toString('hex'));
      // objdump's text of GNU's program (with and without aliases) assembles back to the same words.
      for (const aliases of [true, false]) {
        const dumped = objdumpText(file('gnu.elf'), aliases);
        expect(dumped.length).toBe(gnuText.length / 4);
        const again = assembleProgram(`${dumped.map((d) => d.text).join('\n')}\n`);
        if (!again.ok) throw new Error(JSON.stringify(again.errors.slice(0, 5)));
        const words = new DataView(again.assembly.text.bytes.buffer);
        const bad = dumped.filter((d, k) => words.getUint32(4 * k, true) !== d.word);
        expect(bad.slice(0, 10).map((d) => `${d.text} (${hex(d.word)})`)).toEqual([]);
      }
    });
  },
);

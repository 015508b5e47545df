// The disassembler against GNU objdump (riscv64-unknown-elf-objdump -d, binutils 2.40 on Debian 12) for
// every instruction word of the text of the real OpenVM guests and of our examples, in both objdump's
// default (pseudo-instruction) mode and -M no-aliases. Runs only when objdump is installed
// (.ci/run installs binutils-riscv64-unknown-elf).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as A from '../asm/encode';
import { disassembleWord, formatDisassembly } from './disassembler';
import { loadElf } from '../program/elf';
import { buildElf, wordsToBytes } from '../program/elfWriter';
import { allGuestElfs, needs, OBJDUMP, objdump, sharedGuests } from '../fixtures.testutil';
import { readSymbols } from '../program/symbols';

const BRANCHES = new Set([
  'beq',
  'bne',
  'blt',
  'bge',
  'bltu',
  'bgeu',
  'beqz',
  'bnez',
  'blez',
  'bgez',
  'bltz',
  'bgtz',
  'j',
  'jal',
]);
// binutils 2.40 prints addi/andi/ori/xori/slli/srli/srai as add/and/or/xor/sll/srl/sra with an immediate.
const IMMEDIATE_ALIASES = new Set(['add', 'and', 'or', 'xor', 'sll', 'srl', 'sra']);

interface Insn {
  mnemonic: string;
  operands: string[];
}

/** Numbers become canonical decimal; `<symbol>` annotations and `# comments` are dropped. */
function normalise(mnemonic: string, operandText: string, objdumpStyle: boolean): Insn {
  const text = operandText
    .replace(/#.*$/, '')
    .replace(/<[^>]*>/g, '')
    .trim();
  const ops = text === '' ? [] : text.split(',').map((s) => s.trim());
  const isBranch = BRANCHES.has(mnemonic);
  const norm = ops.map((op, i) => {
    const mem = /^(-?(?:0x)?[0-9a-f]+)\((\w+)\)$/.exec(op);
    if (mem) return `${parseInt(mem[1], mem[1].includes('0x') ? 16 : 10)}(${mem[2]})`;
    if (isBranch && i === ops.length - 1) return String(parseInt(op.replace(/^0x/, ''), 16));
    if (/^-?0x[0-9a-f]+$/.test(op)) return String(parseInt(op, 16));
    if (/^-?[0-9]+$/.test(op)) return String(parseInt(op, 10));
    return op;
  });
  let m = mnemonic;
  if (objdumpStyle && IMMEDIATE_ALIASES.has(m) && norm.length === 3 && /^-?[0-9]+$/.test(norm[2]))
    m = `${m}i`;
  return { mnemonic: m, operands: norm };
}

function objdumpInsns(file: string, noAliases: boolean): Map<number, { word: number; insn: Insn }> {
  const args = ['-d', '-j', '.text', ...(noAliases ? ['-M', 'no-aliases'] : []), file];
  const out = execFileSync(OBJDUMP, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
  const map = new Map<number, { word: number; insn: Insn }>();
  for (const line of out.split('\n')) {
    const m = /^\s*([0-9a-f]+):\t([0-9a-f]{8})\s*\t(\S+)\t?(.*)$/.exec(line);
    if (!m) continue;
    map.set(parseInt(m[1], 16), { word: parseInt(m[2], 16), insn: normalise(m[3], m[4], true) });
  }
  return map;
}

describe.runIf(needs(objdump()))('disassembler agrees with riscv64-unknown-elf-objdump', () => {
  // the real guests come from ../shared: without it this suite would compare only the examples
  needs(sharedGuests());
  const elfs = allGuestElfs();
  it('has fixtures to compare', () => {
    expect(elfs.length).toBeGreaterThan(0);
  });
  for (const [label, file] of elfs) {
    for (const noAliases of [false, true]) {
      it(`${label} (${noAliases ? '-M no-aliases' : 'default aliases'})`, () => {
        const bytes = new Uint8Array(readFileSync(file));
        const elf = loadElf(bytes);
        const symbols = readSymbols(bytes, elf.sections);
        const reference = objdumpInsns(file, noAliases);
        let agreed = 0;
        let custom = 0;
        const mismatches: string[] = [];
        for (const [pc, ref] of reference) {
          const k = (pc - elf.pcBase) / 4;
          const word = elf.instructions[k];
          expect(word, `word at ${pc.toString(16)}`).toBe(ref.word);
          const d = disassembleWord(word, pc, { aliases: !noAliases, symbols });
          if (ref.insn.mnemonic === '.4byte') {
            // objdump does not know OpenVM's custom-0 instructions: ours must name them.
            expect(d.mnemonic, `custom word ${word.toString(16)} at ${pc.toString(16)}`).not.toBe('.4byte');
            custom++;
            continue;
          }
          const ours = normalise(d.mnemonic, d.operands, false);
          if (ours.mnemonic === ref.insn.mnemonic && ours.operands.join(',') === ref.insn.operands.join(','))
            agreed++;
          else if (mismatches.length < 10)
            mismatches.push(
              `${pc.toString(16)} ${word.toString(16)}: ours "${formatDisassembly(d)}" vs objdump ${JSON.stringify(ref.insn)}`,
            );
        }
        expect(mismatches).toEqual([]);
        expect(agreed + custom).toBe(reference.size);
        expect(reference.size).toBeGreaterThan(10);
        console.log(
          `${label} ${noAliases ? 'no-aliases' : 'aliases'}: ${agreed} of ${reference.size} words agree with objdump, ${custom} OpenVM custom words named`,
        );
      });
    }
  }
});

describe('OpenVM custom instructions and other extensions by name', () => {
  const dis = (w: number, pc = 0x200800) => {
    const d = disassembleWord(w, pc);
    return `${d.mnemonic} ${d.operands}`.trim() + (d.extension ? ` [${d.extension}]` : '');
  };
  it('custom-0 system and IO words', () => {
    expect(dis(A.terminate(3))).toBe('terminate 3');
    expect(dis(A.hintstorew(A.a1))).toBe('hintstorew a1');
    expect(dis(A.hintbuffer(A.a1, A.a3))).toBe('hintbuffer a1, a3');
    expect(dis(A.reveal(A.a0, A.a1, -8))).toBe('reveal a0, -8(a1)');
    expect(dis(A.hintinput())).toBe('hintinput');
    expect(dis(A.printstr(A.a0, A.a1))).toBe('printstr a0, a1');
    expect(dis(A.hintrandom(A.a2))).toBe('hintrandom a2');
    expect(dis(A.hintLoadByKey(A.a0, A.a1))).toBe('hint_load_by_key a0, a1');
  });
  it('other extensions: named, with the extension they need', () => {
    expect(dis(0x0000400b | (A.a0 << 7) | (A.a1 << 15) | (A.a2 << 20))).toBe(
      'keccak256 a0, a1, a2 [Keccak-256]',
    );
    expect(dis(0x0200400b)).toBe('sha256 zero, zero, zero [SHA2-256]');
    expect(dis(0x1400500b)).toBe('mul256 zero, zero, zero [BigInt (Int256)]');
    expect(dis(0x2000500b)).toBe('.4byte 0x2000500b'); // funct7 16: no Int256 instruction
    expect(dis(0x00b5600b | (8 << 7))).toBe('beq256 a0, a1, 0x200808 [BigInt (Int256)]');
    // Algebra / ECC / pairing: the modulus or curve by index without a config (algebraDecode.test.ts names them).
    expect(dis(0x1400002b)).toBe('mulmod[mod1] zero, zero, zero [Algebra (modular arithmetic)]');
    expect(dis(0x0200102b)).toBe('sw_double[curve0] zero, zero [Elliptic curve (ECC)]');
    expect(dis(0x2000302b)).toBe('hint_final_exp[Bls12_381] zero, zero [Pairing]');
    expect(dis(0x0a30002b)).toBe('.4byte 0xa30002b'); // setupmod with rs2 = x3: the transpiler panics
  });
  it('branch and jump targets with symbol+offset', () => {
    const bytes = buildElf(
      0x200800,
      [{ vaddr: 0x200800, data: wordsToBytes([A.jal(A.ra, 8), A.beq(A.a0, 0, -4), 0]), flags: 5 }],
      [{ name: '_ZN3foo3barE', value: 0x200800, size: 12 }],
    );
    const symbols = readSymbols(bytes, loadElf(bytes).sections);
    expect(formatDisassembly(disassembleWord(A.jal(A.ra, 8), 0x200800, { symbols }))).toBe(
      'jal     0x200808 <foo::bar+0x8>',
    );
    expect(formatDisassembly(disassembleWord(A.beq(A.a0, 0, -4), 0x200804, { symbols }))).toBe(
      'beqz    a0, 0x200800 <foo::bar>',
    );
  });
});

// The assembler's own behaviour: OpenVM's custom instructions round-trip through the decoder and the
// disassembler; errors carry line and column and nothing throws; labels, data and symbols; an assembled
// program runs as a guest (a loop, sb + lw of the same word, reveal -> a public value).
import { describe, expect, it } from 'vitest';
import { Random } from '../../random';
import { decodeWord } from '../isa/decoder';
import { disassembleWord, formatDisassembly } from '../isa/disassembler';
import * as O from '../isa/opcodes';
import { GuestRun } from '../guestRun';
import { assemble, TEXT_BASE } from './assembler';
import { assembleProgram } from './assembleProgram';
import { DIRECTIVES } from './directives';
import { MNEMONICS } from './instructions';

function words(source: string): number[] {
  const r = assemble(source);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const v = new DataView(r.assembly.text.bytes.buffer);
  return Array.from({ length: r.assembly.text.bytes.length / 4 }, (_, k) => v.getUint32(4 * k, true));
}

function errors(source: string) {
  const r = assemble(source);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

// [source, decoder op, operand fields to check]
const CUSTOM: [string, number, Partial<{ rd: number; rs1: number; rs2: number; imm: number }>][] = [
  ['terminate 7', O.OP_TERMINATE, { imm: 7 }],
  ['terminate', O.OP_TERMINATE, { imm: 0 }],
  ['hintstorew a0', O.OP_HINT_STOREW, { rd: 10 }],
  ['hint_storew a1', O.OP_HINT_STOREW, { rd: 11 }],
  ['hintbuffer a0, a1', O.OP_HINT_BUFFER, { rd: 10, rs1: 11 }],
  ['hint_buffer a2, a3', O.OP_HINT_BUFFER, { rd: 12, rs1: 13 }],
  ['reveal a0, 4(a1)', O.OP_REVEAL, { rs1: 10, rd: 11, imm: 4 }],
  ['reveal t0, -8(zero)', O.OP_REVEAL, { rs1: 5, rd: 0, imm: -8 }],
  ['hintinput', O.OP_HINT_INPUT, {}],
  ['printstr a0, a1', O.OP_PRINT_STR, { rd: 10, rs1: 11 }],
  ['hintrandom a0', O.OP_HINT_RANDOM, { rd: 10 }],
  ['hint_load_by_key a0, a1', O.OP_HINT_LOAD_BY_KEY, { rd: 10, rs1: 11 }],
  ['keccak256 a0, a1, a2', O.OP_KECCAK256, { rd: 10, rs1: 11, rs2: 12 }],
  ['sha256 a0, a1, a2', O.OP_SHA256, { rd: 10, rs1: 11, rs2: 12 }],
  ['add256 a0, a1, a2', O.OP_ADD256, { rd: 10 }],
  ['sub256 a0, a1, a2', O.OP_SUB256, {}],
  ['xor256 a0, a1, a2', O.OP_XOR256, {}],
  ['or256 a0, a1, a2', O.OP_OR256, {}],
  ['and256 a0, a1, a2', O.OP_AND256, {}],
  ['sll256 a0, a1, a2', O.OP_SLL256, {}],
  ['srl256 a0, a1, a2', O.OP_SRL256, {}],
  ['sra256 a0, a1, a2', O.OP_SRA256, {}],
  ['slt256 a0, a1, a2', O.OP_SLT256, {}],
  ['sltu256 a0, a1, a2', O.OP_SLTU256, {}],
  ['mul256 a0, a1, a2', O.OP_MUL256, { rd: 10, rs1: 11, rs2: 12 }],
  ['beq256 a0, a1, . + 16', O.OP_BEQ256, { rs1: 10, rs2: 11, imm: 16 }],
];

const ALGEBRA = [
  'addmod[mod0] a0, a1, a2',
  'submod[mod1] a0, a1, a2',
  'mulmod[mod2] a0, a1, a2',
  'divmod[mod0] a0, a1, a2',
  'iseqmod[mod3] a0, a1, a2',
  'setup_addsubmod[mod0] a0, a1',
  'setup_muldivmod[mod1] a0, a1',
  'setup_iseqmod[mod0] a0, a1',
  'hint_non_qr[mod0]',
  'hint_sqrt[mod1] a1',
  'addcomplex[fp2_0] a0, a1, a2',
  'subcomplex[fp2_1] a0, a1, a2',
  'mulcomplex[fp2_0] a0, a1, a2',
  'divcomplex[fp2_0] a0, a1, a2',
  'setup_addsubcomplex[fp2_0] a0, a1',
  'setup_muldivcomplex[fp2_0] a0, a1',
  'sw_add_ne[curve0] a0, a1, a2',
  'sw_double[curve1] a0, a1',
  'sw_setup_add_ne[curve0] a0, a1, a2',
  'sw_setup_double[curve0] a0, a1, zero',
  'hint_final_exp[Bn254] a0, a1',
  'hint_final_exp[Bls12_381] a0, a1',
];

describe('OpenVM custom instructions', () => {
  it.each(CUSTOM)('%s decodes to its opcode and operands', (source, op, fields) => {
    const [w] = words(source);
    const d = decodeWord(w);
    expect(O.OP_NAMES[d.op]).toBe(O.OP_NAMES[op]);
    expect(d).toMatchObject(fields);
  });

  it.each([...CUSTOM.map((c) => c[0]), ...ALGEBRA])(
    '%s: the disassembly assembles back to the word',
    (source) => {
      const [w] = words(source);
      const d = disassembleWord(w, TEXT_BASE);
      const text = formatDisassembly(d).replace(/ <[^>]*>$/, '');
      expect(words(text)).toEqual([w]);
      if (ALGEBRA.includes(source)) {
        expect(decodeWord(w).op, source).not.toBe(O.OP_ILLEGAL);
        expect(formatDisassembly(d).replace(/\s+/g, ' ')).toBe(source.replace(/\s+/g, ' '));
      }
    },
  );
});

describe('errors have a line and a column, and nothing throws', () => {
  it('names an unknown mnemonic', () => {
    expect(errors('  nop\n  frobnicate a0, a1\n')).toEqual([
      { line: 2, column: 3, message: 'unknown mnemonic `frobnicate`' },
    ]);
  });
  it('names an immediate out of range', () => {
    const [e] = errors('addi a0, a0, 2048\n');
    expect(e).toMatchObject({ line: 1, column: 14 });
    expect(e.message).toMatch(/immediate 2048 out of range.*-2048\.\.2047/);
    expect(errors('slli a0, a0, 32\n')[0].message).toMatch(/shift amount/);
    expect(errors('terminate 256\n')[0].message).toMatch(/exit code/);
    expect(errors('lui a0, 0x100000\n')[0].message).toMatch(/20-bit/);
  });
  it('names an undefined label', () => {
    expect(errors('nop\n  beq a0, a1, nowhere\n')).toEqual([
      { line: 2, column: 15, message: 'undefined label `nowhere`' },
    ]);
  });
  it('refuses a misaligned .word', () => {
    const [e] = errors('nop\n.data\n.byte 1\n.word 5\n');
    expect(e).toMatchObject({ line: 4, column: 1 });
    expect(e.message).toMatch(/misaligned \.word: offset 1/);
  });
  it('reports every bad line at once, in order', () => {
    const e = errors('add a0\nbogus\nli a0, 1\nj missing\n');
    expect(e.map((x) => x.line)).toEqual([1, 2, 4]);
    expect(e[0].message).toBe('`add` takes 3 operands, 1 given');
  });
  it('reports a branch out of range and a duplicate label', () => {
    expect(errors(`a: nop\n.space 8192\nbeq a0, a1, a\n`)[0].message).toMatch(/out of range/);
    expect(errors('a: nop\na: nop\n')[0]).toMatchObject({ line: 2, column: 1 });
  });
  it('never throws on random text', () => {
    const rnd = new Random(7);
    const alphabet = 'abcdelrsx0129,()%.:#"\'-+ \t\n[]<>';
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: rnd.below(80) }, () => rnd.pick([...alphabet])).join('');
      const pieces = [rnd.pick([...MNEMONICS, ...DIRECTIVES]), text].join(' ');
      expect(() => assemble(pieces)).not.toThrow();
    }
  });
});

describe('programs', () => {
  it('places data, labels and symbols; `_end` after the bss', () => {
    const r = assemble(
      '_start: la a0, msg\n  terminate 0\n.data\nmsg: .asciz "hi"\n.align 2\nn: .word msg\n.bss\nbuf: .space 16\n',
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.assembly;
    const sym = Object.fromEntries(a.symbols.map((s) => [s.name, s.address]));
    expect(sym._start).toBe(TEXT_BASE);
    expect(sym.msg).toBe(a.data.base);
    expect(sym.n).toBe(a.data.base + 4);
    expect(sym.buf).toBe(a.data.base + 8);
    expect(sym._end).toBe(a.data.base + 24);
    expect([...a.data.bytes]).toEqual([
      104,
      105,
      0,
      0,
      ...[a.data.base & 0xff, (a.data.base >> 8) & 0xff, a.data.base >> 16, 0],
    ]);
    expect(a.lines.get(TEXT_BASE + 8)).toBe(2);
  });

  it('runs as a guest: a loop, sb and lw of one word, reveal', () => {
    const source = [
      '_start:',
      '  la   a1, word',
      '  li   t0, 3',
      'loop:',
      '  sb   t0, 1(a1)       # a byte into the word',
      '  addi t0, t0, -1',
      '  bnez t0, loop',
      '  lw   a0, 0(a1)       # the whole word back',
      '  reveal a0, 0(zero)   # public values 0..3',
      '  terminate 0',
      '.data',
      'word: .word 0x11223344',
    ].join('\n');
    const r = assembleProgram(source);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.program.symbols.get('loop')?.address).toBe(TEXT_BASE + 12);
    const run = new GuestRun(r.program, {});
    expect(run.run(1000)).toBe('terminated');
    expect([...run.publicValues(4)]).toEqual([0x44, 0x01, 0x22, 0x11]);
  });
});

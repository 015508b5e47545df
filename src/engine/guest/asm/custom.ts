// OpenVM v1.7's custom instructions in the assembler, spelled as isa/disassembler.ts prints them (so the
// Program panel's text assembles back to the same word) plus the underscore spellings of OpenVM's docs:
// custom-0 (docs/specs/reference/riscv-custom-code.mdx): terminate, hintstorew / hint_storew, hintbuffer /
// hint_buffer, reveal, the phantoms hintinput, printstr, hintrandom, hint_load_by_key; keccak256, sha256,
// the Int256 ops add256 .. mul256 and beq256; custom-1: the algebra, complex-field, short Weierstrass and
// pairing instructions, written `addmod[0]` or with the name the disassembler gives an index without an
// openvm.toml (`addmod[mod0]`, `addcomplex[fp2_0]`, `sw_add_ne[curve0]`, `hint_final_exp[Bn254]`).

import * as E from './encode';
import { AsmFailure } from './asmSyntax';
import type { InsnContext, InsnDef } from './insnTypes';

const BRANCH = 4096;

const r3 = (f: (rd: number, rs1: number, rs2: number) => number): InsnDef => ({
  operands: [3],
  encode: (c) => [f(c.reg(0), c.reg(1), c.reg(2))],
});

const INT256 = ['add256', 'sub256', 'xor256', 'or256', 'and256', 'sll256', 'srl256', 'sra256', 'slt256'];

const hintstorew: InsnDef = { operands: [1], encode: (c) => [E.hintstorew(c.reg(0))] };
const hintbuffer: InsnDef = { operands: [2], encode: (c) => [E.hintbuffer(c.reg(0), c.reg(1))] };
const hintinput: InsnDef = { operands: [0], encode: () => [E.hintinput()] };
const printstr: InsnDef = { operands: [2], encode: (c) => [E.printstr(c.reg(0), c.reg(1))] };
const hintrandom: InsnDef = { operands: [1], encode: (c) => [E.hintrandom(c.reg(0))] };

const PLAIN: Record<string, InsnDef> = {
  terminate: {
    operands: [0, 1],
    encode: (c) => [E.terminate(c.operands.length === 0 ? 0 : c.imm(0, 0, 255, 'exit code (one byte)'))],
  },
  hintstorew,
  hint_storew: hintstorew,
  hintbuffer,
  hint_buffer: hintbuffer,
  // reveal rs1, imm(rd): stores rs1 into public values at rd + imm (the disassembler's order).
  reveal: {
    operands: [2],
    encode: (c) => {
      const m = c.mem(1);
      return [E.reveal(c.reg(0), m.base, m.offset)];
    },
  },
  hintinput,
  hint_input: hintinput,
  printstr,
  print_str: printstr,
  hintrandom,
  hint_random: hintrandom,
  hint_load_by_key: { operands: [2], encode: (c) => [E.hintLoadByKey(c.reg(0), c.reg(1))] },
  keccak256: r3(E.keccak256),
  sha256: r3(E.sha256),
  mul256: r3((rd, a, b) => E.int256(10, rd, a, b)),
  sltu256: r3((rd, a, b) => E.int256(9, rd, a, b)),
  beq256: { operands: [3], encode: (c) => [E.beq256(c.reg(0), c.reg(1), c.offset(2, BRANCH))] },
};
INT256.forEach((name, funct7) => (PLAIN[name] = r3((rd, a, b) => E.int256(funct7, rd, a, b))));

type Shape = 'rd,rs1,rs2' | 'rd,rs1' | 'rs1' | 'rs1,rs2' | '';

interface Custom1 {
  funct3: number;
  base: number;
  /** funct7 = index * stride + base */
  stride: number;
  shape: Shape;
  /** rs2 fixed by the mnemonic (the setup variants select with rs2). */
  rs2?: number;
  /** The name of index i the disassembler prints without a config. */
  indexName: (i: number) => string;
  check?: (regs: { rd: number; rs1: number; rs2: number }) => string | undefined;
}

const mod = (base: number, shape: Shape, rs2?: number): Custom1 => ({
  funct3: 0,
  base,
  stride: 8,
  shape,
  rs2,
  indexName: (i) => `mod${i}`,
});
const fp2 = (base: number, shape: Shape, rs2?: number): Custom1 => ({
  funct3: 2,
  base,
  stride: 8,
  shape,
  rs2,
  indexName: (i) => `fp2_${i}`,
});
const ecc = (base: number, shape: Shape, check?: Custom1['check'], rs2?: number): Custom1 => ({
  funct3: 1,
  base,
  stride: 8,
  shape,
  rs2,
  check,
  indexName: (i) => `curve${i}`,
});

const ALGEBRA: Record<string, Custom1> = {
  addmod: mod(0, 'rd,rs1,rs2'),
  submod: mod(1, 'rd,rs1,rs2'),
  mulmod: mod(2, 'rd,rs1,rs2'),
  divmod: mod(3, 'rd,rs1,rs2'),
  iseqmod: mod(4, 'rd,rs1,rs2'),
  setup_addsubmod: mod(5, 'rd,rs1', 0),
  setup_muldivmod: mod(5, 'rd,rs1', 1),
  setup_iseqmod: {
    ...mod(5, 'rd,rs1', 2),
    check: (r) => (r.rd === 0 ? 'needs rd other than x0' : undefined),
  },
  hint_non_qr: mod(6, ''),
  hint_sqrt: mod(7, 'rs1'),
  addcomplex: fp2(0, 'rd,rs1,rs2'),
  subcomplex: fp2(1, 'rd,rs1,rs2'),
  mulcomplex: fp2(2, 'rd,rs1,rs2'),
  divcomplex: fp2(3, 'rd,rs1,rs2'),
  setup_addsubcomplex: fp2(4, 'rd,rs1', 0),
  setup_muldivcomplex: fp2(4, 'rd,rs1', 1),
  sw_add_ne: ecc(0, 'rd,rs1,rs2'),
  sw_double: ecc(1, 'rd,rs1', undefined, 0),
  sw_setup_add_ne: ecc(2, 'rd,rs1,rs2', (r) => (r.rs2 === 0 ? 'needs rs2 other than x0' : undefined)),
  sw_setup_double: ecc(2, 'rd,rs1,rs2', (r) => (r.rs2 !== 0 ? 'needs rs2 = x0' : undefined)),
  hint_final_exp: {
    funct3: 3,
    base: 0,
    stride: 16,
    shape: 'rs1,rs2',
    indexName: (i) => ['Bn254', 'Bls12_381'][i] ?? `pairing${i}`,
  },
};

/** The operand count of each shape. */
const COUNT: Record<Shape, number> = { 'rd,rs1,rs2': 3, 'rd,rs1': 2, rs1: 1, 'rs1,rs2': 2, '': 0 };

function algebraDef(name: string, d: Custom1): InsnDef {
  return {
    operands: [COUNT[d.shape]],
    encode: (c: InsnContext) => {
      const index = algebraIndex(c, name, d);
      const regs = { rd: 0, rs1: 0, rs2: d.rs2 ?? 0 };
      const names = d.shape === '' ? [] : (d.shape.split(',') as ('rd' | 'rs1' | 'rs2')[]);
      names.forEach((n, k) => (regs[n] = c.reg(k)));
      const problem = d.check?.(regs);
      if (problem !== undefined) throw new AsmFailure(c.mnemonic.column, `${name} ${problem}`);
      return [E.custom1(d.funct3, index * d.stride + d.base, regs.rd, regs.rs1, regs.rs2)];
    },
  };
}

/** `addmod[3]`, `addmod[mod3]`, `addmod<3>`: the index; bare `addmod` is index 0. */
function algebraIndex(c: InsnContext, name: string, d: Custom1): number {
  const text = c.mnemonic.text;
  const m = /^[a-z_0-9]+(?:\[([^\]]*)\]|<([^>]*)>)?$/i.exec(text);
  const raw = m?.[1] ?? m?.[2];
  const max = Math.floor(127 / d.stride);
  if (raw === undefined) return 0;
  let index = /^[0-9]+$/.test(raw) ? Number(raw) : -1;
  if (index < 0)
    for (let i = 0; i <= max && index < 0; i++)
      if (d.indexName(i).toLowerCase() === raw.toLowerCase()) index = i;
  if (index < 0)
    throw new AsmFailure(
      c.mnemonic.column,
      `${name}[${raw}]: give the index (${name}[0]) or ${d.indexName(0)}; names from an openvm.toml are not known here`,
    );
  if (index > max) throw new AsmFailure(c.mnemonic.column, `${name} index ${index} out of range 0..${max}`);
  return index;
}

export const CUSTOM_INSTRUCTIONS: Record<string, InsnDef> = {
  ...PLAIN,
  ...Object.fromEntries(Object.entries(ALGEBRA).map(([n, d]) => [n, algebraDef(n, d)])),
};

// The instruction table of the assembler: every RV32IM instruction, the GNU as pseudo-instructions
// (binutils opcodes/riscv-opc.c: nop, li, la/lla, mv, not, neg, seqz, snez, sltz, sgtz, zext.b, beqz..bgtz,
// bgt/ble/bgtu/bleu, j, jr, jal label, jalr rs, call, tail, ret, lb..lw with a symbol) expanded exactly as
// GNU as expands them for a non-PIC rv32im link, and OpenVM v1.7's custom instructions (custom.ts).
// Each entry gives its size in words (pass 1, from the operand count and, for li, the value) and its
// encoding (pass 2). Errors are AsmFailure with the operand's column.

import * as E from './encode';
import { AsmFailure, registerNumber, type Operand } from './asmSyntax';
import { CUSTOM_INSTRUCTIONS } from './custom';
import type { InsnContext, InsnDef } from './insnTypes';

export type { InsnContext, InsnDef } from './insnTypes';

const I12 = [-2048, 2047] as const;
const imm12 = (c: InsnContext, k: number) => c.imm(k, I12[0], I12[1], '12-bit signed immediate');
const shamt = (c: InsnContext, k: number) => c.imm(k, 0, 31, 'shift amount');
const BRANCH = 4096;
const JUMP = 1 << 20;

/** R-type; with `immediate`, an immediate third operand means the I form (GNU as: `add a0, a0, 5`). */
const R = (
  f: (rd: number, rs1: number, rs2: number) => number,
  immediate?: (rd: number, rs1: number, imm: number) => number,
  amount = imm12,
): InsnDef => ({
  operands: [3],
  encode: (c) =>
    immediate !== undefined && registerNumber(c.operands[2].text) === undefined
      ? [immediate(c.reg(0), c.reg(1), amount(c, 2))]
      : [f(c.reg(0), c.reg(1), c.reg(2))],
});
const I = (f: (rd: number, rs1: number, imm: number) => number, amount = imm12): InsnDef => ({
  operands: [3],
  encode: (c) => [f(c.reg(0), c.reg(1), amount(c, 2))],
});
const B = (f: (rs1: number, rs2: number, off: number) => number): InsnDef => ({
  operands: [3],
  encode: (c) => [f(c.reg(0), c.reg(1), c.offset(2, BRANCH))],
});
/** Branch pseudo with the operands swapped (bgt a, b = blt b, a). */
const Bswap = (f: (rs1: number, rs2: number, off: number) => number): InsnDef => ({
  operands: [3],
  encode: (c) => [f(c.reg(1), c.reg(0), c.offset(2, BRANCH))],
});
/** Branch against zero: `beqz rs, L` (zeroFirst: `blez rs, L` = bge zero, rs). */
const Bz = (f: (rs1: number, rs2: number, off: number) => number, zeroFirst = false): InsnDef => ({
  operands: [2],
  encode: (c) => [zeroFirst ? f(0, c.reg(0), c.offset(1, BRANCH)) : f(c.reg(0), 0, c.offset(1, BRANCH))],
});

/** A load: `lw rd, imm(rs1)`, or `lw rd, symbol` (auipc rd + lw rd, lo(rd), as GNU as does). */
const L = (f: (rd: number, rs1: number, imm: number) => number): InsnDef => ({
  operands: [2],
  size: (c) => (isMem(c.operands[1].text) ? 1 : 2),
  encode: (c) => {
    const rd = c.reg(0);
    if (isMem(c.operands[1].text)) {
      const m = c.mem(1);
      return [f(rd, m.base, m.offset)];
    }
    const [hi, lo] = pcrel(c.value(1) - c.pc);
    return [E.auipc(rd, hi), f(rd, rd, lo)];
  },
});
const S = (f: (rs2: number, rs1: number, imm: number) => number): InsnDef => ({
  operands: [2],
  encode: (c) => {
    const m = c.mem(1);
    return [f(c.reg(0), m.base, m.offset)];
  },
});

export const isMem = (text: string) => /\(\s*[A-Za-z0-9]+\s*\)$/.test(text);

/** auipc/low-12 split of a pc-relative offset (the low part sign-extended, as %pcrel_hi/%pcrel_lo). */
export function pcrel(offset: number): [number, number] {
  const hi = ((offset + 0x800) >>> 12) & 0xfffff;
  return [hi, ((offset - (hi << 12)) << 20) >> 20];
}

/** GNU as's `li` for rv32: addi when the value fits 12 bits, else lui (+ addi when the low part is not 0). */
function liWords(rd: number, v: number, forceTwo: boolean): number[] {
  v |= 0;
  if (!forceTwo && v >= -2048 && v <= 2047) return [E.addi(rd, 0, v)];
  const lo = (v << 20) >> 20;
  const hi = ((v - lo) >>> 12) & 0xfffff;
  return forceTwo || lo !== 0 ? [E.lui(rd, hi), E.addi(rd, rd, lo)] : [E.lui(rd, hi)];
}

const liSize = (c: InsnContext) => {
  if (c.symbolic(1)) return 2;
  return liWords(0, c.value(1), false).length;
};

const BASE: Record<string, InsnDef> = {
  add: R(E.add, E.addi),
  sub: R(E.sub),
  sll: R(E.sll, E.slli, shamt),
  slt: R(E.slt, E.slti),
  sltu: R(E.sltu, E.sltiu),
  xor: R(E.xor, E.xori),
  srl: R(E.srl, E.srli, shamt),
  sra: R(E.sra, E.srai, shamt),
  or: R(E.or, E.ori),
  and: R(E.and, E.andi),
  mul: R(E.mul),
  mulh: R(E.mulh),
  mulhsu: R(E.mulhsu),
  mulhu: R(E.mulhu),
  div: R(E.div),
  divu: R(E.divu),
  rem: R(E.rem),
  remu: R(E.remu),
  addi: I(E.addi),
  slti: I(E.slti),
  sltiu: I(E.sltiu),
  xori: I(E.xori),
  ori: I(E.ori),
  andi: I(E.andi),
  slli: I(E.slli, shamt),
  srli: I(E.srli, shamt),
  srai: I(E.srai, shamt),
  lb: L(E.lb),
  lh: L(E.lh),
  lw: L(E.lw),
  lbu: L(E.lbu),
  lhu: L(E.lhu),
  sb: S(E.sb),
  sh: S(E.sh),
  sw: S(E.sw),
  beq: B(E.beq),
  bne: B(E.bne),
  blt: B(E.blt),
  bge: B(E.bge),
  bltu: B(E.bltu),
  bgeu: B(E.bgeu),
  bgt: Bswap(E.blt),
  ble: Bswap(E.bge),
  bgtu: Bswap(E.bltu),
  bleu: Bswap(E.bgeu),
  beqz: Bz(E.beq),
  bnez: Bz(E.bne),
  bltz: Bz(E.blt),
  bgez: Bz(E.bge),
  blez: Bz(E.bge, true),
  bgtz: Bz(E.blt, true),
  jal: {
    operands: [1, 2],
    encode: (c) =>
      c.operands.length === 1 ? [E.jal(1, c.offset(0, JUMP))] : [E.jal(c.reg(0), c.offset(1, JUMP))],
  },
  j: { operands: [1], encode: (c) => [E.jal(0, c.offset(0, JUMP))] },
  jalr: {
    operands: [1, 2, 3],
    encode: (c) => {
      const n = c.operands.length;
      if (n === 3) return [E.jalr(c.reg(0), c.reg(1), imm12(c, 2))];
      if (n === 2 && !isMem(c.operands[1].text)) return [E.jalr(c.reg(0), c.reg(1), 0)];
      if (n === 2) {
        const m = c.mem(1);
        return [E.jalr(c.reg(0), m.base, m.offset)];
      }
      if (isMem(c.operands[0].text)) {
        const m = c.mem(0);
        return [E.jalr(1, m.base, m.offset)];
      }
      return [E.jalr(1, c.reg(0), 0)];
    },
  },
  jr: {
    operands: [1],
    encode: (c) => {
      if (isMem(c.operands[0].text)) {
        const m = c.mem(0);
        return [E.jalr(0, m.base, m.offset)];
      }
      return [E.jalr(0, c.reg(0), 0)];
    },
  },
  ret: { operands: [0], encode: () => [E.jalr(0, 1, 0)] },
  call: {
    operands: [1],
    size: () => 2,
    encode: (c) => {
      const [hi, lo] = pcrel(c.value(0) - c.pc);
      return [E.auipc(1, hi), E.jalr(1, 1, lo)];
    },
  },
  tail: {
    operands: [1],
    size: () => 2,
    encode: (c) => {
      const [hi, lo] = pcrel(c.value(0) - c.pc);
      return [E.auipc(6, hi), E.jalr(0, 6, lo)];
    },
  },
  lui: { operands: [2], encode: (c) => [E.lui(c.reg(0), c.imm(1, 0, 0xfffff, '20-bit upper immediate'))] },
  auipc: {
    operands: [2],
    encode: (c) => [E.auipc(c.reg(0), c.imm(1, 0, 0xfffff, '20-bit upper immediate'))],
  },
  li: {
    operands: [2],
    size: liSize,
    encode: (c) => {
      const v = c.imm(1, -0x80000000, 0xffffffff, '32-bit value');
      return liWords(c.reg(0), v, c.symbolic(1));
    },
  },
  la: { operands: [2], size: () => 2, encode: (c) => laWords(c) },
  lla: { operands: [2], size: () => 2, encode: (c) => laWords(c) },
  mv: { operands: [2], encode: (c) => [E.addi(c.reg(0), c.reg(1), 0)] },
  not: { operands: [2], encode: (c) => [E.xori(c.reg(0), c.reg(1), -1)] },
  neg: { operands: [2], encode: (c) => [E.sub(c.reg(0), 0, c.reg(1))] },
  seqz: { operands: [2], encode: (c) => [E.sltiu(c.reg(0), c.reg(1), 1)] },
  snez: { operands: [2], encode: (c) => [E.sltu(c.reg(0), 0, c.reg(1))] },
  sltz: { operands: [2], encode: (c) => [E.slt(c.reg(0), c.reg(1), 0)] },
  sgtz: { operands: [2], encode: (c) => [E.slt(c.reg(0), 0, c.reg(1))] },
  'zext.b': { operands: [2], encode: (c) => [E.andi(c.reg(0), c.reg(1), 255)] },
  nop: { operands: [0], encode: () => [E.addi(0, 0, 0)] },
  ecall: { operands: [0], encode: () => [E.ecall()] },
  ebreak: { operands: [0], encode: () => [0x00100073] },
  unimp: { operands: [0], encode: () => [0xc0001073] },
  fence: {
    operands: [0, 2],
    encode: (c) => {
      if (c.operands.length === 0) return [E.fence()];
      const set = (k: number) => fenceSet(c.operands[k]);
      return [((set(0) << 24) | (set(1) << 20) | 0x0f) >>> 0];
    },
  },
};

function laWords(c: InsnContext): number[] {
  const rd = c.reg(0);
  const [hi, lo] = pcrel(c.value(1) - c.pc);
  return [E.auipc(rd, hi), E.addi(rd, rd, lo)];
}

function fenceSet(o: Operand): number {
  if (!/^[iorw]+$/.test(o.text))
    throw new AsmFailure(o.column, `fence set \`${o.text}\` is not a combination of i, o, r, w`);
  return (
    (o.text.includes('i') ? 8 : 0) |
    (o.text.includes('o') ? 4 : 0) |
    (o.text.includes('r') ? 2 : 0) |
    (o.text.includes('w') ? 1 : 0)
  );
}

export const INSTRUCTIONS: Record<string, InsnDef> = { ...BASE, ...CUSTOM_INSTRUCTIONS };

/** Every mnemonic the assembler knows (for the editor's completion). */
export const MNEMONICS: readonly string[] = Object.keys(INSTRUCTIONS);

// RV32IM + OpenVM custom instruction encoders: one function per instruction, register numbers and
// immediates in, the 32-bit word out (the inverse of isa/decoder.ts, written from the RISC-V base ISA
// encoding tables and OpenVM v1.7's docs/specs/reference/riscv-custom-code.mdx, not from the decoder).
// The text assembler (assembler.ts) encodes through these; tests also write small programs word by word.
// Invariant: no range checking here (fields are masked); the assembler checks ranges and reports them.

export const x = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`x${i}`, i])) as Record<
  string,
  number
>;
export const [zero, ra, sp, gp, tp, t0, t1, t2, s0, s1, a0, a1, a2, a3, a4, a5, a6, a7] = Array.from(
  { length: 18 },
  (_, i) => i,
);
export const t6 = 31;

const r = (f7: number, rs2: number, rs1: number, f3: number, rd: number, op: number) =>
  ((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
const i = (imm: number, rs1: number, f3: number, rd: number, op: number) =>
  (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
const s = (imm: number, rs2: number, rs1: number, f3: number, op: number) =>
  ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 0x1f) << 7) | op) >>> 0;
const b = (imm: number, rs2: number, rs1: number, f3: number) =>
  ((((imm >> 12) & 1) << 31) |
    (((imm >> 5) & 0x3f) << 25) |
    (rs2 << 20) |
    (rs1 << 15) |
    (f3 << 12) |
    (((imm >> 1) & 0xf) << 8) |
    (((imm >> 11) & 1) << 7) |
    0x63) >>>
  0;

export const add = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 0, rd, 0x33);
export const sub = (rd: number, rs1: number, rs2: number) => r(0x20, rs2, rs1, 0, rd, 0x33);
export const sll = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 1, rd, 0x33);
export const slt = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 2, rd, 0x33);
export const sltu = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 3, rd, 0x33);
export const xor = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 4, rd, 0x33);
export const srl = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 5, rd, 0x33);
export const sra = (rd: number, rs1: number, rs2: number) => r(0x20, rs2, rs1, 5, rd, 0x33);
export const or = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 6, rd, 0x33);
export const and = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 7, rd, 0x33);
export const mul = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 0, rd, 0x33);
export const mulh = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 1, rd, 0x33);
export const mulhsu = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 2, rd, 0x33);
export const mulhu = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 3, rd, 0x33);
export const div = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 4, rd, 0x33);
export const divu = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 5, rd, 0x33);
export const rem = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 6, rd, 0x33);
export const remu = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 7, rd, 0x33);

export const addi = (rd: number, rs1: number, imm: number) => i(imm, rs1, 0, rd, 0x13);
export const slti = (rd: number, rs1: number, imm: number) => i(imm, rs1, 2, rd, 0x13);
export const sltiu = (rd: number, rs1: number, imm: number) => i(imm, rs1, 3, rd, 0x13);
export const xori = (rd: number, rs1: number, imm: number) => i(imm, rs1, 4, rd, 0x13);
export const ori = (rd: number, rs1: number, imm: number) => i(imm, rs1, 6, rd, 0x13);
export const andi = (rd: number, rs1: number, imm: number) => i(imm, rs1, 7, rd, 0x13);
export const slli = (rd: number, rs1: number, sh: number) => i(sh & 31, rs1, 1, rd, 0x13);
export const srli = (rd: number, rs1: number, sh: number) => i(sh & 31, rs1, 5, rd, 0x13);
export const srai = (rd: number, rs1: number, sh: number) => i((sh & 31) | 0x400, rs1, 5, rd, 0x13);

export const lb = (rd: number, rs1: number, imm: number) => i(imm, rs1, 0, rd, 0x03);
export const lh = (rd: number, rs1: number, imm: number) => i(imm, rs1, 1, rd, 0x03);
export const lw = (rd: number, rs1: number, imm: number) => i(imm, rs1, 2, rd, 0x03);
export const lbu = (rd: number, rs1: number, imm: number) => i(imm, rs1, 4, rd, 0x03);
export const lhu = (rd: number, rs1: number, imm: number) => i(imm, rs1, 5, rd, 0x03);
export const sb = (rs2: number, rs1: number, imm: number) => s(imm, rs2, rs1, 0, 0x23);
export const sh = (rs2: number, rs1: number, imm: number) => s(imm, rs2, rs1, 1, 0x23);
export const sw = (rs2: number, rs1: number, imm: number) => s(imm, rs2, rs1, 2, 0x23);

export const beq = (rs1: number, rs2: number, off: number) => b(off, rs2, rs1, 0);
export const bne = (rs1: number, rs2: number, off: number) => b(off, rs2, rs1, 1);
export const blt = (rs1: number, rs2: number, off: number) => b(off, rs2, rs1, 4);
export const bge = (rs1: number, rs2: number, off: number) => b(off, rs2, rs1, 5);
export const bltu = (rs1: number, rs2: number, off: number) => b(off, rs2, rs1, 6);
export const bgeu = (rs1: number, rs2: number, off: number) => b(off, rs2, rs1, 7);
export const jal = (rd: number, off: number) =>
  ((((off >> 20) & 1) << 31) |
    (((off >> 1) & 0x3ff) << 21) |
    (((off >> 11) & 1) << 20) |
    (((off >> 12) & 0xff) << 12) |
    (rd << 7) |
    0x6f) >>>
  0;
export const jalr = (rd: number, rs1: number, imm: number) => i(imm, rs1, 0, rd, 0x67);
export const lui = (rd: number, imm20: number) => (((imm20 & 0xfffff) << 12) | (rd << 7) | 0x37) >>> 0;
export const auipc = (rd: number, imm20: number) => (((imm20 & 0xfffff) << 12) | (rd << 7) | 0x17) >>> 0;
export const ecall = () => 0x00000073;
export const fence = () => 0x0ff0000f;

// OpenVM custom-0 (0x0B)
export const terminate = (code: number) => i(code, 0, 0, 0, 0x0b);
export const hintstorew = (rdPtr: number) => i(0, 0, 1, rdPtr, 0x0b);
export const hintbuffer = (rdPtr: number, rs1Words: number) => i(1, rs1Words, 1, rdPtr, 0x0b);
export const reveal = (rs1Value: number, rdBase: number, imm: number) => i(imm, rs1Value, 2, rdBase, 0x0b);
export const hintinput = () => i(0, 0, 3, 0, 0x0b);
export const printstr = (rdPtr: number, rs1Len: number) => i(1, rs1Len, 3, rdPtr, 0x0b);
export const hintrandom = (rdWords: number) => i(2, 0, 3, rdWords, 0x0b);
export const hintLoadByKey = (rdPtr: number, rs1Len: number) => i(3, rs1Len, 3, rdPtr, 0x0b);

// OpenVM precompiles on custom-0 (funct3 4..6): Keccak/SHA-256 and Int256 are R-type with funct7 selecting
// the operation; beq256 is B-type (funct3 110).
export const keccak256 = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 4, rd, 0x0b);
export const sha256 = (rd: number, rs1: number, rs2: number) => r(1, rs2, rs1, 4, rd, 0x0b);
/** Int256Funct7: add 0, sub 1, xor 2, or 3, and 4, sll 5, srl 6, sra 7, slt 8, sltu 9, mul 10. */
export const int256 = (funct7: number, rd: number, rs1: number, rs2: number) =>
  r(funct7, rs2, rs1, 5, rd, 0x0b);
export const beq256 = (rs1: number, rs2: number, off: number) => ((b(off, rs2, rs1, 6) & ~0x7f) | 0x0b) >>> 0;
/** custom-1 (0x2B): algebra (funct3 0), ECC (1), complex field (2), pairing hints (3); funct7 = index * 8 + op. */
export const custom1 = (funct3: number, funct7: number, rd: number, rs1: number, rs2: number) =>
  r(funct7, rs2, rs1, funct3, rd, 0x2b);

/** li rd, value as lui + addi (always two words, so programs have fixed layouts). */
export function li(rd: number, value: number): [number, number] {
  const lo = ((value << 20) >> 20) | 0;
  const hi = ((value - lo) >>> 12) & 0xfffff;
  return [lui(rd, hi), addi(rd, rd, lo)];
}

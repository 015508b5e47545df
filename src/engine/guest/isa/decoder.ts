// Instruction decoding as OpenVM v1.7's transpiler sees a word: Rv32ITranspilerExtension,
// Rv32MTranspilerExtension, Rv32IoTranspilerExtension (extensions/rv32im/transpiler/src/{lib,rrs}.rs) on
// top of rrs-lib's `process_instruction`, and the helpers of crates/toolchain/transpiler/src/util.rs.
// The whole text is pre-decoded into typed arrays for the interpreter:
//   code[k] = op | rdPtr << 8 | rs1Ptr << 16 | rs2Ptr << 24   (register operands as AS1 pointers, 4 * reg)
//   imm[k]  = the instruction's immediate, already in the form the executor uses (see decodeWord).
// Invariants: rd = x0 writes never reach the executor for ALU/M/LUI/AUIPC (they are OP_NOP, as OpenVM
// transpiles them to PHANTOM Nop); loads, JAL and JALR keep rd = 0 and the executor skips the write.
// Words no RV32IM/IO extension claims are OP_ILLEGAL (OpenVM refuses the whole ELF; memscope stops only if
// such a word is executed, so that data in the text section does not prevent a run).

import { foreignInstruction, type ForeignInstruction, opExtension } from './opcodes';
import * as O from './opcodes';
import { decodeAlgebraWord } from '../extensions/algebra/algebraDecode';

export interface DecodedInstruction {
  op: number;
  rd: number;
  rs1: number;
  rs2: number;
  imm: number;
}

export interface DecodedProgram {
  pcBase: number;
  words: Uint32Array;
  code: Int32Array;
  imm: Int32Array;
  /** Words claimed by other OpenVM extensions (index -> name and extension). */
  foreign: Map<number, ForeignInstruction>;
  /** Why an OP_ILLEGAL word is illegal (index -> reason). */
  illegal: Map<number, string>;
  /** The OpenVM extensions (beyond RV32IM + IO) the code uses, implemented or not, in first-use order. */
  extensions: ExtensionUse[];
}

/** One OpenVM extension a program's code uses: how many words, where first, and whether memscope runs it. */
export interface ExtensionUse {
  extension: string;
  implemented: boolean;
  /** Words of the text that need it. */
  count: number;
  /** The first such word: its pc and instruction name. */
  firstPc: number;
  firstName: string;
}

// prettier-ignore
const R_OPS: Record<number, number> = {
  0x000: O.OP_ADD, 0x100: O.OP_SUB, 0x001: O.OP_SLL, 0x002: O.OP_SLT, 0x003: O.OP_SLTU, 0x004: O.OP_XOR,
  0x005: O.OP_SRL, 0x105: O.OP_SRA, 0x006: O.OP_OR, 0x007: O.OP_AND,
};
const M_OPS = [O.OP_MUL, O.OP_MULH, O.OP_MULHSU, O.OP_MULHU, O.OP_DIV, O.OP_DIVU, O.OP_REM, O.OP_REMU];
const I_OPS = [O.OP_ADDI, O.OP_SLLI, O.OP_SLTI, O.OP_SLTIU, O.OP_XORI, -1, O.OP_ORI, O.OP_ANDI];
const LOAD_OPS = [O.OP_LB, O.OP_LH, O.OP_LW, -1, O.OP_LBU, O.OP_LHU, -1, -1];
const STORE_OPS = [O.OP_SB, O.OP_SH, O.OP_SW];
const BRANCH_OPS = [O.OP_BEQ, O.OP_BNE, -1, -1, O.OP_BLT, O.OP_BGE, O.OP_BLTU, O.OP_BGEU];

const ILLEGAL: DecodedInstruction = { op: O.OP_ILLEGAL, rd: 0, rs1: 0, rs2: 0, imm: 0 };

/** Sign-extended I-type immediate. */
export const immI = (w: number) => w >> 20;
export const immS = (w: number) => ((w >> 20) & ~0x1f) | ((w >>> 7) & 0x1f);
export const immB = (w: number) =>
  ((w >> 19) & ~0xfff) | ((w << 4) & 0x800) | ((w >>> 20) & 0x7e0) | ((w >>> 7) & 0x1e);
export const immJ = (w: number) =>
  ((w >> 11) & ~0xfffff) | (w & 0xff000) | ((w >>> 9) & 0x800) | ((w >>> 20) & 0x7fe);

/**
 * One word as OpenVM transpiles it. `imm` is: the sign-extended immediate (ALU-imm, loads, stores, JALR,
 * REVEAL), the shift amount (SLLI/SRLI/SRAI), the signed pc offset (branches, JAL), the value written
 * (LUI: imm << 12) or added to pc (AUIPC), or the exit code (TERMINATE).
 */
export function decodeWord(w: number): DecodedInstruction {
  const opcode = w & 0x7f;
  const rd = (w >>> 7) & 0x1f;
  const funct3 = (w >>> 12) & 7;
  const rs1 = (w >>> 15) & 0x1f;
  const rs2 = (w >>> 20) & 0x1f;
  const funct7 = w >>> 25;
  const make = (op: number, imm = 0): DecodedInstruction => ({ op, rd, rs1, rs2, imm });
  const nopIfX0 = (op: number, imm = 0) => (rd === 0 ? make(O.OP_NOP) : make(op, imm));
  switch (opcode) {
    case 0x33: {
      if (funct7 === 1) return nopIfX0(M_OPS[funct3]);
      const op = funct7 === 0 ? R_OPS[funct3] : funct7 === 0x20 ? R_OPS[0x100 | funct3] : undefined;
      return op === undefined ? ILLEGAL : nopIfX0(op);
    }
    case 0x13: {
      if (funct3 === 5) {
        // rrs-lib checks funct7 for srli/srai only (slli accepts any funct7).
        if (funct7 === 0) return nopIfX0(O.OP_SRLI, rs2);
        if (funct7 === 0x20) return nopIfX0(O.OP_SRAI, rs2);
        return ILLEGAL;
      }
      if (funct3 === 1) return nopIfX0(O.OP_SLLI, rs2);
      return nopIfX0(I_OPS[funct3], immI(w));
    }
    case 0x03: {
      const op = LOAD_OPS[funct3];
      return op < 0 ? ILLEGAL : make(op, immI(w));
    }
    case 0x23:
      return funct3 < 3 ? make(STORE_OPS[funct3], immS(w)) : ILLEGAL;
    case 0x63: {
      const op = BRANCH_OPS[funct3];
      return op < 0 ? ILLEGAL : make(op, immB(w));
    }
    case 0x6f:
      return make(O.OP_JAL, immJ(w));
    case 0x67:
      return make(O.OP_JALR, immI(w)); // rrs-lib does not check funct3 here
    case 0x37:
      return nopIfX0(O.OP_LUI, (w & 0xfffff000) | 0);
    case 0x17:
      return nopIfX0(O.OP_AUIPC, (w & 0xfffff000) | 0);
    case 0x0f:
      return funct3 === 0 ? make(O.OP_NOP) : ILLEGAL; // fence
    case 0x73:
      // Rv32I: CSRRW with rd = rs1 = x0 is a NOP; every other SYSTEM word (ecall, ebreak, csr*) is unimp().
      return funct3 === 1 && rd === 0 && rs1 === 0 ? make(O.OP_NOP) : make(O.OP_TERMINATE, 2);
    case 0x0b:
      return decodeCustom0(w, funct3, rd, rs1, rs2);
    case 0x2b: {
      // custom-1: the algebra / ECC / pairing transpilers (extensions/algebra/algebraDecode.ts); the word itself is
      // the immediate, decoded again (cached) against the VmConfig when executed.
      const d = decodeAlgebraWord(w);
      if (d === undefined || 'illegal' in d) return ILLEGAL;
      return d.ok.op === 'NOP' ? make(O.OP_NOP) : make(O.OP_ALGEBRA, w | 0);
    }
    default:
      return ILLEGAL;
  }
}

function decodeCustom0(w: number, funct3: number, rd: number, rs1: number, rs2: number): DecodedInstruction {
  const imm = immI(w);
  const make = (op: number, value = 0): DecodedInstruction => ({ op, rd, rs1, rs2, imm: value });
  switch (funct3) {
    case 0: // terminate: the transpiler panics unless the exit code fits a byte
      return imm >= 0 && imm <= 255 ? make(O.OP_TERMINATE, imm) : ILLEGAL;
    case 1: {
      const imm16 = imm & 0xffff;
      return imm16 === 0 ? make(O.OP_HINT_STOREW) : imm16 === 1 ? make(O.OP_HINT_BUFFER) : ILLEGAL;
    }
    case 2:
      return make(O.OP_REVEAL, imm);
    case 3: {
      const phantom = [O.OP_HINT_INPUT, O.OP_PRINT_STR, O.OP_HINT_RANDOM, O.OP_HINT_LOAD_BY_KEY][imm];
      return phantom === undefined ? ILLEGAL : make(phantom);
    }
    case 4: {
      // Keccak256TranspilerExtension / Sha256TranspilerExtension: from_r_type(_, 2, _, allow_rd_zero = true)
      const funct7 = w >>> 25;
      return funct7 === 0 ? make(O.OP_KECCAK256) : funct7 === 1 ? make(O.OP_SHA256) : ILLEGAL;
    }
    case 5: {
      // Int256TranspilerExtension: from_r_type(_, 2, _, true); a funct7 above Mul is `unimplemented!()`.
      const op = INT256_OPS[w >>> 25];
      return op === undefined ? ILLEGAL : make(op);
    }
    case 6:
      // BEQ256 (B-type): a = 4 rs1, b = 4 rs2, c = imm. The transpiler emits BEQ for every funct3-110 word.
      return make(O.OP_BEQ256, immB(w));
    default:
      return foreignInstruction(w) !== undefined ? make(O.OP_UNSUPPORTED) : ILLEGAL;
  }
}

/** Int256Funct7 -> opcode (Add, Sub, Xor, Or, And, Sll, Srl, Sra, Slt, Sltu, Mul). */
// prettier-ignore
const INT256_OPS = [
  O.OP_ADD256, O.OP_SUB256, O.OP_XOR256, O.OP_OR256, O.OP_AND256, O.OP_SLL256, O.OP_SRL256, O.OP_SRA256,
  O.OP_SLT256, O.OP_SLTU256, O.OP_MUL256,
];

/** Why decodeWord rejected a word (for the error shown when it is executed). */
export function illegalReason(w: number): string {
  const opcode = w & 0x7f;
  if (opcode === 0x0b && ((w >>> 12) & 7) === 0)
    return `terminate exit code ${w >> 20} does not fit in a byte`;
  if (opcode === 0x0b && ((w >>> 12) & 7) === 3) return `unknown phantom immediate ${w >> 20}`;
  if (opcode === 0x0b && ((w >>> 12) & 7) === 4)
    return `custom-0 funct3 100 with funct7 ${w >>> 25}: neither keccak256 (0) nor sha256 (1)`;
  if (opcode === 0x0b && ((w >>> 12) & 7) === 5)
    return `Int256 funct7 ${w >>> 25} is not an Int256Funct7 (0..10); OpenVM's transpiler panics (unimplemented!)`;
  if (opcode === 0x2b) {
    const d = decodeAlgebraWord(w);
    if (d !== undefined && 'illegal' in d) return d.illegal;
  }
  if ((w & 3) !== 3) return 'a compressed (RVC) or non-instruction word; OpenVM guests are RV32IM without C';
  return 'no RV32IM or OpenVM IO instruction has this encoding';
}

/** Pre-decodes a program's instruction words (instruction k at pcBase + 4k). */
export function decodeProgram(words: Uint32Array, pcBase: number): DecodedProgram {
  const n = words.length;
  const code = new Int32Array(n);
  const imm = new Int32Array(n);
  const foreign = new Map<number, ForeignInstruction>();
  const illegal = new Map<number, string>();
  const uses = new Map<string, ExtensionUse>();
  const noteUse = (extension: string, implemented: boolean, k: number, name: string) => {
    const u = uses.get(extension);
    if (u !== undefined) u.count++;
    else uses.set(extension, { extension, implemented, count: 1, firstPc: pcBase + 4 * k, firstName: name });
  };
  for (let k = 0; k < n; k++) {
    const w = words[k];
    const d = decodeWord(w);
    code[k] = d.op | ((d.rd * 4) << 8) | ((d.rs1 * 4) << 16) | ((d.rs2 * 4) << 24);
    imm[k] = d.imm;
    if (d.op === O.OP_UNSUPPORTED) {
      const f = foreignInstruction(w) as ForeignInstruction;
      foreign.set(k, f);
      noteUse(f.extension, false, k, f.name);
    } else if (d.op === O.OP_ILLEGAL) illegal.set(k, illegalReason(w));
    else if (d.op === O.OP_ALGEBRA) {
      const f = foreignInstruction(w) as ForeignInstruction;
      noteUse(f.extension, true, k, f.name);
    } else if (d.op >= O.OP_FIRST_PRECOMPILE)
      noteUse(opExtension(d.op) as string, true, k, O.OP_NAMES[d.op].toLowerCase());
  }
  return { pcBase, words, code, imm, foreign, illegal, extensions: [...uses.values()] };
}

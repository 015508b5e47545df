// The interpreter's opcode numbering: one number per OpenVM instruction *behaviour* after transpilation
// (extensions/rv32im/transpiler, crates/toolchain/transpiler/src/util.rs), not per RISC-V encoding. E.g.
// every ALU/M/LUI/AUIPC word with rd = x0 is OP_NOP (OpenVM transpiles it to PHANTOM Nop), and `unimp`-like
// SYSTEM words are OP_TERMINATE with exit code 2. Plain module constants (not an enum object) so that the
// interpreter's switch compares against literals once bundled.

export const OP_ILLEGAL = 0; // no transpiler extension claims the word (OpenVM: ParseError at load time)
export const OP_UNSUPPORTED = 1; // claimed by an extension memscope does not implement (algebra, ecc, ...)
export const OP_NOP = 2; // PHANTOM Nop: fence, csrrw x0,csr,x0, ALU with rd = x0
export const OP_TERMINATE = 3; // imm = exit code

export const OP_ADD = 4;
export const OP_SUB = 5;
export const OP_XOR = 6;
export const OP_OR = 7;
export const OP_AND = 8;
export const OP_SLL = 9;
export const OP_SRL = 10;
export const OP_SRA = 11;
export const OP_SLT = 12;
export const OP_SLTU = 13;

export const OP_ADDI = 14;
export const OP_XORI = 15;
export const OP_ORI = 16;
export const OP_ANDI = 17;
export const OP_SLLI = 18;
export const OP_SRLI = 19;
export const OP_SRAI = 20;
export const OP_SLTI = 21;
export const OP_SLTIU = 22;

export const OP_MUL = 23;
export const OP_MULH = 24;
export const OP_MULHSU = 25;
export const OP_MULHU = 26;
export const OP_DIV = 27;
export const OP_DIVU = 28;
export const OP_REM = 29;
export const OP_REMU = 30;

export const OP_LB = 31;
export const OP_LH = 32;
export const OP_LW = 33;
export const OP_LBU = 34;
export const OP_LHU = 35;
export const OP_SB = 36;
export const OP_SH = 37;
export const OP_SW = 38;

export const OP_BEQ = 39;
export const OP_BNE = 40;
export const OP_BLT = 41;
export const OP_BGE = 42;
export const OP_BLTU = 43;
export const OP_BGEU = 44;

export const OP_JAL = 45;
export const OP_JALR = 46;
export const OP_LUI = 47;
export const OP_AUIPC = 48;

export const OP_HINT_STOREW = 49;
export const OP_HINT_BUFFER = 50;
export const OP_REVEAL = 51;
export const OP_HINT_INPUT = 52;
export const OP_PRINT_STR = 53;
export const OP_HINT_RANDOM = 54;
export const OP_HINT_LOAD_BY_KEY = 55;

/** Not an instruction: marks a word with a breakpoint hook (allocator interposition); the original op runs after. */
export const OP_HOOK = 56;

// Precompiles (extensions/): Keccak-256, SHA-256 and BigInt (Int256). bne256..bgeu256 exist in OpenVM's
// chip (BranchEqual/BranchLessThan cores) but the v1.7 transpiler only ever emits BEQ256 (funct3 110).
export const OP_KECCAK256 = 57;
export const OP_SHA256 = 58;
export const OP_ADD256 = 59;
export const OP_SUB256 = 60;
export const OP_XOR256 = 61;
export const OP_OR256 = 62;
export const OP_AND256 = 63;
export const OP_SLL256 = 64;
export const OP_SRL256 = 65;
export const OP_SRA256 = 66;
export const OP_SLT256 = 67;
export const OP_SLTU256 = 68;
export const OP_MUL256 = 69;
export const OP_BEQ256 = 70;
export const OP_BNE256 = 71;
export const OP_BLT256 = 72;
export const OP_BGE256 = 73;
export const OP_BLTU256 = 74;
export const OP_BGEU256 = 75;
// Algebra, ECC and pairing (custom-1, opcode 0x2b): one interpreter opcode whose imm is the word; the chip,
// modulus/curve index and operands come from extensions/algebra/algebraDecode.ts and the VmConfig at execution.
export const OP_ALGEBRA = 76;

export const OP_COUNT = 77;

/** The first precompile opcode: op >= OP_FIRST_PRECOMPILE (and < OP_COUNT) is executed in extensions/. */
export const OP_FIRST_PRECOMPILE = OP_KECCAK256;

/** OpenVM-style names (LOADW, STOREB, ...) for the trace and the instruction-mix views. */
// prettier-ignore
export const OP_NAMES: readonly string[] = [
  'ILLEGAL', 'UNSUPPORTED', 'NOP', 'TERMINATE', 'ADD', 'SUB', 'XOR', 'OR', 'AND', 'SLL', 'SRL', 'SRA', 'SLT',
  'SLTU', 'ADDI', 'XORI', 'ORI', 'ANDI', 'SLLI', 'SRLI', 'SRAI', 'SLTI', 'SLTIU', 'MUL', 'MULH', 'MULHSU',
  'MULHU', 'DIV', 'DIVU', 'REM', 'REMU', 'LOADB', 'LOADH', 'LOADW', 'LOADBU', 'LOADHU', 'STOREB', 'STOREH',
  'STOREW', 'BEQ', 'BNE', 'BLT', 'BGE', 'BLTU', 'BGEU', 'JAL', 'JALR', 'LUI', 'AUIPC', 'HINT_STOREW',
  'HINT_BUFFER', 'REVEAL', 'HINT_INPUT', 'PRINT_STR', 'HINT_RANDOM', 'HINT_LOAD_BY_KEY', 'HOOK',
  'KECCAK256', 'SHA256', 'ADD256', 'SUB256', 'XOR256', 'OR256', 'AND256', 'SLL256', 'SRL256', 'SRA256',
  'SLT256', 'SLTU256', 'MUL256', 'BEQ256', 'BNE256', 'BLT256', 'BGE256', 'BLTU256', 'BGEU256', 'ALGEBRA',
];

/**
 * The chip (OpenVM executor, named as in its source without the `Executor` suffix) that executes each
 * opcode: the identity an execution observer (metering, per-AIR heights) keys on. One array lookup per
 * instruction: `OP_CHIP[code[idx] & 0xff]`.
 */
// prettier-ignore
export const OP_CHIP: readonly string[] = [
  'Illegal', 'Unsupported', 'Phantom', 'System',
  ...Array<string>(5).fill('Rv32BaseAlu'), ...Array<string>(3).fill('Rv32Shift'), 'Rv32LessThan', 'Rv32LessThan',
  ...Array<string>(4).fill('Rv32BaseAlu'), ...Array<string>(3).fill('Rv32Shift'), 'Rv32LessThan', 'Rv32LessThan',
  'Rv32Multiplication', 'Rv32MulH', 'Rv32MulH', 'Rv32MulH', ...Array<string>(4).fill('Rv32DivRem'),
  'Rv32LoadSignExtend', 'Rv32LoadSignExtend', 'Rv32LoadStore', 'Rv32LoadStore', 'Rv32LoadStore',
  'Rv32LoadStore', 'Rv32LoadStore', 'Rv32LoadStore',
  'Rv32BranchEqual', 'Rv32BranchEqual', ...Array<string>(4).fill('Rv32BranchLessThan'),
  'Rv32JalLui', 'Rv32Jalr', 'Rv32JalLui', 'Rv32Auipc',
  'Rv32HintStore', 'Rv32HintStore', 'Rv32LoadStore', 'Phantom', 'Phantom', 'Phantom', 'Phantom', 'Hook',
  'KeccakVm', 'Sha256Vm', ...Array<string>(5).fill('Rv32BaseAlu256'), ...Array<string>(3).fill('Rv32Shift256'),
  'Rv32LessThan256', 'Rv32LessThan256', 'Rv32Multiplication256', 'Rv32BranchEqual256', 'Rv32BranchEqual256',
  ...Array<string>(4).fill('Rv32BranchLessThan256'), 'Algebra',
];

/** The OpenVM extension that provides an opcode's chip (for the program's list of needed extensions). */
export function opExtension(op: number): string | undefined {
  if (op === OP_KECCAK256) return 'Keccak-256';
  if (op === OP_SHA256) return 'SHA2-256';
  if (op >= OP_ADD256 && op <= OP_BGEU256) return 'BigInt (Int256)';
  return undefined;
}

/** A word of another OpenVM extension: its instruction name and the extension that would execute it. */
export interface ForeignInstruction {
  name: string;
  extension: string;
}

// prettier-ignore
const INT256_NAMES: Record<number, string> = {
  0: 'add256', 1: 'sub256', 2: 'xor256', 3: 'or256', 4: 'and256', 5: 'sll256', 6: 'srl256', 7: 'sra256',
  8: 'slt256', 9: 'sltu256', 10: 'mul256',
};
const MODULAR_NAMES = [
  'addmod',
  'submod',
  'mulmod',
  'divmod',
  'iseqmod',
  'setupmod',
  'hint_non_qr',
  'hint_sqrt',
];
const COMPLEX_NAMES = ['addcomplex', 'subcomplex', 'mulcomplex', 'divcomplex', 'setupcomplex'];
const SW_NAMES = ['sw_add_ne', 'sw_double', 'sw_setup'];

/** Int256 instruction names by funct7 (openvm_bigint_guest::Int256Funct7: Add = 0 .. Sltu = 9, Mul = 10). */
export function int256Name(funct7: number): string | undefined {
  return INT256_NAMES[funct7];
}

/**
 * Identifies custom-0 (0x0B) funct3 4..7 and custom-1 (0x2B) words of OpenVM's other extensions
 * (docs/specs/reference/riscv-custom-code.mdx @ v1.7.0), or undefined when no extension defines the word.
 */
export function foreignInstruction(word: number): ForeignInstruction | undefined {
  const opcode = word & 0x7f;
  const funct3 = (word >>> 12) & 7;
  const funct7 = word >>> 25;
  if (opcode === 0x0b) {
    if (funct3 === 4 && funct7 === 0) return { name: 'keccak256', extension: 'Keccak-256' };
    if (funct3 === 4 && funct7 === 1) return { name: 'sha256', extension: 'SHA2-256' };
    if (funct3 === 5 && INT256_NAMES[funct7] !== undefined)
      return { name: INT256_NAMES[funct7], extension: 'BigInt (Int256)' };
    if (funct3 === 6) return { name: 'beq256', extension: 'BigInt (Int256)' };
    if (funct3 === 7 && funct7 === 2) return { name: 'nativestorew', extension: 'Native (address space 4)' };
    if (funct3 === 7 && funct7 === 0) return { name: 'lfii', extension: 'Native (kernel code)' };
    if (funct3 === 7 && funct7 === 1) return { name: 'gi', extension: 'Native (kernel code)' };
    return undefined;
  }
  if (opcode === 0x2b) {
    const idx = funct7 >>> 3;
    const op = funct7 & 7;
    if (funct3 === 0)
      return { name: `${MODULAR_NAMES[op]}<${idx}>`, extension: 'Algebra (modular arithmetic)' };
    if (funct3 === 1 && op < SW_NAMES.length)
      return { name: `${SW_NAMES[op]}<${idx}>`, extension: 'Elliptic curve (ECC)' };
    if (funct3 === 2 && op < COMPLEX_NAMES.length)
      return { name: `${COMPLEX_NAMES[op]}<${idx}>`, extension: 'Algebra (complex extension field)' };
    if (funct3 === 3) return { name: `hint_final_exp<${funct7 >>> 4}>`, extension: 'Pairing' };
    return undefined;
  }
  return undefined;
}

// Which AIR each executed instruction adds rows to, and how many: the `chip_idx` each executor's metered
// handler passes to `on_height_change` (OpenVM v1.7.0, extensions/rv32im/circuit/src/*/execution.rs:
// base_alu:326, less_than:334, shift:321, loadstore:294, load_sign_extend:255, branch_eq:274, branch_lt:189,
// jal_lui:275, jalr:252, auipc:223, mul:258, mulh:272, divrem:338 — one row each; hintstore:228 — one row
// per word; crates/vm/src/system/phantom/execution.rs:244 — one row). TERMINATE adds none (interpreter.rs
// terminate_execute_e12_impl). REVEAL is transpiled to STOREW into AS3 (the LoadStore chip).
// Rows of an instruction are static except HINT_BUFFER (the word count in a register, read by the
// caller before the instruction executes). Precompile chips register their opcodes with registerChipOpcode.

import * as O from '../../guest/isa/opcodes';
import type { AirInventory } from './airs';

const OPCODE_AIR = new Map<number, string>([
  [O.OP_ADD, 'base_alu'],
  [O.OP_SUB, 'base_alu'],
  [O.OP_XOR, 'base_alu'],
  [O.OP_OR, 'base_alu'],
  [O.OP_AND, 'base_alu'],
  [O.OP_ADDI, 'base_alu'],
  [O.OP_XORI, 'base_alu'],
  [O.OP_ORI, 'base_alu'],
  [O.OP_ANDI, 'base_alu'],
  [O.OP_SLT, 'less_than'],
  [O.OP_SLTU, 'less_than'],
  [O.OP_SLTI, 'less_than'],
  [O.OP_SLTIU, 'less_than'],
  [O.OP_SLL, 'shift'],
  [O.OP_SRL, 'shift'],
  [O.OP_SRA, 'shift'],
  [O.OP_SLLI, 'shift'],
  [O.OP_SRLI, 'shift'],
  [O.OP_SRAI, 'shift'],
  [O.OP_LW, 'load_store'],
  [O.OP_LBU, 'load_store'],
  [O.OP_LHU, 'load_store'],
  [O.OP_SW, 'load_store'],
  [O.OP_SH, 'load_store'],
  [O.OP_SB, 'load_store'],
  [O.OP_REVEAL, 'load_store'],
  [O.OP_LB, 'load_sign_extend'],
  [O.OP_LH, 'load_sign_extend'],
  [O.OP_BEQ, 'branch_eq'],
  [O.OP_BNE, 'branch_eq'],
  [O.OP_BLT, 'branch_lt'],
  [O.OP_BGE, 'branch_lt'],
  [O.OP_BLTU, 'branch_lt'],
  [O.OP_BGEU, 'branch_lt'],
  [O.OP_JAL, 'jal_lui'],
  [O.OP_LUI, 'jal_lui'],
  [O.OP_JALR, 'jalr'],
  [O.OP_AUIPC, 'auipc'],
  [O.OP_MUL, 'mul'],
  [O.OP_MULH, 'mulh'],
  [O.OP_MULHSU, 'mulh'],
  [O.OP_MULHU, 'mulh'],
  [O.OP_DIV, 'divrem'],
  [O.OP_DIVU, 'divrem'],
  [O.OP_REM, 'divrem'],
  [O.OP_REMU, 'divrem'],
  [O.OP_HINT_STOREW, 'hint_store'],
  [O.OP_HINT_BUFFER, 'hint_store'],
  [O.OP_NOP, 'phantom'],
  [O.OP_HINT_INPUT, 'phantom'],
  [O.OP_PRINT_STR, 'phantom'],
  [O.OP_HINT_RANDOM, 'phantom'],
  [O.OP_HINT_LOAD_BY_KEY, 'phantom'],
]);

/**
 * Precompile opcodes whose rows the interpreter reports after execution (Interpreter.onPrecompile, the
 * chip's height_delta: Keccak 24 per Keccak-f, keccak256/circuit/src/execution.rs:168; SHA-256 17 per
 * block, sha256_chip/execution.rs:139, 172; each Int256 instruction 1 row of its chip,
 * extensions/bigint/circuit/src/*.rs on_height_change). Int256 chips: BaseAlu256 (add, sub, xor, or, and),
 * LessThan256 (slt, sltu), BranchEqual256 (beq, bne), BranchLessThan256 (blt, bge, bltu, bgeu),
 * Multiplication256, Shift256 (sll, srl, sra) — extensions/bigint/circuit/src/extension/mod.rs:95-145.
 */
const PRECOMPILE_AIR = new Map<number, string>([
  [O.OP_KECCAK256, 'keccak'],
  [O.OP_SHA256, 'sha256'],
  ...[O.OP_ADD256, O.OP_SUB256, O.OP_XOR256, O.OP_OR256, O.OP_AND256].map(
    (op) => [op, 'int256_alu'] as const,
  ),
  ...[O.OP_SLT256, O.OP_SLTU256].map((op) => [op, 'int256_lt'] as const),
  ...[O.OP_BEQ256, O.OP_BNE256].map((op) => [op, 'int256_beq'] as const),
  ...[O.OP_BLT256, O.OP_BGE256, O.OP_BLTU256, O.OP_BGEU256].map((op) => [op, 'int256_blt'] as const),
  [O.OP_MUL256, 'int256_mul'],
  ...[O.OP_SLL256, O.OP_SRL256, O.OP_SRA256].map((op) => [op, 'int256_shift'] as const),
]);

/** AIR id per precompile opcode of this inventory (-1 elsewhere). */
export function precompileAirTable(inventory: AirInventory): Int16Array {
  const table = new Int16Array(O.OP_COUNT + 64).fill(-1);
  for (const [op, key] of PRECOMPILE_AIR) if (inventory.has(key)) table[op] = inventory.id(key);
  return table;
}

/** Opcodes that add no row to any AIR. */
export const NO_ROWS: ReadonlySet<number> = new Set([O.OP_TERMINATE, O.OP_ILLEGAL, O.OP_HOOK]);

/**
 * Rows of an instruction whose height_delta depends on its operands, computed before it executes from the
 * registers (untraced reads by AS1 pointer) and its code word (guest/isa/decoder.ts layout) and immediate.
 */
export type DynamicRows = (register: (ptr: number) => number, code: number, imm: number) => number;

const OPCODE_ROWS = new Map<number, DynamicRows>([
  // HINT_BUFFER: one row per word; the word count is in the register of the rs1 field (hintstore/execution.rs:228).
  [O.OP_HINT_BUFFER, (register, code) => register((code >>> 16) & 0xff)],
]);

/** Lets a precompile chip (its own branch) say which AIR its opcode fills, and its rows when not one. */
export function registerChipOpcode(op: number, airKey: string, rows?: DynamicRows): void {
  OPCODE_AIR.set(op, airKey);
  if (rows !== undefined) OPCODE_ROWS.set(op, rows);
}

export function dynamicRows(op: number): DynamicRows | undefined {
  return OPCODE_ROWS.get(op);
}

/** AIR id per opcode (-1: no rows, e.g. TERMINATE or an opcode of an extension not in the inventory). */
export function opcodeAirTable(inventory: AirInventory): Int16Array {
  const table = new Int16Array(O.OP_COUNT + 64).fill(-1);
  for (const [op, key] of OPCODE_AIR) if (inventory.has(key)) table[op] = inventory.id(key);
  return table;
}

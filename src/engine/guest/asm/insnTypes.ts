// The shape of an assembler instruction definition and what it may ask of the statement it encodes
// (instructions.ts, custom.ts); the assembler (assembler.ts) implements InsnContext.

import type { Operand } from './asmSyntax';

export interface InsnContext {
  pc: number;
  mnemonic: Operand;
  operands: Operand[];
  /** Pass 1: symbols may be undefined, nothing is range-checked; only sizes matter. */
  sizing: boolean;
  reg(k: number): number;
  /** An absolute value, checked to lie in [min, max] (skipped while sizing). */
  imm(k: number, min: number, max: number, what: string): number;
  /** `imm(reg)` or `(reg)`: the offset (12-bit signed) and the base register. */
  mem(k: number): { offset: number; base: number };
  /** A branch / jump target as an offset from pc, checked even and within ±range. */
  offset(k: number, range: number): number;
  /** Whether operand k is an expression that names a symbol (li sizing). */
  symbolic(k: number): boolean;
  /** The value of operand k (no range check), for li / la / call expansions. */
  value(k: number): number;
}

export interface InsnDef {
  /** Accepted operand counts. */
  operands: readonly number[];
  /** Words emitted (default 1). */
  size?(c: InsnContext): number;
  encode(c: InsnContext): number[];
}

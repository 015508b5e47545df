// Where a basic block of the compiled tier starts and ends, and what each of its instructions costs in
// TracingMemory time: the static facts both flavours (tracedSource.ts, meteredSource.ts) build on.
// A block is a run of consecutive words from one instruction index, each an RV32IM instruction the
// translator knows (ALU, M, loads, stores, LUI, AUIPC, PHANTOM Nop), ending with the first control
// transfer (branch, JAL, JALR, included) or before the first word it does not compile (TERMINATE, IO and
// hint opcodes, precompiles, illegal words, and OP_HOOK: a breakpoint or allocator hook, so a block always
// ends where the debugger needs control), or after MAX_BLOCK words.
// Code is read-only for OpenVM guests: the program is committed separately from memory (OpenVM's
// VmExe / program ROM; a store to the text's addresses changes AS2 cells only, never what executes), and
// the interpreter reads its decoded copy, never memory: a block compiled once stays valid until a hook
// is added or removed at one of its words (compiledTier.ts invalidates those).
// Cost: O(block length) per block, once.

import * as O from '../isa/opcodes';

export const MAX_BLOCK = 128;

/** Timestamp increments of one instruction in the interpreter's access table (executor.ts header). */
export function timestampCost(op: number): number {
  if (op === O.OP_JAL || op === O.OP_LUI || op === O.OP_AUIPC || op === O.OP_NOP) return 1;
  if (op >= O.OP_BEQ && op <= O.OP_BGEU) return 2;
  if (op === O.OP_JALR) return 2;
  return 3;
}

/** Traced accesses of one instruction (TracingMemory.accesses), rd as its AS1 pointer. */
export function accessCost(op: number, rd: number): number {
  if (op === O.OP_NOP) return 0;
  if (op === O.OP_LUI || op === O.OP_AUIPC) return 1;
  if (op === O.OP_JAL) return rd === 0 ? 0 : 1;
  if (op === O.OP_JALR) return rd === 0 ? 1 : 2;
  if (op >= O.OP_BEQ && op <= O.OP_BGEU) return 2;
  if (op >= O.OP_ADDI && op <= O.OP_SLTIU) return 2;
  if (op >= O.OP_LB && op <= O.OP_LHU) return rd === 0 ? 2 : 3;
  return 3;
}

/** Whether the translator compiles this opcode (see the top). */
export function compilable(op: number): boolean {
  return (op >= O.OP_ADD && op <= O.OP_AUIPC) || op === O.OP_NOP;
}

export function endsBlock(op: number): boolean {
  return (op >= O.OP_BEQ && op <= O.OP_BGEU) || op === O.OP_JAL || op === O.OP_JALR;
}

/** The number of words of the block at `idx` (0: the word there is not compiled). */
export function blockLength(code: Int32Array, idx: number, maxLen = MAX_BLOCK): number {
  let n = 0;
  while (n < maxLen && idx + n < code.length) {
    const op = code[idx + n] & 0xff;
    if (!compilable(op)) break;
    n++;
    if (endsBlock(op)) break;
  }
  return n;
}

/** A region's limits: blocks and instructions (the generated function's size). */
export const MAX_REGION_BLOCKS = 48;
export const MAX_REGION_WORDS = 1024;

/**
 * The blocks statically reachable from the block at `entry` (breadth first: branch targets and
 * fall-throughs, JAL targets; never through JALR, whose target is data), within the limits above; the
 * entry block first. `maxLen` bounds each block (1: one-instruction blocks).
 */
export function formRegion(
  code: Int32Array,
  imm: Int32Array,
  entry: number,
  maxLen = MAX_BLOCK,
): { start: number; length: number }[] {
  const out: { start: number; length: number }[] = [];
  const seen = new Set<number>([entry]);
  const queue = [entry];
  let words = 0;
  while (queue.length > 0 && out.length < MAX_REGION_BLOCKS) {
    const start = queue.shift()!;
    const length = blockLength(code, start, maxLen);
    if (length === 0 || (out.length > 0 && words + length > MAX_REGION_WORDS)) continue;
    out.push({ start, length });
    words += length;
    const last = start + length - 1;
    const op = code[last] & 0xff;
    const next: number[] = [];
    if ((op >= O.OP_BEQ && op <= O.OP_BGEU) || op === O.OP_JAL) {
      if (imm[last] % 4 === 0) next.push(last + imm[last] / 4);
      if (op !== O.OP_JAL) next.push(last + 1);
    } else if (op !== O.OP_JALR) next.push(last + 1);
    for (const t of next)
      if (Number.isInteger(t) && t >= 0 && t < code.length && !seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
  }
  return out;
}

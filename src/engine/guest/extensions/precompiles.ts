// Dispatch of the precompile opcodes (OP_KECCAK256 .. OP_BGEU256) to their chips: the part of OpenVM's
// VmExecutor that looks up the executor of an opcode in the inventory (crates/vm/src/arch/
// interpreter_preflight.rs), for the Keccak-256, SHA-256 and BigInt extensions. Each chip mirrors one
// PreflightExecutor::execute; see docs/precompile-accesses.md for every access sequence.
// Returns the next pc; `rows` tells the caller how many rows the chip's own AIR gains (1 for the Int256
// chips, 24 per Keccak-f, 17 per SHA-256 block) for an execution observer.

import type { TracingMemory } from '../../memory/tracingMemory';
import * as O from '../isa/opcodes';
import { executeBranch256, executeInt256, type Int256Core } from './int256Chip';
import { executeKeccak256 } from './hash/keccakChip';
import { executeSha256 } from './hash/sha256Chip';

// prettier-ignore
const CORES: (Int256Core | undefined)[] = [];
CORES[O.OP_ADD256] = { chip: 'alu', op: 0 };
CORES[O.OP_SUB256] = { chip: 'alu', op: 1 };
CORES[O.OP_XOR256] = { chip: 'alu', op: 2 };
CORES[O.OP_OR256] = { chip: 'alu', op: 3 };
CORES[O.OP_AND256] = { chip: 'alu', op: 4 };
CORES[O.OP_SLL256] = { chip: 'shift', op: 0 };
CORES[O.OP_SRL256] = { chip: 'shift', op: 1 };
CORES[O.OP_SRA256] = { chip: 'shift', op: 2 };
CORES[O.OP_SLT256] = { chip: 'lt', signed: true };
CORES[O.OP_SLTU256] = { chip: 'lt', signed: false };
CORES[O.OP_MUL256] = { chip: 'mul' };

const BRANCHES = ['beq', 'bne', 'blt', 'bge', 'bltu', 'bgeu'] as const;

export class PrecompileExecutor {
  /** Rows added to the chip's AIR by the last executed precompile. */
  rows = 0;

  /** Executes precompile `op` at `pc` (operands as AS1 pointers, 4 * register); returns the next pc. */
  execute(
    op: number,
    mem: TracingMemory,
    pc: number,
    rdPtr: number,
    rs1Ptr: number,
    rs2Ptr: number,
    imm: number,
  ): number {
    if (op === O.OP_KECCAK256) {
      this.rows = executeKeccak256(mem, pc, rdPtr, rs1Ptr, rs2Ptr);
      return pc + 4;
    }
    if (op === O.OP_SHA256) {
      this.rows = executeSha256(mem, pc, rdPtr, rs1Ptr, rs2Ptr);
      return pc + 4;
    }
    this.rows = 1;
    const name = O.OP_NAMES[op].toLowerCase();
    if (op >= O.OP_BEQ256)
      return executeBranch256(mem, { name, pc }, BRANCHES[op - O.OP_BEQ256], rs1Ptr, rs2Ptr, imm);
    executeInt256(mem, { name, pc }, CORES[op] as Int256Core, rdPtr, rs1Ptr, rs2Ptr);
    return pc + 4;
  }
}

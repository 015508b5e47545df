// The BigInt (Int256) extension's chips, OpenVM v1.7 extensions/bigint/circuit/src/lib.rs: each is an rv32im
// core (NUM_LIMBS 32, LIMB_BITS 8) behind a heap adapter, executed by the core's PreflightExecutor::execute
// (extensions/rv32im/circuit/src/{base_alu,shift,less_than,mul,branch_eq,branch_lt}/core.rs): A::start,
// adapter.read, the core computation, adapter.write, pc += 4 (branches: pc += imm when taken).
//   add/sub/xor/or/and256, sll/srl/sra256, slt/sltu256, mul256 — Rv32HeapAdapterExecutor<2, 32, 32>:
//     R(1,rs1) R(1,rs2) R(1,rd) R(2,x,32) R(2,y,32) W(2,z,32)               6 timestamps
//   beq256 (and the chip's bne/blt/bltu/bge/bgeu) — Rv32HeapBranchAdapterExecutor<2, 32>:
//     R(1,rs1) R(1,rs2) R(2,x,32) R(2,y,32)                                  4 timestamps
// Every heap access is one 32-cell block: AccessAdapterAir<32> (and, splitting, <16>/<8>) rows.
// slt/sltu write a whole 32-byte result (the flag in byte 0, zeros elsewhere).

import type { TracingMemory } from '../../memory/tracingMemory';
import {
  heapBranchRead,
  type PrecompileSite,
  vecHeapRead,
  vecHeapWrite,
  type VecHeapShape,
} from './heapAdapter';
import { alu256, type AluOp, branchTaken256, lessThan256, mul256, shift256, type ShiftOp } from './int256';

export const INT256_NUM_LIMBS = 32;
const HEAP_2_32_32: VecHeapShape = {
  numReads: 2,
  blocksPerRead: 1,
  blocksPerWrite: 1,
  readSize: 32,
  writeSize: 32,
};

/** The computation of one Int256 ALU-type instruction (the core of its chip). */
export type Int256Core =
  | { chip: 'alu'; op: AluOp }
  | { chip: 'shift'; op: ShiftOp }
  | { chip: 'lt'; signed: boolean }
  | { chip: 'mul' };

const x = new Uint8Array(32);
const y = new Uint8Array(32);
const z = new Uint8Array(32);
const inputs = [x, y];

/** One Int256 ALU-type instruction through Rv32HeapAdapter<2, 32, 32>. */
export function executeInt256(
  mem: TracingMemory,
  site: PrecompileSite,
  core: Int256Core,
  rdPtr: number,
  rs1Ptr: number,
  rs2Ptr: number,
): void {
  const { rdVal } = vecHeapRead(mem, site, HEAP_2_32_32, rdPtr, rs1Ptr, rs2Ptr, inputs);
  switch (core.chip) {
    case 'alu':
      alu256(core.op, x, y, z);
      break;
    case 'shift':
      shift256(core.op, x, y, z);
      break;
    case 'lt':
      z.fill(0);
      z[0] = lessThan256(core.signed, x, y) ? 1 : 0;
      break;
    case 'mul':
      mul256(x, y, z);
      break;
  }
  vecHeapWrite(mem, HEAP_2_32_32, rdVal, z);
}

export type Branch256Kind = 'beq' | 'bne' | 'blt' | 'bltu' | 'bge' | 'bgeu';

/** One Int256 branch through Rv32HeapBranchAdapter<2, 32>; returns the next pc. */
export function executeBranch256(
  mem: TracingMemory,
  site: PrecompileSite,
  kind: Branch256Kind,
  rs1Ptr: number,
  rs2Ptr: number,
  imm: number,
): number {
  heapBranchRead(mem, site, INT256_NUM_LIMBS, rs1Ptr, rs2Ptr, x, y);
  return branchTaken256(kind, x, y) ? site.pc + imm : site.pc + 4;
}

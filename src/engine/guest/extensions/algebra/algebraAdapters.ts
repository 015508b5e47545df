// The heap adapters the algebra and ECC chips use, over the real TracingMemory (OpenVM v1.7
// extensions/rv32-adapters/src/{vec_heap.rs, eq_mod.rs}, `AdapterTraceExecutor::read/write`):
//   Rv32VecHeapAdapterExecutor<NUM_READS, BLOCKS, BLOCKS, BLOCK_SIZE, BLOCK_SIZE>  (ModularAddSub/MulDiv,
//     Fp2AddSub/MulDiv, EcAddNe with NUM_READS = 2, EcDouble with 1)
//     read:  R(1,b=rs1) [R(1,c=rs2)] R(1,a=rd), then for each operand i, block j: R(2, rs_val[i] + j*BLOCK_SIZE)
//     write: W(2, rd_val + j*BLOCK_SIZE) for each block j
//   Rv32IsEqualModAdapterExecutor<2, BLOCKS, BLOCK_SIZE, TOTAL>  (ModularIsEqual)
//     read:  R(1,rs1) R(1,rs2) (no rd read), then the blocks of both operands; write: W(1, rd) = [eq, 0, 0, 0]
// One traced access = one timestamp, nothing else moves it. The vec-heap adapter is heapAdapter.ts's (shared
// with Keccak/SHA-256/Int256); this module adds the is-equal-mod adapter and re-exports what the algebra
// chips use. Bad pointers are errors naming the instruction, operand and pc (heapAdapter.checkHeapPointer).

import type { TracingMemory } from '../../../memory/tracingMemory';
import {
  heapReadBlocks,
  operandName,
  type PrecompileSite,
  readRegister,
  RV32_REGISTER_AS,
} from '../heapAdapter';

/** Rv32IsEqualModAdapterExecutor::read: R(1,rs1) R(1,rs2), then both operands' blocks into x and y. */
export function eqModRead(
  mem: TracingMemory,
  site: PrecompileSite,
  blocks: number,
  blockSize: number,
  rs1Ptr: number,
  rs2Ptr: number,
  x: Uint8Array,
  y: Uint8Array,
): void {
  const a = readRegister(mem, rs1Ptr);
  const b = readRegister(mem, rs2Ptr);
  heapReadBlocks(mem, site, operandName('rs1', rs1Ptr), a, blocks, blockSize, x);
  heapReadBlocks(mem, site, operandName('rs2', rs2Ptr), b, blocks, blockSize, y);
}

/** Rv32IsEqualModAdapterExecutor::write: the register rd := [eq, 0, 0, 0]. */
export function eqModWrite(mem: TracingMemory, rdPtr: number, eq: boolean): void {
  mem.writeWord(RV32_REGISTER_AS, rdPtr, eq ? 1 : 0);
}

// The heap adapters the algebra and ECC chips use, over the real TracingMemory (OpenVM v1.7
// extensions/rv32-adapters/src/{vec_heap.rs, eq_mod.rs}, `AdapterTraceExecutor::read/write`):
//   Rv32VecHeapAdapterExecutor<NUM_READS, BLOCKS, BLOCKS, BLOCK_SIZE, BLOCK_SIZE>  (ModularAddSub/MulDiv,
//     Fp2AddSub/MulDiv, EcAddNe with NUM_READS = 2, EcDouble with 1)
//     read:  R(1,b=rs1) [R(1,c=rs2)] R(1,a=rd), then for each operand i, block j: R(2, rs_val[i] + j*BLOCK_SIZE)
//     write: W(2, rd_val + j*BLOCK_SIZE) for each block j
//   Rv32IsEqualModAdapterExecutor<2, BLOCKS, BLOCK_SIZE, TOTAL>  (ModularIsEqual)
//     read:  R(1,rs1) R(1,rs2) (no rd read), then the blocks of both operands; write: W(1, rd) = [eq, 0, 0, 0]
// One traced access = one timestamp, nothing else moves it. OpenVM only debug_asserts the pointer bound;
// memscope reports a bad pointer (not 4-aligned: TracingMemory's hard assert; beyond 2^29) as an error
// naming the instruction, operand and pc.
// TODO(after the `Precompiles:` merge): vecHeapRead/vecHeapWrite are heapAdapter.ts's; use those.

import { EngineError } from '../../errors';
import { POINTER_MAX_BITS } from '../../memory/config';
import type { TracingMemory } from '../../memory/tracingMemory';
import { REG_NAMES } from '../disassembler';

export const RV32_REGISTER_AS = 1;
export const RV32_MEMORY_AS = 2;
const POINTER_LIMIT = 2 ** POINTER_MAX_BITS;
const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

/** Where a chip runs, for its error messages. */
export interface PrecompileSite {
  name: string;
  pc: number;
}

/** The const generics of an Rv32VecHeapAdapter (sizes in cells). */
export interface VecHeapShape {
  numReads: 1 | 2;
  blocksPerRead: number;
  blocksPerWrite: number;
  readSize: number;
  writeSize: number;
}

export function operandName(role: string, regPtr: number): string {
  return `${role} (${REG_NAMES[regPtr >>> 2] ?? `x${regPtr >>> 2}`})`;
}

export function readRegister(mem: TracingMemory, regPtr: number): number {
  return mem.readWord(RV32_REGISTER_AS, regPtr) >>> 0;
}

export function checkHeapPointer(site: PrecompileSite, operand: string, ptr: number, bytes: number): void {
  if ((ptr & 3) !== 0)
    throw new EngineError(
      'execution',
      `${site.name} at pc ${hex(site.pc)}: ${operand} = ${hex(ptr)} is not 4-byte aligned (OpenVM asserts pointer=${ptr >>> 0} not aligned to 4)`,
      { pc: site.pc },
    );
  if (ptr + bytes > POINTER_LIMIT)
    throw new EngineError(
      'execution',
      `${site.name} at pc ${hex(site.pc)}: ${operand} = ${hex(ptr)}: ${bytes} bytes from there leave address space 2 (pointers are below 2^${POINTER_MAX_BITS})`,
      { pc: site.pc },
    );
}

function heapReadInto(mem: TracingMemory, ptr: number, size: number, out: Uint8Array, at: number): void {
  mem.read(RV32_MEMORY_AS, ptr, size);
  const v = mem.values;
  for (let k = 0; k < size; k++) out[at + k] = v[k];
}

/** Rv32VecHeapAdapterExecutor::read; inputs[i] receives operand i's bytes. Returns rd's value. */
export function vecHeapRead(
  mem: TracingMemory,
  site: PrecompileSite,
  shape: VecHeapShape,
  rdPtr: number,
  rs1Ptr: number,
  rs2Ptr: number,
  inputs: Uint8Array[],
): { rs1Val: number; rs2Val: number; rdVal: number } {
  const rs1Val = readRegister(mem, rs1Ptr);
  const rs2Val = shape.numReads === 2 ? readRegister(mem, rs2Ptr) : 0;
  const rdVal = readRegister(mem, rdPtr);
  checkHeapPointer(site, operandName('rd', rdPtr), rdVal, shape.writeSize * shape.blocksPerWrite);
  const span = shape.readSize * shape.blocksPerRead;
  for (let i = 0; i < shape.numReads; i++) {
    const ptr = i === 0 ? rs1Val : rs2Val;
    checkHeapPointer(site, operandName(i === 0 ? 'rs1' : 'rs2', i === 0 ? rs1Ptr : rs2Ptr), ptr, span);
    for (let j = 0; j < shape.blocksPerRead; j++)
      heapReadInto(mem, ptr + j * shape.readSize, shape.readSize, inputs[i], j * shape.readSize);
  }
  return { rs1Val, rs2Val, rdVal };
}

/** Rv32VecHeapAdapterExecutor::write. */
export function vecHeapWrite(mem: TracingMemory, shape: VecHeapShape, rdVal: number, data: Uint8Array): void {
  for (let j = 0; j < shape.blocksPerWrite; j++)
    mem.write(
      RV32_MEMORY_AS,
      rdVal + j * shape.writeSize,
      shape.writeSize,
      data.subarray(j * shape.writeSize, (j + 1) * shape.writeSize),
    );
}

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
  const span = blocks * blockSize;
  checkHeapPointer(site, operandName('rs1', rs1Ptr), a, span);
  for (let j = 0; j < blocks; j++) heapReadInto(mem, a + j * blockSize, blockSize, x, j * blockSize);
  checkHeapPointer(site, operandName('rs2', rs2Ptr), b, span);
  for (let j = 0; j < blocks; j++) heapReadInto(mem, b + j * blockSize, blockSize, y, j * blockSize);
}

/** Rv32IsEqualModAdapterExecutor::write: the register rd := [eq, 0, 0, 0]. */
export function eqModWrite(mem: TracingMemory, rdPtr: number, eq: boolean): void {
  mem.writeWord(RV32_REGISTER_AS, rdPtr, eq ? 1 : 0);
}

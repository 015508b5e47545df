// The heap adapters of OpenVM v1.7's precompile chips, as reusable pieces over the real TracingMemory
// (extensions/rv32-adapters/src/{vec_heap.rs,heap.rs,heap_branch.rs} `AdapterTraceExecutor::read/write`,
// and rv32im/circuit/src/adapters/mod.rs `tracing_read`/`tracing_write`):
//   Rv32VecHeapAdapterExecutor<NUM_READS, BLOCKS_PER_READ, BLOCKS_PER_WRITE, READ_SIZE, WRITE_SIZE>
//     read:  R(1,b) [R(1,c) if NUM_READS = 2] R(1,a)            the pointers: rs1, rs2, then rd
//            for i < NUM_READS, j < BLOCKS_PER_READ: R(2, rs_val[i] + j*READ_SIZE, READ_SIZE)
//     write: for j < BLOCKS_PER_WRITE: W(2, rd_val + j*WRITE_SIZE, WRITE_SIZE)
//   Rv32HeapAdapterExecutor<N, R, W> = the vec-heap adapter with one block per read and write.
//   Rv32HeapBranchAdapterExecutor<NUM_READS, READ_SIZE>: R(1,a) R(1,b), then R(2, rs_val[i], READ_SIZE);
//     no write.
// One traced access = one timestamp; nothing here increments the timestamp otherwise.
// Checks: OpenVM only debug_asserts `ptr + size - 1 < 2^pointer_max_bits` (after the register reads, before
// each operand's heap reads) and hard-asserts 4-alignment in TracingMemory; memscope reports both as an
// EngineError naming the instruction, its pc and the operand instead of panicking.
// Scratch buffers are the caller's (no allocation per instruction).

import { EngineError } from '../../errors';
import { POINTER_MAX_BITS } from '../../memory/config';
import type { TracingMemory } from '../../memory/tracingMemory';
import { REG_NAMES } from '../isa/registerNames';

export const RV32_REGISTER_AS = 1;
export const RV32_MEMORY_AS = 2;
const POINTER_LIMIT = 2 ** POINTER_MAX_BITS;

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

/** Where a precompile runs, for its error messages. */
export interface PrecompileSite {
  /** The instruction's name (keccak256, add256, ...). */
  name: string;
  pc: number;
}

/** `rs1 (a1)`: an operand by role and register name, from its AS1 pointer (4 * register). */
export function operandName(role: string, regPtr: number): string {
  return `${role} (${REG_NAMES[regPtr >>> 2] ?? `x${regPtr >>> 2}`})`;
}

/** tracing_read of a 4-byte register: R(1, regPtr), the little-endian u32. */
export function readRegister(mem: TracingMemory, regPtr: number): number {
  return mem.readWord(RV32_REGISTER_AS, regPtr) >>> 0;
}

/**
 * The three register reads of the hash chips (KECCAK256, SHA256: R-type rd = digest pointer, rs1 = source
 * pointer, rs2 = length), in their order: R(1,rd) R(1,rs1) R(1,rs2) at t0, t0+1, t0+2.
 */
export function readHashOperands(
  mem: TracingMemory,
  rdPtr: number,
  rs1Ptr: number,
  rs2Ptr: number,
): { dst: number; src: number; len: number } {
  const dst = readRegister(mem, rdPtr);
  const src = readRegister(mem, rs1Ptr);
  const len = readRegister(mem, rs2Ptr);
  return { dst, src, len };
}

/**
 * The pointer checks of a heap access of `bytes` cells at `ptr` that a register operand supplied: 4-aligned
 * (TracingMemory::assert_alignment) and inside address space 2 (the adapters' pointer_max_bits bound).
 */
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

/** tracing_read::<size> of AS2: one traced read of `size` cells at `ptr`, the bytes into out[at..]. */
export function heapRead(mem: TracingMemory, ptr: number, size: number, out: Uint8Array, at = 0): void {
  mem.read(RV32_MEMORY_AS, ptr, size);
  const v = mem.values;
  for (let k = 0; k < size; k++) out[at + k] = v[k];
}

/**
 * One multi-block operand: `blocks` consecutive traced reads of `blockSize` cells from `ptr` into out[0..),
 * after the pointer check of the whole span (so a bad pointer never leaves half an operand read). This is
 * how the vec-heap and is_eq_mod adapters read a field element of blocks × blockSize bytes (e.g. 48 bytes as
 * 3 × 16).
 */
export function heapReadBlocks(
  mem: TracingMemory,
  site: PrecompileSite,
  operand: string,
  ptr: number,
  blocks: number,
  blockSize: number,
  out: Uint8Array,
): void {
  checkHeapPointer(site, operand, ptr, blocks * blockSize);
  for (let j = 0; j < blocks; j++) heapRead(mem, ptr + j * blockSize, blockSize, out, j * blockSize);
}

const writeScratch = new Uint8Array(32);

/** tracing_write::<size> of AS2: one traced write of data[at..at+size) at `ptr` (size <= 32). */
export function heapWrite(mem: TracingMemory, ptr: number, size: number, data: Uint8Array, at = 0): void {
  if (at === 0) {
    mem.write(RV32_MEMORY_AS, ptr, size, data);
    return;
  }
  for (let k = 0; k < size; k++) writeScratch[k] = data[at + k];
  mem.write(RV32_MEMORY_AS, ptr, size, writeScratch); // TracingMemory reads only values[0..size)
}

/** The const generics of an Rv32VecHeapAdapter (sizes in cells). */
export interface VecHeapShape {
  numReads: 1 | 2;
  blocksPerRead: number;
  blocksPerWrite: number;
  readSize: number;
  writeSize: number;
}

/** What Rv32VecHeapAdapterExecutor::read returns: the pointers read and the heap data (in `inputs`). */
export interface VecHeapReadResult {
  rs1Val: number;
  rs2Val: number;
  rdVal: number;
}

/**
 * Rv32VecHeapAdapterExecutor::read: R(1,rs1) [R(1,rs2)] R(1,rd), then each operand's blocks in order.
 * `inputs[i]` receives operand i's blocksPerRead * readSize bytes. The rd pointer is checked too (before
 * any heap read, so a bad destination never leaves half an instruction behind).
 */
export function vecHeapRead(
  mem: TracingMemory,
  site: PrecompileSite,
  shape: VecHeapShape,
  rdPtr: number,
  rs1Ptr: number,
  rs2Ptr: number,
  inputs: Uint8Array[],
): VecHeapReadResult {
  const rs1Val = readRegister(mem, rs1Ptr);
  const rs2Val = shape.numReads === 2 ? readRegister(mem, rs2Ptr) : 0;
  const rdVal = readRegister(mem, rdPtr);
  checkHeapPointer(site, operandName('rd', rdPtr), rdVal, shape.writeSize * shape.blocksPerWrite);
  for (let i = 0; i < shape.numReads; i++) {
    const operand = operandName(i === 0 ? 'rs1' : 'rs2', i === 0 ? rs1Ptr : rs2Ptr);
    heapReadBlocks(
      mem,
      site,
      operand,
      i === 0 ? rs1Val : rs2Val,
      shape.blocksPerRead,
      shape.readSize,
      inputs[i],
    );
  }
  return { rs1Val, rs2Val, rdVal };
}

/** Rv32VecHeapAdapterExecutor::write: blocksPerWrite writes of writeSize cells from rdVal. */
export function vecHeapWrite(mem: TracingMemory, shape: VecHeapShape, rdVal: number, data: Uint8Array): void {
  for (let j = 0; j < shape.blocksPerWrite; j++)
    heapWrite(mem, rdVal + j * shape.writeSize, shape.writeSize, data, j * shape.writeSize);
}

/** Rv32HeapBranchAdapterExecutor::read (NUM_READS = 2): R(1,rs1) R(1,rs2), R(2,rs1_val) R(2,rs2_val). */
export function heapBranchRead(
  mem: TracingMemory,
  site: PrecompileSite,
  readSize: number,
  rs1Ptr: number,
  rs2Ptr: number,
  x: Uint8Array,
  y: Uint8Array,
): void {
  const a = readRegister(mem, rs1Ptr);
  const b = readRegister(mem, rs2Ptr);
  checkHeapPointer(site, operandName('rs1', rs1Ptr), a, readSize);
  heapRead(mem, a, readSize, x);
  checkHeapPointer(site, operandName('rs2', rs2Ptr), b, readSize);
  heapRead(mem, b, readSize, y);
}

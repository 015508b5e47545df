// SHA256 (custom-0 funct3 100, funct7 1; R-type rd = dst pointer, rs1 = src pointer, rs2 = length): OpenVM
// v1.7 Sha256VmExecutor's PreflightExecutor::execute (extensions/hash/sha256/circuit/src/sha256_chip/trace.rs
// lines 155-245), through the real TracingMemory. In v1.7 this opcode hashes a whole buffer, padding
// included (sha256_solve), not one compression step:
//   R(1,rd) R(1,rs1) R(1,rs2)                                    dst, src, len
//   for block < num_blocks, row < 4: R(2, src + 16 (4 block + row), 16)   num_blocks = ceil((8 len + 65) / 512)
//   W(2, dst, 32)                                                the digest, one 32-cell block
// No other timestamp change: 3 + 4 num_blocks + 1 timestamps. The reads cover the padding room too, so
// they run up to 72 bytes past the message (values read, traced, then ignored): 16-cell reads give
// AccessAdapterAir<16> rows and the 32-cell write AccessAdapterAir<32> rows.

import type { TracingMemory } from '../../../memory/tracingMemory';
import {
  checkHeapPointer,
  heapRead,
  heapWrite,
  operandName,
  type PrecompileSite,
  readHashOperands,
} from '../heapAdapter';
import { ScratchBytes } from '../scratch';
import { sha256, sha256NumBlocks } from './sha256';

export const SHA256_READ_SIZE = 16;
export const SHA256_WRITE_SIZE = 32;
export const SHA256_BLOCK_CELLS = 64;
export const SHA256_NUM_READ_ROWS = SHA256_BLOCK_CELLS / SHA256_READ_SIZE;
/** Rows of Sha256VmAir per block (SHA256_ROWS_PER_BLOCK: 16 rounds rows + 1 digest row). */
export const SHA256_ROWS_PER_BLOCK = 17;

const input = new ScratchBytes();
const digest = new Uint8Array(32);

/** Executes one SHA256; returns the Sha256VmAir rows it adds (17 per block). */
export function executeSha256(
  mem: TracingMemory,
  pc: number,
  rdPtr: number,
  rs1Ptr: number,
  rs2Ptr: number,
): number {
  const site: PrecompileSite = { name: 'sha256', pc };
  const { dst, src, len } = readHashOperands(mem, rdPtr, rs1Ptr, rs2Ptr);
  const numBlocks = sha256NumBlocks(len);
  checkHeapPointer(
    site,
    `${operandName('rs1', rs1Ptr)} (source, length ${len}, read as ${numBlocks} padded blocks)`,
    src,
    numBlocks * SHA256_BLOCK_CELLS,
  );
  checkHeapPointer(site, `${operandName('rd', rdPtr)} (digest)`, dst, SHA256_WRITE_SIZE);
  const buf = input.get(numBlocks * SHA256_BLOCK_CELLS);
  const reads = numBlocks * SHA256_NUM_READ_ROWS;
  for (let k = 0; k < reads; k++)
    heapRead(mem, src + k * SHA256_READ_SIZE, SHA256_READ_SIZE, buf, k * SHA256_READ_SIZE);
  sha256(buf, len, digest);
  heapWrite(mem, dst, SHA256_WRITE_SIZE, digest);
  return numBlocks * SHA256_ROWS_PER_BLOCK;
}

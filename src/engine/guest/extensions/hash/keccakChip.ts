// KECCAK256 (custom-0 funct3 100, funct7 0; R-type rd = dst pointer, rs1 = src pointer, rs2 = length):
// OpenVM v1.7 KeccakVmExecutor's PreflightExecutor::execute (extensions/keccak256/circuit/src/trace.rs
// lines 144-241), through the real TracingMemory. With t0 the timestamp at the start:
//   R(1,rd) R(1,rs1) R(1,rs2)                              dst, src, len           t0 .. t0+2
//   for idx < ceil(len/4): [idx % 34 == 0 && idx > 0: +3]  R(2, src + 4 idx, 4)    the input words
//   timestamp := t0 + num_blocks * (34 + 3)                num_blocks = len / 136 + 1
//   for i < 8: W(2, dst + 4 i, 4)                          the digest
//   timestamp := t0 + len + 3 + 34 + 8                     KeccakVmAir::timestamp_change(len), an upper bound
// The input is read in 4-byte words (KECCAK_WORD_SIZE), so this chip only ever makes 4-cell accesses; a
// length that is not a multiple of 4 reads up to 3 bytes past the message (their values are ignored).
// len = 0 reads nothing (src is then neither checked nor read). Cost: one Keccak-f per 136 bytes.

import type { TracingMemory } from '../../../memory/tracingMemory';
import {
  checkHeapPointer,
  heapWrite,
  operandName,
  type PrecompileSite,
  readHashOperands,
  RV32_MEMORY_AS,
} from '../heapAdapter';
import { keccak256, numKeccakF } from './keccakF';
import { ScratchBytes } from '../scratch';

export const KECCAK_REGISTER_READS = 3;
export const KECCAK_WORD_SIZE = 4;
export const KECCAK_ABSORB_READS = 136 / KECCAK_WORD_SIZE;
export const KECCAK_DIGEST_WRITES = 32 / KECCAK_WORD_SIZE;
/** Rows of KeccakVmAir per Keccak-f (p3_keccak_air NUM_ROUNDS). */
export const KECCAK_ROWS_PER_BLOCK = 24;

const input = new ScratchBytes();
const digest = new Uint8Array(32);

/** Executes one KECCAK256; returns the KeccakVmAir rows it adds (24 per Keccak-f). */
export function executeKeccak256(
  mem: TracingMemory,
  pc: number,
  rdPtr: number,
  rs1Ptr: number,
  rs2Ptr: number,
): number {
  const site: PrecompileSite = { name: 'keccak256', pc };
  const t0 = mem.timestamp;
  const { dst, src, len } = readHashOperands(mem, rdPtr, rs1Ptr, rs2Ptr);
  const numReads = Math.ceil(len / KECCAK_WORD_SIZE);
  const numBlocks = numKeccakF(len);
  if (numReads > 0)
    checkHeapPointer(
      site,
      `${operandName('rs1', rs1Ptr)} (source, length ${len})`,
      src,
      KECCAK_WORD_SIZE * numReads,
    );
  checkHeapPointer(site, `${operandName('rd', rdPtr)} (digest)`, dst, 32);
  const buf = input.get(KECCAK_WORD_SIZE * numReads);
  const v = mem.values;
  for (let idx = 0; idx < numReads; idx++) {
    if (idx % KECCAK_ABSORB_READS === 0 && idx !== 0) mem.incrementTimestampBy(KECCAK_REGISTER_READS);
    mem.read(RV32_MEMORY_AS, src + idx * KECCAK_WORD_SIZE, KECCAK_WORD_SIZE);
    const at = idx * KECCAK_WORD_SIZE;
    buf[at] = v[0];
    buf[at + 1] = v[1];
    buf[at + 2] = v[2];
    buf[at + 3] = v[3];
  }
  mem.timestamp = t0 + numBlocks * (KECCAK_ABSORB_READS + KECCAK_REGISTER_READS);
  keccak256(buf, len, digest);
  for (let i = 0; i < KECCAK_DIGEST_WRITES; i++)
    heapWrite(mem, dst + i * KECCAK_WORD_SIZE, KECCAK_WORD_SIZE, digest, i * KECCAK_WORD_SIZE);
  mem.timestamp = t0 + len + KECCAK_REGISTER_READS + KECCAK_ABSORB_READS + KECCAK_DIGEST_WRITES;
  return numBlocks * KECCAK_ROWS_PER_BLOCK;
}

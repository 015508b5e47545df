// The exact trace heights of one preflighted segment, as OpenVM v1.7.0 generates its traces after the
// segment's TracingMemory::finalize(true) (crates/vm/src/system/memory/online.rs finalize; the chips'
// generate_proving_ctx):
//   chips, PhantomAir     one row per record (counted by the observer, opcodeAirs.ts)
//   AccessAdapterAir<N>   rows of every split/merge record, finalize's included (adapter/mod.rs:140-160,
//                         padded next_power_of_two_or_zero)
//   PersistentBoundaryAir 2 rows per touched chunk (persistent.rs:258, padded next_power_of_two)
//   MemoryMerkleAir<8>    2 rows per parent on the touched paths (merkle/trace.rs:73, next_power_of_two)
//   Poseidon2PeripheryAir distinct permutation inputs (poseidon2/trace.rs:24, next_power_of_two_or_zero)
//   ProgramAir            the program's instructions (program/trace.rs:166-180, padded to a power of two)
//   VmConnectorAir 2, lookup AIRs their preprocessed heights.
// Volatile memory (no continuations) is volatileHeights.ts.
// Also charges each memory row to the owner that first touched its chunk (finalize's split of a block to
// the block's first chunk, its merge per chunk to that chunk).

import { recordRows } from '../../memory/adapterCost';
import { touchedBlocks } from '../../memory/finalize';
import type { TracingMemory } from '../../memory/tracingMemory';
import type { AirInventory } from '../airs/airs';
import type { FirstTouch } from './firstTouch';
import { nextPowerOfTwo, nextPowerOfTwoOrZero } from './limits';
import { leafIndex, type MerkleIds, type TouchedLeaf } from './merkleIds';

export const CHUNK = 8;

/** FirstTouch's owner of the chunk holding (as, ptr), from its ownerMap; -1: no observed access touched it first. */
export function chunkOwner(owners: Map<number, number>, as: number, ptr: number): number {
  return owners.get(as * 2 ** 27 + Math.floor(ptr / CHUNK)) ?? -1;
}

/** Rows charged to an owner (FirstTouch's owner id; -1: none) for one AIR. */
export interface Charge {
  owner: number;
  air: number;
  rows: number;
}

export interface SegmentHeights {
  rows: Float64Array;
  padded: Float64Array;
  /** Memory rows charged at finalize (boundary, finalize records, Merkle, Poseidon2). */
  charges: Charge[];
}

export function paddedHeight(inventory: AirInventory, air: number, rows: number): number {
  const a = inventory.airs[air];
  if (a.constantHeight !== undefined) return a.constantHeight;
  if (a.kind === 'program' || a.kind === 'boundary' || a.kind === 'merkle') return nextPowerOfTwo(rows);
  return nextPowerOfTwoOrZero(rows);
}

/**
 * Finalizes `memory` (the segment's TracingMemory at its last instruction) and returns every AIR's height.
 * `chipRows` holds the rows of the chip and phantom AIRs counted during the segment.
 */
export function finalizeSegment(
  inventory: AirInventory,
  memory: TracingMemory,
  chipRows: Float64Array,
  programLength: number,
  tree: MerkleIds,
  touches: FirstTouch,
): SegmentHeights {
  const owners = touches.ownerMap();
  // -1: a chunk no observed access touched first (charged to the root).
  const ownerOf = (as: number, ptr: number) => chunkOwner(owners, as, ptr);
  const charges: Charge[] = [];
  const charge = (owner: number, air: number, rows: number) => {
    if (rows !== 0) charges.push({ owner, air, rows });
  };
  // The finalize records, per touched block (finalize.ts mirrors online.rs:1000-1129 for ALIGN <= CHUNK).
  for (const b of touchedBlocks(memory)) {
    const align = memory.space(b.addressSpace).align;
    const owner = ownerOf(b.addressSpace, b.pointer);
    if (b.blockSize > align)
      recordRows(b.blockSize, align).forEach((r, k) => charge(owner, inventory.adapterOffset + k, r));
  }
  const touched = memory.finalize(true);
  const leaves: TouchedLeaf[] = [];
  for (let e = 0; e < touched.pointer.length; e++) {
    const as = touched.addressSpace[e];
    const ptr = touched.pointer[e];
    const owner = ownerOf(as, ptr);
    const align = memory.space(as).align;
    if (align < CHUNK)
      recordRows(CHUNK, align).forEach((r, k) => charge(owner, inventory.adapterOffset + k, r));
    charge(owner, inventory.boundaryId, 2);
    leaves.push({
      index: leafIndex(as, ptr),
      values: touched.values.slice(e * CHUNK, e * CHUNK + CHUNK),
      owner,
    });
  }
  const merkle = tree.finalizeSegment(leaves);
  for (const [owner, rows] of merkle.merkleByOwner) charge(owner, inventory.merkleId, rows);
  for (const [owner, rows] of merkle.poseidon2ByOwner) charge(owner, inventory.poseidon2Id, rows);

  const rows = staticRows(inventory, chipRows, programLength);
  memory.records.rows.forEach((r, k) => (rows[inventory.adapterOffset + k] = r));
  rows[inventory.boundaryId] = 2 * touched.pointer.length;
  rows[inventory.merkleId] = merkle.merkleRows;
  rows[inventory.poseidon2Id] = merkle.poseidon2Rows;
  const padded = rows.map((r, air) => paddedHeight(inventory, air, r));
  return { rows, padded, charges };
}

/** Rows of the chip, phantom, program and constant-height AIRs (the memory AIRs' are the caller's). */
export function staticRows(
  inventory: AirInventory,
  chipRows: Float64Array,
  programLength: number,
): Float64Array {
  const rows = new Float64Array(inventory.length);
  for (const a of inventory.airs) {
    if (a.kind === 'chip' || a.kind === 'phantom') rows[a.id] = chipRows[a.id];
    else if (a.kind === 'program') rows[a.id] = programLength;
    else if (a.constantHeight !== undefined) rows[a.id] = a.constantHeight;
  }
  return rows;
}

/** The number of instructions ProgramAir holds: every word the transpiler turned into an instruction. */
export function programLength(code: Int32Array): number {
  let n = 0;
  for (let i = 0; i < code.length; i++) if ((code[i] & 0xff) !== 0) n++;
  return n;
}

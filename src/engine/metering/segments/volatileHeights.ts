// The exact trace heights of a volatile run (continuations disabled), which OpenVM v1.7.0 proves as ONE
// segment (SingleSegmentVmProver::prove, crates/vm/src/arch/vm.rs:1196-1228: execute_preflight to the end
// with no instruction limit and no segmentation; VirtualMachine::verify asserts a single proof, vm.rs:867),
// after TracingMemory::finalize(false) (online.rs finalize, is_persistent = false: CHUNK 1):
//   AccessAdapterAir<N>  every split/merge record, execution's (a volatile first touch merges 1-cell pieces
//                        carrying zeros) and finalize's: a split of each block larger than ALIGN, then, in the
//                        byte spaces (ALIGN 4 > CHUNK 1), a split of EVERY 4-cell unit down to single cells —
//                        3 rows each (<4> 1, <2> 2): the cost of volatile memory's cell-wise boundary;
//   VolatileBoundaryAir  one row per touched cell (the TimestampedEquipartition<F, 1>, volatile/mod.rs:236-252),
//                        padded next_power_of_two (so an empty one still has 1 row);
//   no MemoryMerkleAir, no Poseidon2 periphery (crates/vm/src/system/mod.rs:334-347 add it only with
//   continuations); PublicValuesAir is a chip (one row per PUBLISH; RV32 guests have none);
//   chips, ProgramAir, VmConnectorAir, lookups as with continuations (segmentHeights.ts).
// Charges each memory row to the owner that first touched its 8-cell chunk (FirstTouch), as the persistent
// finalize does: a block's split to its first chunk, each unit's split and each cell's boundary row to theirs.

import { recordRows } from '../../memory/adapterCost';
import { touchedBlocks } from '../../memory/finalize';
import type { TracingMemory } from '../../memory/tracingMemory';
import type { AirInventory } from '../airs/airs';
import type { FirstTouch } from './firstTouch';
import { type Charge, chunkOwner, paddedHeight, type SegmentHeights, staticRows } from './segmentHeights';

/** Finalizes `memory` (the run's TracingMemory after its last instruction) in volatile mode: every AIR's height. */
export function finalizeVolatileSegment(
  inventory: AirInventory,
  memory: TracingMemory,
  chipRows: Float64Array,
  programLength: number,
  touches: FirstTouch,
): SegmentHeights {
  if (inventory.continuations)
    throw new Error('finalizeVolatileSegment needs the volatile AIR inventory (no continuations)');
  const owners = touches.ownerMap();
  // Rows per owner and AIR, summed (a charge per touched cell would be one object per cell).
  const sums = new Map<number, Float64Array>();
  const charge = (owner: number, air: number, rows: number) => {
    if (rows === 0) return;
    let s = sums.get(owner);
    if (s === undefined) sums.set(owner, (s = new Float64Array(inventory.length)));
    s[air] += rows;
  };
  // finalize.ts mirrors online.rs:1000-1129; with CHUNK 1 its records are exactly these.
  for (const b of touchedBlocks(memory)) {
    const align = memory.space(b.addressSpace).align;
    if (b.blockSize > align)
      recordRows(b.blockSize, align).forEach((r, k) =>
        charge(chunkOwner(owners, b.addressSpace, b.pointer), inventory.adapterOffset + k, r),
      );
    if (align > 1)
      for (let i = 0; i < b.blockSize; i += align) {
        const owner = chunkOwner(owners, b.addressSpace, b.pointer + i);
        recordRows(align, 1).forEach((r, k) => charge(owner, inventory.adapterOffset + k, r));
      }
  }
  const touched = memory.finalize(false);
  for (let e = 0; e < touched.pointer.length; e++)
    charge(chunkOwner(owners, touched.addressSpace[e], touched.pointer[e]), inventory.boundaryId, 1);

  const rows = staticRows(inventory, chipRows, programLength);
  memory.records.rows.forEach((r, k) => (rows[inventory.adapterOffset + k] = r));
  rows[inventory.boundaryId] = touched.pointer.length;
  const padded = rows.map((r, air) => paddedHeight(inventory, air, r));
  const charges: Charge[] = [];
  for (const [owner, s] of sums) s.forEach((r, air) => r !== 0 && charges.push({ owner, air, rows: r }));
  return { rows, padded, charges };
}

// One segment-check window's worst-case growth of each metered estimate (MeteredCtx): one row per
// instruction for chips, one new page per instruction for the boundary, Merkle, Poseidon2 and <8> adapter
// estimates. meteredRun.ts snapshots the machine at a check only when a cut at the next check is possible
// with this slack (MeteredCtx.wouldSegmentWith), so a cut always finds its checkpoint.
import type { AirInventory } from '../airs/airs';
import { MERKLE_HEIGHT } from './merkleIds';

/** One window's worst-case growth of each estimate: one row per instruction, one new page per instruction. */
export function windowSlack(inventory: AirInventory, window: number): Float64Array {
  const w = window;
  const s = new Float64Array(inventory.length);
  for (const a of inventory.airs) if (a.kind === 'chip' || a.kind === 'phantom') s[a.id] = w;
  const pageNodes = 63 + (MERKLE_HEIGHT - 6);
  // A volatile run is never cut (meteredRun.ts): no memory estimate, no Merkle AIRs.
  if (!inventory.continuations) return s;
  s[inventory.boundaryId] = w * 64;
  s[inventory.merkleId] = w * 2 * pageNodes;
  s[inventory.poseidon2Id] = w * 2 * (64 + pageNodes);
  s[inventory.adapterId(8)] = w * 256;
  return s;
}

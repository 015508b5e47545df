// OpenVM v1.7 MerkleTree::from_memory over a segment's initial image, as ids (merkleIds.ts): every
// non-zero 8-cell leaf of every allocated data page of every address space.
import type { TracingMemory } from '../../memory/tracingMemory';
import { leafIndex, MerkleIds } from './merkleIds';

/** MerkleTree::from_memory over the initial image (every allocated data page of every space). */
export function initialMerkleTree(memory: TracingMemory): MerkleIds {
  const leaves: { index: number; values: number[] }[] = [];
  memory.spaces.forEach((s, as) => {
    if (s === undefined) return;
    for (const p of s.allocatedData) {
      const page = s.dataPages[p] as Uint8Array | Uint32Array;
      for (let off = 0; off < page.length; off += 8) {
        let any = 0;
        for (let j = 0; j < 8; j++) any |= page[off + j];
        if (any !== 0)
          leaves.push({
            index: leafIndex(as, p * page.length + off),
            values: Array.from(page.subarray(off, off + 8)),
          });
      }
    }
  });
  return MerkleIds.fromLeaves(leaves);
}

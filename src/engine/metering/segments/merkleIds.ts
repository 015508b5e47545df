// The memory Merkle tree of OpenVM v1.7.0 (crates/vm/src/system/memory/merkle/tree.rs) with content ids in
// place of Poseidon2 hashes: two nodes get the same id exactly when their subtrees hold the same values (so,
// barring a Poseidon2 collision, exactly when OpenVM's hashes are equal). That is all the trace heights need:
//   MemoryMerkleAir<8> rows  = 2 per parent on the union of the touched leaves' paths (process_layers, :80-215)
//   Poseidon2PeripheryAir rows = distinct permutation inputs of the segment (poseidon2/chip.rs:71-86,
//     merkle/trace.rs:116-122): [init || 0^8] and [final || 0^8] of every touched chunk (persistent.rs:241-244),
//     and per parent both compress(new_left, new_right) and compress(old_left, old_right) (tree.rs:139-143).
// Leaves: index 2^29 + ((as - 1) << 26) + ptr / 8 (dimensions.rs label_to_index); the tree starts from the
// initial image (MerkleTree::from_memory) and each segment's finalize writes the touched leaves' final values.
// Invariant: `nodes` holds the id of every node whose subtree is not all zeros or was ever written.

export const MERKLE_HEIGHT = 29;
const ADDRESS_HEIGHT = 26;
const LEAF_BASE = 2 ** MERKLE_HEIGHT;
const PAIR_BASE = 2 ** 26;

export function leafIndex(as: number, ptr: number): number {
  return LEAF_BASE + (as - 1) * 2 ** ADDRESS_HEIGHT + ptr / 8;
}

/** One touched chunk at finalize: its leaf, its final 8 values and who pays for its rows. */
export interface TouchedLeaf {
  index: number;
  values: ArrayLike<number>;
  owner: number;
}

export interface MerkleSegmentRows {
  merkleRows: number;
  poseidon2Rows: number;
  /** Poseidon2 rows from leaf hashes ([values || 0^8]) and from parent compressions. */
  leafInputs: number;
  pairInputs: number;
  /** Rows charged per owner (Merkle and Poseidon2 separately), by the owner that first caused them. */
  merkleByOwner: Map<number, number>;
  poseidon2ByOwner: Map<number, number>;
}

export class MerkleIds {
  private readonly nodes = new Map<number, number>();
  private readonly leafIds = new Map<string, number>();
  private readonly byteLeafIds = new Map<number, Map<number, number>>();
  private readonly pairIds = new Map<number, number>();
  private nextId = 0;
  private readonly zero: number[] = [];

  constructor() {
    let id = this.leaf([0, 0, 0, 0, 0, 0, 0, 0]);
    for (let h = 0; h <= MERKLE_HEIGHT; h++) {
      this.zero.push(id);
      id = this.pair(id, id);
    }
  }

  private leaf(values: ArrayLike<number>): number {
    let bytes = true;
    for (let i = 0; i < 8; i++) if (values[i] > 0xff) bytes = false;
    if (bytes) {
      // Byte cells: the 8 bytes as two words, no string.
      const lo = (values[0] | (values[1] << 8) | (values[2] << 16) | (values[3] << 24)) >>> 0;
      const hi = (values[4] | (values[5] << 8) | (values[6] << 16) | (values[7] << 24)) >>> 0;
      let byHi = this.byteLeafIds.get(lo);
      if (byHi === undefined) this.byteLeafIds.set(lo, (byHi = new Map()));
      let id = byHi.get(hi);
      if (id === undefined) byHi.set(hi, (id = this.nextId++));
      return id;
    }
    const key = Array.prototype.join.call(values, ',');
    let id = this.leafIds.get(key);
    if (id === undefined) {
      id = this.nextId++;
      this.leafIds.set(key, id);
    }
    return id;
  }

  private pair(l: number, r: number): number {
    const key = l * PAIR_BASE + r;
    let id = this.pairIds.get(key);
    if (id === undefined) {
      id = this.nextId++;
      if (id >= PAIR_BASE) throw new Error('Merkle content ids exhausted');
      this.pairIds.set(key, id);
    }
    return id;
  }

  /** The id of node `index` (heights counted from the leaves: 0 = leaf). */
  get(index: number, height: number): number {
    return this.nodes.get(index) ?? this.zero[height];
  }

  /** MerkleTree::from_memory: leaves of the initial image (all-zero chunks may be left out). */
  static fromLeaves(leaves: Iterable<{ index: number; values: ArrayLike<number> }>): MerkleIds {
    const tree = new MerkleIds();
    const layer: TouchedLeaf[] = [];
    for (const l of leaves) layer.push({ index: l.index, values: l.values, owner: -1 });
    layer.sort((a, b) => a.index - b.index);
    tree.update(layer);
    return tree;
  }

  /**
   * MerkleTree::finalize for one segment: the rows it makes and the tree after it. `touched` must be sorted
   * by leaf index (TracingMemory::finalize's order).
   */
  finalizeSegment(touched: readonly TouchedLeaf[]): MerkleSegmentRows {
    return this.update(touched);
  }

  private update(touched: readonly TouchedLeaf[]): MerkleSegmentRows {
    const leafInputs = new Set<number>();
    const pairInputs = new Set<number>();
    const merkleByOwner = new Map<number, number>();
    const poseidon2ByOwner = new Map<number, number>();
    const charge = (m: Map<number, number>, owner: number, rows: number) =>
      m.set(owner, (m.get(owner) ?? 0) + rows);
    let merkleRows = 0;
    // The layer being processed: node index, new id, old id, owner.
    let index: number[] = [];
    let ids: number[] = [];
    let olds: number[] = [];
    let owners: number[] = [];
    for (const t of touched) {
      const oldId = this.get(t.index, 0);
      const newId = this.leaf(t.values);
      if (!leafInputs.has(oldId)) {
        leafInputs.add(oldId);
        charge(poseidon2ByOwner, t.owner, 1);
      }
      if (!leafInputs.has(newId)) {
        leafInputs.add(newId);
        charge(poseidon2ByOwner, t.owner, 1);
      }
      this.nodes.set(t.index, newId);
      index.push(t.index);
      ids.push(newId);
      olds.push(oldId);
      owners.push(t.owner);
    }
    for (let h = 1; h <= MERKLE_HEIGHT && index.length > 0; h++) {
      const nIndex: number[] = [];
      const nIds: number[] = [];
      const nOlds: number[] = [];
      const nOwners: number[] = [];
      for (let i = 0; i < index.length; i++) {
        const p = Math.floor(index[i] / 2);
        const pair = i + 1 < index.length && Math.floor(index[i + 1] / 2) === p;
        let newL: number, oldL: number, newR: number, oldR: number;
        if (index[i] % 2 === 0) {
          newL = ids[i];
          oldL = olds[i];
          if (pair) {
            newR = ids[i + 1];
            oldR = olds[i + 1];
          } else newR = oldR = this.get(index[i] + 1, h - 1);
        } else {
          newL = oldL = this.get(index[i] - 1, h - 1);
          newR = ids[i];
          oldR = olds[i];
        }
        const owner = owners[i];
        merkleRows += 2;
        charge(merkleByOwner, owner, 2);
        const newKey = newL * PAIR_BASE + newR;
        const oldKey = oldL * PAIR_BASE + oldR;
        if (!pairInputs.has(newKey)) {
          pairInputs.add(newKey);
          charge(poseidon2ByOwner, owner, 1);
        }
        if (!pairInputs.has(oldKey)) {
          pairInputs.add(oldKey);
          charge(poseidon2ByOwner, owner, 1);
        }
        nIndex.push(p);
        nOlds.push(this.get(p, h));
        nIds.push(this.pair(newL, newR));
        nOwners.push(owner);
        if (pair) i++;
      }
      for (let i = 0; i < nIndex.length; i++) this.nodes.set(nIndex[i], nIds[i]);
      index = nIndex;
      ids = nIds;
      olds = nOlds;
      owners = nOwners;
    }
    return {
      merkleRows,
      poseidon2Rows: leafInputs.size + pairInputs.size,
      leafInputs: leafInputs.size,
      pairInputs: pairInputs.size,
      merkleByOwner,
      poseidon2ByOwner,
    };
  }
}

// MerkleIds against a naive definition: subtree contents as explicit strings (every non-zero leaf under the
// node, with its offset), parents on the touched paths enumerated directly, Poseidon2 inputs as the set of
// (left content, right content) pairs for the old and the new memory and of leaf values.
import { describe, expect, it } from 'vitest';
import { Random } from '../../random';
import { MERKLE_HEIGHT, MerkleIds, type TouchedLeaf } from './merkleIds';

type Memory = Map<number, string>; // leaf index -> values "a,b,..." (absent = zeros)
const ZERO = '0,0,0,0,0,0,0,0';

function content(mem: Memory, node: number, height: number): string {
  const first = node * 2 ** height;
  const parts: string[] = [];
  for (const [leaf, v] of [...mem].sort((x, y) => x[0] - y[0]))
    if (leaf >= first && leaf < first + 2 ** height && v !== ZERO) parts.push(`${leaf - first}:${v}`);
  return `${height}|${parts.join(';')}`;
}

function naive(before: Memory, touched: { index: number; values: string }[]) {
  const after = new Map(before);
  for (const t of touched) after.set(t.index, t.values);
  const inputs = new Set<string>();
  for (const t of touched) {
    inputs.add(`leaf ${before.get(t.index) ?? ZERO}`);
    inputs.add(`leaf ${t.values}`);
  }
  const parents = new Set<number>();
  for (const t of touched)
    for (let p = Math.floor(t.index / 2), h = 1; h <= MERKLE_HEIGHT; p = Math.floor(p / 2), h++)
      parents.add(p * 64 + h);
  for (const key of parents) {
    const p = Math.floor(key / 64);
    const h = key % 64;
    for (const m of [before, after])
      inputs.add(`${content(m, 2 * p, h - 1)} / ${content(m, 2 * p + 1, h - 1)}`);
  }
  return { merkleRows: 2 * parents.size, poseidon2Rows: inputs.size, after };
}

describe('MerkleIds: Merkle rows and distinct Poseidon2 inputs per segment', () => {
  it('matches the naive definition on random sparse memories over three segments', () => {
    const r = new Random(7);
    const rand = () => r.u32() / 4294967296;
    const base = 2 ** MERKLE_HEIGHT;
    // Leaves clustered like real memory: a few regions, small values so that equal chunks occur.
    const leafAt = () =>
      base + [0, 5_000, 1 << 26, (1 << 26) + 77, 2 << 26][Math.floor(rand() * 5)] + Math.floor(rand() * 40);
    const values = () => Array.from({ length: 8 }, () => (rand() < 0.6 ? 0 : Math.floor(rand() * 3)));
    let mem: Memory = new Map();
    const image: { index: number; values: number[] }[] = [];
    for (let i = 0; i < 30; i++) {
      const index = leafAt();
      const v = values();
      image.push({ index, values: v });
      mem.set(index, v.join(','));
    }
    // Later writes win in `mem`; give fromLeaves the same final picture.
    const tree = MerkleIds.fromLeaves(
      [...mem].map(([index, v]) => ({ index, values: v.split(',').map(Number) })),
    );
    for (let seg = 0; seg < 3; seg++) {
      const idx = [...new Set(Array.from({ length: 25 }, leafAt))].sort((a, b) => a - b);
      const touched = idx.map((index) => ({ index, values: values() }));
      const expected = naive(
        mem,
        touched.map((t) => ({ index: t.index, values: t.values.join(',') })),
      );
      const leaves: TouchedLeaf[] = touched.map((t, k) => ({
        index: t.index,
        values: t.values,
        owner: k % 3,
      }));
      const got = tree.finalizeSegment(leaves);
      expect([got.merkleRows, got.poseidon2Rows]).toEqual([expected.merkleRows, expected.poseidon2Rows]);
      let charged = 0;
      for (const r of got.poseidon2ByOwner.values()) charged += r;
      expect(charged).toBe(got.poseidon2Rows);
      mem = expected.after;
    }
  });

  it('a chunk read but not changed hashes once (init = final), a written one twice', () => {
    const base = 2 ** MERKLE_HEIGHT;
    const tree = MerkleIds.fromLeaves([{ index: base + 8, values: [1, 2, 3, 4, 5, 6, 7, 8] }]);
    const same = tree.finalizeSegment([{ index: base + 8, values: [1, 2, 3, 4, 5, 6, 7, 8], owner: 0 }]);
    expect(same.leafInputs).toBe(1);
    expect(same.merkleRows).toBe(2 * MERKLE_HEIGHT);
    // Every parent's old and new children are equal: one input per parent.
    expect(same.pairInputs).toBe(MERKLE_HEIGHT);
    const changed = tree.finalizeSegment([{ index: base + 8, values: [9, 2, 3, 4, 5, 6, 7, 8], owner: 0 }]);
    expect([changed.leafInputs, changed.pairInputs]).toEqual([2, 2 * MERKLE_HEIGHT]);
  });
});

import { describe, expect, it } from 'vitest';
import { PagedArenaBytes } from './arena/arenaBytes';
import { ArenaMemory, DEFAULT_ADDRESSING } from './arena/arenaMemory';
import { CentralPool } from './centralPool';
import { listNodes, pushNode } from './arena/freeList';
import { NIL } from './arena/arenaMemory';

const mem = () => new ArenaMemory(new PagedArenaBytes(1 << 16), DEFAULT_ADDRESSING);
function batchOf(m: ArenaMemory, nodes: number[]) {
  let head = NIL;
  for (const n of [...nodes].reverse()) head = pushNode(m, head, n);
  return { head, tail: nodes[nodes.length - 1], len: nodes.length };
}

describe('CentralPool (central_pool.rs)', () => {
  it('is a LIFO of batches: the newest batch comes out first, in its own order', () => {
    const m = mem();
    const c = new CentralPool();
    c.returnBatch(m, 2, batchOf(m, [0, 64]));
    c.returnBatch(m, 2, batchOf(m, [640, 576, 512]));
    expect(c.lens[2]).toBe(5);
    expect(listNodes(m, c.heads[2])).toEqual([640, 576, 512, 0, 64]);
    const taken = c.takeBatch(m, 2, 4);
    expect(listNodes(m, taken.head)).toEqual([640, 576, 512, 0]);
    expect(m.rawLink(taken.tail)).toBe(0); // the detached tail is terminated
    expect(c.blockCounts()[2]).toBe(1);
    expect(c.takeBatch(m, 2, 10).len).toBe(1);
    expect(c.takeBatch(m, 2, 10).len).toBe(0);
  });

  it('keeps classes apart and clones independently', () => {
    const m = mem();
    const c = new CentralPool();
    c.returnBatch(m, 0, batchOf(m, [128]));
    const d = c.clone();
    c.takeBatch(m, 0, 1);
    expect(c.lens[0]).toBe(0);
    expect(d.lens[0]).toBe(1);
    expect(d.lens[1]).toBe(0);
  });
});

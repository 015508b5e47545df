import { describe, expect, it } from 'vitest';
import { PagedArenaBytes } from './arena/arenaBytes';
import { ArenaMemory, DEFAULT_ADDRESSING, NIL } from './arena/arenaMemory';
import { CentralPool } from './centralPool';
import { ClassCache } from './classCache';
import { listNodes } from './arena/freeList';
import { ThreadCache } from './threadCache';
import { deriveClassTable, DEFAULT_CONFIG } from './config';

const B = 128;
const mem = () => new ArenaMemory(new PagedArenaBytes(1 << 20), DEFAULT_ADDRESSING);

describe('LocalClassCache (thread_cache.rs)', () => {
  it('hands out fresh blocks at ascending addresses and counts fresh capacity as cached', () => {
    const m = mem();
    const k = new ClassCache(B);
    k.pushOwnedSlab(0, 3);
    expect(k.totalLen).toBe(3);
    expect([k.pop(m), k.pop(m), k.pop(m)]).toEqual([0, 128, 256]);
    expect(k.available).toEqual([]);
    expect(k.pop(m)).toBe(NIL);
  });

  it('prefers reclaimed blocks (LIFO) over fresh ones within a slab', () => {
    const m = mem();
    const k = new ClassCache(B);
    k.pushOwnedSlab(0, 4);
    const [a, b] = [k.pop(m), k.pop(m)];
    k.push(m, a);
    k.push(m, b);
    expect([k.pop(m), k.pop(m), k.pop(m)]).toEqual([b, a, 256]);
  });

  it('uses slabs in available-stack order: a re-opened slab goes on top (golden 07_slab_order)', () => {
    const m = mem();
    const k = new ClassCache(B);
    k.pushOwnedSlab(0, 2);
    expect([k.pop(m), k.pop(m)]).toEqual([0, 128]);
    k.pushOwnedSlab(256, 2);
    expect(k.pop(m)).toBe(256);
    // slab 1 (at 256) still has a fresh block and stays on the stack; freeing 0 re-opens slab 0 on top.
    k.push(m, 0);
    expect(k.available).toEqual([1, 0]);
    expect(k.pop(m)).toBe(0);
    expect(k.pop(m)).toBe(384);
  });

  it('puts blocks of no own slab into shared, used only once every slab is empty', () => {
    const m = mem();
    const k = new ClassCache(B);
    k.pushOwnedSlab(0, 1);
    k.push(m, 4096);
    k.push(m, 8192);
    expect(k.sharedLen).toBe(2);
    expect([k.pop(m), k.pop(m), k.pop(m)]).toEqual([0, 8192, 4096]);
  });

  it('drains shared first and may return fewer than asked (golden 07b)', () => {
    const m = mem();
    const k = new ClassCache(B);
    k.pushOwnedSlab(0, 4);
    k.push(m, 4096);
    const batch = k.popBatch(m, 3);
    expect(batch.len).toBe(1);
    expect(listNodes(m, batch.head)).toEqual([4096]);
    expect(k.totalLen).toBe(4);
  });

  it('drains from the top slab only, reclaimed then fresh, batch in reverse take order', () => {
    const m = mem();
    const k = new ClassCache(B);
    k.pushOwnedSlab(0, 4);
    const a = k.pop(m);
    k.push(m, a);
    const batch = k.popBatch(m, 3);
    // taken: a (reclaimed), 128, 256 (fresh) -> batch head is the last taken
    expect(listNodes(m, batch.head)).toEqual([256, 128, 0]);
    expect(batch.tail).toBe(0);
    expect(k.totalLen).toBe(1);
    expect(k.pop(m)).toBe(384);
  });

  it("keeps the list only in the arena bytes: a free block's first 8 bytes hold the next address", () => {
    const m = mem();
    const k = new ClassCache(B);
    k.pushOwnedSlab(0, 3);
    const [a, b] = [k.pop(m), k.pop(m)];
    k.push(m, a);
    k.push(m, b);
    expect(m.rawLink(b)).toBe(DEFAULT_ADDRESSING.baseAddress + a);
    expect(m.rawLink(a)).toBe(0);
    expect(k.pop(m)).toBe(b);
    expect(m.rawLink(b)).toBe(0); // a popped node's link is cleared
  });

  it('clones independently', () => {
    const m = mem();
    const k = new ClassCache(B);
    k.pushOwnedSlab(0, 3);
    const c = k.clone();
    k.pop(m);
    expect(c.totalLen).toBe(3);
    expect(c.slabFresh).toEqual([0]);
  });
});

describe('ThreadCache refill and drain', () => {
  const table = deriveClassTable({ ...DEFAULT_CONFIG, refillTargetBytes: 512, localCacheTargetBytes: 1024 });

  it('refills from the head of central into shared, in order, without carving', () => {
    const m = mem();
    const central = new CentralPool();
    const donor = new ClassCache(B);
    donor.pushOwnedSlab(0, 8);
    central.returnBatch(m, 0, donor.popBatch(m, 3)); // [256,128,0]
    central.returnBatch(m, 0, donor.popBatch(m, 3)); // [640,512,384] in front
    const t = ThreadCache.create(1, table);
    expect(t.refillFromCentral(m, central, 0, 4)).toBe(4);
    expect(listNodes(m, t.classes[0].sharedHead)).toEqual([640, 512, 384, 256]);
    expect(central.lens[0]).toBe(2);
    expect(listNodes(m, central.heads[0])).toEqual([128, 0]);
  });

  it('drains one batch only when strictly above the local limit', () => {
    const m = mem();
    const central = new CentralPool();
    const t = ThreadCache.create(0, table);
    t.classes[0].pushOwnedSlab(0, 8);
    expect(t.drainExcess(m, central, 0, 8, 2)).toBe(0);
    t.classes[0].push(m, 4096);
    expect(t.drainExcess(m, central, 0, 8, 2)).toBe(1); // shared held 1: only 1 moves
    expect(t.classes[0].totalLen).toBe(8);
  });
});

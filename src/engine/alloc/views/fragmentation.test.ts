import { describe, expect, it } from 'vitest';
import { createAllocator, type Allocator, type UserPtr } from '../orthotope/allocator';
import { DEFAULT_CONFIG } from '../orthotope/config';
import { classFragmentation, fragmentationReport, type ClassCensus, type LargeCensus } from './fragmentation';
import { cacheCensus, inspectAllocator, slabCensus } from './inspector';
import { allocatorStats, threadCacheStats } from './stats';
import { NUM_CLASSES } from '../orthotope/sizeClasses';
import { randomChurn } from './workloads';

const census = (over: Partial<ClassCensus>): ClassCensus => ({
  cls: 1,
  payload: 256,
  blockSize: 320,
  carvedBlocks: 0,
  carvedSpans: 0,
  liveBlocks: 0,
  liveRequestedBytes: 0,
  cachedReclaimed: 0,
  cachedShared: 0,
  cachedFresh: 0,
  centralBlocks: 0,
  allocs: 0,
  frees: 0,
  refills: 0,
  refilledBlocks: 0,
  drains: 0,
  drainedBlocks: 0,
  ...over,
});
const noLarge: LargeCensus = {
  liveBlocks: 0,
  liveBlockBytes: 0,
  liveRequestedBytes: 0,
  poolBlocks: 0,
  poolBytes: 0,
  carvedBlocks: 0,
  reusedBlocks: 0,
  leakedBlocks: 0,
  leakedBytes: 0,
};

const ptr = (p: unknown) => p as UserPtr;

function make(over = {}): Allocator {
  const r = createAllocator({ ...DEFAULT_CONFIG, arenaSize: 64 << 20, ...over });
  if (!r.ok) throw new Error('init');
  return r.allocator;
}

describe('fragmentation kernel (pure)', () => {
  it('derives each per-class metric from the census', () => {
    const f = classFragmentation(
      census({
        carvedBlocks: 102,
        liveBlocks: 3,
        liveRequestedBytes: 65 + 128 + 256,
        cachedReclaimed: 2,
        cachedShared: 4,
        cachedFresh: 90,
        centralBlocks: 3,
      }),
    );
    expect(f.name).toBe('B256');
    expect(f.liveUsableBytes).toBe(768);
    expect(f.internalBytes).toBe(768 - 449);
    expect(f.overheadBytes).toBe(3 * 64);
    expect(f.idleBlocks).toBe(99);
    expect(f.idleBytes).toBe(99 * 320);
    expect(f.utilization).toBeCloseTo(449 / (102 * 320), 12);
    expect(f.unaccountedBlocks).toBe(0);
  });

  it('reports zero utilization for an untouched class and counts alignment padding as overhead', () => {
    expect(classFragmentation(census({})).utilization).toBe(0);
    expect(
      classFragmentation(census({ blockSize: 512, liveBlocks: 2, liveRequestedBytes: 2 })).overheadBytes,
    ).toBe(2 * 256);
  });

  it('sums totals and large waste (slack + pool + leaked)', () => {
    const classes = Array.from({ length: NUM_CLASSES }, (_, c) =>
      census({
        cls: c,
        liveBlocks: c === 1 ? 1 : 0,
        liveRequestedBytes: c === 1 ? 200 : 0,
        carvedBlocks: c === 1 ? 2 : 0,
        cachedFresh: c === 1 ? 1 : 0,
      }),
    );
    const r = fragmentationReport(
      classes,
      {
        capacity: 10_000_000,
        remaining: 10_000_000 - 640 - 3000,
        carvedSmallBytes: 640,
        carvedLargeBytes: 3000,
      },
      {
        ...noLarge,
        liveBlocks: 1,
        liveBlockBytes: 2000,
        liveRequestedBytes: 1500,
        poolBlocks: 1,
        poolBytes: 1000,
        leakedBytes: 0,
      },
    );
    expect(r.large.slackBytes).toBe(2000 - 64 - 1500);
    expect(r.large.wasteBytes).toBe(436 + 1000);
    expect(r.totals).toEqual({
      liveRequestedBytes: 1700,
      internalBytes: 56,
      idleSmallBytes: 320,
      arenaUtilization: 1700 / 3640,
    });
    expect(r.arena.carvedBytes).toBe(3640);
    expect(() => fragmentationReport(classes.slice(1), r.arena, noLarge)).toThrow(RangeError);
  });
});

describe('inspector census on live allocators', () => {
  it('every carved small block is live, cached or central; the arena identity holds; slabs add up', () => {
    for (const seed of [1, 2, 3]) {
      const a = make({ refillTargetBytes: 2048, localCacheTargetBytes: 4096 });
      const { live } = randomChurn(a, { seed, ops: 4000, threads: 3, maxSize: 40_000 });
      const r = inspectAllocator(a);
      for (const c of r.classes) expect(c.unaccountedBlocks).toBe(0);
      expect(r.arena.carvedBytes).toBe(r.arena.capacity - r.arena.remaining);
      expect(r.classes.reduce((n, c) => n + c.liveBlocks, 0)).toBe(live.size);
      // orthotope's own stats agree with the census
      const stats = allocatorStats(a);
      r.classes.forEach((c, i) => expect(c.centralBlocks).toBe(stats.smallCentral[i].blocks));
      for (const t of a.threads()) {
        const local = threadCacheStats(a, t).local;
        for (const k of cacheCensus(a).filter((x) => x.thread === t)) {
          expect(k.reclaimed + k.shared + k.fresh).toBe(k.blocks);
          expect(k.blocks).toBe(local[k.cls].blocks);
        }
      }
      const slabs = slabCensus(a);
      r.classes.forEach((c, cls) => {
        const mine = slabs.filter((s) => s.cls === cls);
        expect(mine.reduce((n, s) => n + s.capacity, 0)).toBe(c.carvedBlocks);
        expect(mine.reduce((n, s) => n + s.live, 0)).toBe(c.liveBlocks);
        for (const s of mine) expect(s.live).toBeGreaterThanOrEqual(0);
      });
    }
  });

  it('counts requested vs usable bytes, fills and drains', () => {
    const a = make({ refillTargetBytes: 256, localCacheTargetBytes: 256 }); // B64: refill 2, limit 2, drain 1
    const ps = [a.allocate(0, 10), a.allocate(0, 20), a.allocate(0, 30)] as UserPtr[];
    let r = inspectAllocator(a).classes[0];
    expect(r).toMatchObject({
      carvedBlocks: 4,
      carvedSpans: 2,
      liveBlocks: 3,
      liveRequestedBytes: 60,
      internalBytes: 3 * 64 - 60,
      cachedFresh: 1,
    });
    a.deallocate(0, ps[2]);
    expect(inspectAllocator(a).classes[0]).toMatchObject({
      liveBlocks: 2,
      cachedReclaimed: 1,
      cachedFresh: 1,
      cachedShared: 0,
    });
    expect(ptr(a.allocate(0, 30))).toBe(ps[2]);
    for (const p of ps) a.deallocate(1, p);
    a.allocate(2, 1);
    r = inspectAllocator(a).classes[0];
    expect(r).toMatchObject({
      liveBlocks: 1,
      liveRequestedBytes: 1,
      cachedShared: 2,
      drains: 1,
      drainedBlocks: 1,
      refills: 1,
      refilledBlocks: 1,
      frees: 4,
      allocs: 5,
    });
    const slabs = slabCensus(a);
    expect(slabs.map((s) => [s.start, s.capacity, s.fresh, s.reclaimed, s.freeElsewhere, s.live])).toEqual([
      [0, 2, 0, 0, 2, 0], // both blocks sit in cache 1's shared list
      [256, 2, 1, 0, 0, 1], // 256 went cache 1 -> central -> cache 2 and is live again; 384 never used
    ]);
  });

  it('reports large pool blocks, slack and reuse', () => {
    const a = make();
    const p = a.allocate(0, 20 << 20) as UserPtr;
    a.deallocate(0, p);
    a.allocate(0, 17 << 20);
    const r = inspectAllocator(a).large;
    expect(r).toMatchObject({
      liveBlocks: 1,
      liveBlockBytes: (20 << 20) + 64,
      liveRequestedBytes: 17 << 20,
      poolBlocks: 0,
      carvedBlocks: 1,
      reusedBlocks: 1,
    });
    expect(r.slackBytes).toBe(3 << 20);
  });
});

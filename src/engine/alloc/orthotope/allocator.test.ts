import { describe, expect, it } from 'vitest';
import { asUserPtr, createAllocator, type Allocator, type UserPtr } from './allocator';
import { PagedArenaBytes } from './arena/arenaBytes';
import { DEFAULT_CONFIG, type AllocatorConfig } from './config';
import type { AllocError, FreeError } from './errors';
import { AllocEventLog } from './events';
import { allocatorStats, threadCacheStats } from '../views/stats';
import { mixedSizeChurn, randomChurn } from '../views/workloads';

const TRACE_CONFIG: AllocatorConfig = { ...DEFAULT_CONFIG, arenaSize: 64 << 20 };

function make(
  config: Partial<AllocatorConfig> = {},
  options: Parameters<typeof createAllocator>[1] = {},
): Allocator {
  const r = createAllocator({ ...TRACE_CONFIG, ...config }, options);
  if (!r.ok) throw new Error(r.error.message);
  return r.allocator;
}
function ptr(r: UserPtr | AllocError): UserPtr {
  if (typeof r !== 'number') throw new Error(`expected a pointer, got ${r.kind}`);
  return r;
}
const allocErr = (r: UserPtr | AllocError): AllocError => {
  if (typeof r === 'number') throw new Error('expected an error');
  return r;
};
const kind = (e: FreeError | null) => e?.kind ?? 'ok';

describe('Allocator allocation path', () => {
  it('returns offset 64 for the first block and carves one refill span per class', () => {
    const a = make();
    expect(a.allocate(0, 1)).toBe(64);
    expect(a.allocate(0, 64)).toBe(192);
    expect(a.allocate(0, 65)).toBe(32_768 + 64); // B64 span is 256 * 128 bytes
    expect(allocatorStats(a).arenaRemaining).toBe((64 << 20) - 32_768 - 32_640);
    expect(threadCacheStats(a, 0).local[0].blocks).toBe(254);
  });

  it('writes the header at the block start: magic, kind, class, requested, usable', () => {
    const a = make();
    const p = ptr(a.allocate(0, 100));
    expect([...a.headerBytes(p).subarray(0, 16)]).toEqual([
      0x48, 0x54, 0x52, 0x4f, 1, 1, 0, 0, 100, 0, 0, 0, 0, 1, 0, 0,
    ]);
    expect([...a.headerBytes(p).subarray(16)]).toEqual(new Array(48).fill(0));
  });

  it('ZeroSize binds the cache but allocates nothing', () => {
    const a = make();
    expect(allocErr(a.allocate(3, 0))).toMatchObject({ kind: 'ZeroSize', location: { thread: 3, op: 0 } });
    expect(threadCacheStats(a, 3).isBound).toBe(true);
    expect(allocatorStats(a).arenaRemaining).toBe(64 << 20);
  });

  it('carves partial spans when fewer than refill_count blocks fit, then OutOfMemory with the exact remaining', () => {
    const a = make({ arenaSize: 1000, refillTargetBytes: 128 * 4 });
    const got = Array.from({ length: 8 }, () => a.allocate(0, 10));
    expect(got.slice(0, 7)).toEqual([64, 192, 320, 448, 576, 704, 832]); // 4 + a partial 3-block span
    expect(allocErr(got[7])).toMatchObject({ kind: 'OutOfMemory', requested: 10, remaining: 1000 - 896 });
    // a B256 block (320) does not fit the 104 bytes left either
    expect(allocErr(a.allocate(0, 200))).toMatchObject({
      kind: 'OutOfMemory',
      requested: 200,
      remaining: 104,
    });
    expect(a.deallocate(0, asUserPtr(64))).toBeNull();
    expect(a.allocate(0, 10)).toBe(64); // reuse after OOM
  });

  it('refills from central before carving, and only once the cache is empty', () => {
    const a = make({ refillTargetBytes: 512, localCacheTargetBytes: 1024 }); // B64: refill 4, limit 8, drain 2
    const ps = Array.from({ length: 12 }, () => ptr(a.allocate(0, 8)));
    for (const p of ps) a.deallocate(1, p); // 12 into cache 1's shared list: drains at 9, 10, 11, 12
    expect(allocatorStats(a).smallCentral[0].blocks).toBe(4);
    const before = allocatorStats(a).arenaRemaining;
    const q = ptr(a.allocate(2, 8));
    expect(allocatorStats(a).arenaRemaining).toBe(before);
    expect(ps).toContain(q);
    expect(threadCacheStats(a, 2).local[0].blocks).toBe(3);
  });

  it('large path: best fit, LIFO among equal sizes, no split, a reused block keeps its full size', () => {
    const a = make({ arenaSize: 160 << 20 });
    const big = ptr(a.allocate(0, 20 << 20));
    const mid1 = ptr(a.allocate(0, 17 << 20));
    const mid2 = ptr(a.allocate(0, 17 << 20));
    for (const p of [big, mid1, mid2]) expect(a.deallocate(0, p)).toBeNull();
    expect(a.allocate(0, (16 << 20) | 1)).toBe(mid2); // LIFO among the two 17 MiB blocks
    expect(a.allocate(0, (16 << 20) | 1)).toBe(mid1);
    const reused = ptr(a.allocate(0, (16 << 20) | 1));
    expect(reused).toBe(big);
    expect(allocatorStats(a).largeLiveBytes).toBe(2 * ((17 << 20) + 64) + (20 << 20) + 64);
    expect(
      a.headerBytes(reused)[12] +
        (a.headerBytes(reused)[13] << 8) +
        (a.headerBytes(reused)[14] << 16) +
        a.headerBytes(reused)[15] * 2 ** 24,
    ).toBe(20 << 20);
    a.deallocate(0, reused);
    expect(allocatorStats(a)).toMatchObject({ largeFreeBlocks: 1, largeFreeBytes: (20 << 20) + 64 });
  });

  it('large OutOfMemory reports the caller request and the untouched remaining', () => {
    const a = make({ arenaSize: 40 << 20 });
    ptr(a.allocate(0, 20 << 20));
    expect(allocErr(a.allocate(0, 20 << 20))).toMatchObject({
      kind: 'OutOfMemory',
      requested: 20 << 20,
      remaining: (20 << 20) - 64,
    });
    expect(allocErr(a.allocate(0, 2 ** 52))).toMatchObject({
      kind: 'OutOfMemory',
      requested: 2 ** 52,
      remaining: (20 << 20) - 64,
    });
  });

  it('a large request beyond the u32 header fields takes (and leaks) its block, then fails', () => {
    const a = make({ arenaSize: 2 ** 33 });
    const e = allocErr(a.allocate(0, 2 ** 32));
    expect(e).toMatchObject({
      kind: 'OutOfMemory',
      requested: 2 ** 32,
      remaining: 2 ** 33 - 2 ** 32 - 64,
      leakedBlock: true,
    });
    expect(allocatorStats(a)).toMatchObject({ largeLiveAllocations: 0, largeFreeBlocks: 0 });
    expect(a.state.counters.largeLeakedBytes).toBe(2 ** 32 + 64);
  });
});

describe('Allocator free path: errors in 0.1.7 order', () => {
  it('a small double free is CorruptHeader because the free-list link overwrote the magic', () => {
    const a = make();
    const p = ptr(a.allocate(0, 40));
    expect(a.deallocate(0, p)).toBeNull();
    const e = a.deallocate(0, p);
    expect(e).toMatchObject({ kind: 'CorruptHeader', reason: 'magic', looksLikeFreeListLink: true });
    expect(e?.message).toMatch(/free-list link/);
    // sized, and through another cache: the same
    expect(a.deallocateWithSize(5, p, 40)).toMatchObject({ kind: 'CorruptHeader', reason: 'magic' });
  });

  it('misaligned pointers are CorruptHeader before anything is read; the reason tells a freed block from zeros', () => {
    const a = make();
    expect(a.deallocate(0, asUserPtr(65))).toMatchObject({
      kind: 'CorruptHeader',
      reason: 'misaligned',
      looksLikeFreeListLink: false,
    });
    // zeros inside a live block's payload are not a free-list link, nor is never-used fresh capacity
    const small = ptr(a.allocate(0, 40)); // B64 slab at 0
    const big = ptr(a.allocate(0, 5000)); // B4K slab at 32768
    expect(a.deallocate(0, asUserPtr(big + 128))).toMatchObject({
      reason: 'magic',
      looksLikeFreeListLink: false,
    });
    expect(a.deallocate(0, asUserPtr(1024 + 64))).toMatchObject({
      reason: 'magic',
      looksLikeFreeListLink: false,
    });
    a.deallocate(0, small);
    expect(a.deallocate(0, small)).toMatchObject({ reason: 'magic', looksLikeFreeListLink: true });
  });

  it('SizeMismatch comes after header validation and before ownership', () => {
    const a = make();
    const p = ptr(a.allocate(0, 64));
    expect(a.deallocateWithSize(0, p, 63)).toMatchObject({
      kind: 'SizeMismatch',
      provided: 63,
      recorded: 64,
    });
    const forged = a.forgeCopy(p);
    expect(a.deallocateWithSize(0, forged, 1)).toMatchObject({
      kind: 'SizeMismatch',
      provided: 1,
      recorded: 64,
    });
    expect(a.deallocate(0, forged)).toMatchObject({ kind: 'ForeignPointer' });
    a.releaseForgedCopy(forged);
    expect(a.deallocateWithSize(0, p, 64)).toBeNull();
  });

  it("a stale pointer frees the block's new owner (not detected in 0.1.7)", () => {
    const a = make();
    const p = ptr(a.allocate(0, 40));
    a.deallocate(0, p);
    const q = ptr(a.allocate(0, 10));
    expect(q).toBe(p);
    expect(a.deallocateWithSize(0, p, 40)).toMatchObject({
      kind: 'SizeMismatch',
      provided: 40,
      recorded: 10,
    });
    expect(a.deallocate(0, p)).toBeNull();
    expect(kind(a.deallocate(0, q))).toBe('CorruptHeader');
  });

  it('large frees: AlreadyFreedOrUnknownLarge, also for a forged copy; CorruptHeader on a record mismatch', () => {
    const a = make();
    const p = ptr(a.allocate(0, 20_000_000));
    const forged = a.forgeCopy(p);
    expect(kind(a.deallocate(0, forged))).toBe('AlreadyFreedOrUnknownLarge');
    expect(a.deallocateWithSize(0, p, 19_999_999)).toMatchObject({
      kind: 'SizeMismatch',
      recorded: 20_000_000,
    });
    expect(a.deallocate(0, p)).toBeNull();
    expect(kind(a.deallocate(0, p))).toBe('AlreadyFreedOrUnknownLarge');
    // A header rewritten in place (as guest code could do) disagrees with the live record.
    const q = ptr(a.allocate(0, 20_000_000));
    a.state.memory.bytes.writeU32(q - 64 + 8, 19_000_000);
    expect(a.deallocate(0, q)).toMatchObject({ kind: 'CorruptHeader', reason: 'registryMismatch' });
    expect(allocatorStats(a).largeLiveAllocations).toBe(1);
  });

  it('forgery inside the arena frees a live block (golden 06: free_offset of another block)', () => {
    const a = make();
    const p = ptr(a.allocate(0, 40));
    expect(a.deallocate(7, asUserPtr(p))).toBeNull();
    expect(threadCacheStats(a, 7).local[0].blocks).toBe(1);
  });

  it('a header in unmapped memory outside the arena is UndefinedBehaviour, not an orthotope error', () => {
    const a = make({ arenaSize: 1 << 20 });
    expect(a.deallocate(0, asUserPtr((2 << 20) + 64))).toMatchObject({ kind: 'UndefinedBehaviour' });
  });

  it('a corrupted free-list link is reported as UndefinedBehaviour instead of being followed', () => {
    const a = make();
    const p = ptr(a.allocate(0, 8));
    const q = ptr(a.allocate(0, 8));
    a.deallocate(0, p);
    a.deallocate(0, q);
    a.state.memory.bytes.writeU32(q - 64, 12345); // a use-after-free write over q's link
    expect(allErrKind(a.allocate(0, 8))).toBe('UndefinedBehaviour'); // popping q would follow the garbage
  });

  it('a failed free changes no allocator state', () => {
    const a = make();
    const p = ptr(a.allocate(0, 40));
    a.deallocate(0, p);
    const before = JSON.stringify([allocatorStats(a), threadCacheStats(a, 0)]);
    a.deallocate(0, p);
    a.deallocateWithSize(0, p, 3);
    expect(JSON.stringify([allocatorStats(a), threadCacheStats(a, 0)])).toBe(before);
  });
});

const allErrKind = (r: UserPtr | AllocError) => (typeof r === 'number' ? 'ok' : r.kind);

describe('Allocator state: clone, snapshot/restore, mirroring, addressing', () => {
  const run = (a: Allocator, seed: number) => {
    const out: Array<number | string> = [];
    const r = randomChurn(a, { seed, ops: 3000, threads: 3, maxSize: 70_000 });
    out.push(
      r.failedAllocs,
      r.live.size,
      JSON.stringify(allocatorStats(a)),
      ...a.threads().map((t) => JSON.stringify(threadCacheStats(a, t))),
    );
    return out;
  };

  it('a clone continues exactly like the original, and neither disturbs the other', () => {
    const a = make();
    run(a, 1);
    const b = a.clone();
    expect(run(b, 2)).toEqual(run(a, 2));
    expect([...a.state.memory.bytes.readBytes(0, 65_536)]).toEqual([
      ...b.state.memory.bytes.readBytes(0, 65_536),
    ]);
  });

  it('restore returns to a snapshot, truncates the event log, and the snapshot is reusable', () => {
    const events = new AllocEventLog();
    const a = make({}, { events });
    run(a, 3);
    const snap = a.snapshot();
    const n = events.length;
    const first = run(a, 4);
    a.restore(snap);
    expect(events.length).toBe(n);
    expect(run(a, 4)).toEqual(first);
    a.restore(snap);
    expect(run(a, 4)).toEqual(first);
  });

  it('mirrors every header and link write: a mirror built from the writes equals the arena', () => {
    const mirror = new PagedArenaBytes(64 << 20);
    let writes = 0;
    const a = make(
      {},
      {
        onWrite: (offset, bytes) => {
          writes++;
          mirror.writeBytes(offset, bytes);
        },
      },
    );
    run(a, 5);
    expect(writes).toBeGreaterThan(1000);
    let differing = 0;
    for (let off = 0; off < (64 << 20) - a.state.arena.remaining; off += 4096) {
      const x = mirror.readBytes(off, 4096);
      const y = a.state.memory.bytes.readBytes(off, 4096);
      for (let i = 0; i < 4096; i++) if (x[i] !== y[i]) differing++;
    }
    expect(differing).toBe(0);
  });

  it('can be backed by an external byte store', () => {
    const bytes = new PagedArenaBytes(64 << 20);
    const a = make({}, { bytes });
    const p = ptr(a.allocate(0, 5));
    expect(bytes.readU32(p - 64)).toBe(0x4f525448);
  });

  it('with 4-byte pointers (an RV32 guest) links are 4 bytes and results are unchanged', () => {
    const a = make();
    const b = make({}, { addressing: { baseAddress: 0x1000_0000, pointerBytes: 4 } });
    expect(run(b, 6)).toEqual(run(a, 6));
    const p = ptr(b.allocate(0, 8));
    const q = ptr(b.allocate(0, 8));
    b.deallocate(0, p);
    b.deallocate(0, q);
    expect(b.state.memory.rawLink(q - 64)).toBe(0x1000_0000 + p - 64);
  });

  it('mixed_size_churn carves exactly one span each for B64, B256, B4K, B16K, B128K and never uses central', () => {
    const a = make({ arenaSize: 1 << 30 });
    expect(mixedSizeChurn(a, 1000)).toBe(16_000);
    const s = allocatorStats(a);
    expect((1 << 30) - s.arenaRemaining).toBe(242_112);
    expect(s.smallCentral.every((c) => c.blocks === 0)).toBe(true);
  });
});

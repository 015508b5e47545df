import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAllocTrace } from '../../scripts/allocTrace';
import { runAllocTrace } from '../../scripts/allocTraceRunner';
import { asUserPtr, type Allocator } from '../orthotope/allocator';
import { MAP_KIND } from './arenaLayout';
import { allocatorMetrics } from './allocatorMetrics';
import { allocatorView, type AllocatorView } from './allocatorView';
import { LARGE_CLASS, NUM_CLASSES } from '../orthotope/sizeClasses';

/** The allocator after the first `n` directives of an example trace (all of them by default). */
function runExample(file: string, n = Infinity): { allocator: Allocator; log: string } {
  const trace = parseAllocTrace(readFileSync(`public/examples/${file}`, 'utf8'));
  const prefix = { ...trace, directives: trace.directives.slice(0, n), error: null };
  let log = '';
  const run = runAllocTrace(prefix, (text) => (log += text));
  if (run.allocator === null) throw new Error(`${file}: no allocator`);
  return { allocator: run.allocator, log };
}

/** The last `final` block of the runner's log as `key -> value` per line prefix, e.g. stats.central class=B64. */
function finalBlock(log: string): string[] {
  const lines = log.split('\n');
  return lines.slice(lines.lastIndexOf('final begin') + 1, lines.lastIndexOf('final end'));
}

function expectEveryBlockAccountedFor(view: AllocatorView): void {
  for (const c of view.classes) {
    expect(c.live + c.cachedReclaimed + c.cachedShared + c.central + c.fresh, c.name).toBe(c.carvedBlocks);
  }
  const covered = view.arena.spans.reduce((a, s) => a + s.bytes, 0);
  if (view.arena.spansOmitted === 0) expect(covered).toBe(view.arena.cursor);
}

describe('allocatorView on mixed_size_churn.alloc', () => {
  it('after the first 8 allocations: live blocks and internal fragmentation per class', () => {
    const { allocator } = runExample('mixed_size_churn.alloc', 8);
    const view = allocatorView(allocator);
    expectEveryBlockAccountedFor(view);
    const byName = Object.fromEntries(view.classes.map((c) => [c.name, c]));
    // 32 and 64 share B64; 65 and 128 share B256; 512 and 4096 B4K; 16384 B16K; 70000 B128K.
    expect(byName.B64).toMatchObject({ live: 2, requestedBytes: 96, usableBytes: 128, internalBytes: 32 });
    expect(byName.B256).toMatchObject({ live: 2, requestedBytes: 193, internalBytes: 512 - 193 });
    expect(byName.B4K).toMatchObject({ live: 2, internalBytes: 8192 - 4608 });
    expect(byName.B16K).toMatchObject({ live: 1, internalBytes: 0 });
    expect(byName.B128K).toMatchObject({ live: 1, internalBytes: 131_072 - 70_000, fresh: 0 });
    expect(byName.B64.fresh).toBe(byName.B64.refillCount - 2);
    expect(view.totals.internalBytes).toBe(32 + 319 + 3584 + 61_072);
    // One span per class touched, all carved by thread 0, in ascending address order.
    expect(view.arena.spans.map((s) => [s.kind, s.cls, s.thread])).toEqual([
      ['slab', 0, 0],
      ['slab', 1, 0],
      ['slab', 2, 0],
      ['slab', 5, 0],
      ['slab', 8, 0],
    ]);
    expect(view.threads).toHaveLength(1);
    expect(view.threads[0].perClass.fresh[0]).toBe(byName.B64.fresh);
    expect(view.lastError).toBeNull();
  });

  it('at the end: everything freed back into the slabs, 242,112 bytes carved, numbers equal to the CLI stats', () => {
    const { allocator, log } = runExample('mixed_size_churn.alloc');
    const view = allocatorView(allocator);
    expectEveryBlockAccountedFor(view);
    expect(view.arena.carvedBytes).toBe(242_112);
    expect(view.classes.every((c) => c.live === 0 && c.internalBytes === 0)).toBe(true);
    expect(view.classes[8]).toMatchObject({ cachedReclaimed: 1, fresh: 0, carvedBlocks: 1 });
    expect(view.totals.refills + view.totals.drains).toBe(0);
    const block = finalBlock(log);
    expect(block).toContain(`stats.arena capacity=${view.arena.capacity} remaining=${view.arena.remaining}`);
    for (const t of view.threads) {
      expect(block).toContain(`stats.cache t=${t.thread} bound=${t.bound}`);
      expect(block).toContain(`stats.cache_total t=${t.thread} blocks=${t.blocks} bytes=${t.bytes}`);
    }
    for (const c of view.orthotope.caches[0].local) {
      expect(block).toContain(`stats.cache t=0 class=${c.name} blocks=${c.blocks} bytes=${c.bytes}`);
    }
    expect(allocatorMetrics(allocator)).toEqual({ liveBytes: 0, carvedBytes: 242_112, internalFragBytes: 0 });
  });

  it('is structured-clone safe and caps the span list while the map still covers the carved arena', () => {
    const { allocator } = runExample('mixed_size_churn.alloc', 8);
    const view = allocatorView(allocator, { maxSpans: 2, mapBuckets: 64, slabs: true });
    expect(structuredClone(view)).toEqual(view);
    expect(view.arena.spans).toHaveLength(2);
    expect(view.arena.spansOmitted).toBe(3);
    expect(view.arena.spanCount).toBe(5);
    const m = view.arena.map;
    expect([m.start, m.end, m.buckets]).toEqual([0, view.arena.cursor, 64]);
    expect(m.kind.every((k) => k === MAP_KIND.SLAB)).toBe(true);
    // The B128K slab (131,136 of 242,112 bytes) dominates the last buckets.
    expect(m.cls[63]).toBe(8);
    expect(m.fill.reduce((a, b) => a + b, 0)).toBeCloseTo(64, 3);
    expect(view.slabs?.map((s) => [s.cls, s.live])).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
      [5, 1],
      [8, 1],
    ]);
  });
});

describe('allocatorView on other example traces', () => {
  it('long_lived_handoff: shared lists, central blocks, drains and refills across two threads', () => {
    const { allocator, log } = runExample('long_lived_handoff.alloc');
    const view = allocatorView(allocator);
    expectEveryBlockAccountedFor(view);
    const b256 = view.classes[1];
    expect(b256.cachedShared).toBeGreaterThan(0);
    expect(b256.drains).toBeGreaterThan(0);
    expect(b256.refills).toBeGreaterThan(0);
    expect(view.totals.drains).toBe(b256.drains);
    expect(view.threads.map((t) => t.thread)).toEqual([0, 1]);
    expect(view.threads[0].perClass.shared[1] + view.threads[1].perClass.shared[1]).toBe(b256.cachedShared);
    expect(finalBlock(log)).toContain(
      `stats.central class=B256 blocks=${b256.central} bytes=${b256.central * b256.blockSize}`,
    );
  });

  it('large_path: the loop block lives in the pool, is reused, then best fit picks among two sizes', () => {
    const loop = allocatorView(runExample('large_path.alloc', 100).allocator); // 50 alloc/free rounds
    expect(loop.arena.spans).toEqual([
      {
        start: 0,
        bytes: 20_971_584,
        kind: 'large-free',
        cls: LARGE_CLASS,
        thread: -1,
        blocks: 1,
        blockSize: 20_971_584,
        requested: 0,
      },
    ]);
    expect(loop.large).toMatchObject({
      poolBlocks: 1,
      poolBytes: 20_971_584,
      carvedBlocks: 1,
      liveBlocks: 0,
    });
    expect(loop.large.reusedBlocks).toBe(loop.large.allocs - 1);
    expect(loop.arena.map.kind.every((k) => k === MAP_KIND.LARGE_FREE)).toBe(true);
    const live = allocatorView(runExample('large_path.alloc', 1).allocator);
    expect(live.arena.spans[0]).toMatchObject({ kind: 'large-live', requested: 20_971_520 });
    expect(live.large.slackBytes).toBe(0);

    // After `alloc c` and `alloc d`: both pool blocks live again; d holds the 20 MiB block for 16 MiB + 1.
    const { allocator } = runExample('large_path.alloc', 107);
    const both = allocatorView(allocator);
    expect(both.arena.spans.map((x) => [x.kind, x.bytes, x.requested])).toEqual([
      ['large-live', 20_971_584, 16_777_217],
      ['large-live', 18_874_432, 17_825_700],
    ]);
    expect(both.large.slackBytes).toBe(20_971_584 - 64 - 16_777_217 + (18_874_432 - 64 - 17_825_700));
    expect(both.large.wasteBytes).toBe(both.large.slackBytes);

    // The end: both freed (pool of two sizes), d freed twice, then OutOfMemory with the exact remaining.
    const end = allocatorView(runExample('large_path.alloc').allocator);
    expect(end.large.pool).toEqual([
      { blockSize: 18_874_432, blocks: 1 },
      { blockSize: 20_971_584, blocks: 1 },
    ]);
    expect(end.lastError).toMatchObject({
      kind: 'OutOfMemory',
      ptr: null,
      cls: LARGE_CLASS,
      className: 'large',
    });
    expect(end.lastError?.log).toBe(`OutOfMemory requested=33554432 remaining=${end.arena.remaining}`);
    expect(end.errorsByKind).toEqual({ AlreadyFreedOrUnknownLarge: 1, OutOfMemory: 1 });
  });

  it('errors_and_double_free: the double free is a CorruptHeader whose cause is the free-list link', () => {
    // Directives: alloc a, alloc b, free a, free a (the double free).
    const { allocator } = runExample('errors_and_double_free.alloc', 4);
    const view = allocatorView(allocator);
    expect(view.lastError).toMatchObject({
      kind: 'CorruptHeader',
      reason: 'magic',
      looksLikeFreeListLink: true,
      log: 'CorruptHeader',
      op: 3,
      thread: 0,
      ptr: 64,
      cls: 0,
      className: 'B64',
      source: 'events',
    });
    expect(view.lastError?.message).toContain('free-list link');
    expect(view.lastError?.cause).toContain('over the header magic');
    expect(view.errorsByKind).toEqual({ CorruptHeader: 1 });
    expect(view.totals.errors).toBe(1);
  });

  it('errors_and_double_free: the decoded error equals the one built from the caller’s value', () => {
    const { allocator } = runExample('errors_and_double_free.alloc', 3);
    const value = allocator.deallocate(0, asUserPtr(64)); // a's block, freed by directive 3
    expect(value?.kind).toBe('CorruptHeader');
    const fromValue = allocatorView(allocator, { lastError: value }).lastError;
    const fromEvents = allocatorView(allocator).lastError;
    expect(fromValue).toEqual({ ...fromEvents, source: 'value' });
    expect(allocatorView(allocator, { lastError: null }).lastError).toBeNull();
    expect(allocatorView(allocator, { events: null }).lastError).toBeNull();
  });

  it('errors_and_double_free: every later error decodes with its own cause', () => {
    const kinds: string[] = [];
    const trace = parseAllocTrace(readFileSync('public/examples/errors_and_double_free.alloc', 'utf8'));
    for (let n = 1; n <= trace.directives.length; n++) {
      const e = allocatorView(runExample('errors_and_double_free.alloc', n).allocator).lastError;
      if (e !== null && kinds[kinds.length - 1] !== `${e.op} ${e.log}`) kinds.push(`${e.op} ${e.log}`);
      if (e !== null) expect(e.cause.length).toBeGreaterThan(20);
    }
    expect(kinds).toEqual([
      '3 CorruptHeader',
      '4 SizeMismatch provided=99 recorded=100',
      '5 ForeignPointer',
      '6 CorruptHeader',
      '9 CorruptHeader',
      '12 AlreadyFreedOrUnknownLarge',
      '13 ZeroSize',
    ]);
  });

  it('keeps per-class arrays at NUM_CLASSES entries for every thread', () => {
    const view = allocatorView(runExample('errors_and_double_free.alloc').allocator);
    for (const t of view.threads) {
      for (const column of Object.values(t.perClass)) expect(column).toHaveLength(NUM_CLASSES);
    }
  });
});

// The arena as a list of carved spans, for the inspector's arena map. orthotope 0.1.7 keeps no such list
// (the arena is only a bump cursor), so it is rebuilt from what does remember a span: every cache's slabs
// (one carved span each), the live large registry and the large reuse pool. Whatever lies below the
// cursor and is covered by none of them is a large block lost to the u32 header limit ("leaked"): block
// sizes are multiples of the alignment, so the cursor never leaves padding between spans.
// Two outputs, so a huge arena stays small: the exact span list (capped at `maxSpans`, in address order,
// the rest counted as omitted) and a fixed-size bucketed map (per bucket the kind and class covering the
// most bytes), which the UI draws as an image when there are too many spans to draw as shapes.
// Cost: O(slabs + large blocks + buckets).
import type { Allocator } from '../orthotope/allocator';
import { LARGE_CLASS, NUM_CLASSES } from '../orthotope/sizeClasses';

export type ArenaSpanKind = 'slab' | 'large-live' | 'large-free' | 'leaked';

/** One carved span of the arena. */
export interface ArenaSpan {
  readonly start: number;
  readonly bytes: number;
  readonly kind: ArenaSpanKind;
  /** Size class 0..11 for slabs, 255 for large blocks (live, free or leaked). */
  readonly cls: number;
  /** The cache that carved a slab; -1 for large blocks (orthotope records no thread for them). */
  readonly thread: number;
  /** Blocks in the span: the slab capacity, or 1 for a large block. */
  readonly blocks: number;
  readonly blockSize: number;
  /** Live large blocks: the request the block serves (0 otherwise). */
  readonly requested: number;
}

/** Codes of `ArenaMap.kind` (one byte per bucket). */
export const MAP_KIND = { EMPTY: 0, SLAB: 1, LARGE_LIVE: 2, LARGE_FREE: 3, LEAKED: 4 } as const;
const KIND_CODE: Record<ArenaSpanKind, number> = {
  slab: MAP_KIND.SLAB,
  'large-live': MAP_KIND.LARGE_LIVE,
  'large-free': MAP_KIND.LARGE_FREE,
  leaked: MAP_KIND.LEAKED,
};

/** [start, end) of the arena cut into `buckets` equal buckets; per bucket the kind/class covering most bytes. */
export interface ArenaMap {
  readonly start: number;
  readonly end: number;
  readonly buckets: number;
  readonly bucketBytes: number;
  /** MAP_KIND code of the kind covering the most bytes of each bucket (EMPTY when nothing is carved there). */
  readonly kind: Uint8Array;
  /** The class of that kind's dominant span (0..11, or 255 for large). */
  readonly cls: Uint8Array;
  /** Carved bytes in each bucket / bucketBytes (0..1). */
  readonly fill: Float32Array;
}

export interface ArenaLayout {
  /** Total carved spans below the cursor (before the cap). */
  readonly spanCount: number;
  /** Spans overlapping [map.start, map.end), in address order, at most `maxSpans`. */
  readonly spans: readonly ArenaSpan[];
  /** Spans overlapping the range that were left out by the cap. */
  readonly spansOmitted: number;
  readonly map: ArenaMap;
}

export interface ArenaLayoutOptions {
  /** Cap on `spans` (default 256). */
  readonly maxSpans?: number;
  /** Buckets of the map (default 512). */
  readonly mapBuckets?: number;
  /** Address range shown (default [0, cursor): the carved part of the arena). */
  readonly range?: { readonly start: number; readonly end: number };
}

/** Every carved span, in address order, leaked gaps included. */
export function carvedSpans(allocator: Allocator): ArenaSpan[] {
  const s = allocator.state;
  const spans: ArenaSpan[] = [];
  for (const thread of allocator.threads()) {
    const cache = allocator.cache(thread);
    for (let cls = 0; cls < NUM_CLASSES; cls++) {
      const k = cache.classes[cls];
      for (let i = 0; i < k.slabCount; i++) {
        const blocks = k.slabCapacity[i];
        spans.push({
          start: k.slabStart[i],
          bytes: blocks * k.blockSize,
          kind: 'slab',
          cls,
          thread,
          blocks,
          blockSize: k.blockSize,
          requested: 0,
        });
      }
    }
  }
  const large = (start: number, bytes: number, kind: ArenaSpanKind, requested: number): ArenaSpan => ({
    start,
    bytes,
    kind,
    cls: LARGE_CLASS,
    thread: -1,
    blocks: 1,
    blockSize: bytes,
    requested,
  });
  for (const r of s.large.live.values())
    spans.push(large(r.blockStart, r.blockSize, 'large-live', r.requested));
  for (const [size, starts] of s.large.poolBuckets()) {
    for (const start of starts) spans.push(large(start, size, 'large-free', 0));
  }
  spans.sort((a, b) => a.start - b.start);
  // Gaps below the cursor are large blocks taken and lost (OutOfMemory on the u32 header limit).
  const out: ArenaSpan[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.start > at) out.push(large(at, span.start - at, 'leaked', 0));
    out.push(span);
    at = Math.max(at, span.start + span.bytes);
  }
  const cursor = s.arena.cursor;
  if (cursor > at) out.push(large(at, cursor - at, 'leaked', 0));
  return out;
}

/** The arena map and the capped span list over `options.range` (default: the carved part). */
export function arenaLayout(allocator: Allocator, options: ArenaLayoutOptions = {}): ArenaLayout {
  const all = carvedSpans(allocator);
  const maxSpans = Math.max(0, options.maxSpans ?? 256);
  const buckets = Math.max(1, Math.floor(options.mapBuckets ?? 512));
  const start = Math.max(0, options.range?.start ?? 0);
  const end = Math.max(start, options.range?.end ?? allocator.state.arena.cursor);
  const inRange = all.filter((x) => x.start < end && x.start + x.bytes > start);
  const map = bucketize(inRange, start, end, buckets);
  return {
    spanCount: all.length,
    spans: inRange.slice(0, maxSpans),
    spansOmitted: Math.max(0, inRange.length - maxSpans),
    map,
  };
}

function bucketize(spans: readonly ArenaSpan[], start: number, end: number, buckets: number): ArenaMap {
  const kind = new Uint8Array(buckets);
  const cls = new Uint8Array(buckets);
  const fill = new Float32Array(buckets);
  const best = new Float64Array(buckets);
  const bucketBytes = (end - start) / buckets;
  if (bucketBytes > 0) {
    for (const span of spans) {
      const a = Math.max(start, span.start);
      const b = Math.min(end, span.start + span.bytes);
      const first = Math.min(buckets - 1, Math.floor((a - start) / bucketBytes));
      const last = Math.min(buckets - 1, Math.ceil((b - start) / bucketBytes) - 1);
      for (let i = first; i <= last; i++) {
        const lo = start + i * bucketBytes;
        const overlap = Math.min(b, lo + bucketBytes) - Math.max(a, lo);
        if (overlap <= 0) continue;
        fill[i] += overlap / bucketBytes;
        if (overlap > best[i]) {
          best[i] = overlap;
          kind[i] = KIND_CODE[span.kind];
          cls[i] = span.cls;
        }
      }
    }
  }
  return { start, end, buckets, bucketBytes, kind, cls, fill };
}

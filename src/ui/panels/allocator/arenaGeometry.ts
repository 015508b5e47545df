// Pure geometry of the arena map: where a span is drawn, which block lies under a pointer, and the user
// pointer of that block (what `alloc … ok off=` prints: block start + 64). Unit-tested without a DOM.
import type { ArenaSpan } from '../../../engine/alloc/views/arenaLayout';

const HEADER = 64;

export interface ByteScale {
  readonly start: number;
  readonly end: number;
  readonly width: number;
}

export function xOfOffset(s: ByteScale, offset: number): number {
  return s.end === s.start ? 0 : ((offset - s.start) / (s.end - s.start)) * s.width;
}

/** The span's pixel extent, clipped to the map and at least one pixel wide. */
export function spanPixels(s: ByteScale, span: ArenaSpan): { x: number; width: number } {
  const x0 = Math.max(0, xOfOffset(s, span.start));
  const x1 = Math.min(s.width, xOfOffset(s, span.start + span.bytes));
  return { x: x0, width: Math.max(1, x1 - x0) };
}

/** The user pointer of the block of `span` under pixel `x` (large blocks: their only block). */
export function blockPointerAt(s: ByteScale, span: ArenaSpan, x: number): number {
  if (span.blocks <= 1) return span.start + HEADER;
  const offset = s.start + (x / s.width) * (s.end - s.start);
  const index = Math.min(span.blocks - 1, Math.max(0, Math.floor((offset - span.start) / span.blockSize)));
  return span.start + index * span.blockSize + HEADER;
}

/** The span holding arena offset `offset`, or undefined (spans in address order). */
export function spanAt(spans: readonly ArenaSpan[], offset: number): ArenaSpan | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const span = spans[lo - 1];
  return span !== undefined && offset < span.start + span.bytes ? span : undefined;
}

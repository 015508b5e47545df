// The overview of a whole address space as an image (DESIGN: overview as a bitmap): one pixel column per
// bucket of the MemoryOverview, hue by the largest block size in it, opacity by heat (its newest access
// time over the space's newest), untouched buckets transparent so the lane's background shows. Also the
// mapping between the strip's x and cells, for clicks and markers.
import type { MemoryOverview } from '../../../engine/views/memoryOverview';
import { blockRgb, sizeOfCode } from './blockPalette';

/** Least opacity of a touched bucket: the oldest touched bucket still reads as touched. */
const MIN_ALPHA = 0.28;

/**
 * Zoomed in past one unit per bucket, the overview counts a unit only in the bucket of its first cell; the
 * other buckets of that unit inherit it here, so a 4-cell unit draws 4 cells wide.
 */
export function spreadUnits(
  o: MemoryOverview,
  align: number,
): { code: Uint8Array; newest: Uint32Array; touched: Uint8Array } {
  const code = o.maxSizeCode.slice();
  const newest = o.newestTimestamp.slice();
  const touched = Uint8Array.from(o.touchedUnits, (t) => (t > 0 ? 1 : 0));
  if (o.cellsPerBucket >= align) return { code, newest, touched };
  for (let b = 0; b < o.buckets; b++) {
    if (touched[b]) continue;
    const cell = o.start + b * o.cellsPerBucket;
    const unitStart = Math.floor(cell / align) * align;
    const b0 = Math.floor((unitStart - o.start) / o.cellsPerBucket);
    if (b0 >= 0 && b0 < b && o.touchedUnits[b0] > 0) {
      touched[b] = 1;
      code[b] = o.maxSizeCode[b0];
      newest[b] = o.newestTimestamp[b0];
    }
  }
  return { code, newest, touched };
}

/** Heat of a timestamp in [0, 1]: 1 for the space's newest access. */
export function heat(ts: number, newest: number): number {
  return newest <= 0 ? 0 : Math.max(0, Math.min(1, ts / newest));
}

/** RGBA pixels, `buckets` x 1. */
export function overviewPixels(o: MemoryOverview, align: number): Uint8ClampedArray<ArrayBuffer> {
  const px = new Uint8ClampedArray(new ArrayBuffer(o.buckets * 4));
  const s = spreadUnits(o, align);
  for (let b = 0; b < o.buckets; b++) {
    if (!s.touched[b]) continue;
    // A touched unit whose block start lies in another bucket has code 0 here: draw it at the smallest size.
    const [r, g, bl] = blockRgb(Math.max(align, sizeOfCode(s.code[b])));
    px[4 * b] = r;
    px[4 * b + 1] = g;
    px[4 * b + 2] = bl;
    px[4 * b + 3] = Math.round(255 * (MIN_ALPHA + (1 - MIN_ALPHA) * heat(s.newest[b], o.newest)));
  }
  return px;
}

/** The cell under fraction `f` (0..1) of the strip's width. */
export function cellAtFraction(o: MemoryOverview, f: number): number {
  const cell = Math.floor(o.start + Math.max(0, Math.min(1, f)) * (o.end - o.start));
  return Math.min(o.end - 1, cell);
}

/** Where `cell` sits on the strip, as a fraction of its width (may fall outside 0..1). */
export function fractionOfCell(o: MemoryOverview, cell: number): number {
  return o.end > o.start ? (cell - o.start) / (o.end - o.start) : 0;
}

/** The bucket under fraction `f`, described for the strip's tooltip. */
export function bucketSummary(
  o: MemoryOverview,
  align: number,
  f: number,
  fmtAddr: (a: number) => string,
): string {
  const b = Math.max(0, Math.min(o.buckets - 1, Math.floor(f * o.buckets)));
  const s = spreadUnits(o, align);
  const from = Math.floor(o.start + b * o.cellsPerBucket);
  const to = Math.max(from + 1, Math.floor(o.start + (b + 1) * o.cellsPerBucket));
  const range = `cells ${fmtAddr(from)}–${fmtAddr(to - 1)}`;
  if (!s.touched[b]) return `${range}: untouched (click to show here)`;
  const size = sizeOfCode(s.code[b]);
  const units = o.touchedUnits[b];
  return `${range}: ${units > 0 ? `${units} touched unit${units === 1 ? '' : 's'}` : 'touched'}, largest block ${size > 0 ? size : align} cells, last access t ${s.newest[b]} (click to show here)`;
}

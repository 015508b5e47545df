// The one place a profile's samples are interned by (context, instruction): profiles/lineSamples.ts (a
// range of the full log) and wholeRunFold.ts (the folded whole run) both build pprof samples this way, so
// the two agree on what one sample is. Cost: one Map lookup per call.

/** Samples as parallel arrays: context, instruction index, and one value column per measure. */
export interface SampleColumns {
  ctx: number[];
  idx: number[];
  values: number[][];
}

/**
 * A function giving the index of the sample (ctx, idx) in `out`, appending it with zero values the first
 * time; `onNew` lets the caller grow columns of its own alongside.
 */
export function sampleIndex(
  out: SampleColumns,
  codeLen: number,
  onNew?: () => void,
): (ctx: number, idx: number) => number {
  const index = new Map<number, number>();
  return (ctx, idx) => {
    const key = ctx * codeLen + idx;
    let i = index.get(key);
    if (i === undefined) {
      i = out.ctx.length;
      index.set(key, i);
      out.ctx.push(ctx);
      out.idx.push(idx);
      for (const v of out.values) v.push(0);
      onNew?.();
    }
    return i;
  };
}

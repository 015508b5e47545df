// OpenVM v1.7.0 SegmentationLimits and SegmentationCtx::should_segment
// (crates/vm/src/arch/execution_mode/metered/segment_ctx.rs:6-11 defaults, :178-247 should_segment).
//   max_trace_height  1 << 22 (DEFAULT_MAX_TRACE_HEIGHT_BITS); SystemConfig::with_max_segment_len(n) sets it
//                     to n, power of two or not (config.rs:329; only a debug_assert checks it), as the
//                     benchmark harness's --max_segment_length does (benchmarks/prove/src/util.rs:92)
//   max_cells         1_200_000_000
//   max_interactions  BabyBear::ORDER_U32 = 2^31 - 2^27 + 1
//   segment_check_insns 1000 (DEFAULT_SEGMENT_CHECK_INSNS); MeteredCtx::with_max_trace_height lowers it to
//                     max/2 when that is smaller (ctx.rs:86-93)
// Pure functions over a heights array; `widths` are total widths (prep + main + perm).

export interface SegmentationLimits {
  maxTraceHeight: number;
  maxCells: number;
  maxInteractions: number;
}

export const DEFAULT_SEGMENT_CHECK_INSNS = 1000;
export const DEFAULT_MAX_TRACE_HEIGHT = 1 << 22;
export const DEFAULT_MAX_CELLS = 1_200_000_000;
export const BABYBEAR_ORDER = 2 ** 31 - 2 ** 27 + 1;
export const DEFAULT_MAX_INTERACTIONS = BABYBEAR_ORDER;

export function defaultLimits(): SegmentationLimits {
  return {
    maxTraceHeight: DEFAULT_MAX_TRACE_HEIGHT,
    maxCells: DEFAULT_MAX_CELLS,
    maxInteractions: DEFAULT_MAX_INTERACTIONS,
  };
}

/** Rust's u32::next_power_of_two (0 -> 1). */
export function nextPowerOfTwo(n: number): number {
  if (n <= 1) return 1;
  if (n <= 0x40000000) return 1 << (32 - Math.clz32(n - 1));
  let h = 0x80000000;
  while (h < n) h *= 2;
  return h;
}

/** next_power_of_two_or_zero (circuit-primitives utils): the padded height of most chip traces. */
export function nextPowerOfTwoOrZero(n: number): number {
  return n === 0 ? 0 : nextPowerOfTwo(n);
}

export interface SegmentShape {
  readonly widths: ArrayLike<number>;
  readonly interactions: ArrayLike<number>;
  readonly isConstant: ArrayLike<boolean>;
}

/** Why should_segment said yes (null: it said no). */
export type SegmentReason =
  | { kind: 'height'; air: number; padded: number }
  | { kind: 'cells'; cells: number }
  | { kind: 'interactions'; interactions: number };

/**
 * SegmentationCtx::should_segment: at least one instruction since the segment start, then (in this order)
 * a non-constant AIR whose padded height exceeds max_trace_height, total padded cells above max_cells,
 * total interactions (height + 1) * interactions above max_interactions.
 */
export function shouldSegment(
  numInsns: number,
  heights: ArrayLike<number>,
  shape: SegmentShape,
  limits: SegmentationLimits,
): SegmentReason | null {
  if (numInsns === 0) return null;
  let cells = 0;
  for (let i = 0; i < heights.length; i++) {
    const padded = nextPowerOfTwo(heights[i]);
    if (!shape.isConstant[i] && padded > limits.maxTraceHeight) return { kind: 'height', air: i, padded };
    cells += padded * shape.widths[i];
  }
  if (cells > limits.maxCells) return { kind: 'cells', cells };
  let interactions = 0;
  for (let i = 0; i < heights.length; i++) interactions += (heights[i] + 1) * shape.interactions[i];
  if (interactions > limits.maxInteractions) return { kind: 'interactions', interactions };
  return null;
}

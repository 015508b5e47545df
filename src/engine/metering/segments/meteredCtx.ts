// OpenVM v1.7.0 MeteredCtx + SegmentationCtx (crates/vm/src/arch/execution_mode/metered/ctx.rs,
// segment_ctx.rs): per-AIR height estimates as execution goes and the cut into segments.
//   - constant AIRs (preprocessed traces, and ProgramAir = number of program instructions, vm.rs:964) start
//     at their height and are never reset;
//   - every segment_check_insns instructions (check_and_segment, ctx.rs:138-200): lazy memory update, then
//     should_segment; a cut ends the segment at the previous checkpoint (create_segment_from_checkpoint,
//     segment_ctx.rs:265-293: the checkpoint's instret and heights, or the current ones when the segment has
//     no checkpoint yet), subtracts its heights from the running ones (initialize_segment) and re-seeds the
//     memory AIRs with the pages touched since the checkpoint; then the checkpoint moves here;
//   - TERMINATE: lazy update and the final segment with every instruction since the last cut
//     (create_final_segment, segment_ctx.rs:339-349).
// The driver calls addRows for the instructions of each window before `check`, which is equivalent to
// OpenVM's per-instruction on_height_change because nothing reads the heights between checks.

import type { AirInventory } from '../airs/airs';
import { type SegmentationLimits, type SegmentReason, type SegmentShape, shouldSegment } from './limits';
import { MeteredMemory } from './meteredMemory';

/** OpenVM's `Segment` (segment_ctx.rs:13-18). */
export interface MeteredSegment {
  instretStart: number;
  numInsns: number;
  /** The metered (estimated) heights of the segment. */
  traceHeights: Float64Array;
  /** Why it was cut (null for the final segment). */
  reason: SegmentReason | null;
}

export class MeteredCtx {
  readonly heights: Float64Array;
  readonly shape: SegmentShape;
  readonly memory: MeteredMemory;
  readonly segments: MeteredSegment[] = [];
  instret = 0;
  private readonly checkpointHeights: Float64Array;
  private checkpointInstret = 0;
  private readonly scratch: Float64Array;

  constructor(
    readonly inventory: AirInventory,
    readonly limits: SegmentationLimits,
    readonly segmentCheckInsns: number,
    programLength: number,
  ) {
    const n = inventory.length;
    this.heights = new Float64Array(n);
    const isConstant: boolean[] = [];
    for (const air of inventory.airs) {
      const constant = air.kind === 'program' ? programLength : air.constantHeight;
      isConstant.push(constant !== undefined);
      this.heights[air.id] = constant ?? 0;
    }
    this.shape = {
      widths: inventory.airs.map((a) => a.totalWidth),
      interactions: inventory.airs.map((a) => a.interactions),
      isConstant,
    };
    this.checkpointHeights = new Float64Array(n);
    this.scratch = new Float64Array(n);
    this.memory = new MeteredMemory(inventory);
    // Volatile memory has no Merkle AIRs (and its run is never metered for cuts: meteredRun.ts).
    if (inventory.continuations) {
      this.memory.addRegisterMerkleHeights();
      this.memory.lazyUpdate(this.heights);
    }
  }

  /** on_memory_operation (ctx.rs:213-233): adapter estimate by size, pages for every space but registers. */
  onMemoryOperation(as: number, ptr: number, size: number): void {
    const sizeBits = 31 - Math.clz32(size);
    if (sizeBits > 2 || as > 3) this.memory.updateAdapterHeights(this.heights, as, sizeBits, 1);
    if (as !== 1) this.memory.updateBoundaryMerkle(as, ptr, size);
  }

  addRows(air: number, rows: number): void {
    this.heights[air] += rows;
  }

  private get segmentStart(): number {
    const last = this.segments[this.segments.length - 1];
    return last === undefined ? 0 : last.instretStart + last.numInsns;
  }

  /** check_and_segment after segment_check_insns more instructions: the new segment, if a cut was made. */
  check(): MeteredSegment | null {
    this.instret += this.segmentCheckInsns;
    this.memory.lazyUpdate(this.heights);
    const start = this.segmentStart;
    const reason = shouldSegment(this.instret - start, this.heights, this.shape, this.limits);
    let cut: MeteredSegment | null = null;
    if (reason !== null) {
      const useCheckpoint = this.checkpointInstret > start;
      const end = useCheckpoint ? this.checkpointInstret : this.instret;
      const traceHeights = useCheckpoint ? this.checkpointHeights.slice() : this.heights.slice();
      cut = { instretStart: start, numInsns: end - start, traceHeights, reason };
      this.segments.push(cut);
      // initialize_segment: subtract the segment's heights from the non-constant AIRs.
      for (let i = 0; i < this.heights.length; i++)
        if (!this.shape.isConstant[i]) this.heights[i] -= traceHeights[i];
      this.memory.initializeSegment(this.heights);
    }
    this.checkpointHeights.set(this.heights);
    this.checkpointInstret = this.instret;
    this.memory.updateCheckpoint();
    return cut;
  }

  /** on_terminate after `executed` instructions of the current window (TERMINATE included). */
  terminate(executed: number): MeteredSegment {
    this.memory.lazyUpdate(this.heights);
    this.instret += executed;
    const start = this.segmentStart;
    const last: MeteredSegment = {
      instretStart: start,
      numInsns: this.instret - start,
      traceHeights: this.heights.slice(),
      reason: null,
    };
    this.segments.push(last);
    return last;
  }

  /** The cut a check would make right now with every non-constant height raised by `slack` (no state change). */
  wouldSegmentWith(slack: ArrayLike<number>): boolean {
    const h = this.scratch;
    h.set(this.heights);
    for (let i = 0; i < h.length; i++) if (!this.shape.isConstant[i]) h[i] += slack[i];
    return shouldSegment(1, h, this.shape, this.limits) !== null;
  }
}

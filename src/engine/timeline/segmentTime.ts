// The session's segment views over a recorded guest run (segmentCursor.ts has the axes): the segment table,
// (segment, timestamp) of a position, and what a segment's TracingMemory::finalize(true) makes at its end
// (OpenVM v1.7.0 online.rs finalize, run by the preflight after a segment's last instruction: the adapter
// records of cutting touched memory into 8-cell chunks, and the boundary rows, 2 per touched chunk,
// persistent.rs:254-268).
// finalize changes the memory it runs on, so it runs on the state at the segment's end and the timeline then
// restores that state (pages are copy-on-write: the recorded state is untouched).

import { EngineError } from '../errors';
import { paddedAdapterHeight } from '../memory/adapterCost';
import type { GuestMachine } from './machines/guestMachine';
import type { MachineState } from './machines/machine';
import type { SegmentCursor } from './machines/segmentCursor';
import type { Timeline } from './recording/timeline';
import type { SegmentView, SegmentationInfo } from './sessionTypes';

export interface SegmentFinalizeView {
  segment: number;
  /** The step of the segment's last state (after its last instruction) and its own timestamp there. */
  step: number;
  endTimestamp: number;
  /** AccessAdapterAir<N> rows, N = 2..32: the segment's records and finalize's; padded heights. */
  adapterRows: number[];
  adapterPadded: number[];
  /** Of adapterRows, those finalize added. */
  finalizeAdapterRows: number[];
  touchedChunks: number;
  /** PersistentBoundaryAir rows: 2 per touched chunk. */
  boundaryRows: number;
  /** The touched chunks (address space, first cell), in finalize's order. */
  touchedSpace: Uint8Array;
  touchedPointer: Uint32Array;
  /** MemoryMerkleAir<8> rows (filled in by the session, which knows the tree's shape; null here). */
  merkleRows: number | null;
}

export function segmentViews(
  c: SegmentCursor | null,
  end: { step: number; timestamp: number } | null,
): SegmentView[] {
  if (c === null)
    return [
      {
        index: 0,
        startStep: 0,
        numInsns: end === null ? 0 : end.step,
        startTimestamp: 1,
        endTimestamp: end === null ? null : end.timestamp,
      },
    ];
  return Array.from(c.bounds, (b, index) => {
    const base = c.bases[index];
    let endTimestamp: number | null = Number.isNaN(c.ends[index]) ? null : c.ends[index];
    // A pass that gives only the cuts (planCuts) never hands the last segment over: when the recording ended
    // where the plan says that segment ends, its end is the run's (global -> local).
    if (
      endTimestamp === null &&
      end !== null &&
      base !== Infinity &&
      end.step === b.instretStart + b.numInsns
    )
      endTimestamp = end.timestamp - base + 1;
    return {
      index,
      startStep: b.instretStart,
      numInsns: b.numInsns,
      startTimestamp: base === Infinity ? null : base,
      endTimestamp,
    };
  });
}

export function segmentationInfo(
  opened: { segmentation: Omit<SegmentationInfo, 'segments'> },
  c: SegmentCursor | null,
  end: { step: number; timestamp: number } | null,
): SegmentationInfo {
  return { ...opened.segmentation, segments: segmentViews(c, end) };
}

/** The step of segment s's last state: where the next one starts, or the run's end. */
export function segmentEndStep(c: SegmentCursor | null, s: number, runEnd: number | null): number {
  if (c !== null && s + 1 < c.count) return c.starts[s + 1];
  if (runEnd === null)
    throw new EngineError('request', `segment ${s} has not ended yet: record the run to its end`);
  return runEnd;
}

/** finalize(true) at segment s's end, on a copy of that state; the position is restored. */
export function segmentFinalize<S extends MachineState>(
  tl: Timeline<S>,
  machine: GuestMachine,
  s: number,
): SegmentFinalizeView {
  const c = machine.segments;
  const count = c === null ? 1 : c.count;
  if (!Number.isSafeInteger(s) || s < 0 || s >= count)
    throw new EngineError('request', `no segment ${s}: the run has ${count} (0..${count - 1})`);
  if (machine.mode !== 'persistent')
    throw new EngineError(
      'request',
      'finalize per segment is a persistent-mode view (volatile: one segment)',
    );
  const saved = tl.savePosition();
  try {
    const step = segmentEndStep(c, s, tl.end === null || tl.end.status !== 'done' ? null : tl.end.step);
    tl.seekStep(step);
    const memory = machine.memory;
    const before = Array.from(memory.records.rows);
    const endTimestamp = memory.timestamp;
    const touched = memory.finalize(true);
    const adapterRows = Array.from(memory.records.rows);
    return {
      segment: s,
      step,
      endTimestamp,
      adapterRows,
      adapterPadded: adapterRows.map(paddedAdapterHeight),
      finalizeAdapterRows: adapterRows.map((r, k) => r - before[k]),
      touchedChunks: touched.pointer.length,
      boundaryRows: 2 * touched.pointer.length,
      touchedSpace: Uint8Array.from(touched.addressSpace),
      touchedPointer: Uint32Array.from(touched.pointer),
      merkleRows: null,
    };
  } finally {
    tl.returnTo(saved);
  }
}

// Where OpenVM v1.7.0 cuts a persistent run into segments, as the session needs it: the metered pass
// (MeteredCtx + SegmentationCtx::should_segment, crates/vm/src/arch/execution_mode/metered/) over the whole
// run, with the settings `exec --segments` takes (SDK defaults; --max-segment-length = with_max_segment_len;
// --segment-max-height-bits / --segment-max-cells = cargo openvm prove's SegmentationArgs).
// Two doors, the same cuts (meteredPass.test.ts): planSegments runs MeteredRun (meteredRun.ts, the interpreter
// with a per-segment preflight), which also gives each segment's end timestamp and exact preflight rows
// (`exec` prints them); planCuts runs the fast metered pass (meteredPass.ts: compiled blocks, no tracing),
// which gives only the cuts — the session learns each end timestamp when its own preflight of the segment
// hands over (SegmentCursor.learnEnd), so a 10^9-instruction run opens in seconds, not minutes.
// Output per segment: instret_start, num_insns and (planSegments) the segment's TracingMemory timestamp after
// its last instruction, which the session checks its own hand-over against. Cost: one metered run of up to
// maxInstret instructions.

import { EngineError } from '../errors';
import type { VmConfig } from '../guest/config/vmConfig';
import type { GuestInput } from '../guest/io/input';
import type { GuestProgram } from '../guest/program/guestProgram';
import type { SegmentBound } from '../timeline/machines/segmentCursor';
import type { SegmentSettings } from '../timeline/sessionTypes';
import { MeteredRun } from './meteredRun';
import { meteredCuts } from './meteredPass';
import type { SegmentResult } from './meteringTypes';
import { DEFAULT_MAX_CELLS, DEFAULT_MAX_TRACE_HEIGHT } from './segments/limits';
import { leafIndex, MERKLE_HEIGHT } from './segments/merkleIds';

export interface SegmentPlanOptions {
  input?: GuestInput;
  vmConfig?: VmConfig;
  settings?: SegmentSettings;
  /** Meter at most this far (the session's step limit). */
  maxInstret?: number;
}

export interface SegmentMemoryRows {
  /** AccessAdapterAir<N> rows, N = 2, 4, 8, 16, 32. */
  adapter: number[];
  boundary: number;
  merkle: number;
}

export interface SegmentPlan {
  segments: SegmentBound[];
  /** The metered pass's own per-segment results (exact rows, metered estimate, reason), when it has them. */
  results: SegmentResult[] | null;
  /** Per closed segment, its preflight's memory rows (finalize included), when the pass has them. */
  memoryRows: SegmentMemoryRows[] | null;
  /** Instructions metered; the guest's exit code once it terminated within maxInstret. */
  instret: number;
  exitCode: number | null;
  /** The settings' max trace height and max cells, as used. */
  maxTraceHeight: number;
  maxCells: number;
}

/** The max_trace_height the settings give (a bad pair is a request error naming the options). */
export function settingsHeight(settings: SegmentSettings): number {
  const { maxSegmentLength: len, segmentMaxHeightBits: bits } = settings;
  if (len !== undefined && bits !== undefined)
    throw new EngineError('request', 'give max segment length or segment max height bits, not both');
  if (bits !== undefined && !(Number.isInteger(bits) && bits >= 1 && bits <= 30))
    throw new EngineError('request', `segment max height bits must be 1..30, got ${bits}`);
  if (len !== undefined && !(Number.isSafeInteger(len) && len >= 1))
    throw new EngineError('request', `max segment length must be a positive integer, got ${len}`);
  return bits !== undefined ? 2 ** bits : (len ?? DEFAULT_MAX_TRACE_HEIGHT);
}

/** The max trace height and max cells the settings give (bad values are request errors naming them). */
export function settingsLimits(settings: SegmentSettings): { maxTraceHeight: number; maxCells: number } {
  const maxTraceHeight = settingsHeight(settings);
  const maxCells = settings.segmentMaxCells ?? DEFAULT_MAX_CELLS;
  if (!(Number.isSafeInteger(maxCells) && maxCells >= 1))
    throw new EngineError('request', `segment max cells must be a positive integer, got ${maxCells}`);
  return { maxTraceHeight, maxCells };
}

export function planSegments(program: GuestProgram, options: SegmentPlanOptions = {}): SegmentPlan {
  const settings = options.settings ?? {};
  const { maxTraceHeight, maxCells } = settingsLimits(settings);
  const run = new MeteredRun(program, {
    input: options.input,
    vmConfig: options.vmConfig,
    maxSegmentLength: maxTraceHeight,
    limits: { maxCells },
    segmentCheckInsns: settings.segmentCheckInsns,
    maxInstret: options.maxInstret,
    attribution: 'totals', // nothing here reads the attribution log
  });
  const r = run.run();
  return {
    segments: boundsOf(r.segments, r.instret, r.error !== null),
    results: r.segments,
    memoryRows: r.segments.map((x) => ({
      adapter: [2, 4, 8, 16, 32].map((n) => x.rows[run.inventory.adapterId(n)]),
      boundary: x.rows[run.inventory.boundaryId],
      merkle: x.rows[run.inventory.merkleId],
    })),
    instret: r.instret,
    exitCode: r.exitCode,
    maxTraceHeight,
    maxCells,
  };
}

/** The cuts of the fast metered pass (see the top): no end timestamps, no rows. */
export function planCuts(program: GuestProgram, options: SegmentPlanOptions = {}): SegmentPlan {
  const settings = options.settings ?? {};
  const { maxTraceHeight, maxCells } = settingsLimits(settings);
  const r = meteredCuts(program, {
    input: options.input,
    vmConfig: options.vmConfig,
    maxSegmentLength: maxTraceHeight,
    limits: { maxCells },
    segmentCheckInsns: settings.segmentCheckInsns,
    maxInstructions: options.maxInstret,
  });
  const ends = r.segments.map((s) => ({ ...s, endTimestamp: NaN }));
  return {
    segments: boundsOf(ends, r.instret, r.error !== null),
    results: null,
    memoryRows: null,
    instret: r.instret,
    exitCode: r.exitCode,
    maxTraceHeight,
    maxCells,
  };
}

/** The pass's closed segments, then the one it stopped in (maxInstret or a failure): that one runs to the end. */
function boundsOf(
  closedSegments: readonly { instretStart: number; numInsns: number; endTimestamp: number }[],
  instret: number,
  failed: boolean,
): SegmentBound[] {
  const segments: SegmentBound[] = closedSegments.map((s) => ({
    instretStart: s.instretStart,
    numInsns: s.numInsns,
    endTimestamp: s.endTimestamp,
  }));
  const last = segments[segments.length - 1];
  const closed = last === undefined ? 0 : last.instretStart + last.numInsns;
  if (last === undefined || closed < instret || failed)
    segments.push({ instretStart: closed, numInsns: instret - closed, endTimestamp: NaN });
  return segments;
}

/**
 * MemoryMerkleAir<8> rows of a segment: 2 per parent on the union of the touched leaves' paths
 * (merkle/tree.rs process_layers; the same count as MerkleIds.finalizeSegment, which also tracks contents).
 */
export function merkleRowsOf(addressSpace: ArrayLike<number>, pointer: ArrayLike<number>): number {
  let level = new Set<number>();
  for (let e = 0; e < pointer.length; e++) level.add(leafIndex(addressSpace[e], pointer[e]));
  let rows = 0;
  for (let h = 1; h <= MERKLE_HEIGHT && level.size > 0; h++) {
    const up = new Set<number>();
    for (const i of level) up.add(Math.floor(i / 2));
    rows += 2 * up.size;
    level = up;
  }
  return rows;
}

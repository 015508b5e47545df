// `memscope exec` in persistent mode runs the guest segmented as OpenVM v1.7.0 does (continuations, the
// default): the metered pass cuts the run (engine/metering/segmentPlan.ts, the settings of --segments:
// --max-segment-length / --segment-max-height-bits / --segment-max-cells, else the SDK defaults) and each
// segment runs on a fresh TracingMemory over the image the previous one left
// (engine/timeline/machines/guestMachine.ts). So timestamps restart per segment and a long run never meets
// the 2^29 timestamp limit, as in OpenVM.
// The summary line is unchanged for a one-segment run; with more, the usual fields describe the last
// segment (its timestamp, records, finalize) and two more say the rest:
//   "segments":[{"index","instret_start","num_insns","end_timestamp","adapter_rows":{"2".."32"},
//                "boundary_rows","merkle_rows"}...]   (each segment's preflight, finalize included)
//   "total":{"segments","instructions","timestamp" (the run's global timestamp: Σ (end - 1) + 1),
//            "adapter_rows":{...},"boundary_rows","merkle_rows"}

import type { VmConfig } from '../engine/guest/config/vmConfig';
import type { GuestInput } from '../engine/guest/io/input';
import type { GuestProgram } from '../engine/guest/program/guestProgram';
import { planSegments, type SegmentPlan } from '../engine/metering/segmentPlan';
import { GuestMachine } from '../engine/timeline/machines/guestMachine';
import type { SegmentSettings } from '../engine/timeline/sessionTypes';
import { UsageError } from './options';

/** The segmentation options of `exec` (segmentsOutput.ts defines them). */
export interface SegmentOptionValues {
  'max-segment-length': number | undefined;
  'segment-max-height-bits': number | undefined;
  'segment-max-cells': number | undefined;
}

export function segmentSettings(opts: SegmentOptionValues): SegmentSettings {
  const bits = opts['segment-max-height-bits'];
  if (bits !== undefined && opts['max-segment-length'] !== undefined)
    throw new UsageError('give --max-segment-length or --segment-max-height-bits, not both');
  if (bits !== undefined && bits > 30)
    throw new UsageError(`bad --segment-max-height-bits \`${bits}\` (expected at most 30)`);
  const settings: SegmentSettings = {};
  if (opts['max-segment-length'] !== undefined) settings.maxSegmentLength = opts['max-segment-length'];
  if (bits !== undefined) settings.segmentMaxHeightBits = bits;
  if (opts['segment-max-cells'] !== undefined) settings.segmentMaxCells = opts['segment-max-cells'];
  return settings;
}

/** A persistent run's machine, segmented as OpenVM cuts it (one segment: as before). */
export function segmentedMachine(
  program: GuestProgram,
  input: GuestInput | undefined,
  vmConfig: VmConfig | undefined,
  settings: SegmentSettings,
  maxSteps: number,
  observeAllocator: boolean,
): { machine: GuestMachine; plan: SegmentPlan } {
  const plan = planSegments(program, { input, vmConfig, settings, maxInstret: maxSteps + 1000 });
  const machine = new GuestMachine(program, {
    mode: 'persistent',
    vmConfig,
    input,
    observeAllocator,
    segments: plan.segments,
  });
  return { machine, plan };
}

const rowsJson = (rows: readonly number[]) => {
  const out: Record<string, number> = {};
  [2, 4, 8, 16, 32].forEach((n, k) => (out[String(n)] = rows[k]));
  return out;
};

/** The summary's "segments" and "total" (only for runs of more than one segment). */
export function segmentsSummary(plan: SegmentPlan, machine: GuestMachine): Record<string, unknown> {
  const c = machine.segments;
  if (c === null || plan.memoryRows === null) return {};
  const results = plan.results ?? [];
  const segments = results.map((s, k) => {
    const m = (plan.memoryRows as NonNullable<typeof plan.memoryRows>)[k];
    return {
      index: k,
      instret_start: s.instretStart,
      num_insns: s.numInsns,
      end_timestamp: s.endTimestamp,
      adapter_rows: rowsJson(m.adapter),
      boundary_rows: m.boundary,
      merkle_rows: m.merkle,
    };
  });
  const sum = (f: (k: number) => number) => segments.reduce((t, _, k) => t + f(k), 0);
  const memRows = plan.memoryRows;
  return {
    segments,
    total: {
      segments: c.count,
      instructions: machine.step,
      timestamp: machine.timestamp,
      adapter_rows: rowsJson([0, 1, 2, 3, 4].map((i) => sum((k) => memRows[k].adapter[i]))),
      boundary_rows: sum((k) => memRows[k].boundary),
      merkle_rows: sum((k) => memRows[k].merkle),
    },
  };
}

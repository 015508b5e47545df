// What the app's "Cost by function" panel shows of a metered run (meteredRun.ts): the segments with every
// AIR's rows (segmentReport.ts, the CLI's --segments JSON) and the cost per call stack in each measure
// (costProfile.ts). Plain data, structured-clone friendly, computed in the worker from the program bytes.

import { loadGuestProgram } from '../guest/guestProgram';
import { emptyInput, parseInput } from '../guest/input';
import { COST_MEASURES, type CostEntry, type CostMeasure, costEntries } from './costProfile';
import { MeteredRun } from './meteredRun';
import { type SegmentJson, segmentsJson } from './segmentReport';

export interface MeterView {
  instret: number;
  exitCode: number | null;
  /** The guest's failure (segments up to it are still there). */
  error: string | null;
  segments: SegmentJson[];
  /**
   * Where each segment starts on a one-segment run's timeline (the app's): the timestamp advances by the
   * same amount per instruction whatever the memory holds, so segment k starts at 1 + Σ_{j<k} (end_j − 1).
   */
  segmentTimestamps: number[];
  profiles: Record<CostMeasure, CostEntry[]>;
}

export function meterView(bytes: Uint8Array, input: string | undefined, maxSegmentLength?: number): MeterView {
  const program = loadGuestProgram(bytes);
  const run = new MeteredRun(program, { input: input ? parseInput(input) : emptyInput(), maxSegmentLength });
  const result = run.run();
  const profiles = {} as Record<CostMeasure, CostEntry[]>;
  for (const m of COST_MEASURES) profiles[m] = costEntries(run, m);
  const segmentTimestamps: number[] = [];
  let t = 1;
  for (const s of result.segments) {
    segmentTimestamps.push(t);
    t += s.endTimestamp - 1;
  }
  return { instret: result.instret, exitCode: result.exitCode, error: result.error?.message ?? null, segments: segmentsJson(run).segments, segmentTimestamps, profiles };
}

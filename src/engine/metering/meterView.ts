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
  profiles: Record<CostMeasure, CostEntry[]>;
}

export function meterView(bytes: Uint8Array, input: string | undefined, maxSegmentLength?: number): MeterView {
  const program = loadGuestProgram(bytes);
  const run = new MeteredRun(program, { input: input ? parseInput(input) : emptyInput(), maxSegmentLength });
  const result = run.run();
  const profiles = {} as Record<CostMeasure, CostEntry[]>;
  for (const m of COST_MEASURES) profiles[m] = costEntries(run, m);
  return { instret: result.instret, exitCode: result.exitCode, error: result.error?.message ?? null, segments: segmentsJson(run).segments, profiles };
}

// `exec … --profile FILE [--profile-measure instructions|cells|adapter-rows]`: writes the metered run's cost
// per call stack as folded stacks (costProfile.ts; speedscope, flamegraph.pl and inferno read the format).
import { writeFileSync } from 'node:fs';
import { type CostMeasure, foldedStacks } from '../engine/metering/attribution/costProfile';
import type { MeteredRun } from '../engine/metering/meteredRun';
import type { CliIO } from './io';

/** Writes the file; false (after reporting why) when it cannot be written. */
export function writeProfile(run: MeteredRun, measure: CostMeasure, file: string, io: CliIO): boolean {
  const text = foldedStacks(run, measure);
  try {
    writeFileSync(file, text);
  } catch (e) {
    io.err(`error: cannot write ${file}: ${(e as Error).message}\n`);
    return false;
  }
  const stacks = text === '' ? 0 : text.split('\n').length - 1;
  io.err(`note: wrote ${stacks} stacks (${measure}) to ${file}\n`);
  return true;
}

// `exec … --profile FILE [--profile-format folded|pprof|speedscope] [--profile-measure M]`: writes the
// metered run's cost per call stack (engine/metering/profiles/profileExport.ts), in the format the file name
// asks for (`.pb.gz` pprof, `.speedscope.json` speedscope, else folded stacks) unless --profile-format says;
// pprof is gzipped here (node:zlib), as `go tool pprof` expects a `.pb.gz` to be.
import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { CostMeasure } from '../engine/metering/attribution/costProfile';
import { RangeProfiler } from '../engine/metering/attribution/rangeProfile';
import type { MeteredRun } from '../engine/metering/meteredRun';
import {
  exportProfile,
  type ProfileFormat,
  profileFormatOf,
} from '../engine/metering/profiles/profileExport';
import type { CliIO } from './io';

/** Writes the file; false (after reporting why) when it cannot be written. */
export function writeProfile(
  run: MeteredRun,
  programFile: string,
  opts: { measure: CostMeasure; format: ProfileFormat | undefined },
  file: string,
  io: CliIO,
): boolean {
  const format = opts.format ?? profileFormatOf(file);
  const q = new RangeProfiler(run);
  const out = exportProfile(q, 0, q.instret, format, {
    programName: basename(programFile),
    measure: opts.measure,
    exporter: 'memscope exec',
  });
  try {
    writeFileSync(file, out.gzip ? gzipSync(out.bytes) : out.bytes);
  } catch (e) {
    io.err(`error: cannot write ${file}: ${(e as Error).message}\n`);
    return false;
  }
  io.err(`note: wrote ${out.summary} to ${file}\n`);
  return true;
}

// `memscope exec PROGRAM.elf --segments [--max-segment-length N | --segment-max-height-bits B]
//  [--segment-max-cells N] [--profile FILE [--profile-measure M]]`: runs the guest metered and segmented as
// OpenVM v1.7.0 does (engine/metering) and prints one JSON object {"segments": [{instret_start, num_insns,
// airs: [{air_id, air_name, rows, padded_rows, main_cols, cells}]}]}; --profile writes folded stacks
// (profileOutput.ts) instead of or besides it.
// --max-segment-length is OpenVM's SystemConfig::with_max_segment_len (max_trace_height);
// --segment-max-height-bits / --segment-max-cells are `cargo openvm prove`'s SegmentationArgs
// (crates/cli/src/commands/prove.rs:133-151, 323-333). openvm.toml cannot set them: SystemConfig's
// segmentation_limits is #[serde(skip)] (crates/vm/src/arch/config.rs:276-281).
import { EngineError } from '../engine/errors';
import type { GuestProgram } from '../engine/guest/program/guestProgram';
import type { GuestInput } from '../engine/guest/io/input';
import type { VmConfig } from '../engine/guest/config/vmConfig';
import type { MemoryMode } from '../engine/memory/config';
import { COST_MEASURES } from '../engine/metering/attribution/costProfile';
import { MeteredRun } from '../engine/metering/meteredRun';
import { segmentsJson } from '../engine/metering/segmentReport';
import { EXIT } from './exitCodes';
import type { CliIO } from './io';
import { choice, flag, integer, text, UsageError } from './options';
import { writeProfile } from './profileOutput';

export const meteringOptions = {
  segments: flag("metered run as OpenVM cuts it: one JSON object with every segment's AIR heights"),
  'max-segment-length': integer(
    'N',
    'OpenVM with_max_segment_len: max trace height per AIR (default 4194304)',
    1,
  ),
  'segment-max-height-bits': integer(
    'B',
    'cargo openvm prove --segment-max-height-bits: max trace height 2^B',
    1,
  ),
  'segment-max-cells': integer('N', 'cargo openvm prove --segment-max-cells (default 1200000000)', 1),
  profile: text('FILE', 'write the cost per call stack as folded stacks (speedscope, flamegraph.pl)'),
  'profile-measure': choice(COST_MEASURES, 'what --profile weighs', 'instructions'),
};

export interface MeteringValues {
  mode: MemoryMode;
  segments: boolean;
  'max-segment-length': number | undefined;
  'segment-max-height-bits': number | undefined;
  'segment-max-cells': number | undefined;
  profile: string | undefined;
  'profile-measure': (typeof COST_MEASURES)[number];
}

export function meteredExec(
  program: GuestProgram,
  input: GuestInput | undefined,
  opts: MeteringValues,
  io: CliIO,
  vmConfig?: VmConfig,
): number {
  if (opts.mode !== 'persistent')
    throw new UsageError(
      '--segments/--profile need continuations (--mode persistent): OpenVM proves a volatile run as one segment',
    );
  const bits = opts['segment-max-height-bits'];
  if (bits !== undefined && opts['max-segment-length'] !== undefined)
    throw new UsageError('give --max-segment-length or --segment-max-height-bits, not both');
  if (bits !== undefined && bits > 30)
    throw new UsageError(`bad --segment-max-height-bits \`${bits}\` (expected at most 30)`);
  const maxSegmentLength = bits === undefined ? opts['max-segment-length'] : 2 ** bits;
  const maxCells = opts['segment-max-cells'];
  let run: MeteredRun;
  try {
    run = new MeteredRun(program, {
      input,
      vmConfig,
      maxSegmentLength,
      limits: maxCells === undefined ? undefined : { maxCells },
    });
  } catch (e) {
    // A configuration metering cannot build an inventory for: settings the program needs that the
    // openvm.toml lacks (OpenVM refuses such a program), or extensions whose AIR widths memscope lacks.
    if (e instanceof EngineError && e.kind === 'config') {
      io.err(`error: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    if (e instanceof EngineError && e.kind === 'request') throw new UsageError(e.message);
    throw e;
  }
  const result = run.run();
  if (opts.segments) io.out(`${JSON.stringify(segmentsJson(run))}\n`);
  if (opts.profile !== undefined && !writeProfile(run, opts['profile-measure'], opts.profile, io))
    return EXIT.usage;
  if (result.error !== null) {
    io.err(`error: ${result.error.message}\n`);
    return EXIT.runFailed;
  }
  return result.exitCode === 0 ? EXIT.ok : EXIT.guestExit;
}

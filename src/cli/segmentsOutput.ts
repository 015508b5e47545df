// `memscope exec PROGRAM.elf --segments [--max-segment-length N | --segment-max-height-bits B]
//  [--segment-max-cells N] [--format markdown] [--profile FILE [--profile-format F] [--profile-measure M]]`:
// runs the guest metered and segmented as OpenVM v1.7.0 does (engine/metering) and prints one JSON object
// {"segments": [{instret_start, num_insns, airs: [{air_id, air_name, rows, padded_rows, main_cols, cells}]}]}
// (or, --format markdown, OpenVM's report tables: segmentsMarkdown.ts); --profile writes a profile
// (profileOutput.ts: folded, pprof or speedscope) instead of or besides it. With --alloc the metered run
// is the interposed one, as the app's Cost by function meters it (orthotope: metering/servedCalls.ts); with
// --mode volatile (or continuation_enabled = false in --config) the volatile run, which OpenVM proves as ONE
// segment with VolatileBoundaryAir and no Merkle AIRs (metering/meteredRun.ts), so segment limits do nothing.
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
import { PROFILE_FORMATS, profileFormatOf } from '../engine/metering/profiles/profileExport';
import { MeteredRun } from '../engine/metering/meteredRun';
import { segmentsJson } from '../engine/metering/segmentReport';
import { EXIT } from './exitCodes';
import type { CliIO } from './io';
import { choice, flag, integer, text, UsageError } from './options';
import { writeProfile } from './profileOutput';
import { segmentsMarkdown } from './segmentsMarkdown';

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
  profile: text(
    'FILE',
    'write the cost per call stack: FILE.pb.gz pprof (go tool pprof), FILE.speedscope.json speedscope, else folded stacks',
  ),
  'profile-format': choice(PROFILE_FORMATS, 'the --profile format, whatever the file name says'),
  'profile-measure': choice(COST_MEASURES, 'what a folded --profile weighs', 'instructions'),
};

export interface MeteringValues {
  mode: MemoryMode;
  /** --alloc: the metered run is the one exec runs (orthotope's served calls: metering/servedCalls.ts). */
  alloc?: 'observe' | 'orthotope';
  segments: boolean;
  'max-segment-length': number | undefined;
  'segment-max-height-bits': number | undefined;
  'segment-max-cells': number | undefined;
  profile: string | undefined;
  'profile-format': (typeof PROFILE_FORMATS)[number] | undefined;
  'profile-measure': (typeof COST_MEASURES)[number];
  format: string;
}

export function meteredExec(
  program: GuestProgram,
  input: GuestInput | undefined,
  opts: MeteringValues,
  io: CliIO,
  vmConfig?: VmConfig,
  programFile = 'program.elf',
): number {
  if (opts.format === 'markdown' && !opts.segments)
    throw new UsageError('--format markdown needs --segments');
  if (opts.format === 'trace' && opts.segments)
    throw new UsageError('--segments prints JSON (default) or --format markdown, not a trace');
  const bits = opts['segment-max-height-bits'];
  if (bits !== undefined && opts['max-segment-length'] !== undefined)
    throw new UsageError('give --max-segment-length or --segment-max-height-bits, not both');
  if (bits !== undefined && bits > 30)
    throw new UsageError(`bad --segment-max-height-bits \`${bits}\` (expected at most 30)`);
  const maxSegmentLength = bits === undefined ? opts['max-segment-length'] : 2 ** bits;
  const maxCells = opts['segment-max-cells'];
  if (opts.mode === 'volatile' && (maxSegmentLength !== undefined || maxCells !== undefined))
    io.err(
      'note: a volatile run is one segment (OpenVM proves it without continuations): segment limits do not apply\n',
    );
  let run: MeteredRun;
  try {
    run = new MeteredRun(program, {
      input,
      vmConfig,
      maxSegmentLength,
      limits: maxCells === undefined ? undefined : { maxCells },
      allocator: opts.alloc ?? 'none',
      mode: opts.mode,
      // Only a profile reads the attribution log; only speedscope's evented profiles need all of it (their
      // size grows with the run's calls and returns); pprof and folded fold it as the run goes.
      attribution:
        opts.profile === undefined
          ? 'totals'
          : (opts['profile-format'] ?? profileFormatOf(opts.profile)) === 'speedscope'
            ? 'log'
            : 'whole-run',
    });
  } catch (e) {
    // A configuration metering cannot build an inventory for: settings the program needs that the
    // openvm.toml lacks (OpenVM refuses such a program), or extensions whose AIR widths memscope lacks.
    if (e instanceof EngineError && e.kind === 'config') {
      io.err(`error: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    // --alloc orthotope on a guest with no room for the arena (as exec without --segments says it).
    if (e instanceof EngineError && e.kind === 'allocator') {
      io.err(`error: ${programFile}: --alloc ${opts.alloc}: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    if (e instanceof EngineError && e.kind === 'request') throw new UsageError(e.message);
    throw e;
  }
  const result = run.run();
  if (opts.segments)
    io.out(
      opts.format === 'markdown'
        ? segmentsMarkdown(segmentsJson(run))
        : `${JSON.stringify(segmentsJson(run))}\n`,
    );
  const profileOpts = { measure: opts['profile-measure'], format: opts['profile-format'] };
  if (opts.profile !== undefined && !writeProfile(run, programFile, profileOpts, opts.profile, io))
    return EXIT.usage;
  if (result.error !== null) {
    io.err(`error: ${result.error.message}\n`);
    return EXIT.runFailed;
  }
  return result.exitCode === 0 ? EXIT.ok : EXIT.guestExit;
}

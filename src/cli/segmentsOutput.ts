// `memscope exec PROGRAM.elf --segments [--max-segment-length N] [--profile FILE [--profile-measure M]]
//  [--input FILE|HEX]`: runs the guest metered and segmented as OpenVM v1.7.0 does (engine/metering) and
// prints one JSON object {"segments": [{instret_start, num_insns, airs: [{air_id, air_name, rows,
// padded_rows, main_cols, cells}]}]}; --profile writes folded stacks instead of (or besides) it.
// --max-segment-length is OpenVM's SystemConfig::with_max_segment_len (max_trace_height);
// --segment-max-height-bits / --segment-max-cells are `cargo openvm prove`'s SegmentationArgs
// (crates/cli/src/commands/prove.rs:133-151, 323-333). openvm.toml cannot set them: SystemConfig's
// segmentation_limits is #[serde(skip)] (crates/vm/src/arch/config.rs). Exit codes as
// `exec`: 0, 1 usage/input, 2 ELF rejected, 3 execution failed, 5 non-zero guest exit.
import { EngineError } from '../engine/errors';
import { type GuestProgram, loadGuestProgram } from '../engine/guest/guestProgram';
import type { GuestInput } from '../engine/guest/input';
import type { CostMeasure } from '../engine/metering/costProfile';
import { MeteredRun } from '../engine/metering/meteredRun';
import { segmentsJson } from '../engine/metering/segmentReport';
import { type CliIO, readFileOrReport } from './io';
import { parseMeasure, writeProfile } from './profileOutput';

export const METERED_USAGE =
  'usage: npm run memscope -- exec PROGRAM.elf --segments [--max-segment-length N | --segment-max-height-bits B] [--segment-max-cells N] [--profile FILE [--profile-measure instructions|cells|adapter-rows]] [--input FILE|HEX]\n';

/** True when `exec` should run metered (its arguments ask for segments or a cost profile). */
export function wantsMetering(args: readonly string[]): boolean {
  return args.includes('--segments') || args.includes('--profile');
}

interface MeteredOptions {
  file: string;
  input?: string;
  segments: boolean;
  maxSegmentLength?: number;
  maxCells?: number;
  profile?: string;
  measure: CostMeasure;
}

function parseMeteredArgs(args: readonly string[]): MeteredOptions | string {
  const files: string[] = [];
  const o: Partial<MeteredOptions> = { segments: false, measure: 'instructions' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    if (a === '--segments') {
      o.segments = true;
      continue;
    }
    const value = args[++i];
    if (value === undefined) return `option \`${a}\` needs a value`;
    if (a === '--input') o.input = value;
    else if (a === '--max-segment-length' && /^[0-9]+$/.test(value) && Number(value) > 0) o.maxSegmentLength = Number(value);
    else if (a === '--segment-max-height-bits' && /^[0-9]+$/.test(value) && Number(value) <= 30) o.maxSegmentLength = 2 ** Number(value);
    else if (a === '--segment-max-cells' && /^[0-9]+$/.test(value) && Number(value) > 0) o.maxCells = Number(value);
    else if (a === '--profile') o.profile = value;
    else if (a === '--profile-measure' && parseMeasure(value) !== undefined) o.measure = parseMeasure(value);
    else if (a === '--mode' && value === 'persistent') continue;
    else if (a === '--mode') return 'segments need continuations: --mode persistent (OpenVM proves volatile runs as one segment)';
    else return `bad option \`${a} ${value}\` for a metered run`;
  }
  if (files.length !== 1) return 'exactly one PROGRAM.elf is needed';
  return { ...(o as MeteredOptions), file: files[0] };
}

export function meteredExec(
  args: readonly string[],
  io: CliIO,
  readInput: (value: string, io: CliIO) => GuestInput,
): number {
  const opts = parseMeteredArgs(args);
  if (typeof opts === 'string') {
    io.err(`error: ${opts}\n${METERED_USAGE}`);
    return 1;
  }
  const bytes = readFileOrReport(io, opts.file);
  if (bytes === undefined) return 1;
  let input: GuestInput | undefined;
  try {
    input = opts.input === undefined ? undefined : readInput(opts.input, io);
  } catch (e) {
    io.err(`error: ${e instanceof EngineError ? e.message : `cannot read input ${opts.input}: ${(e as Error).message}`}\n`);
    return 1;
  }
  let program: GuestProgram;
  try {
    program = loadGuestProgram(bytes);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(`error: ${opts.file}: ${e.message}\n`);
    return 2;
  }
  const limits = opts.maxCells === undefined ? undefined : { maxCells: opts.maxCells };
  const run = new MeteredRun(program, { input, maxSegmentLength: opts.maxSegmentLength, limits });
  const result = run.run();
  if (opts.segments) io.out(`${JSON.stringify(segmentsJson(run))}\n`);
  if (opts.profile !== undefined && !writeProfile(run, opts.measure, opts.profile, io)) return 1;
  if (result.error !== null) {
    io.err(`error: ${result.error.message}\n`);
    return 3;
  }
  return result.exitCode === 0 ? 0 : 5;
}

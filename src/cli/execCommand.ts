// `memscope exec PROGRAM.elf [options]`: runs an OpenVM guest ELF on memscope's TracingMemory.
// summary = one JSON line (GuestRunSummary, plus `alloc` with --alloc); trace = one line per instruction
// (pc, timestamps, disassembly, accesses with t_prev, adapter records), then a `finalize` line, with a
// progress line on stderr when it is a terminal. Exit codes (exitCodes.ts): ok (the guest terminated with
// 0), usage (bad command line, unreadable file), invalidInput (ELF rejected, malformed --input, an ELF
// --alloc cannot interpose), runFailed (the guest failed), stepLimit (paused at --max-steps), guestExit.

import { EngineError } from '../engine/errors';
import { AllocInterposer } from '../engine/guest/alloc/allocInterposer';
import { AllocObserver } from '../engine/guest/alloc/allocObserver';
import { GuestRun } from '../engine/guest/guestRun';
import { parseInput, type GuestInput } from '../engine/guest/io/input';
import { summarizeRun } from '../engine/guest/runSummary';
import { defaultVmConfig } from '../engine/guest/config/vmConfig';
import { configOption, loadConfigOption } from './configOption';
import { describeMissing, missingSettings } from '../engine/guest/extensions/configCheck';
import { formatRecord, formatTraceLine, traceStep } from '../engine/guest/isa/traceStep';
import { defineCommand } from './command';
import { EXIT } from './exitCodes';
import { type CliIO, readFileOrReport } from './io';
import { choice, integer, text, UsageError } from './options';
import { ProgressLine } from './progress';
import { meteredExec, meteringOptions } from './segmentsOutput';
import { atOption, checkAtOptions, dumpOption, guestStateAt } from './stateAt';
import { loadProgramOrReport, programBytesOrReport } from './loadProgram';
import { segmentedMachine, segmentSettings, segmentsSummary } from './segmentedExec';
import { DEFAULT_GUEST_MAX_STEPS } from '../engine/timeline/sessionTypes';

const options = {
  input: text(
    'FILE|HEX',
    'the guest\'s input: a hex string or a file in OpenVM\'s CLI format (hex or {"input": [...]})',
  ),
  mode: choice(['persistent', 'volatile'], 'memory mode (default: from --config, else persistent)'),
  ...configOption,
  'max-steps': integer(
    'N',
    'stop after N instructions (exit code 4 if the guest has not terminated)',
    1,
    DEFAULT_GUEST_MAX_STEPS,
  ),
  alloc: choice(
    ['observe', 'orthotope'],
    'allocator calls: observe them, or serve them by the orthotope model',
  ),
  format: choice(
    ['summary', 'trace', 'markdown'],
    'one JSON summary line, one line per instruction, or (with --segments) markdown tables',
    'summary',
  ),
  ...atOption,
  ...dumpOption,
  ...meteringOptions, // --segments, --profile…: segmentsOutput.ts
};

/** --input: a hex string (tried first, as the OpenVM CLI does), else a file holding JSON or hex. */
export function readInput(value: string, io: CliIO): GuestInput {
  if (/^(0x)?[0-9a-fA-F]+$/.test(value)) {
    try {
      return parseInput(value);
    } catch (e) {
      let text: string;
      try {
        text = new TextDecoder().decode(io.readFile(value));
      } catch {
        throw e; // not a file either: report why it is not a valid hex input
      }
      return parseInput(text);
    }
  }
  return parseInput(new TextDecoder().decode(io.readFile(value)));
}

function exitCodeFor(run: GuestRun): number {
  const m = run.machine;
  if (m.status === 'failed') return EXIT.runFailed;
  if (m.status !== 'terminated') return EXIT.stepLimit;
  return m.exitCode === 0 ? EXIT.ok : EXIT.guestExit;
}

export const execCommand = defineCommand({
  name: 'exec',
  summary: 'run an OpenVM guest ELF: a JSON summary, or a line per instruction with accesses and records',
  operands: ['PROGRAM.elf|.s'],
  options,
  exitCodes: [EXIT.ok, EXIT.usage, EXIT.invalidInput, EXIT.runFailed, EXIT.stepLimit, EXIT.guestExit],
  run({ values: opts, operands: [file] }, io) {
    checkAtOptions(opts.at, opts.dump);
    const raw = readFileOrReport(io, file);
    if (raw === undefined) return EXIT.usage;
    const bytes = programBytesOrReport(io, file, raw);
    if (bytes === undefined) return EXIT.invalidInput;
    let input: GuestInput | undefined;
    try {
      input = opts.input === undefined ? undefined : readInput(opts.input, io);
    } catch (e) {
      if (e instanceof EngineError) {
        io.err(`error: --input: ${e.message}\n`);
        return EXIT.invalidInput;
      }
      io.err(`error: cannot read input ${opts.input}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    const loaded = loadConfigOption(io, opts.config);
    if (typeof loaded === 'number') return loaded;
    const vmConfig = loaded?.vmConfig;
    const toml = loaded === undefined ? undefined : { text: loaded.text, name: loaded.name };
    const program = loadProgramOrReport(io, file, bytes);
    if (program === undefined) return EXIT.invalidInput;
    // Needs checked up front: an extension memscope does not implement is named before the run starts.
    for (const e of program.decoded.extensions)
      if (!e.implemented)
        io.err(
          `note: ${file} uses the ${e.extension} extension (${e.count} words, first ${e.firstName} at pc 0x${e.firstPc.toString(16)}), which memscope does not implement: the run stops if one executes\n`,
        );
    const missing = missingSettings(program.decoded, vmConfig ?? defaultVmConfig());
    if (missing.length > 0) {
      const source = opts.config ?? 'the defaults (no --config: RV32I, RV32M, IO)';
      io.err(`warning: ${file} needs settings missing from ${source} (OpenVM would refuse to load it):\n`);
      for (const line of describeMissing(missing)) io.err(`  ${line}\n`);
    }
    if (opts.segments || opts.profile !== undefined)
      return meteredExec(
        program,
        input,
        { ...opts, mode: opts.mode ?? vmConfig?.system.mode ?? 'persistent' },
        io,
        vmConfig,
        file,
      );
    if (opts.format === 'markdown') throw new UsageError('--format markdown needs --segments');
    const maxSteps = opts['max-steps'];
    if (opts.at !== undefined)
      return guestStateAt(
        bytes,
        input,
        {
          mode: opts.mode,
          maxSteps,
          alloc: opts.alloc,
          openvmToml: toml,
          // Segment settings only where they apply (a volatile run is one segment).
          segments:
            (opts.mode ?? vmConfig?.system.mode ?? 'persistent') === 'persistent' &&
            opts.alloc !== 'orthotope'
              ? segmentSettings(opts)
              : undefined,
        },
        opts.at,
        opts.dump,
        io,
      );
    // Persistent summaries run segmented as OpenVM does (segmentedExec.ts).
    const mode = opts.mode ?? vmConfig?.system.mode ?? 'persistent';
    let segmented: ReturnType<typeof segmentedMachine> | undefined;
    if (mode === 'persistent' && opts.format === 'summary' && opts.alloc !== 'orthotope') {
      try {
        segmented = segmentedMachine(program, input, vmConfig, segmentSettings(opts), maxSteps, false);
      } catch (e) {
        if (!(e instanceof EngineError) || e.kind !== 'config') throw e;
        io.err(`note: not segmented (one TracingMemory for the whole run): ${e.message}\n`);
      }
    }
    const run =
      segmented?.machine.run_ ??
      new GuestRun(program, {
        mode: opts.mode,
        vmConfig,
        input,
        keepRecords: opts.format === 'trace',
      });
    let observer: AllocObserver | AllocInterposer | undefined;
    try {
      if (opts.alloc === 'observe') observer = new AllocObserver(run.machine);
      else if (opts.alloc === 'orthotope') observer = new AllocInterposer(run.machine);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      io.err(`error: ${file}: --alloc ${opts.alloc}: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    if (opts.format === 'trace') {
      const progress = new ProgressLine(io, 'exec --format trace');
      for (let n = 0; n < maxSteps && (run.status === 'ready' || run.status === 'paused'); n++) {
        io.out(`${formatTraceLine(traceStep(run))}\n`);
        progress.step(run.machine.instret);
      }
      progress.done();
      if (run.status === 'terminated' || run.status === 'failed') {
        run.memory.records.clear();
        try {
          run.finalize();
          const records: string[] = [];
          for (let i = 0; i < run.memory.records.length; i++)
            records.push(formatRecord(run.memory.records.get(i)));
          io.out(`finalize | ${records.join(', ') || '-'}\n`);
        } catch (e) {
          if (!(e instanceof EngineError)) throw e;
          io.err(`error: finalize: ${e.message}\n`);
        }
      }
    } else {
      if (segmented === undefined) run.run(maxSteps);
      else segmented.machine.run(maxSteps);
      const summary = {
        ...summarizeRun(run),
        ...(segmented === undefined ? {} : segmentsSummary(segmented.plan, segmented.machine)),
      };
      io.out(
        `${JSON.stringify(observer === undefined ? summary : { ...summary, alloc: observer.summary() })}\n`,
      );
    }
    const m = run.machine;
    if (m.status === 'failed' && m.error !== null) io.err(`error: ${m.error.message}\n`);
    if (m.status === 'paused')
      io.err(`note: paused after ${m.instret} instructions (the step limit); raise --max-steps to go on\n`);
    return exitCodeFor(run);
  },
});

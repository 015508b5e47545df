// `memscope exec PROGRAM.elf [--input FILE|HEX] [--mode persistent|volatile] [--max-steps N]
//  [--alloc observe|orthotope] [--format summary|trace]`: runs an OpenVM guest ELF on memscope's
// TracingMemory. summary = one JSON line (GuestRunSummary, plus `alloc` with --alloc); trace = one line per
// instruction (pc, timestamps, disassembly, accesses with t_prev, adapter records), then a `finalize` line.
// Exit codes: 0 the guest terminated with exit code 0; 1 usage, unreadable file or bad input; 2 ELF
// rejected; 3 execution failed; 4 paused at the step limit (raise --max-steps); 5 the guest exited non-zero.

import { EngineError } from '../engine/errors';
import { AllocInterposer } from '../engine/guest/allocInterposer';
import { AllocObserver } from '../engine/guest/allocObserver';
import { loadGuestProgram, type GuestProgram } from '../engine/guest/guestProgram';
import { GuestRun } from '../engine/guest/guestRun';
import { parseInput, type GuestInput } from '../engine/guest/input';
import { summarizeRun } from '../engine/guest/runSummary';
import { formatRecord, formatTraceLine, traceStep } from '../engine/guest/traceStep';
import type { MemoryMode } from '../engine/memory/config';
import { type CliCommand, type CliIO, readFileOrReport } from './io';
import { meteredExec, wantsMetering } from './segmentsOutput';
import { guestStateAt, parseAtOptions } from './stateAt';

const USAGE =
  'usage: npm run memscope -- exec PROGRAM.elf [--input FILE|HEX] [--mode persistent|volatile] [--max-steps N] [--alloc observe|orthotope] [--format summary|trace] [--at T] [--dump AS:ADDR:LEN]...\n';
export const DEFAULT_MAX_STEPS = 100_000_000;

interface ExecOptions {
  file: string;
  input?: string;
  mode: MemoryMode;
  maxSteps: number;
  alloc?: 'observe' | 'orthotope';
  format: 'summary' | 'trace';
}

function parseArgs(args: string[]): ExecOptions | string {
  const files: string[] = [];
  const opts: Partial<ExecOptions> = { mode: 'persistent', maxSteps: DEFAULT_MAX_STEPS, format: 'summary' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (!a.startsWith('--')) {
      files.push(a);
      continue;
    }
    const value = args[++i];
    if (value === undefined) return `option \`${a}\` needs a value`;
    if (a === '--input') opts.input = value;
    else if (a === '--mode' && (value === 'persistent' || value === 'volatile')) opts.mode = value;
    else if (a === '--max-steps' && /^[0-9]+$/.test(value) && Number(value) > 0)
      opts.maxSteps = Number(value);
    else if (a === '--alloc' && (value === 'observe' || value === 'orthotope')) opts.alloc = value;
    else if (a === '--format' && (value === 'summary' || value === 'trace')) opts.format = value;
    else return `bad option \`${a} ${value}\``;
  }
  if (files.length !== 1) return 'exactly one PROGRAM.elf is needed';
  return { ...(opts as ExecOptions), file: files[0] };
}

/** --input: a hex string (tried first, as the OpenVM CLI does), else a file holding JSON or hex. */
function readInput(value: string, io: CliIO): GuestInput {
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
  if (m.status === 'failed') return 3;
  if (m.status !== 'terminated') return 4;
  return m.exitCode === 0 ? 0 : 5;
}

export const execCommand: CliCommand = (allArgs, io) => {
  if (wantsMetering(allArgs)) return meteredExec(allArgs, io, readInput); // --segments / --profile
  const at = parseAtOptions(allArgs); // --at T [--dump AS:ADDR:LEN]...: the state at T, via seek (stateAt.ts)
  if (typeof at === 'string') {
    io.err(`error: ${at}\n${USAGE}`);
    return 1;
  }
  const opts = parseArgs(at.rest);
  if (typeof opts === 'string') {
    io.err(`error: ${opts}\n${USAGE}`);
    return 1;
  }
  const bytes = readFileOrReport(io, opts.file);
  if (bytes === undefined) return 1;
  let input: GuestInput | undefined;
  try {
    input = opts.input === undefined ? undefined : readInput(opts.input, io);
  } catch (e) {
    io.err(
      `error: ${e instanceof EngineError ? e.message : `cannot read input ${opts.input}: ${(e as Error).message}`}\n`,
    );
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
  if (at.at !== undefined) return guestStateAt(bytes, input, opts, at.at, at.dumps, io);
  const run = new GuestRun(program, { mode: opts.mode, input, keepRecords: opts.format === 'trace' });
  let observer: AllocObserver | AllocInterposer | undefined;
  try {
    if (opts.alloc === 'observe') observer = new AllocObserver(run.machine);
    else if (opts.alloc === 'orthotope') observer = new AllocInterposer(run.machine);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(`error: ${e.message}\n`);
    return 1;
  }
  if (opts.format === 'trace') {
    for (let n = 0; n < opts.maxSteps && (run.status === 'ready' || run.status === 'paused'); n++)
      io.out(`${formatTraceLine(traceStep(run))}\n`);
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
    run.run(opts.maxSteps);
    const summary = summarizeRun(run);
    io.out(
      `${JSON.stringify(observer === undefined ? summary : { ...summary, alloc: observer.summary() })}\n`,
    );
  }
  const m = run.machine;
  if (m.status === 'failed' && m.error !== null) io.err(`error: ${m.error.message}\n`);
  if (m.status === 'paused')
    io.err(`note: paused after ${m.instret} instructions (the step limit); raise --max-steps to go on\n`);
  return exitCodeFor(run);
};

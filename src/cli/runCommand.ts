// `memscope run FILE.mtrace [--summary]`: the JSON Lines (or the one-line summary) of
// shared/spec/mtrace-format.md, with its exit codes: 0 ok, 1 usage or unreadable file, 2 invalid script,
// 3 an OpenVM assertion in finalize. With `--at T [--dump AS:ADDR:LEN]...` it prints the state at
// timestamp T instead, reached by seeking a recorded run (stateAt.ts documents the format).

import { EngineError } from '../engine/errors';
import { decodeScriptText } from '../engine/scripts/decodeText';
import { fastMtraceSummary } from '../engine/scripts/mtraceFastSummary';
import { summaryJson } from '../engine/scripts/mtraceJson';
import { parseMtrace } from '../engine/scripts/mtraceParser';
import { runMtrace } from '../engine/scripts/mtraceRunner';
import { type CliCommand, readFileOrReport } from './io';
import { parseAtOptions, scriptStateAt } from './stateAt';

const USAGE = 'usage: npm run memscope -- run FILE.mtrace [--summary] [--at T] [--dump AS:ADDR:LEN]...\n';

export const runCommand: CliCommand = (args, io) => {
  let summary = false;
  const files: string[] = [];
  const at = parseAtOptions(args);
  if (typeof at === 'string') {
    io.err(`error: ${at}\n${USAGE}`);
    return 1;
  }
  for (const a of at.rest) {
    if (a === '--summary') summary = true;
    else if (a.startsWith('--')) {
      io.err(`error: unknown option \`${a}\`\n${USAGE}`);
      return 1;
    } else files.push(a);
  }
  if (files.length !== 1 || (summary && at.at !== undefined)) {
    io.err(USAGE);
    return 1;
  }
  const bytes = readFileOrReport(io, files[0]);
  if (bytes === undefined) return 1;
  if (summary) {
    // One pass over the bytes for valid scripts; anything else (undefined) takes the reference path below,
    // which alone reports errors (mtraceFastSummary.ts).
    const fast = fastMtraceSummary(bytes);
    if (fast !== undefined) {
      io.out(summaryJson(fast));
      return 0;
    }
  }
  const decoded = decodeScriptText(bytes);
  if ('error' in decoded) {
    io.err(`error: line ${decoded.error.line}: ${decoded.error.message}\n`);
    return 2;
  }
  if (at.at !== undefined) return scriptStateAt('mtrace', bytes, at.at, at.dumps, io);
  const program = parseMtrace(decoded.text);
  try {
    // The summary is all-or-nothing: on an invalid script stdout stays empty.
    const result = runMtrace(program, summary ? undefined : (line) => io.out(line));
    if (program.error) {
      io.err(`error: line ${program.error.line}: ${program.error.message}\n`);
      return 2;
    }
    if (summary) io.out(summaryJson(result.summary));
    return 0;
  } catch (e) {
    if (e instanceof EngineError && e.kind === 'finalize-assertion') {
      io.err(`error: line ${e.location.line ?? 0}: ${e.message}\n`);
      return 3;
    }
    throw e;
  }
};

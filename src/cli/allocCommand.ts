// `memscope alloc FILE.alloc`: runs an allocation trace against the orthotope 0.1.7 model and prints the
// log format of shared/spec/alloc-trace-format.md byte for byte. Exit codes (as for `run`): 0 ok (an
// allocator init error is a result, printed on stdout), 1 usage or unreadable file, 2 malformed trace
// (stderr gets `error: line N: <what>`; stdout keeps the output of every directive before that line).
// With `--at T` it prints the allocator state after T directives instead, reached by seeking a recorded
// run (stateAt.ts documents the format; the .alloc timeline axis is the directive index).
import { decodeScriptText } from '../engine/scripts/decodeText';
import { parseAllocTrace } from '../engine/scripts/allocTrace';
import { runAllocTrace } from '../engine/scripts/allocTraceRunner';
import { type CliCommand, readFileOrReport } from './io';
import { parseAtOptions, scriptStateAt } from './stateAt';

const USAGE = 'usage: npm run memscope -- alloc FILE.alloc\n';

export const allocCommand: CliCommand = (allArgs, io) => {
  const at = parseAtOptions(allArgs);
  if (typeof at === 'string' || at.dumps.length > 0) {
    io.err(`error: ${typeof at === 'string' ? at : '--dump needs traced memory (run or exec)'}\n${USAGE}`);
    return 1;
  }
  const args = at.rest;
  const option = args.find((a) => a.startsWith('--'));
  if (option !== undefined) {
    io.err(`error: unknown option \`${option}\`\n${USAGE}`);
    return 1;
  }
  if (args.length !== 1) {
    io.err(USAGE);
    return 1;
  }
  const bytes = readFileOrReport(io, args[0]);
  if (bytes === undefined) return 1;
  const decoded = decodeScriptText(bytes);
  if ('error' in decoded) {
    io.err(`error: line ${decoded.error.line}: ${decoded.error.message}\n`);
    return 2;
  }
  if (at.at !== undefined) return scriptStateAt('alloc', bytes, at.at, [], io);
  const trace = parseAllocTrace(decoded.text);
  // The log is not needed as events here; recording none keeps a million-line trace lean.
  runAllocTrace(trace, (text) => io.out(text), { events: null });
  if (trace.error !== null) {
    io.err(`error: line ${trace.error.location.line}: ${trace.error.message}\n`);
    return 2;
  }
  return 0;
};

// `memscope alloc FILE.alloc`: runs an allocation trace against the orthotope 0.1.7 model and prints the
// log format of shared/spec/alloc-trace-format.md byte for byte. Exit codes (exitCodes.ts): ok (an
// allocator init error is a result, printed on stdout), usage (bad command line, unreadable file),
// invalidInput (stderr gets `error: line N: <what>`; stdout keeps the output of every directive before it).
// With `--at T` it prints the allocator state after T directives instead, reached by seeking a recorded
// run (stateAt.ts documents the format; the .alloc timeline axis is the directive index).
import { decodeScriptText } from '../engine/scripts/decodeText';
import { parseAllocTrace } from '../engine/scripts/allocTrace';
import { runAllocTrace } from '../engine/scripts/allocTraceRunner';
import { defineCommand } from './command';
import { EXIT } from './exitCodes';
import { readFileOrReport } from './io';
import { atOption, scriptStateAt } from './stateAt';

export const allocCommand = defineCommand({
  name: 'alloc',
  summary: 'run a .alloc allocation trace on the orthotope 0.1.7 model and print its log',
  operands: ['FILE.alloc'],
  options: { ...atOption },
  exitCodes: [EXIT.ok, EXIT.usage, EXIT.invalidInput],
  run({ values: { at }, operands: [file] }, io) {
    const bytes = readFileOrReport(io, file);
    if (bytes === undefined) return EXIT.usage;
    const decoded = decodeScriptText(bytes);
    if ('error' in decoded) {
      io.err(`error: line ${decoded.error.line}: ${decoded.error.message}\n`);
      return EXIT.invalidInput;
    }
    if (at !== undefined) return scriptStateAt('alloc', bytes, at, [], io);
    const trace = parseAllocTrace(decoded.text);
    // The log is not needed as events here; recording none keeps a million-line trace lean.
    runAllocTrace(trace, (text) => io.out(text), { events: null });
    if (trace.error !== null) {
      io.err(`error: line ${trace.error.location.line}: ${trace.error.message}\n`);
      return EXIT.invalidInput;
    }
    return EXIT.ok;
  },
});

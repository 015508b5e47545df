// `memscope run FILE.mtrace [--summary]`: the JSON Lines (or the one-line summary) of
// shared/spec/mtrace-format.md. Exit codes (exitCodes.ts): ok; usage (bad command line, unreadable file);
// invalidInput (an invalid script line); runFailed (an OpenVM assertion in finalize). With `--at T [--dump AS:ADDR:LEN]...` it prints the state at
// timestamp T instead, reached by seeking a recorded run (stateAt.ts documents the format).

import { EngineError } from '../engine/errors';
import { isAssemblyName } from '../engine/guest/asm/assembleProgram';
import { execCommand } from './execCommand';
import { decodeScriptText } from '../engine/scripts/decodeText';
import { fastMtraceSummary } from '../engine/scripts/mtraceFastSummary';
import { summaryJson } from '../engine/scripts/mtraceJson';
import { parseMtrace } from '../engine/scripts/mtraceParser';
import { runMtrace } from '../engine/scripts/mtraceRunner';
import { defineCommand } from './command';
import { EXIT } from './exitCodes';
import { readFileOrReport } from './io';
import { flag, UsageError } from './options';
import { atOption, checkAtOptions, dumpOption, scriptStateAt } from './stateAt';

export const runCommand = defineCommand({
  name: 'run',
  summary: 'run a .mtrace memory script: JSON Lines of every access with its t_prev and adapter records',
  operands: ['FILE.mtrace|.s'],
  options: {
    summary: flag(
      'print one summary line instead: accesses, timestamp, splits, merges, adapter rows, touched',
    ),
    ...atOption,
    ...dumpOption,
  },
  exitCodes: [EXIT.ok, EXIT.usage, EXIT.invalidInput, EXIT.runFailed],
  run({ values: { summary, at, dump }, operands: [file] }, io) {
    checkAtOptions(at, dump);
    if (summary && at !== undefined) throw new UsageError('--summary and --at exclude each other');
    // An assembly program is a guest: `run prog.s` is `exec prog.s` (same --at / --dump).
    if (isAssemblyName(file))
      return execCommand.invoke(
        [
          file,
          ...(at === undefined ? [] : ['--at', String(at)]),
          ...(dump ?? []).flatMap((d) => ['--dump', `${d.as}:${d.addr}:${d.len}`]),
        ],
        io,
      );
    const bytes = readFileOrReport(io, file);
    if (bytes === undefined) return EXIT.usage;
    if (summary) {
      // One pass over the bytes for valid scripts; anything else (undefined) takes the reference path below,
      // which alone reports errors (mtraceFastSummary.ts).
      const fast = fastMtraceSummary(bytes);
      if (fast !== undefined) {
        io.out(summaryJson(fast));
        return EXIT.ok;
      }
    }
    const decoded = decodeScriptText(bytes);
    if ('error' in decoded) {
      io.err(`error: line ${decoded.error.line}: ${decoded.error.message}\n`);
      return EXIT.invalidInput;
    }
    if (at !== undefined) return scriptStateAt('mtrace', bytes, at, dump, io);
    const program = parseMtrace(decoded.text);
    try {
      // The summary is all-or-nothing: on an invalid script stdout stays empty.
      const result = runMtrace(program, summary ? undefined : (line) => io.out(line));
      if (program.error) {
        io.err(`error: line ${program.error.line}: ${program.error.message}\n`);
        return EXIT.invalidInput;
      }
      if (summary) io.out(summaryJson(result.summary));
      return EXIT.ok;
    } catch (e) {
      if (e instanceof EngineError && e.kind === 'finalize-assertion') {
        io.err(`error: line ${e.location.line ?? 0}: ${e.message}\n`);
        return EXIT.runFailed;
      }
      throw e;
    }
  },
});

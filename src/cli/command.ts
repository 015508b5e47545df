// One CLI command = one file that exports `defineCommand({...})`: its name, operands, option table
// (options.ts), the exit codes it can return (exitCodes.ts) and `run`. Registering it is one line in
// commands.ts. This module turns the declaration into the usage line, the `--help` text and the parse →
// run → exit-code pipeline shared by every command.
import { EXIT, exitCodeLines, type ExitCode } from './exitCodes';
import type { CliIO } from './io';
import {
  optionHelp,
  optionSynopsis,
  parseCommandLine,
  UsageError,
  type OptionTable,
  type OptionValues,
} from './options';

export const PROGRAM = 'memscope';

export interface CommandSpec<O extends OptionTable> {
  name: string;
  /** One line: what the command does (the first line of its help and of `memscope --help`). */
  summary: string;
  /** Operand names in order; `[NAME]` is optional. */
  operands: readonly string[];
  options: O;
  /** Extra help paragraphs (output formats, what the command prints). */
  details?: string;
  exitCodes: readonly ExitCode[];
  /** Returns the exit code; may throw UsageError for a combination of options it rejects. */
  run(args: { values: OptionValues<O>; operands: string[] }, io: CliIO): number | Promise<number>;
}

export interface Command {
  readonly name: string;
  readonly summary: string;
  /** `memscope NAME OPERANDS [--opt V]...` */
  readonly usage: string;
  readonly help: string;
  invoke(args: readonly string[], io: CliIO): Promise<number>;
}

export function defineCommand<O extends OptionTable>(spec: CommandSpec<O>): Command {
  const usage = [PROGRAM, spec.name, ...spec.operands, optionSynopsis(spec.options)]
    .filter(Boolean)
    .join(' ');
  const help =
    `usage: ${usage}\n\n${spec.summary}\n` +
    (spec.details ? `\n${spec.details.trimEnd()}\n` : '') +
    `\noptions:\n${optionHelp(spec.options)}\nexit codes:\n${exitCodeLines(spec.exitCodes)}`;
  const usageError = (io: CliIO, e: UsageError) => {
    io.err(
      `error: ${e.message}\nusage: ${usage}\n(\`${PROGRAM} help ${spec.name}\` explains every option)\n`,
    );
    return EXIT.usage;
  };
  return {
    name: spec.name,
    summary: spec.summary,
    usage,
    help,
    async invoke(args, io) {
      try {
        const line = parseCommandLine(spec.options, spec.operands, args);
        if (line.help) {
          io.out(help);
          return EXIT.ok;
        }
        return await spec.run({ values: line.values, operands: line.operands }, io);
      } catch (e) {
        if (e instanceof UsageError) return usageError(io, e);
        throw e;
      }
    },
  };
}

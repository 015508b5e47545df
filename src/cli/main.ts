// memscope's command line: the same engine as the web app, driven in-process (no worker).
// `memscope --help`, `memscope help [CMD]`, `memscope CMD --help|-h` print usage on stdout (exit 0);
// `memscope --version` prints package.json's version; anything else dispatches to the command table.
import packageJson from '../../package.json' with { type: 'json' };
import { commands } from './commands';
import { PROGRAM } from './command';
import { EXIT, exitCodeLines } from './exitCodes';
import { processIO, type CliIO } from './io';

export const VERSION: string = packageJson.version;

/** `memscope --help`: every command's usage line and summary, then the exit codes. */
export function usage(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const list = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}\n`).join('');
  return (
    `usage: ${PROGRAM} COMMAND [options]   (from a checkout: npm run memscope -- COMMAND [options])\n` +
    `       ${PROGRAM} help COMMAND | COMMAND --help   one command's options\n` +
    `       ${PROGRAM} --version\n\ncommands:\n${list}\nexit codes:\n${exitCodeLines()}`
  );
}

const byName = (name: string) => commands.find((c) => c.name === name);

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || (name === 'help' && rest.length === 0)) {
    io.out(usage());
    return EXIT.ok;
  }
  if (name === '--version' || name === '-V') {
    io.out(`${PROGRAM} ${VERSION}\n`);
    return EXIT.ok;
  }
  if (name === 'help') {
    const command = byName(rest[0]);
    if (command !== undefined && rest.length === 1) {
      io.out(command.help);
      return EXIT.ok;
    }
    io.err(`error: no command \`${rest.join(' ')}\`\n${usage()}`);
    return EXIT.usage;
  }
  const command = name === undefined ? undefined : byName(name);
  if (command === undefined) {
    io.err(
      name === undefined
        ? `error: no command given\n${usage()}`
        : `error: unknown command \`${name}\`\n${usage()}`,
    );
    return EXIT.usage;
  }
  return command.invoke(rest, io);
}

export async function main(argv: string[]): Promise<number> {
  const io = processIO();
  try {
    return await runCli(argv, io);
  } finally {
    io.flush();
  }
}

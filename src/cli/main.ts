// memscope's command line: the same engine as the web app, driven in-process (no worker).
import { commands } from './commands';
import { processIO, type CliIO } from './io';

export function usage(): string {
  const lines = Object.values(commands).map((c) => `  npm run memscope -- ${c.usage}`);
  return `usage:\n${lines.join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : commands[name];
  if (command === undefined) {
    io.err(name === undefined || name === '--help' || name === '-h' ? usage() : `error: unknown command \`${name}\`\n${usage()}`);
    return name === '--help' || name === '-h' ? 0 : 1;
  }
  return command.run(rest, io);
}

export async function main(argv: string[]): Promise<number> {
  const io = processIO();
  try {
    return await runCli(argv, io);
  } finally {
    io.flush();
  }
}

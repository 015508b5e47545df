// `memscope gdbserver PROGRAM.elf [--input FILE|HEX] [--port N] [--mode persistent|volatile]
//  [--max-steps N] [--once] [--verbose]`: serves a recorded guest run to gdb over the GDB remote protocol
// on 127.0.0.1 (src/cli/gdbserver.ts), with reverse execution and memscope's `monitor` commands.
//   gdb-multiarch PROGRAM.elf -ex 'target remote 127.0.0.1:PORT'
// Exit codes: 0 after --once's client has gone, 1 usage, unreadable file or a port in use, 2 ELF rejected
// or bad input. Without --once it serves until interrupted.

import { parseArgs } from 'node:util';
import { EngineError } from '../engine/errors';
import { GdbTarget } from '../engine/gdb/gdbTarget';
import { Session } from '../engine/session';
import { readInput } from './execCommand';
import { GdbServer } from './gdbserver';
import { type CliCommand, readFileOrReport } from './io';

export const GDBSERVER_USAGE =
  'gdbserver PROGRAM.elf [--input FILE|HEX] [--port N] [--mode persistent|volatile] [--max-steps N] [--once] [--verbose]';
const USAGE = `usage: npm run memscope -- ${GDBSERVER_USAGE}\n`;
export const DEFAULT_GDB_PORT = 1234;

export const gdbserverCommand: CliCommand = async (args, io) => {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        input: { type: 'string' },
        port: { type: 'string' },
        mode: { type: 'string' },
        'max-steps': { type: 'string' },
        once: { type: 'boolean' },
        verbose: { type: 'boolean' },
      },
    });
  } catch (e) {
    io.err(`error: ${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    io.err(USAGE);
    return 1;
  }
  const port = values.port === undefined ? DEFAULT_GDB_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.err(`error: bad --port \`${values.port}\` (0..65535; 0 picks a free one)\n`);
    return 1;
  }
  const mode = values.mode ?? 'persistent';
  if (mode !== 'persistent' && mode !== 'volatile') {
    io.err(`error: bad --mode \`${mode}\` (persistent or volatile)\n`);
    return 1;
  }
  const maxSteps = values['max-steps'] === undefined ? undefined : Number(values['max-steps']);
  if (maxSteps !== undefined && !(Number.isSafeInteger(maxSteps) && maxSteps > 0)) {
    io.err(`error: bad --max-steps \`${values['max-steps']}\`\n`);
    return 1;
  }
  const file = positionals[0];
  const bytes = readFileOrReport(io, file);
  if (bytes === undefined) return 1;
  let target: GdbTarget;
  try {
    const parsedInput = values.input === undefined ? undefined : readInput(values.input, io);
    target = new GdbTarget(Session.open('guest', bytes, { mode, parsedInput, maxSteps }));
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(`error: ${file}: ${e.message}\n`);
    return 2;
  }
  const log = (line: string) => io.err(`gdbserver: ${line}\n`);
  const server = new GdbServer(target, { port, log, trace: values.verbose === true ? log : undefined });
  let bound: number;
  try {
    bound = await server.listen();
  } catch (e) {
    io.err(`error: cannot listen on 127.0.0.1:${port}: ${(e as Error).message}\n`);
    return 1;
  }
  io.err(
    `gdbserver: serving ${file} on 127.0.0.1:${bound}\n  gdb-multiarch ${file} -ex 'target remote 127.0.0.1:${bound}'\n`,
  );
  if (values.once === true) {
    await new Promise<void>((resolve) => {
      const check = () =>
        server.connections > 0 ? server.onIdle().then(() => resolve()) : setTimeout(check, 50);
      check();
    });
    await server.close();
    return 0;
  }
  await new Promise<never>(() => {}); // serve until the process is interrupted
  return 0;
};

// `memscope gdbserver PROGRAM.elf [options]`: serves a recorded guest run to gdb over the GDB remote
// protocol on 127.0.0.1 only (src/cli/gdbserver.ts), with reverse execution and memscope's `monitor`
// commands. Exit codes (exitCodes.ts): ok (--once: its client has gone), usage (bad command line,
// unreadable file, a port that cannot be bound), invalidInput (ELF rejected, malformed --input).
// Without --once it serves one client after another until interrupted.

import { EngineError } from '../engine/errors';
import { GdbTarget } from '../engine/gdb/gdbTarget';
import type { GuestInput } from '../engine/guest/io/input';
import { Session } from '../engine/session';
import { defineCommand } from './command';
import { readInput } from './execCommand';
import { EXIT } from './exitCodes';
import { GdbServer } from './gdbserver';
import { readFileOrReport } from './io';
import { choice, flag, integer, text } from './options';

export const DEFAULT_GDB_PORT = 1234;

export const gdbserverCommand = defineCommand({
  name: 'gdbserver',
  summary:
    'serve a guest ELF to gdb (remote protocol on 127.0.0.1) with reverse execution and monitor commands',
  operands: ['PROGRAM.elf'],
  options: {
    input: text('FILE|HEX', "the guest's input: a hex string or a file in OpenVM's CLI format"),
    port: integer('N', 'TCP port on 127.0.0.1 (0 picks a free one)', 0, DEFAULT_GDB_PORT),
    mode: choice(['persistent', 'volatile'] as const, 'memory mode', 'persistent'),
    'max-steps': integer('N', 'the recording ends after N instructions', 1),
    once: flag('exit when the first client has gone'),
    verbose: flag('log every packet on stderr'),
  },
  details: [
    'Connect with:  gdb-multiarch PROGRAM.elf -ex "target remote 127.0.0.1:PORT"',
    'gdb reads the DWARF itself; the server serves x0..x31 and pc, AS2 memory, breakpoints, watchpoints,',
    'and reverse-step / reverse-continue by time travel. Writes to registers or memory are refused (the run is',
    'a recording). monitor help lists: timestamp, seek T, block ADDR, adapters.',
  ].join('\n'),
  exitCodes: [EXIT.ok, EXIT.usage, EXIT.invalidInput],
  async run({ values, operands: [file] }, io) {
    if (values.port > 65535) {
      io.err(`error: bad --port \`${values.port}\` (0..65535)\n`);
      return EXIT.usage;
    }
    const bytes = readFileOrReport(io, file);
    if (bytes === undefined) return EXIT.usage;
    let input: GuestInput | undefined;
    try {
      input = values.input === undefined ? undefined : readInput(values.input, io);
    } catch (e) {
      if (e instanceof EngineError) {
        io.err(`error: --input: ${e.message}\n`);
        return EXIT.invalidInput;
      }
      io.err(`error: cannot read input ${values.input}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    let target: GdbTarget;
    try {
      target = new GdbTarget(
        Session.open('guest', bytes, {
          mode: values.mode,
          parsedInput: input,
          maxSteps: values['max-steps'],
        }),
      );
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      io.err(`error: ${file}: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    const log = (line: string) => io.err(`gdbserver: ${line}\n`);
    const server = new GdbServer(target, { port: values.port, log, trace: values.verbose ? log : undefined });
    let bound: number;
    try {
      bound = await server.listen();
    } catch (e) {
      io.err(`error: cannot listen on 127.0.0.1:${values.port}: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    io.err(
      `gdbserver: serving ${file} on 127.0.0.1:${bound}\n  gdb-multiarch ${file} -ex 'target remote 127.0.0.1:${bound}'\n`,
    );
    if (values.once) {
      while (server.connections === 0) await new Promise((r) => setTimeout(r, 50));
      await server.onIdle();
      await server.close();
      return EXIT.ok;
    }
    return new Promise<number>(() => {}); // serves until the process is interrupted
  },
});

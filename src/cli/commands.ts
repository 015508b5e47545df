// The registry of CLI subcommands: `npm run memscope -- <name> ...`. One line per command.
import type { CliCommand } from './io';
import { runCommand } from './runCommand';
import { allocCommand } from './allocCommand';
import { execCommand } from './execCommand';
import { disasmCommand } from './disasmCommand';
import { gdbserverCommand, GDBSERVER_USAGE } from './gdbserverCommand';

export const commands: Record<string, { run: CliCommand; usage: string }> = {
  alloc: { run: allocCommand, usage: 'alloc FILE.alloc [--at T]' },
  exec: { run: execCommand, usage: 'exec PROGRAM.elf [--input FILE|HEX] [--mode persistent|volatile] [--max-steps N] [--alloc observe|orthotope] [--format summary|trace] [--at T] [--dump AS:ADDR:LEN]...' },
  disasm: { run: disasmCommand, usage: 'disasm PROGRAM.elf [--no-aliases]' },
  gdbserver: { run: gdbserverCommand, usage: GDBSERVER_USAGE },
  run: { run: runCommand, usage: 'run FILE.mtrace [--summary] [--at T] [--dump AS:ADDR:LEN]...' },
};

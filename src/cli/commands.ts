// The registry of CLI commands, in the order `memscope --help` lists them. A new command is one file
// exporting `defineCommand({...})` (command.ts) and one line here.
import type { Command } from './command';
import { allocCommand } from './allocCommand';
import { diffCommand } from './diffCommand';
import { disasmCommand } from './disasmCommand';
import { execCommand } from './execCommand';
import { gdbserverCommand } from './gdbserverCommand';
import { runCommand } from './runCommand';

export const commands: readonly Command[] = [
  runCommand,
  allocCommand,
  execCommand,
  disasmCommand,
  diffCommand,
  gdbserverCommand,
];

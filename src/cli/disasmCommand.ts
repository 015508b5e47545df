// `memscope disasm PROGRAM.elf [--no-aliases]`: the executable segment of an OpenVM guest ELF as standard
// RISC-V assembly, objdump-style (`<symbol>:` labels, `address: word  instruction`), OpenVM's custom
// instructions by name, branch and jump targets as `0xADDR <symbol+0xOFF>`, auipc-pair targets as comments.
// Exit codes: 0 ok, 1 usage or unreadable file, 2 ELF rejected.

import { EngineError } from '../engine/errors';
import { disassembleRange } from '../engine/guest/disassembler';
import { loadGuestProgram, type GuestProgram } from '../engine/guest/guestProgram';
import { type CliCommand, readFileOrReport } from './io';

const USAGE = 'usage: npm run memscope -- disasm PROGRAM.elf [--no-aliases]\n';

export const disasmCommand: CliCommand = (args, io) => {
  let aliases = true;
  const files: string[] = [];
  for (const a of args) {
    if (a === '--no-aliases') aliases = false;
    else if (a.startsWith('--')) {
      io.err(`error: unknown option \`${a}\`\n${USAGE}`);
      return 1;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.err(USAGE);
    return 1;
  }
  const bytes = readFileOrReport(io, files[0]);
  if (bytes === undefined) return 1;
  let program: GuestProgram;
  try {
    program = loadGuestProgram(bytes);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(`error: ${files[0]}: ${e.message}\n`);
    return 2;
  }
  const { decoded, symbols, elf } = program;
  io.out(
    `${files[0]}: entry 0x${elf.entry.toString(16)}, ${decoded.words.length} instruction words from 0x${decoded.pcBase.toString(16)}\n`,
  );
  for (const line of disassembleRange(decoded.words, decoded.pcBase, symbols, aliases)) {
    if (line.label !== undefined) io.out(`\n${line.pc.toString(16).padStart(8, '0')} <${line.label}>:\n`);
    const word = line.word.toString(16).padStart(8, '0');
    const comment = line.comment === undefined ? '' : ` # ${line.comment}`;
    io.out(`  ${line.pc.toString(16)}:\t${word}\t${line.text}${comment}\n`);
  }
  return 0;
};

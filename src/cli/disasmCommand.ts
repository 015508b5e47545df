// `memscope disasm PROGRAM.elf [--no-aliases] [--config openvm.toml]`: the executable segment of an OpenVM guest ELF as standard
// RISC-V assembly, objdump-style (`<symbol>:` labels, `address: word  instruction`), OpenVM's custom
// instructions by name (algebra/ECC words with their modulus or curve from --config), branch and jump targets as `0xADDR <symbol+0xOFF>`, auipc-pair targets as comments.
// Exit codes (exitCodes.ts): ok, usage (bad command line, unreadable file), invalidInput (ELF rejected).

import { disassembleRange } from '../engine/guest/isa/disassembler';
import { defineCommand } from './command';
import { EXIT } from './exitCodes';
import { readFileOrReport } from './io';
import { configOption, loadConfigOption } from './configOption';
import { flag } from './options';
import { loadProgramOrReport, programBytesOrReport } from './loadProgram';

export const disasmCommand = defineCommand({
  name: 'disasm',
  summary: 'disassemble the executable segment of an OpenVM guest ELF, objdump-style, with OpenVM names',
  operands: ['PROGRAM.elf|.s'],
  options: {
    'no-aliases': flag('print base instructions instead of pseudo-instructions (li, mv, ret, ...)'),
    ...configOption,
  },
  exitCodes: [EXIT.ok, EXIT.usage, EXIT.invalidInput],
  run({ values, operands: [file] }, io) {
    const raw = readFileOrReport(io, file);
    if (raw === undefined) return EXIT.usage;
    const bytes = programBytesOrReport(io, file, raw);
    if (bytes === undefined) return EXIT.invalidInput;
    const loaded = loadConfigOption(io, values.config);
    if (typeof loaded === 'number') return loaded;
    const program = loadProgramOrReport(io, file, bytes);
    if (program === undefined) return EXIT.invalidInput;
    const { decoded, symbols, elf } = program;
    io.out(
      `${file}: entry 0x${elf.entry.toString(16)}, ${decoded.words.length} instruction words from 0x${decoded.pcBase.toString(16)}\n`,
    );
    for (const line of disassembleRange(
      decoded.words,
      decoded.pcBase,
      symbols,
      !values['no-aliases'],
      loaded?.vmConfig,
    )) {
      if (line.label !== undefined) io.out(`\n${line.pc.toString(16).padStart(8, '0')} <${line.label}>:\n`);
      const word = line.word.toString(16).padStart(8, '0');
      const comment = line.comment === undefined ? '' : ` # ${line.comment}`;
      io.out(`  ${line.pc.toString(16)}:\t${word}\t${line.text}${comment}\n`);
    }
    return EXIT.ok;
  },
});

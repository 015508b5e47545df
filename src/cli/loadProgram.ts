// The guest program of a command line (exec, disasm): an ELF, or assembly source (`.s`, assembled by
// engine/guest/asm), loaded, or its rejection reported on stderr as `error: FILE: why` (an ELF) or
// `error: FILE:LINE:COL: why` per assembly error. One home so every command names a rejected program
// the same way (exit code EXIT.invalidInput).
import { EngineError } from '../engine/errors';
import { assembleProgram, isAssemblyName } from '../engine/guest/asm/assembleProgram';
import { loadGuestProgram, type GuestProgram } from '../engine/guest/program/guestProgram';
import type { CliIO } from './io';

const isElf = (b: Uint8Array) =>
  b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46;

/** The ELF bytes of a program file: the file itself, or the ELF its assembly source assembles to. */
export function programBytesOrReport(io: CliIO, file: string, bytes: Uint8Array): Uint8Array | undefined {
  if (isElf(bytes) || !isAssemblyName(file)) return bytes;
  const r = assembleProgram(new TextDecoder().decode(bytes));
  if (r.ok) return r.elf;
  for (const e of r.errors) io.err(`error: ${file}:${e.line}:${e.column}: ${e.message}\n`);
  return undefined;
}

export function loadProgramOrReport(io: CliIO, file: string, bytes: Uint8Array): GuestProgram | undefined {
  try {
    return loadGuestProgram(bytes);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(`error: ${file}: ${e.message}\n`);
    return undefined;
  }
}

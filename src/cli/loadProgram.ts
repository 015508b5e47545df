// The guest ELF of a command line (exec, disasm): loaded, or its rejection reported as `error: FILE: why`
// on stderr. One home so every command names a rejected ELF the same way (exit code EXIT.invalidInput).
import { EngineError } from '../engine/errors';
import { loadGuestProgram, type GuestProgram } from '../engine/guest/program/guestProgram';
import type { CliIO } from './io';

export function loadProgramOrReport(io: CliIO, file: string, bytes: Uint8Array): GuestProgram | undefined {
  try {
    return loadGuestProgram(bytes);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(`error: ${file}: ${e.message}\n`);
    return undefined;
  }
}

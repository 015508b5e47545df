// Assembly text -> an ELF executable -> a GuestProgram: the assembled program goes through the same ELF
// loader, decoder and symbol reader as a guest built by clang + lld, so it runs (and is disassembled,
// metered, stepped) exactly like one. Text is R+X at TEXT_BASE, data and bss R+W on the next page; every
// label is a symbol (text labels as functions, the others as objects), `.L` labels excepted.
// Never throws: an assembly error is an AsmError list; an ELF the loader would refuse is reported as one.

import { EngineError } from '../../errors';
import { PF_R, PF_W, PF_X } from '../program/elf';
import { buildElf, type SegmentSpec } from '../program/elfWriter';
import { loadGuestProgram, type GuestProgram } from '../program/guestProgram';
import { STT_FUNC, STT_OBJECT } from '../program/symbols';
import { assemble, type AsmError, type Assembly } from './assembler';

export type AssembledProgram =
  | { ok: true; elf: Uint8Array; program: GuestProgram; assembly: Assembly }
  | { ok: false; errors: AsmError[] };

/** The ELF bytes of an assembly (entry, segments, symbol table). */
export function assemblyElf(a: Assembly): Uint8Array {
  const segments: SegmentSpec[] = [{ vaddr: a.text.base, data: a.text.bytes, flags: PF_R | PF_X }];
  if (a.data.bytes.length + a.data.bssSize > 0) {
    const bssStart = Math.ceil(a.data.bytes.length / 4) * 4;
    segments.push({
      vaddr: a.data.base,
      data: a.data.bytes,
      memsz: bssStart + a.data.bssSize,
      flags: PF_R | PF_W,
    });
  }
  const symbols = a.symbols.map((s) => ({
    name: s.name,
    value: s.address,
    type: s.section === 'text' ? STT_FUNC : STT_OBJECT,
  }));
  return buildElf(a.entry, segments, symbols);
}

export function assembleProgram(source: string): AssembledProgram {
  const r = assemble(source);
  if (!r.ok) return r;
  const elf = assemblyElf(r.assembly);
  try {
    return { ok: true, elf, program: loadGuestProgram(elf), assembly: r.assembly };
  } catch (e) {
    const message = e instanceof EngineError ? e.message : String(e);
    return {
      ok: false,
      errors: [{ line: 1, column: 1, message: `the assembled program does not load: ${message}` }],
    };
  }
}

/** Assembles or throws EngineError('asm') naming the first error's line and column (CLI, worker open). */
export function assembleOrThrow(source: string, name = 'program.s'): AssembledProgram & { ok: true } {
  const r = assembleProgram(source);
  if (r.ok) return r;
  const first = r.errors[0];
  const more = r.errors.length > 1 ? ` (and ${r.errors.length - 1} more)` : '';
  throw new EngineError('asm', `${name}:${first.line}:${first.column}: ${first.message}${more}`, {
    line: first.line,
    column: first.column,
  });
}

/** Whether a file is assembly source (by name: .s / .S / .asm). */
export const isAssemblyName = (name: string) => /\.(s|S|asm)$/.test(name);

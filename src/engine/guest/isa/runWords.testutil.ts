// Test-only: runs a few instruction words as a guest (text at 0x200800) and records every traced access.
import type { MemoryMode } from '../../memory/config';
import { PF_R, PF_W, PF_X } from '../program/elf';
import { buildElf, wordsToBytes, type SymbolSpec } from '../program/elfWriter';
import { loadGuestProgram } from '../program/guestProgram';
import { GuestRun } from '../guestRun';
import type { GuestInput } from '../io/input';

export const TEXT_BASE = 0x200800;

export interface Access {
  as: number;
  ptr: number;
  isWrite: boolean;
  t: number;
  tPrev: number;
}

export function guestFromWords(
  words: number[],
  data?: { vaddr: number; bytes: Uint8Array; memsz?: number },
  symbols: SymbolSpec[] = [],
) {
  const segments = [{ vaddr: TEXT_BASE, data: wordsToBytes(words), flags: PF_R | PF_X }];
  if (data !== undefined)
    segments.push({ vaddr: data.vaddr, data: data.bytes, memsz: data.memsz, flags: PF_R | PF_W } as never);
  return loadGuestProgram(buildElf(TEXT_BASE, segments, symbols));
}

export function runWords(
  words: number[],
  options: { mode?: MemoryMode; input?: GuestInput; maxSteps?: number } = {},
) {
  const run = new GuestRun(guestFromWords(words), {
    mode: options.mode,
    input: options.input,
    keepRecords: true,
  });
  const accesses: Access[] = [];
  run.memory.onAccess = (as, ptr, _size, isWrite, t, tPrev) => accesses.push({ as, ptr, isWrite, t, tPrev });
  run.run(options.maxSteps ?? 10_000);
  return { run, accesses, machine: run.machine, memory: run.memory };
}

// Test-only: the "data page" harness shared by the differential tests against qemu-riscv32 (Debian
// qemu-user): isa/qemuDiff.test.ts (the interpreter) and compiled/compiledDiff.test.ts (the compiled tier).
// A generated program is built twice from the same words with a per-target epilogue:
//   both:   the body, then `sw x1..x30` into the register-dump area of the data page (base x31)
//   OpenVM: terminate 0                        (memscope)
//   Linux:  write(1, data page, 4096); exit(0) (qemu-user; memscope needs no Linux syscalls)
// The data page (random initial bytes, loads and stores, then the register dump) must end identical, and
// memscope's register file must equal its own dump.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import * as A from '../asm/encode';
import type { GuestRun } from '../guestRun';
import { PF_R, PF_W, PF_X } from '../program/elf';
import { buildElf, wordsToBytes } from '../program/elfWriter';

export const TEXT = 0x200800;
export const DATA = 0x300000;
export const DATA_BYTES = 4096;
/** Register dump offset in the data page (S-type offsets stay below 2048; bodies access below it). */
export const DUMP = 1024;
/** x31 holds DATA for the whole program. */
export const BASE = 31;

type RegRegImm = (rd: number, rs1: number, imm: number) => number;
/** The loads and stores of every width, with their access size in bytes. */
export const LOADS: readonly (readonly [RegRegImm, number])[] = [
  [A.lb, 1],
  [A.lbu, 1],
  [A.lh, 2],
  [A.lhu, 2],
  [A.lw, 4],
];
export const STORES: readonly (readonly [RegRegImm, number])[] = [
  [A.sb, 1],
  [A.sh, 2],
  [A.sw, 4],
];

/** `sw x1..x30` into the dump area. */
export const dumpRegisters = (): number[] =>
  Array.from({ length: 30 }, (_, i) => A.sw(i + 1, BASE, DUMP + 4 * (i + 1)));

/** Linux: write(1, data page, 4096); exit(0). */
export const linuxEpilogue = (): number[] => [
  A.addi(17, 0, 64),
  A.addi(10, 0, 1),
  A.addi(11, BASE, 0),
  ...A.li(12, DATA_BYTES),
  A.ecall(),
  A.addi(17, 0, 93),
  A.addi(10, 0, 0),
  A.ecall(),
];

/** An ELF with the words at TEXT (entry) and the data page at DATA. */
export function pageElf(words: number[], data: Uint8Array): Uint8Array {
  return buildElf(
    TEXT,
    [
      { vaddr: TEXT, data: wordsToBytes(words), flags: PF_R | PF_X },
      { vaddr: DATA, data, flags: PF_R | PF_W },
    ],
    [],
    0x10000,
  );
}

/** The data page as qemu-riscv32 leaves it: `words` + the Linux epilogue, written to `file` and run. */
export function qemuDataPage(file: string, words: number[], data: Uint8Array): Uint8Array {
  writeFileSync(file, pageElf([...words, ...linuxEpilogue()], data), { mode: 0o755 }); // qemu-user wants +x
  const page = new Uint8Array(execFileSync('qemu-riscv32', [file], { maxBuffer: 1 << 20 }));
  expect(page.length).toBe(DATA_BYTES);
  return page;
}

/** memscope's run ended with qemu's data page, and its registers equal the dump in that page. */
export function expectSamePage(run: GuestRun, expected: Uint8Array, label: string): void {
  const actual = new Uint8Array(DATA_BYTES);
  for (let i = 0; i < DATA_BYTES; i++) actual[i] = run.memory.getCell(2, DATA + i);
  const firstDiff = actual.findIndex((b, i) => b !== expected[i]);
  expect(firstDiff, `${label}: first differing byte at data offset ${firstDiff}`).toBe(-1);
  const regs = run.registers();
  const dump = new DataView(actual.buffer);
  for (let r = 1; r <= 30; r++) expect(regs[r], `${label} x${r}`).toBe(dump.getUint32(DUMP + 4 * r, true));
  expect(regs[0]).toBe(0);
}

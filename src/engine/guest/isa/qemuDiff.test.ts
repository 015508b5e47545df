// Differential test against qemu-riscv32 (Debian qemu-user): generated RV32IM programs (arithmetic edge
// cases: division by zero, INT_MIN / -1, overflow, shifts, sign extension, aligned sub-word loads and
// stores, forward branches, lui/auipc) on the data-page harness (qemuPage.testutil.ts): the data page and
// the registers must end identical. Runs only when qemu-riscv32 is installed (fails in CI when it is not).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Random } from '../../random';
import * as A from '../asm/encode';
import { needs, qemu } from '../fixtures.testutil';
import { loadGuestProgram } from '../program/guestProgram';
import { GuestRun } from '../guestRun';
import {
  BASE,
  DATA,
  DATA_BYTES,
  DUMP,
  dumpRegisters,
  expectSamePage,
  LOADS,
  pageElf,
  qemuDataPage,
  STORES,
} from './qemuPage.testutil';

const PROGRAMS = 60;
const BODY = 500;

const EDGE = [
  0, 1, 2, -1, -2, 0x7fffffff, 0x80000000, 0x80000001, 0xffff, 0x8000, 0x7fff, 0x80, 0xff, 0x7f, 31, 32, 33,
  0x55555555, 0xaaaaaaaa,
];

function body(rnd: Random): number[] {
  const reg = () => 1 + rnd.below(30); // x1..x30
  const dst = () => (rnd.below(20) === 0 ? 0 : reg()); // sometimes x0; never x31 (the base)
  const src = () => rnd.below(32);
  const rr = [
    A.add,
    A.sub,
    A.sll,
    A.slt,
    A.sltu,
    A.xor,
    A.srl,
    A.sra,
    A.or,
    A.and,
    A.mul,
    A.mulh,
    A.mulhsu,
    A.mulhu,
    A.div,
    A.divu,
    A.rem,
    A.remu,
  ];
  const ri = [A.addi, A.slti, A.sltiu, A.xori, A.ori, A.andi];
  const sh = [A.slli, A.srli, A.srai];
  const imm12 = () => rnd.pick([0, 1, -1, 2047, -2048, 31, 255, -256]);
  const words: number[] = [];
  for (const r of Array.from({ length: 30 }, (_, i) => i + 1))
    words.push(...A.li(r, (rnd.below(3) === 0 ? rnd.u32() : rnd.pick(EDGE)) | 0));
  while (words.length < BODY) {
    const k = rnd.below(100);
    if (k < 40) words.push(rnd.pick(rr)(dst(), src(), src()));
    else if (k < 52) words.push(rnd.pick(ri)(dst(), src(), rnd.below(2) ? imm12() : rnd.below(4096) - 2048));
    else if (k < 58) words.push(rnd.pick(sh)(dst(), src(), rnd.below(32)));
    else if (k < 61) words.push(A.lui(dst(), rnd.u32() >>> 12));
    else if (k < 63) words.push(A.auipc(dst(), rnd.u32() >>> 12));
    else if (k < 80) {
      // aligned loads from the data page (first half: the dump area is written only at the end)
      const [op, size] = rnd.pick(LOADS);
      words.push(op(dst(), BASE, rnd.below(DUMP / size) * size));
    } else if (k < 94) {
      const [op, size] = rnd.pick(STORES);
      words.push(op(src(), BASE, rnd.below(DUMP / size) * size));
    } else {
      // a forward branch over the next instruction (taken or not)
      words.push(rnd.pick([A.beq, A.bne, A.blt, A.bge, A.bltu, A.bgeu])(src(), src(), 8));
    }
  }
  words.push(A.addi(0, 0, 0)); // a final branch skips this nop, not the first dump store
  words.push(...dumpRegisters());
  return words;
}

/** Arithmetic edge cases systematically: `op` over every pair of edge values, each result stored. */
function edgeProgram(op: (rd: number, rs1: number, rs2: number) => number): number[] {
  const values = [0, 1, -1, 2, 0x7fffffff, 0x80000000, 0x80000001, 31, 32, 33, 0xffff, 0x8000];
  // Linux starts with sp (and maybe more) set: define every register first.
  const words: number[] = Array.from({ length: 30 }, (_, i) => A.addi(i + 1, 0, 0));
  let slot = 0;
  for (const a of values)
    for (const b of values) {
      words.push(...A.li(5, a | 0), ...A.li(6, b | 0), op(7, 5, 6), A.sw(7, BASE, 4 * slot++));
      words.push(op(0, 5, 6)); // the same with rd = x0: no effect anywhere
    }
  words.push(A.addi(0, 0, 0));
  words.push(...dumpRegisters());
  return words;
}

describe.runIf(needs(qemu()))('memscope agrees with qemu-riscv32 on generated RV32IM programs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memscope-qemu-'));
  afterAll(() => process.env.KEEP_QEMU_DIR || rmSync(dir, { recursive: true, force: true }));
  let serial = 0;

  /** Runs `program` (words after `li t6, DATA`) on both and compares the data page and the registers. */
  function compare(label: string, program: number[], data: Uint8Array): void {
    const words = [...A.li(BASE, DATA), ...program];
    const expected = qemuDataPage(path.join(dir, `p${serial++}.elf`), words, data);
    const run = new GuestRun(loadGuestProgram(pageElf([...words, A.terminate(0)], data)));
    expect(run.run(100_000)).toBe('terminated');
    expectSamePage(run, expected, label);
  }

  it(`${PROGRAMS} random programs of ${BODY} instructions end with identical registers and memory`, () => {
    const rnd = new Random(0xd1ff);
    for (let p = 0; p < PROGRAMS; p++) {
      const program = body(rnd);
      const data = new Uint8Array(DATA_BYTES);
      for (let i = 0; i < DATA_BYTES; i++) data[i] = rnd.below(256);
      compare(`program ${p}`, program, data);
    }
  });

  it('every R-type ALU and M instruction over all pairs of edge values (division by zero, INT_MIN / -1, shifts by 31..33)', () => {
    const ops = {
      add: A.add,
      sub: A.sub,
      sll: A.sll,
      slt: A.slt,
      sltu: A.sltu,
      xor: A.xor,
      srl: A.srl,
      sra: A.sra,
      or: A.or,
      and: A.and,
    };
    const m = {
      mul: A.mul,
      mulh: A.mulh,
      mulhsu: A.mulhsu,
      mulhu: A.mulhu,
      div: A.div,
      divu: A.divu,
      rem: A.rem,
      remu: A.remu,
    };
    for (const [name, op] of Object.entries({ ...ops, ...m }))
      compare(name, edgeProgram(op), new Uint8Array(DATA_BYTES).fill(0xa5));
  });
});

// Differential test of the compiled tier on random RV32IM programs: the body (ALU and M with x0 among the
// destinations, loads and stores of every width at every alignment of a random data page, forward
// branches of 1..8 words so blocks end and start everywhere, JAL and JALR with links) runs in a loop of
// three passes (every block gets hot), and must end in the same state with the tier off and on
// (tierCompare.testutil.ts: registers, memory, metadata, every record, timestamps), also compiled at first
// sight (threshold 0) and in odd step slices; programs with a misaligned or out-of-range access must fail
// the same way at the same instruction. The aligned programs also run on qemu-riscv32 (the data page and
// the registers must match), as isa/qemuDiff.test.ts does for the interpreter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { Random } from '../../random';
import * as A from '../asm/encode';
import { needs, qemu } from '../fixtures.testutil';
import {
  BASE,
  DATA,
  DATA_BYTES,
  DUMP,
  dumpRegisters,
  expectSamePage,
  LOADS,
  pageElf as elf,
  qemuDataPage,
  STORES,
} from '../isa/qemuPage.testutil';
import { loadGuestProgram } from '../program/guestProgram';
import { GuestRun } from '../guestRun';
import { expectSameEnd, withTier } from './tierCompare.testutil';
import { setCompileThreshold } from './tierSwitch';

const LOOP = 30; // x30 = the pass counter
const BODY = 300;

/** The random body; `misaligned`: sub-word and word accesses at any offset (may fail), else aligned. */
function body(rnd: Random, misaligned: boolean): number[] {
  const reg = () => 1 + rnd.below(28); // x1..x28 (x29: jalr base, x30: pass counter, x31: data base)
  const jumps: { at: number; origin: number; skip: number; make: (off: number) => number }[] = [];
  const jalrs = new Set<number>();
  const dst = () => (rnd.below(8) === 0 ? 0 : reg());
  const src = () => rnd.below(32);
  const rr = [A.add, A.sub, A.sll, A.slt, A.sltu, A.xor, A.srl, A.sra, A.or, A.and, A.mul, A.mulh, A.mulhsu];
  const rr2 = [A.mulhu, A.div, A.divu, A.rem, A.remu];
  const ri = [A.addi, A.slti, A.sltiu, A.xori, A.ori, A.andi];
  const sh = [A.slli, A.srli, A.srai];
  const words: number[] = [];
  while (words.length < BODY) {
    const left = BODY - words.length;
    const k = rnd.below(100);
    if (k < 25) words.push(rnd.pick([...rr, ...rr2])(dst(), src(), src()));
    else if (k < 35) words.push(rnd.pick(ri)(dst(), src(), rnd.below(4096) - 2048));
    else if (k < 40) words.push(rnd.pick(sh)(dst(), src(), rnd.below(32)));
    else if (k < 42) words.push(A.lui(dst(), rnd.u32() >>> 12));
    else if (k < 44) words.push(A.auipc(dst(), rnd.u32() >>> 12));
    else if (k < 62) {
      const [op, size] = rnd.pick(LOADS);
      const off = misaligned && rnd.below(40) === 0 ? rnd.below(DUMP - 4) : rnd.below(DUMP / size) * size;
      words.push(op(dst(), BASE, off));
    } else if (k < 78) {
      const [op, size] = rnd.pick(STORES);
      const off = misaligned && rnd.below(40) === 0 ? rnd.below(DUMP - 4) : rnd.below(DUMP / size) * size;
      words.push(op(src(), BASE, off));
    } else if (k < 92 && left > 9) {
      // a forward branch of 1..8 words (1: both ways land on the next word)
      const op = rnd.pick([A.beq, A.bne, A.blt, A.bge, A.bltu, A.bgeu]);
      const [a, b] = [src(), src()];
      jumps.push({
        at: words.length,
        origin: words.length,
        skip: 1 + rnd.below(8),
        make: (off) => op(a, b, off),
      });
      words.push(0);
    } else if (k < 96 && left > 9) {
      const rd = dst();
      jumps.push({
        at: words.length,
        origin: words.length,
        skip: 1 + rnd.below(8),
        make: (off) => A.jal(rd, off),
      });
      words.push(0);
    } else if (left > 10) {
      // jalr through x29 just set by auipc: a computed jump 2..5 words ahead (x29 is written nowhere else)
      const rd = dst();
      jalrs.add(words.length + 1);
      jumps.push({
        at: words.length + 1,
        origin: words.length,
        skip: 2 + rnd.below(4),
        make: (off) => A.jalr(rd, 29, off),
      });
      words.push(A.auipc(29, 0), 0);
    }
  }
  // No branch or jump lands on a jalr (it would jump through a stale x29, backwards).
  for (const { at, origin, skip, make } of jumps)
    words[at] = make(4 * (jalrs.has(origin + skip) ? skip + 1 : skip));
  return words;
}

function program(rnd: Random, misaligned: boolean): { words: number[]; data: Uint8Array } {
  const words = [...A.li(BASE, DATA), ...A.li(LOOP, 3)];
  for (let r = 1; r < 30; r++) words.push(...A.li(r, rnd.u32() | 0));
  const top = words.length;
  words.push(...body(rnd, misaligned));
  words.push(A.addi(LOOP, LOOP, -1));
  words.push(A.bne(LOOP, 0, 4 * (top - words.length)));
  words.push(...dumpRegisters());
  const data = new Uint8Array(DATA_BYTES);
  for (let i = 0; i < DATA_BYTES; i++) data[i] = rnd.below(256);
  return { words, data };
}

afterEach(() => setCompileThreshold(2));

describe('compiled tier = interpreter on random RV32IM programs', () => {
  for (const threshold of [2, 0]) {
    it(`40 aligned programs of ${BODY} words × 3 passes (compile threshold ${threshold})`, () => {
      setCompileThreshold(threshold);
      const rnd = new Random(0xc0de + threshold);
      for (let p = 0; p < 40; p++) {
        const { words, data } = program(rnd, false);
        const prog = loadGuestProgram(elf([...words, A.terminate(0)], data));
        const end = expectSameEnd(() => new GuestRun(prog, { keepRecords: true }), 100_000, 1_000_000);
        expect(end.status).toBe('terminated');
      }
    });
  }

  it('40 programs with misaligned accesses fail identically (error, pc, instret, state)', () => {
    setCompileThreshold(0);
    const rnd = new Random(0xbad);
    let failed = 0;
    for (let p = 0; p < 40; p++) {
      const { words, data } = program(rnd, true);
      const prog = loadGuestProgram(elf([...words, A.terminate(0)], data));
      const end = expectSameEnd(() => new GuestRun(prog, { keepRecords: true }), 100_000, 1_000_000);
      if (end.status === 'failed') failed++;
    }
    expect(failed).toBeGreaterThan(10);
  });

  it('step slices of 1, 7 and 333 instructions end where the whole run ends', () => {
    setCompileThreshold(0);
    const rnd = new Random(0x51ce);
    for (const slice of [1, 7, 333]) {
      const { words, data } = program(rnd, false);
      const prog = loadGuestProgram(elf([...words, A.terminate(0)], data));
      expectSameEnd(() => new GuestRun(prog, { keepRecords: true, mode: 'volatile' }), slice);
    }
  });
});

describe.runIf(needs(qemu()))('compiled tier agrees with qemu-riscv32 on random RV32IM programs', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'memscope-compiled-qemu-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('30 aligned programs: same data page and registers as qemu, every block compiled', () => {
    setCompileThreshold(0);
    const rnd = new Random(0x9e3);
    for (let p = 0; p < 30; p++) {
      const { words, data } = program(rnd, false);
      const expected = qemuDataPage(path.join(dir, `p${p}.elf`), words, data);
      const run = withTier(true, () => new GuestRun(loadGuestProgram(elf([...words, A.terminate(0)], data))));
      expect(run.run(1_000_000)).toBe('terminated');
      expect(run.machine.tier?.compiled).toBeGreaterThan(0);
      expectSamePage(run, expected, `program ${p}`);
    }
  });
});

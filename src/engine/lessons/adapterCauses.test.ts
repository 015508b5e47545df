// Adapter rows by cause (adapterCauses.ts) in the cost comparison: the shares sum to each AIR's rows, a pure
// RV32IM guest is all RV32IM (and finalize), and ecrecover with its openvm.toml owes AccessAdapterAir<16>
// and <32> rows to the modular and ECC chips. The reference for the attribution is independent of the
// interpreter's onStep hook: the same run stepped one instruction at a time, each step's new records charged
// to the opcode at the pc it started from, and finalize's records to finalize.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, needs, REPO_ROOT, repoFile, SHARED, sharedFile } from '../guest/fixtures.testutil';
import * as O from '../guest/isa/opcodes';
import { openRun } from '../timeline/openRun';
import type { SessionOptions } from '../timeline/sessionTypes';
import { ADAPTER_CAUSES, CAUSE_FINALIZE, CauseTally, instructionCause } from './adapterCauses';
import { costComparison, type ModeCost } from './costComparison';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const ECRECOVER_INPUT = 'examples/inputs/ecrecover.input.json';

/** The cause rows of a run as { cause: rows per N }, and the check that they sum to every N's rows. */
function causes(r: ModeCost): Record<string, number[]> {
  for (let k = 0; k < 5; k++)
    expect(
      r.causes.reduce((s, c) => s + c.rows[k], 0),
      `AccessAdapterAir<${2 << k}>`,
    ).toBe(r.adapters[k].rows);
  return Object.fromEntries(r.causes.map((c) => [c.cause, c.rows]));
}

/** Reference: one instruction per run() call, charged to the opcode at the pc where it started. */
function stepwise(bytes: Uint8Array, options: SessionOptions): Record<string, number[]> {
  const opened = openRun('guest', bytes, { ...options, allocator: 'none' });
  if (opened.kind !== 'guest') throw new Error('guest expected');
  const m = opened.machine;
  const d = m.program.decoded;
  const base = m.program.elf.pcBase;
  const tally = new CauseTally(m.memory.records);
  m.memory.records.keep = false;
  while (m.run(0) === null) {
    const idx = (m.interpreter.pc - base) / 4;
    m.run(1);
    tally.flush(instructionCause(d.code[idx], d.imm[idx]));
  }
  m.memory.finalize(m.mode === 'persistent');
  tally.flush(CAUSE_FINALIZE);
  const out: Record<string, number[]> = {};
  tally.byCause().forEach((rows, c) => {
    if (rows.some((x) => x > 0)) out[ADAPTER_CAUSES[c]] = rows;
  });
  return out;
}

describe('instructionCause', () => {
  it('follows the chip of each opcode', () => {
    expect(ADAPTER_CAUSES[instructionCause(O.OP_ADD, 0)]).toBe('RV32IM');
    expect(ADAPTER_CAUSES[instructionCause(O.OP_HINT_BUFFER, 0)]).toBe('RV32IM');
    expect(ADAPTER_CAUSES[instructionCause(O.OP_KECCAK256, 0)]).toBe('Keccak-256');
    expect(ADAPTER_CAUSES[instructionCause(O.OP_SHA256, 0)]).toBe('SHA-256');
    expect(ADAPTER_CAUSES[instructionCause(O.OP_MUL256, 0)]).toBe('Int256');
    expect(ADAPTER_CAUSES[instructionCause(O.OP_BEQ256, 0)]).toBe('Int256');
    // custom-1 words: funct3 0 modular (mulmod: funct7 = 2 -> MUL of modulus 0), 1 ECC, 2 Fp2
    const word = (funct3: number, funct7: number) =>
      (funct7 << 25) | (3 << 20) | (2 << 15) | (funct3 << 12) | (1 << 7) | 0x2b;
    expect(ADAPTER_CAUSES[instructionCause(O.OP_ALGEBRA, word(0, 2))]).toBe('modular');
    expect(ADAPTER_CAUSES[instructionCause(O.OP_ALGEBRA, word(1, 0))]).toBe('ECC');
    expect(ADAPTER_CAUSES[instructionCause(O.OP_ALGEBRA, word(2, 2))]).toBe('Fp2');
  });
});

describe.runIf(needs(repoFile('public/examples/hello.elf'), repoFile('public/examples/int256.elf')))(
  'adapter rows by cause on the examples',
  () => {
    it('a pure RV32IM guest: every row is RV32IM or finalize, in both modes', () => {
      const bytes = new Uint8Array(readFileSync(path.join(EXAMPLES, 'hello.elf')));
      const c = costComparison('guest', bytes);
      for (const r of c.runs) {
        const byCause = causes(r);
        expect(Object.keys(byCause).sort()).toEqual(['RV32IM', 'finalize']);
        expect(byCause).toEqual(stepwise(bytes, { mode: r.mode }));
      }
      // hello, persistent: first touches split nothing; finalize merges the touched chunks' 4-cell blocks
      expect(c.runs[0].causes.find((x) => x.cause === 'finalize')?.rows[2]).toBeGreaterThan(0);
    });

    it('int256.elf: the Int256 chip causes AccessAdapterAir<16>/<32> rows; matches the stepwise reference', () => {
      const bytes = new Uint8Array(readFileSync(path.join(EXAMPLES, 'int256.elf')));
      const c = costComparison('guest', bytes);
      const byCause = causes(c.runs[0]);
      expect(byCause.Int256[4]).toBeGreaterThan(0);
      expect(byCause).toEqual(stepwise(bytes, { mode: 'persistent' }));
    });
  },
);

describe('adapter rows by cause on scripts', () => {
  it("a script's accesses and its own finalize are separate causes", () => {
    const bytes = new Uint8Array(readFileSync(path.join(REPO_ROOT, 'public/examples/finalize.mtrace')));
    const c = costComparison('mtrace', bytes);
    for (const r of c.runs) {
      const byCause = causes(r);
      expect(Object.keys(byCause).every((k) => k === 'script accesses' || k === 'finalize')).toBe(true);
    }
    // persistent: 6 splits / 6 merges, rows [0, 0, 14, 2, 0]; its finalize merges the touched chunks
    expect(causes(c.runs[0]).finalize[2]).toBeGreaterThan(0);
  });
});

describe.runIf(
  needs(
    sharedFile('guests/openvm-v1.7-benchmarks/ecrecover.elf'),
    sharedFile('guests/openvm-v1.7-benchmarks/ecrecover.openvm.toml'),
    repoFile(ECRECOVER_INPUT),
  ),
)('adapter rows by cause: ecrecover with its openvm.toml', () => {
  it('the modular and ECC chips cause AccessAdapterAir<16> and <32> rows; matches the stepwise reference', () => {
    const bytes = new Uint8Array(readFileSync(path.join(BENCH, 'ecrecover.elf')));
    const options: SessionOptions = {
      openvmToml: readFileSync(path.join(BENCH, 'ecrecover.openvm.toml'), 'utf8'),
      input: readFileSync(path.join(REPO_ROOT, ECRECOVER_INPUT), 'utf8'),
    };
    const c = costComparison('guest', bytes, options);
    const p = c.runs[0];
    expect([p.mode, p.status]).toEqual(['persistent', 'done']);
    // memscope exec ... --config ecrecover.openvm.toml: <8> 9,254, <16> 3,004, <32> 1,502
    expect(p.adapters.map((a) => a.rows)).toEqual([0, 0, 9254, 3004, 1502]);
    const byCause = causes(p);
    for (const k of [3, 4]) {
      expect(byCause.modular[k], `modular <${2 << k}>`).toBeGreaterThan(0);
      expect(byCause.ECC[k], `ECC <${2 << k}>`).toBeGreaterThan(0);
    }
    expect(byCause).toEqual(stepwise(bytes, { ...options, mode: 'persistent' }));
    causes(c.runs[1]);
  });
});

// The figures the lessons on real guests quote are the engine's: lesson 11 (segments and padding, fibonacci)
// against the metering engine (MeteredRun, SDK defaults and the report's limit 1,048,476), lesson 12
// (algebra/ECC blocks, ecrecover) against the cost comparison and its adapter-row causes. Each figure is
// computed here and must appear, formatted, in the lesson's text; the lessons' ELFs are the benchmark ELFs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLES, needs, REPO_ROOT, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { parseInput } from '../guest/io/input';
import { MeteredRun, type SegmentResult } from '../metering/meteredRun';
import { causeSentences } from './causeShares';
import { costComparison } from './costComparison';
import { parseGuestLesson } from './guestLesson';

const LESSONS = path.join(REPO_ROOT, 'public/lessons');
const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const n = (x: number) => x.toLocaleString('en-US');

function lesson(file: string) {
  const src = parseGuestLesson(readFileSync(path.join(LESSONS, file), 'utf8'));
  const text = [...src.intro, ...src.steps.flatMap((s) => [...s.narration, s.check ?? ''])].join('\n');
  return { src, text, elf: new Uint8Array(readFileSync(path.join(EXAMPLES, src.program))) };
}

describe('the lessons run the benchmark ELFs themselves', () => {
  it.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/fibonacci.elf')))('fibonacci.elf', () => {
    expect(lesson('11-segments.json').elf).toEqual(
      new Uint8Array(readFileSync(path.join(BENCH, 'fibonacci.elf'))),
    );
  });
  it.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/ecrecover.elf')))(
    'ecrecover.elf and its config',
    () => {
      const l = lesson('12-algebra-blocks.json');
      expect(l.elf).toEqual(new Uint8Array(readFileSync(path.join(BENCH, 'ecrecover.elf'))));
      expect(l.src.openvmToml).toBe(readFileSync(path.join(BENCH, 'ecrecover.openvm.toml'), 'utf8'));
      expect(JSON.parse(l.src.input ?? '')).toEqual(
        JSON.parse(readFileSync(path.join(REPO_ROOT, 'examples/inputs/ecrecover.input.json'), 'utf8')),
      );
    },
  );
});

describe('lesson 11: segments and padding, against the metering engine', () => {
  const { src, text, elf } = lesson('11-segments.json');
  let report: SegmentResult[];
  let whole: SegmentResult[];
  let run: MeteredRun;
  beforeAll(() => {
    const program = loadGuestProgram(elf);
    const input = parseInput(src.input ?? '');
    run = new MeteredRun(program, { input, maxSegmentLength: 1_048_476 });
    report = run.run().segments;
    whole = new MeteredRun(program, { input }).run().segments;
  }, 120_000);

  it('the SDK defaults make one segment; the report limit two, cut at a check by BaseAluCoreAir', () => {
    expect(whole.map((s) => s.numInsns)).toEqual([1_500_278]);
    expect(text).toContain(`${n(1_500_278)} instructions`);
    expect(report.map((s) => s.numInsns)).toEqual([873_000, 627_278]);
    expect(text).toContain('2 segments of 873,000 and 627,278 instructions');
    const reason = report[0].reason;
    expect(reason?.kind).toBe('height');
    if (reason?.kind !== 'height') return;
    expect(run.inventory.airs[reason.air].name).toBe(
      'VmAirWrapper<Rv32BaseAluAdapterAir, BaseAluCoreAir<4, 8>',
    );
    expect(reason.padded).toBe(2 ** 20);
    expect(text).toContain('BaseAluCoreAir');
  });

  it('each segment: touched chunks, adapter, boundary and Merkle rows and padded heights as narrated', () => {
    const inv = run.inventory;
    const a8 = inv.adapterId(8);
    const figures = report.map((s) => ({
      chunks: s.rows[inv.boundaryId] / 2,
      adapter: [s.rows[a8], s.padded[a8]],
      boundary: [s.rows[inv.boundaryId], s.padded[inv.boundaryId]],
      merkle: [s.rows[inv.merkleId], s.padded[inv.merkleId]],
    }));
    expect(figures).toEqual([
      { chunks: 24, adapter: [48, 64], boundary: [48, 64], merkle: [216, 256] },
      { chunks: 30, adapter: [60, 64], boundary: [60, 64], merkle: [248, 256] },
    ]);
    expect(text).toContain(
      '24 chunks touched, so AccessAdapterAir<8> 48 rows, padded to 64; PersistentBoundaryAir<8> 48 rows, padded to 64; MemoryMerkleAir<8> 216 rows, padded to 256',
    );
    expect(text).toContain(
      '30 chunks touched, AccessAdapterAir<8> 60 rows, padded to 64; boundary 60, padded to 64; MemoryMerkleAir<8> 248, padded to 256',
    );
    // One segment: 40 chunks, 80 rows padded to 128; 24 + 30 - 40 = 14 chunks touched in both.
    expect([whole[0].rows[a8], whole[0].padded[a8], whole[0].rows[inv.boundaryId] / 2]).toEqual([
      80, 128, 40,
    ]);
    expect(text).toContain('48 + 60 = 108 adapter rows, where the run as one segment pays 80 (40 chunks)');
    expect(text).toContain('the 14 chunks both segments touch');
    expect(text).toContain('64 + 64 against 128');
  });
});

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/ecrecover.elf')))(
  'lesson 12: algebra and ECC blocks, against the cost comparison',
  () => {
    it('instructions, AccessAdapterAir<16>/<32> rows and padded heights, and their causes', () => {
      const { src, text, elf } = lesson('12-algebra-blocks.json');
      const c = costComparison('guest', elf, { input: src.input, openvmToml: src.openvmToml });
      const p = c.runs[0];
      expect([p.mode, p.status, p.steps]).toEqual(['persistent', 'done', 121_746]);
      expect(text).toContain(`It runs ${n(p.steps)} instructions`);
      const [, , , a16, a32] = p.adapters;
      expect(text).toContain(
        `AccessAdapterAir<16> has ${n(a16.rows)} rows (padded to ${n(a16.padded)}) and <32> ${n(a32.rows)} (padded to ${n(a32.padded)})`,
      );
      // "ecrecover: 50 % of AccessAdapterAir<16> rows come from extension chips (ECC 38 %, modular 12 %), 30 % ..."
      const s16 = causeSentences(p, 'ecrecover').find((s) => s.includes('AccessAdapterAir<16>')) ?? '';
      const m =
        /\(ECC (\d+) %, modular (\d+) %\), (\d+) % from RV32IM instructions, (\d+) % from finalize/.exec(s16);
      expect(m).not.toBeNull();
      const [, ecc, modular, rv, fin] = m as RegExpExecArray;
      expect(text).toContain(
        `${ecc} % from the ECC chip, ${modular} % from the modular chips, ${rv} % from RV32IM instructions and ${fin} % from finalize`,
      );
      expect(text).toContain(`cause about ${rv} % of its AccessAdapterAir<16> rows`);
    });
  },
);

// regex (Keccak-256 extension) against OpenVM's v1.7.0 report (regex.md, limit 1,048,476): 4 segments,
// AccessAdapterAir<8> 131,072 then 1,024, and every AIR row. The committed ELF (benchmarks/guest/regex/elf
// at v1.7.0) runs 4,165,390 instructions against CI's build's 4,137,472 (+0.7%, a different compiler
// build of the same source), so the cuts land elsewhere: 1,135,000 / 1,108,000 / 1,108,000 / 814,390
// against 1,103,000 / 1,104,000 / 1,104,000 / 826,472 (each cut is LoadStoreCoreAir passing 2^19 rows, as
// in OpenVM). The seven rows that then cross a power of two are listed with our unpadded rows.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needs, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { parseInput } from '../guest/io/input';
import { MeteredRun, type MeteringResult } from './meteredRun';
import { type Differences, REPORT, reportDifferences } from './report.testutil';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');

/** segment:air_name -> [ours padded, report]; ours unpadded in the comment. */
const KNOWN_DIFFERENCES: Differences = {
  '0:VmAirWrapper<Rv32MultAdapterAir, DivRemCoreAir<4, 8>': [128, 256], // 114 rows
  '1:VmAirWrapper<Rv32BranchAdapterAir, BranchEqualCoreAir<4>': [131072, 65536], // 65,587
  '1:VmAirWrapper<Rv32BaseAluAdapterAir, LessThanCoreAir<4, 8>': [16384, 8192], // 9,360
  '2:VmAirWrapper<Rv32BranchAdapterAir, BranchEqualCoreAir<4>': [131072, 65536], // 65,588
  '2:VmAirWrapper<Rv32BaseAluAdapterAir, LessThanCoreAir<4, 8>': [16384, 8192], // 9,363
  '3:PersistentBoundaryAir<8>': [2048, 1024], // 1,088: 544 touched chunks
  '3:AccessAdapterAir<8>': [2048, 1024], // 1,088
};

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/regex.elf'), REPORT))(
  'regex against OpenVM v1.7.0 report',
  () => {
    let run: MeteredRun;
    let result: MeteringResult;
    beforeAll(() => {
      const program = loadGuestProgram(new Uint8Array(readFileSync(path.join(BENCH, 'regex.elf'))));
      const input = parseInput(readFileSync(path.join(BENCH, 'regex.input.json'), 'utf8'));
      run = new MeteredRun(program, { input, maxSegmentLength: 1_048_476 });
      result = run.run();
    }, 120_000);

    it('4 segments, each cut by LoadStoreCoreAir passing 2^19 rows; one Keccak-f (24 rows) in the last', () => {
      expect(result.error).toBeNull();
      expect(result.exitCode).toBe(0);
      expect(result.segments.map((s) => s.numInsns)).toEqual([1_135_000, 1_108_000, 1_108_000, 814_390]);
      for (const s of result.segments.slice(0, 3))
        expect(s.reason).toEqual({ kind: 'height', air: run.inventory.id('load_store'), padded: 1_048_576 });
      const keccak = run.inventory.id('keccak');
      expect(result.segments.map((s) => s.rows[keccak])).toEqual([0, 0, 0, 24]);
    });

    it('AccessAdapterAir<8> padded 131,072 then 1,024, 1,024 (the last: 2,048 here, see above)', () => {
      expect(result.segments.map((s) => s.padded[run.inventory.adapterId(8)])).toEqual([
        131_072, 1_024, 1_024, 2_048,
      ]);
      expect(result.segments.map((s) => s.padded[run.inventory.merkleId])).toEqual([
        131_072, 1_024, 1_024, 2_048,
      ]);
    });

    it('every AIR row of the report (differences only where listed)', () => {
      const { differences, problems } = reportDifferences('regex', run.inventory, result.segments);
      expect(problems).toEqual([]);
      expect(differences).toEqual(KNOWN_DIFFERENCES);
    });
  },
);

// ecrecover (Keccak-256, modular and ECC extensions; secp256k1) against OpenVM's v1.7.0 report
// (ecrecover.md, limit 1,048,476): one segment, the padded memory AIRs, and every AIR row, chip by chip.
// CI signed five messages with a key drawn from ChaCha8Rng(12345) (benchmarks/prove/src/bin/ecrecover.rs)
// and built the ELF from source; memscope runs the committed ELF on examples/inputs/ecrecover.input.json
// (five signatures by our own key): 121,746 instructions against the report's 126,560 (-3.8%). Every AIR
// id, name and width matches, and so do the memory AIRs and all algebra / ECC chips but one; the seven
// rows that fall on the other side of a power of two are listed with our unpadded rows. Six are RV32IM
// chips, whose mix depends on the compiler build (as in fibonacci/regex) and on the signature values
// (big-integer code in the guest: LoadSignExtend 4,441 rows here against < 2,048 in CI). The scalar field's
// add/sub chip (air 13) runs 6 instructions here against 9..16 in CI: its count depends on the signature
// (the guest's scalar arithmetic for u1 = -z·r⁻¹, u2 = s·r⁻¹ and their reductions).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needs, REPO_ROOT, repoFile, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { parseInput } from '../guest/io/input';
import { parseOpenVmToml } from '../guest/config/vmConfig';
import { MeteredRun, type MeteringResult } from './meteredRun';
import { type Differences, REPORT, reportDifferences } from './report.testutil';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const INPUT = 'examples/inputs/ecrecover.input.json';

/** segment:[air_id:]air_name -> [ours padded, report]; ours unpadded in the comment. */
const KNOWN_DIFFERENCES: Differences = {
  '0:13:VmAirWrapper<Rv32VecHeapAdapterAir<2, 1, 1, 32, 32>, FieldExpressionCoreAir>': [8, 16], // 6 rows
  '0:VmAirWrapper<Rv32BaseAluAdapterAir, ShiftCoreAir<4, 8>': [16384, 8192], // 9,542
  '0:VmAirWrapper<Rv32BranchAdapterAir, BranchLessThanCoreAir<4, 8>': [4096, 8192], // 3,504
  '0:VmAirWrapper<Rv32JalrAdapterAir, Rv32JalrCoreAir>': [2048, 4096], // 1,961
  '0:VmAirWrapper<Rv32LoadStoreAdapterAir, LoadSignExtendCoreAir<4, 8>': [8192, 2048], // 4,441
  '0:VmAirWrapper<Rv32MultAdapterAir, MultiplicationCoreAir<4, 8>': [32, 64], // 31
  '0:VmAirWrapper<Rv32RdWriteAdapterAir, Rv32AuipcCoreAir>': [1024, 2048], // 973
};

describe.runIf(
  needs(
    sharedFile('guests/openvm-v1.7-benchmarks/ecrecover.elf'),
    sharedFile('guests/openvm-v1.7-benchmarks/ecrecover.openvm.toml'),
    repoFile(INPUT),
    REPORT,
  ),
)('ecrecover against OpenVM v1.7.0 report', () => {
  let run: MeteredRun;
  let result: MeteringResult;
  beforeAll(() => {
    const program = loadGuestProgram(new Uint8Array(readFileSync(path.join(BENCH, 'ecrecover.elf'))));
    const vmConfig = parseOpenVmToml(
      readFileSync(path.join(BENCH, 'ecrecover.openvm.toml'), 'utf8'),
      'ecrecover.openvm.toml',
    );
    const input = parseInput(readFileSync(path.join(REPO_ROOT, INPUT), 'utf8'));
    run = new MeteredRun(program, { input, vmConfig, maxSegmentLength: 1_048_476 });
    result = run.run();
  }, 120_000);

  it('one segment of 121,746 instructions', () => {
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(result.segments.map((s) => s.numInsns)).toEqual([121_746]);
  });

  it("algebra / ECC chips in the report's air ids 9..16, one row per instruction (setups included)", () => {
    const ids = ['ecc0_double', 'ecc0_addne', 'modular1_iseq', 'modular1_muldiv', 'modular1_addsub'].map(
      (k) => run.inventory.id(k),
    );
    expect(ids).toEqual([9, 10, 11, 12, 13]);
    expect(['modular0_iseq', 'modular0_muldiv', 'modular0_addsub'].map((k) => run.inventory.id(k))).toEqual([
      14, 15, 16,
    ]);
    const s = result.segments[0];
    expect([9, 10, 11, 12, 13, 14, 15, 16].map((id) => s.rows[id])).toEqual([
      1271, 724, 21, 11, 6, 3200, 21, 13,
    ]);
  });

  it('padded AccessAdapterAir<8|16|32> 16,384 / 4,096 / 2,048, boundary and Merkle 4,096', () => {
    const s = result.segments[0];
    const inv = run.inventory;
    expect([8, 16, 32].map((n) => s.padded[inv.adapterId(n)])).toEqual([16_384, 4_096, 2_048]);
    expect([s.padded[inv.boundaryId], s.padded[inv.merkleId]]).toEqual([4_096, 4_096]);
  });

  it("the rows charged to call-stack nodes sum to every AIR's rows (algebra accesses hooked)", () => {
    const a = run.inventory.length;
    const nodes = run.nodeRows.length / a;
    for (const air of run.inventory.airs) {
      if (air.constantHeight !== undefined || air.kind === 'program') continue;
      let attributed = 0;
      for (let n = 0; n < nodes; n++) attributed += run.nodeRows[n * a + air.id];
      expect(attributed, air.name).toBe(result.segments[0].rows[air.id]);
    }
  });

  it('every AIR row of the report (differences only where listed)', () => {
    const { differences, problems } = reportDifferences('ecrecover', run.inventory, result.segments);
    expect(problems).toEqual([]);
    expect(differences).toEqual(KNOWN_DIFFERENCES);
  });
});

// kitchen-sink (every extension at once: Keccak, SHA-256, Int256, 11 moduli of 32 and 48 limbs, two Fp2
// fields, four curves, pairing) metered end to end with the openvm.toml its ELF was built with
// (examples/configs/kitchen-sink.elf.openvm.toml). No v1.7.0 report runs it; the kitchen_sink run of OpenVM
// commit 30e6c0fb (a 9-moduli build of the guest, 154,763 instructions: segments of 121,000 and 33,763)
// is the comparison for its segment cut and the padded heights of the memory and precompile AIRs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { needs, REPO_ROOT, repoFile, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { parseOpenVmToml } from '../guest/config/vmConfig';
import { attributionMismatches } from './attribution.testutil';
import { MeteredRun, type MeteringResult } from './meteredRun';

const ELF = 'guests/openvm-v1.7-benchmarks/kitchen-sink.elf';
const CONFIG = 'examples/configs/kitchen-sink.elf.openvm.toml';

describe.runIf(needs(sharedFile(ELF), repoFile(CONFIG)))('kitchen-sink, metered with its openvm.toml', () => {
  let run: MeteredRun;
  let result: MeteringResult;
  beforeAll(() => {
    const program = loadGuestProgram(new Uint8Array(readFileSync(path.join(SHARED, ELF))));
    const vmConfig = parseOpenVmToml(readFileSync(path.join(REPO_ROOT, CONFIG), 'utf8'), CONFIG);
    run = new MeteredRun(program, { vmConfig });
    result = run.run();
  }, 120_000);

  it('ends with exit code 0 in two segments, the first cut at 121,000 instructions', () => {
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(result.segments.map((s) => s.numInsns)).toEqual([121_000, 33_596]);
  });

  it('lists every extension’s AIRs in SdkVmConfigInner order, each extension reversed', () => {
    const names = run.inventory.airs.map((a) => a.name);
    expect(names).toHaveLength(81);
    const count = (re: RegExp) => names.filter((n) => re.test(n)).length;
    // ECC: 4 curves × 2; Fp2: 2 × 2; modular: 11 × 3 (air 9..53).
    expect(count(/FieldExpressionCoreAir|ModularIsEqualCoreAir/)).toBe(8 + 4 + 33);
    expect(count(/ModularIsEqualCoreAir<48, 4, 8>/)).toBe(1);
    expect(names.slice(0, 9)).toEqual([
      'ProgramAir',
      'VmConnectorAir',
      'PersistentBoundaryAir<8>',
      'MemoryMerkleAir<8>',
      ...[2, 4, 8, 16, 32].map((n) => `AccessAdapterAir<${n}>`),
    ]);
    // The last curve (BLS12-381, 48 limbs) comes first: double, then add_ne.
    expect(names[9]).toBe('VmAirWrapper<Rv32VecHeapAdapterAir<1, 6, 6, 16, 16>, FieldExpressionCoreAir>');
    expect(names.slice(54, 67)).toEqual([
      'VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, ShiftCoreAir<32, 8>',
      'VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, MultiplicationCoreAir<32, 8>',
      'VmAirWrapper<Rv32HeapBranchAdapterAir<2, 32>, BranchLessThanCoreAir<32, 8>',
      'VmAirWrapper<Rv32HeapBranchAdapterAir<2, 32>, BranchEqualCoreAir<32>',
      'VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, LessThanCoreAir<32, 8>',
      'VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, BaseAluCoreAir<32, 8>',
      'VmAirWrapper<Rv32MultAdapterAir, DivRemCoreAir<4, 8>',
      'VmAirWrapper<Rv32MultAdapterAir, MulHCoreAir<4, 8>',
      'VmAirWrapper<Rv32MultAdapterAir, MultiplicationCoreAir<4, 8>',
      'RangeTupleCheckerAir<2>',
      'Sha256VmAir',
      'KeccakVmAir',
      'Rv32HintStoreAir',
    ]);
    expect(names.slice(-3)).toEqual([
      'PhantomAir',
      'Poseidon2PeripheryAir<BabyBearParameters>, 1>',
      'VariableRangeCheckerAir',
    ]);
  });

  it('segment 0: the padded memory and precompile heights of the 30e6c0fb kitchen_sink run', () => {
    const s = result.segments[0];
    const padded = (name: string) => s.padded[run.inventory.airs.findIndex((a) => a.name === name)];
    expect({
      adapter8: padded('AccessAdapterAir<8>'),
      adapter16: padded('AccessAdapterAir<16>'),
      adapter32: padded('AccessAdapterAir<32>'),
      boundary: padded('PersistentBoundaryAir<8>'),
      merkle: padded('MemoryMerkleAir<8>'),
      poseidon2: padded('Poseidon2PeripheryAir<BabyBearParameters>, 1>'),
      sha256: padded('Sha256VmAir'),
      keccak: padded('KeccakVmAir'),
      rangeTuple: padded('RangeTupleCheckerAir<2>'),
      alu256: padded('VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, BaseAluCoreAir<32, 8>'),
      mul256: padded('VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, MultiplicationCoreAir<32, 8>'),
    }).toEqual({
      adapter8: 262_144,
      adapter16: 131_072,
      adapter32: 8_192,
      boundary: 8_192,
      merkle: 8_192,
      poseidon2: 4_096,
      sha256: 262_144,
      keccak: 131_072,
      rangeTuple: 2_097_152,
      alu256: 1_024,
      mul256: 256,
    });
  });

  it('attributed rows sum to every AIR total', () => {
    expect(attributionMismatches(run, result)).toEqual([]);
  });
});

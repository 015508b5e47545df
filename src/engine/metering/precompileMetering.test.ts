// Keccak-256, SHA-256 and Int256 guests metered end to end with their openvm.toml (OpenVM's v1.7.0
// benchmark guests, ../shared/guests/openvm-v1.7-benchmarks): the inventory order, the chip rows against
// what the guest's source makes them (benchmarks/guest/*/src/main.rs at v1.7.0), and the attribution sums.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { needs, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { defaultVmConfig, parseOpenVmToml } from '../guest/config/vmConfig';
import { configExtensionAirs } from './airs/algebraAirs';
import { AirInventory } from './airs/airs';
import { attributionMismatches } from './attribution.testutil';
import { MeteredRun, type MeteringResult } from './meteredRun';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const guest = (name: string) => sharedFile(`guests/openvm-v1.7-benchmarks/${name}`);

function meter(name: string): { run: MeteredRun; result: MeteringResult } {
  const program = loadGuestProgram(new Uint8Array(readFileSync(path.join(BENCH, `${name}.elf`))));
  const vmConfig = parseOpenVmToml(
    readFileSync(path.join(BENCH, `${name}.openvm.toml`), 'utf8'),
    `${name}.openvm.toml`,
  );
  const run = new MeteredRun(program, { vmConfig });
  return { run, result: run.run() };
}

const total = (run: MeteredRun, result: MeteringResult, key: string) =>
  result.segments.reduce((t, s) => t + s.rows[run.inventory.id(key)], 0);

describe('inventory of SHA-256 and Int256 configs (SdkVmConfigInner order, extensions reversed)', () => {
  it('rv32i, io, keccak, sha256, rv32m, bigint: the chips between the adapters and PhantomAir', () => {
    const config = { ...defaultVmConfig(), keccak: true, sha256: true, bigint: [256, 8192] as const };
    // vmConfig.ts merges both checkers' sizes (SdkVmConfig::apply_optimizations).
    config.rv32m = [256, 8192];
    const inv = new AirInventory(configExtensionAirs(config));
    const names = inv.airs.map((a) => a.name);
    expect(names.slice(9, 22)).toEqual([
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
    // One bitwise lookup (rv32i's, found by the later extensions) and one range tuple checker of 2^21 rows.
    expect(names.filter((n) => n === 'BitwiseOperationLookupAir<8>')).toHaveLength(1);
    expect(names.filter((n) => n === 'RangeTupleCheckerAir<2>')).toHaveLength(1);
    expect(inv.airs[inv.id('range_tuple')].constantHeight).toBe(2 ** 21);
  });

  it('Int256 without Rv32M adds its own RangeTupleCheckerAir<2> before its chips (find_air finds none)', () => {
    const config = { ...defaultVmConfig(), rv32m: null, bigint: [256, 8192] as const };
    const inv = new AirInventory(configExtensionAirs(config));
    const names = inv.airs.map((a) => a.name);
    expect(names[15]).toBe('RangeTupleCheckerAir<2>');
    expect(names[14]).toBe('VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, BaseAluCoreAir<32, 8>');
    expect(names[16]).toBe('Rv32HintStoreAir');
  });
});

describe.runIf(needs(guest('sha256.elf'), guest('sha256.openvm.toml')))('sha256 guest, metered', () => {
  let run: MeteredRun;
  let result: MeteringResult;
  beforeAll(() => ({ run, result } = meter('sha256')), 120_000);

  it('Sha256VmAir: 17 rows per block of the one 384 KiB message (ceil((8 · 393,216 + 65) / 512) = 6,145 blocks)', () => {
    expect(result.error).toBeNull();
    expect(result.exitCode).toBe(0);
    expect(total(run, result, 'sha256')).toBe(17 * 6145);
    // 16-cell block reads and the 32-cell digest write.
    expect(result.segments[0].rows[run.inventory.adapterId(16)]).toBeGreaterThan(0);
    expect(result.segments[0].rows[run.inventory.adapterId(32)]).toBeGreaterThan(0);
  });

  it('attributed rows sum to every AIR total', () => {
    expect(attributionMismatches(run, result)).toEqual([]);
  });
});

describe.runIf(needs(guest('factorial_iterative_u256.elf'), guest('factorial_iterative_u256.openvm.toml')))(
  'factorial_iterative_u256 guest, metered',
  () => {
    let run: MeteredRun;
    let result: MeteringResult;
    beforeAll(() => ({ run, result } = meter('factorial_iterative_u256')), 120_000);

    it('Multiplication256: one row per `acc *= i` (N = 65,000); RangeTupleCheckerAir<2> 2^21 rows', () => {
      expect(result.error).toBeNull();
      expect(result.exitCode).toBe(0);
      expect(result.segments.length).toBeGreaterThan(1);
      expect(total(run, result, 'int256_mul')).toBe(65_000);
      for (const s of result.segments) expect(s.padded[run.inventory.id('range_tuple')]).toBe(2 ** 21);
    });

    it('attributed rows sum to every AIR total', () => {
      expect(attributionMismatches(run, result)).toEqual([]);
    });
  },
);

describe.runIf(needs(guest('keccak256.elf'), guest('keccak256.openvm.toml')))(
  'keccak256 guest, metered',
  () => {
    let run: MeteredRun;
    let result: MeteringResult;
    beforeAll(() => ({ run, result } = meter('keccak256')), 120_000);

    it('KeccakVmAir: 24 rows per Keccak-f of the one 384 KiB message (393,216 / 136 + 1 = 2,892)', () => {
      expect(result.error).toBeNull();
      expect(total(run, result, 'keccak')).toBe(24 * 2892);
    });

    it('attributed rows sum to every AIR total', () => {
      expect(attributionMismatches(run, result)).toEqual([]);
    });
  },
);

describe.runIf(needs(guest('keccak256.elf'), guest('factorial_iterative_u256.elf')))(
  'a config lacking a chip the program uses',
  () => {
    const load = (name: string) =>
      loadGuestProgram(new Uint8Array(readFileSync(path.join(BENCH, `${name}.elf`))));
    const refusal = (f: () => unknown): EngineError => {
      try {
        f();
      } catch (e) {
        if (e instanceof EngineError) return e;
        throw e;
      }
      throw new Error('not refused');
    };

    it('MeteredRun refuses it by name (a config error, not an internal one), as OpenVM refuses to load it', () => {
      const e = refusal(() => new MeteredRun(load('keccak256'), { vmConfig: defaultVmConfig() }));
      expect(e.kind).toBe('config');
      expect(e.message).toMatch(
        /needs settings missing from defaults .*: \[app_vm_config\.keccak\] \(first needed at pc 0x200b64, 4 words\)/,
      );
      const noBigint = { ...defaultVmConfig(), sha256: true, source: 'sha.toml' };
      const e2 = refusal(() => new MeteredRun(load('factorial_iterative_u256'), { vmConfig: noBigint }));
      expect(e2.kind).toBe('config');
      expect(e2.message).toMatch(/missing from sha\.toml .*\[app_vm_config\.bigint\]/);
    });
  },
);

// The algebra / ECC AIR widths derived from the v1.7.0 source (the mod-builder port) against every such AIR
// the reports publish: v1.7.0's ecrecover.md and pairing.md by air_id, and the kitchen_sink run of OpenVM
// commit 30e6c0fb — whose crates/circuits/mod-builder, extensions/algebra/circuit, extensions/ecc/circuit
// and extensions/rv32-adapters are byte-identical to v1.7.0's — for the moduli the v1.7.0 reports lack
// (2^61 - 1, the 48-limb BLS12-381 chips, the P-256 curve with a = p - 3).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, SHARED, sharedFile } from '../../guest/fixtures.testutil';
import { parseOpenVmToml } from '../../guest/config/vmConfig';
import { configExtensionAirs } from './algebraAirs';
import { AirInventory } from './airs';
import { eccChipAirs, fp2ChipAirs, modularChipAirs } from './fieldExprChips';
import { REPORT, reportAirRows } from '../report.testutil';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const SECP = 2n ** 256n - 2n ** 32n - 977n;
const P256 = 2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n;
const BLS =
  4002409555221667393417789825735904156556882819939007885332058136124031650490837864442687629129015664037894272559787n;
const widths = (airs: { mainCols: number; permCols: number }[]) => airs.map((a) => [a.mainCols, a.permCols]);

describe.runIf(needs(REPORT, sharedFile('guests/openvm-v1.7-benchmarks/pairing.openvm.toml')))(
  'v1.7.0 reports: every algebra / ECC AIR by air_id',
  () => {
    it.each(['ecrecover', 'pairing'])('%s', (name) => {
      const config = parseOpenVmToml(readFileSync(path.join(BENCH, `${name}.openvm.toml`), 'utf8'));
      const inventory = new AirInventory(configExtensionAirs(config));
      let checked = 0;
      for (const r of reportAirRows(name).filter((x) => /FieldExpression|IsEqualMod/.test(x.airName))) {
        const a = inventory.airs[r.airId];
        expect([a.name, a.mainCols, a.permCols], `${name} air ${r.airId}`).toEqual([
          r.airName,
          r.mainCols,
          r.permCols,
        ]);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(name === 'ecrecover' ? 8 : 5);
    });
  },
);

describe('widths a source-identical report (30e6c0fb kitchen_sink) gives', () => {
  it('2^61 - 1: more quotient limbs than a 256-bit modulus (add/sub 223, mul/div 287)', () => {
    expect(widths(modularChipAirs(0, 2n ** 61n - 1n, 32))).toEqual([
      [223, 240],
      [287, 368],
      [166, 56],
    ]);
    expect(widths(modularChipAirs(0, SECP, 32))).toEqual([
      [199, 192],
      [263, 320],
      [166, 56],
    ]);
  });

  it('48-limb BLS12-381 chips: modular, Fp2 and the curve', () => {
    expect(widths(modularChipAirs(0, BLS, 48))).toEqual([
      [297, 304],
      [393, 496],
      [242, 88],
    ]);
    expect(widths(fp2ChipAirs(0, BLS, 48))).toEqual([
      [565, 572],
      [757, 956],
    ]);
    expect(widths(eccChipAirs(0, BLS, 48, 0n))).toEqual([
      [949, 1340],
      [1020, 1668],
    ]);
  });

  it('the P-256 curve (a = p - 3) has the a = 0 curves’ widths; interactions as v1.7.0’s secp256k1 chips', () => {
    const p256 = eccChipAirs(0, P256, 32, P256 - 3n);
    expect(widths(p256)).toEqual([
      [625, 860],
      [547, 836],
    ]);
    expect(eccChipAirs(0, SECP, 32, 0n).map((a) => a.interactions)).toEqual([428, 415]);
  });

  it('names follow the block shape: 32-limb in one 32-byte block, 48-limb in three of 16', () => {
    expect(modularChipAirs(0, BLS, 48).map((a) => a.name)).toEqual([
      'VmAirWrapper<Rv32VecHeapAdapterAir<2, 3, 3, 16, 16>, FieldExpressionCoreAir>',
      'VmAirWrapper<Rv32VecHeapAdapterAir<2, 3, 3, 16, 16>, FieldExpressionCoreAir>',
      'VmAirWrapper<Rv32IsEqualModAdapterAir<2, 3, 16, 48>, ModularIsEqualCoreAir<48, 4, 8>',
    ]);
    expect(eccChipAirs(0, BLS, 48, 0n).map((a) => a.name)).toEqual([
      'VmAirWrapper<Rv32VecHeapAdapterAir<2, 6, 6, 16, 16>, FieldExpressionCoreAir>',
      'VmAirWrapper<Rv32VecHeapAdapterAir<1, 6, 6, 16, 16>, FieldExpressionCoreAir>',
    ]);
  });
});

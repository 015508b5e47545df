// The algebra / ECC AIR catalogue: each custom-1 word's chip (words hand-encoded from
// docs/specs/reference/riscv-custom-code.mdx at v1.7.0: funct7 = index * 8 + base), the interactions
// against the reports' interaction tables, and the refusal of configs whose widths no report gives.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, REPO_ROOT, repoFile, SHARED, sharedFile } from '../guest/fixtures.testutil';
import { defaultVmConfig, parseOpenVmToml } from '../guest/vmConfig';
import { algebraAirKey, configExtensionAirs } from './algebraAirs';
import { AirInventory } from './airs';
import { REPORT, reportInteractions } from './report.testutil';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const word = (f7: number, rs2: number, rs1: number, f3: number, rd: number) =>
  ((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | 0x2b) >>> 0;

describe('algebraAirKey', () => {
  it('modular: add/sub, mul/div and is_eq chips per modulus; setups on their chip; hints and NOP on PhantomAir', () => {
    expect(algebraAirKey(word(8 + 0, 12, 11, 0, 10))).toBe('modular1_addsub'); // addmod, modulus 1
    expect(algebraAirKey(word(1, 12, 11, 0, 10))).toBe('modular0_addsub'); // submod
    expect(algebraAirKey(word(2, 12, 11, 0, 10))).toBe('modular0_muldiv'); // mulmod
    expect(algebraAirKey(word(3, 12, 11, 0, 10))).toBe('modular0_muldiv'); // divmod
    expect(algebraAirKey(word(4, 12, 11, 0, 10))).toBe('modular0_iseq'); // iseqmod
    expect(algebraAirKey(word(4, 12, 11, 0, 0))).toBe('phantom'); // iseqmod rd = x0: NOP
    expect(algebraAirKey(word(5, 1, 11, 0, 10))).toBe('modular0_muldiv'); // setupmod rs2 = 1: SETUP_MULDIV
    expect(algebraAirKey(word(5, 2, 11, 0, 10))).toBe('modular0_iseq'); // SETUP_ISEQ
    expect(algebraAirKey(word(7, 0, 11, 0, 0))).toBe('phantom'); // hint_sqrt
    expect(algebraAirKey(word(5, 3, 11, 0, 10))).toBeNull(); // setupmod rs2 = 3: the transpiler panics
  });

  it('Fp2 and ECC', () => {
    expect(algebraAirKey(word(0, 12, 11, 2, 10))).toBe('fp20_addsub'); // addcomplex
    expect(algebraAirKey(word(2, 12, 11, 2, 10))).toBe('fp20_muldiv'); // mulcomplex
    expect(algebraAirKey(word(0, 12, 11, 1, 10))).toBe('ecc0_addne'); // sw_add_ne
    expect(algebraAirKey(word(1, 0, 11, 1, 10))).toBe('ecc0_double'); // sw_double
    expect(algebraAirKey(word(2, 0, 11, 1, 10))).toBe('ecc0_double'); // sw_setup, rs2 = x0: SETUP_EC_DOUBLE
    expect(algebraAirKey(word(2, 12, 11, 1, 10))).toBe('ecc0_addne'); // sw_setup: SETUP_EC_ADD_NE
  });
});

describe('configExtensionAirs', () => {
  it('refuses, by name, the extensions whose widths no report gives', () => {
    const c = { ...defaultVmConfig(), native: true, source: 't.toml' };
    expect(() => configExtensionAirs(c)).toThrow(/Native \/ CastF \(t\.toml\)/);
    const bls = { ...defaultVmConfig(), modular: [2n ** 380n + 1n], source: 'b.toml' };
    expect(() => configExtensionAirs(bls)).toThrow(/modulus 0 \(0x100000000000…: 48-limb chips\)/);
  });

  it.runIf(needs(repoFile('examples/configs/kitchen-sink.elf.openvm.toml')))(
    'kitchen-sink: names every modulus, field and curve whose chip widths no report gives (they depend on the modulus)',
    () => {
      const file = 'examples/configs/kitchen-sink.elf.openvm.toml';
      const config = parseOpenVmToml(readFileSync(path.join(REPO_ROOT, file), 'utf8'), file);
      expect(() => configExtensionAirs(config)).toThrow(
        /AIR widths of modulus 0 \(1000000000000000003, 60 bits\), modulus 7 \(bls12_381_coord: 48-limb chips\), modulus 9 \(2\^61-1, 61 bits\), modulus 10 \(7, 3 bits\), Fp2 Bls12_381Fp2 \(bls12_381_coord: 48-limb chips\), curve Bls12_381G1Affine \(bls12_381_coord: 48-limb chips\) \(examples\/configs\/kitchen-sink\.elf\.openvm\.toml\)/,
      );
    },
  );

  it('a 32-limb modulus of another size is refused: its quotient and carry limbs differ', () => {
    const c = { ...defaultVmConfig(), modular: [2n ** 61n - 1n], source: 'm.toml' };
    expect(() => configExtensionAirs(c)).toThrow(/modulus 0 \(2\^61-1, 61 bits\)/);
    const p256 = {
      ...defaultVmConfig(),
      modular: [2n ** 256n - 2n ** 224n + 2n ** 192n + 2n ** 96n - 1n],
      source: 'p.toml',
    };
    expect(
      configExtensionAirs(p256)
        .at(-1)
        ?.airs.map((a) => a.mainCols),
    ).toEqual([199, 263, 166]);
  });

  it.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/pairing.openvm.toml'), REPORT))(
    "interactions equal the reports' (ecrecover, pairing)",
    () => {
      for (const name of ['ecrecover', 'pairing']) {
        const config = parseOpenVmToml(readFileSync(path.join(BENCH, `${name}.openvm.toml`), 'utf8'));
        const inventory = new AirInventory(configExtensionAirs(config));
        const published = reportInteractions(name);
        let checked = 0;
        for (const a of inventory.airs) {
          const n = published.get(a.name);
          if (n === undefined) continue;
          expect(a.interactions, `${name}: ${a.key}`).toBe(n);
          checked++;
        }
        expect(checked).toBeGreaterThan(25);
      }
    },
  );
});

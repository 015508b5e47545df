// The algebra / ECC AIR catalogue: each custom-1 word's chip (words hand-encoded from
// docs/specs/reference/riscv-custom-code.mdx at v1.7.0: funct7 = index * 8 + base), the interactions
// against the reports' interaction tables, and the refusal of configs whose widths no report gives.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, SHARED, sharedFile } from '../../guest/fixtures.testutil';
import { defaultVmConfig, parseOpenVmToml } from '../../guest/config/vmConfig';
import { algebraAirKey, configExtensionAirs } from './algebraAirs';
import { AirInventory } from './airs';
import { REPORT, reportInteractions } from '../report.testutil';

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
  it('refuses, by name, the extensions memscope does not catalogue', () => {
    const c = { ...defaultVmConfig(), native: true, source: 't.toml' };
    expect(() => configExtensionAirs(c)).toThrow(/Native \/ CastF \(t\.toml\)/);
  });

  it.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/pairing.openvm.toml'), REPORT))(
    "interactions equal the reports' (ecrecover, pairing)",
    () => {
      for (const name of ['ecrecover', 'pairing']) {
        const config = parseOpenVmToml(readFileSync(path.join(BENCH, `${name}.openvm.toml`), 'utf8'));
        const inventory = new AirInventory(configExtensionAirs(config));
        const published = reportInteractions(name);
        let checked = 0;
        // The report keys interactions by air_name: where several chips share a name (modular add/sub and
        // mul/div), its figure is one of theirs.
        const ours = new Map<string, number[]>();
        for (const a of inventory.airs) ours.set(a.name, [...(ours.get(a.name) ?? []), a.interactions]);
        for (const [airName, counts] of ours) {
          const n = published.get(airName);
          if (n === undefined) continue;
          if (counts.length === 1) expect(counts[0], `${name}: ${airName}`).toBe(n);
          else expect(counts, `${name}: ${airName}`).toContain(n);
          checked++;
        }
        expect(checked).toBeGreaterThan(20);
      }
    },
  );
});

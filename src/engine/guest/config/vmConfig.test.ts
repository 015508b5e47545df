import { readFileSync } from 'node:fs';
import path from 'node:path';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { p256 } from '@noble/curves/nist.js';
import { bn254 } from '@noble/curves/bn254.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { REPO_ROOT } from '../fixtures.testutil';
import { chipLimbs, defaultVmConfig, parseOpenVmToml, type VmConfig } from './vmConfig';

// The 19 benchmark configs. Reading a missing file throws, so an absent ../shared fails these tests.
const BENCH = path.resolve(REPO_ROOT, '../shared/guests/openvm-v1.7-benchmarks');
const read = (name: string) => readFileSync(path.join(BENCH, `${name}.openvm.toml`), 'utf8');
const load = (name: string) => parseOpenVmToml(read(name), `${name}.openvm.toml`);

// Independent values of the moduli: @noble/curves' field orders.
const SECP_P = secp256k1.Point.Fp.ORDER;
const SECP_N = secp256k1.Point.Fn.ORDER;
const P256_P = p256.Point.Fp.ORDER;
const P256_N = p256.Point.Fn.ORDER;
const BN_P = bn254.G1.Point.Fp.ORDER;
const BN_R = bn254.G1.Point.Fn.ORDER;
const BLS_P = bls12_381.G1.Point.Fp.ORDER;
const BLS_R = bls12_381.G1.Point.Fn.ORDER;

function extensions(c: VmConfig): string[] {
  const on: [string, boolean][] = [
    ['rv32i', c.rv32i],
    ['rv32m', c.rv32m !== null],
    ['io', c.io],
    ['keccak', c.keccak],
    ['sha256', c.sha256],
    ['bigint', c.bigint !== null],
    ['modular', c.modular !== null],
    ['fp2', c.fp2 !== null],
    ['ecc', c.ecc !== null],
    ['pairing', c.pairing !== null],
    ['native', c.native],
    ['castf', c.castf],
  ];
  return on.filter(([, v]) => v).map(([k]) => k);
}

const BASE = ['rv32i', 'rv32m', 'io'];
const EXPECTED: Record<string, string[]> = {
  base64_json: BASE,
  bincode: BASE,
  bubblesort: BASE,
  fibonacci: BASE,
  fibonacci_iterative: BASE,
  fibonacci_recursive: BASE,
  quicksort: BASE,
  revm_snailtracer: BASE,
  rkyv: BASE,
  keccak256: [...BASE, 'keccak'],
  keccak256_iter: [...BASE, 'keccak'],
  regex: [...BASE, 'keccak'],
  revm_transfer: [...BASE, 'keccak'],
  sha256: [...BASE, 'sha256'],
  sha256_iter: [...BASE, 'sha256'],
  factorial_iterative_u256: [...BASE, 'bigint'],
  ecrecover: [...BASE, 'keccak', 'modular', 'ecc'],
  pairing: [...BASE, 'modular', 'fp2', 'ecc', 'pairing'],
  'kitchen-sink': [...BASE, 'keccak', 'sha256', 'bigint', 'modular', 'fp2', 'ecc', 'pairing'],
};

describe('openvm.toml of the 19 benchmarks', () => {
  for (const [name, exts] of Object.entries(EXPECTED)) {
    it(`${name}: extensions ${exts.join(', ')}; SystemConfig::default()`, () => {
      const c = load(name);
      expect(extensions(c)).toEqual(exts);
      expect(c.warnings).toEqual([]);
      expect(c.system).toMatchObject({
        mode: 'persistent',
        numPublicValues: 32,
        maxAccessAdapterN: 32,
        fromFile: false,
      });
      // apply_optimizations: no native extension -> no native cells.
      expect(c.system.memory.addressSpaces[4].numCells).toBe(0);
      expect(c.system.memory.addressSpaces[3].numCells).toBe(32);
    });
  }

  it('ecrecover: secp256k1 coordinate then scalar modulus; one curve a = 0, b = 7', () => {
    const c = load('ecrecover');
    expect(c.modular).toEqual([SECP_P, SECP_N]);
    expect(c.ecc).toEqual([{ structName: 'Secp256k1Point', modulus: SECP_P, scalar: SECP_N, a: 0n, b: 7n }]);
    expect(c.rv32m).toEqual([256, 2048]);
  });

  it('pairing: BN254 moduli, Bn254Fp2, Bn254G1Affine (b = 3), pairing curve Bn254', () => {
    const c = load('pairing');
    expect(c.modular).toEqual([BN_P, BN_R]);
    expect(c.fp2).toEqual([{ name: 'Bn254Fp2', modulus: BN_P }]);
    expect(c.ecc).toEqual([{ structName: 'Bn254G1Affine', modulus: BN_P, scalar: BN_R, a: 0n, b: 3n }]);
    expect(c.pairing).toEqual(['Bn254']);
  });

  it('kitchen-sink: nine moduli in file order (index = chip), 48-byte BLS12-381, four curves, both pairings', () => {
    const c = load('kitchen-sink');
    expect(c.modular).toEqual([SECP_P, SECP_N, P256_P, P256_N, BN_P, BN_R, BLS_P, BLS_R, 2n ** 61n - 1n]);
    expect(c.modular?.map(chipLimbs)).toEqual([32, 32, 32, 32, 32, 32, 48, 32, 32]);
    expect(c.fp2).toEqual([
      { name: 'Bn254Fp2', modulus: BN_P },
      { name: 'Bls12_381Fp2', modulus: BLS_P },
    ]);
    expect(c.ecc?.map((e) => [e.structName, e.modulus, e.scalar, e.a, e.b])).toEqual([
      ['Secp256k1Point', SECP_P, SECP_N, 0n, 7n],
      ['P256Point', P256_P, P256_N, P256_P - 3n, p256.Point.CURVE().b],
      ['Bn254G1Affine', BN_P, BN_R, 0n, 3n],
      ['Bls12_381G1Affine', BLS_P, BLS_R, 0n, 4n],
    ]);
    expect(c.pairing).toEqual(['Bn254', 'Bls12_381']);
    // bigint with rv32m: both range tuple checkers take the element-wise maximum.
    expect(c.rv32m).toEqual([256, 8192]);
    expect(c.bigint).toEqual([256, 8192]);
  });
});

describe('defaults and system settings', () => {
  it("without a file: RV32I, RV32M, IO; persistent; AS4 keeps its cells (today's defaults)", () => {
    const c = defaultVmConfig();
    expect(extensions(c)).toEqual(BASE);
    expect(c.system.mode).toBe('persistent');
    expect(c.system.memory.addressSpaces[4].numCells).toBe(2 ** 29);
  });

  const system = (over: Record<string, string> = {}) => {
    const f: Record<string, string> = {
      max_constraint_degree: '3',
      continuation_enabled: 'false',
      num_public_values: '64',
      profiling: 'false',
      ...over,
    };
    const spaces = [
      '{ num_cells = 0, min_block_size = 1, layout = "Null" }',
      '{ num_cells = 128, min_block_size = 4, layout = "U8" }',
      '{ num_cells = 536870912, min_block_size = 4, layout = "U8" }',
      `{ num_cells = ${over.pv_cells ?? 64}, min_block_size = 4, layout = "U8" }`,
      ...Array.from(
        { length: 5 },
        () => '{ num_cells = 0, min_block_size = 1, layout = { Native = { size = 4 } } }',
      ),
    ];
    return [
      '[app_vm_config.rv32i]',
      '[app_vm_config.system.config]',
      ...['max_constraint_degree', 'continuation_enabled', 'num_public_values', 'profiling']
        .filter((k) => f[k] !== '')
        .map((k) => `${k} = ${f[k]}`),
      '[app_vm_config.system.config.memory_config]',
      'addr_space_height = 3',
      'pointer_max_bits = 29',
      'timestamp_max_bits = 29',
      'decomp = 17',
      `max_access_adapter_n = ${over.maan ?? 32}`,
      `addr_spaces = [${spaces.join(', ')}]`,
    ].join('\n');
  };

  it('continuation_enabled = false -> volatile; num_public_values and AS3 cells; max_access_adapter_n', () => {
    const c = parseOpenVmToml(system({ maan: '16' }));
    expect(c.system).toMatchObject({
      mode: 'volatile',
      continuationEnabled: false,
      numPublicValues: 64,
      maxAccessAdapterN: 16,
      fromFile: true,
    });
    expect(c.system.memory.addressSpaces[3].numCells).toBe(64);
    expect(c.system.memory.maxAccessAdapterN).toBe(16);
    expect(c.warnings.join()).toMatch(/max_access_adapter_n = 16/);
  });

  it("a missing SystemConfig field is serde's missing field, named", () => {
    expect(() => parseOpenVmToml(system({ profiling: '' }))).toThrow(
      /app_vm_config\.system\.config\.profiling: missing field/,
    );
  });

  it('max_access_adapter_n must be a power of two', () => {
    expect(() => parseOpenVmToml(system({ maan: '12' }))).toThrow(
      /max_access_adapter_n: 12 must be a power of two/,
    );
  });

  it('num_public_values differing from AS3 num_cells is kept as written, with a warning', () => {
    const c = parseOpenVmToml(system({ pv_cells: '32' }));
    expect(c.system.memory.addressSpaces[3].numCells).toBe(32);
    expect(c.warnings.join()).toMatch(/num_public_values = 64 but addr_spaces\[3\]\.num_cells = 32/);
  });
});

describe('bad and contradictory configs', () => {
  const bad = (toml: string, message: RegExp) => {
    let err: unknown;
    try {
      parseOpenVmToml(toml, 'x.toml');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EngineError);
    expect((err as EngineError).kind).toBe('config');
    expect((err as EngineError).message).toMatch(message);
  };

  it('TOML syntax errors carry the line', () => {
    bad('[app_vm_config.rv32i]\nfoo = = 1\n', /^x\.toml: line 2, column \d+:/);
  });
  it('no app_vm_config', () => bad('[rv32i]\n', /app_vm_config: missing field/));
  it('a modulus as a TOML integer (DisplayFromStr wants a string)', () => {
    bad(
      '[app_vm_config.modular]\nsupported_moduli = [7]\n',
      /supported_moduli\[0\]: invalid type: integer `7`, expected a string/,
    );
  });
  it('a modulus that is not decimal', () => {
    bad(
      '[app_vm_config.modular]\nsupported_moduli = ["0x7"]\n',
      /supported_moduli\[0\]: invalid digit found in string "0x7"/,
    );
  });
  it('a modulus over 48 bytes: OpenVM panics "Modulus too large"', () => {
    bad(
      `[app_vm_config.modular]\nsupported_moduli = ["${(1n << 400n) - 1n}"]\n`,
      /supported_moduli\[0\]: Modulus too large: 50 bytes/,
    );
  });
  it('fp2 without modular', () => {
    bad(
      `[app_vm_config.fp2]\nsupported_moduli = [["Bn254Fp2", "${BN_P}"]]\n`,
      /app_vm_config\.fp2: ModularExtension is required/,
    );
  });
  it('an fp2 modulus missing from supported_moduli', () => {
    bad(
      `[app_vm_config.modular]\nsupported_moduli = ["${SECP_P}"]\n[app_vm_config.fp2]\nsupported_moduli = [["Bn254Fp2", "${BN_P}"]]\n`,
      /fp2\.supported_moduli\[0\]\[1\]: Modulus used in Fp2Extension not found in ModularExtension/,
    );
  });
  it('a curve without b', () => {
    bad(
      `[[app_vm_config.ecc.supported_curves]]\nstruct_name = "C"\nmodulus = "7"\nscalar = "5"\na = "0"\n`,
      /supported_curves\[0\]\.b: missing field/,
    );
  });
  it('an unknown pairing curve', () => {
    bad('[app_vm_config.pairing]\nsupported_curves = ["Bls12_377"]\n', /unknown variant `Bls12_377`/);
  });
  it('an extension given as a value instead of a table', () => {
    bad(
      '[app_vm_config]\nkeccak = true\n',
      /app_vm_config\.keccak: invalid type: boolean `true`, expected a table/,
    );
  });
  it('a misspelt extension is ignored as serde does, with a warning', () => {
    const c = parseOpenVmToml('[app_vm_config.rv32i]\n[app_vm_config.keccack]\n');
    expect(c.keccak).toBe(false);
    expect(c.warnings).toEqual([
      "unknown key `app_vm_config.keccack` is ignored (OpenVM's serde ignores it too)",
    ]);
  });
});

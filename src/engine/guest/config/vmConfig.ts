// The VM configuration a guest was built for: OpenVM v1.7's `openvm.toml`, i.e. `AppConfig<SdkVmConfig>`
// (crates/sdk/src/config/{mod,global}.rs) as serde + the `toml` crate read it. Only `app_vm_config` matters
// to execution; `app_fri_params`, `leaf_fri_params` and `compiler_options` are proof settings (accepted,
// not interpreted). Extension keys and their serde shapes:
//   rv32i, io, keccak, sha256, native, castf   UnitStruct (an empty table)
//   rv32m, bigint                              { range_tuple_checker_sizes = [u32; 2] } (defaulted)
//   modular  { supported_moduli = ["decimal", ...] }       ModularExtension; order = chip index
//   fp2      { supported_moduli = [["Name", "decimal"], ...] }  Fp2Extension
//   ecc      { supported_curves = [{ struct_name, modulus, scalar, a, b }, ...] }  WeierstrassExtension
//   pairing  { supported_curves = ["Bn254" | "Bls12_381", ...] }                   PairingExtension
//   system   { config = SystemConfig }   (vmConfigSystem.ts; `SdkSystemConfig` wraps it in `config`)
// Faithful oddities: serde ignores unknown keys (a typo such as `[app_vm_config.keccack]` silently enables
// nothing), so they are reported as warnings, not errors; an absent `system` means SystemConfig::default()
// (continuations on, 32 public values, max_access_adapter_n 32). SegmentationLimits is `#[serde(skip)]`
// in v1.7, so no segmentation setting can come from the file.
// Errors (EngineError 'config') name the key path, e.g. `app_vm_config.modular.supported_moduli[2]`, and
// the OpenVM check that would fail (ModularExtension's "Modulus too large", complex_init's "Modulus used in
// Fp2Extension not found in ModularExtension").
// Cost: one TOML parse plus O(number of moduli) BigInt conversions.

import { parse, TomlError } from 'smol-toml';
import { EngineError } from '../../errors';
import { AS_NATIVE, withSpaceCells } from '../../memory/config';
import { type SystemSettings, defaultSystemSettings, parseSystem } from './vmConfigSystem';
import {
  bigUintField,
  configError,
  expectArray,
  expectString,
  expectTable,
  type TomlTable,
  unitTable,
  unknownKeys,
  u32Pair,
} from './vmConfigValues';

export interface CurveConfig {
  structName: string;
  modulus: bigint;
  scalar: bigint;
  a: bigint;
  b: bigint;
}

export type PairingCurve = 'Bn254' | 'Bls12_381';
export const PAIRING_CURVES: readonly PairingCurve[] = ['Bn254', 'Bls12_381'];

export interface Fp2Config {
  name: string;
  modulus: bigint;
}

export interface VmConfig {
  /** Where the settings came from: a file name, or 'defaults' (no openvm.toml: RV32IM + IO only). */
  source: string;
  rv32i: boolean;
  io: boolean;
  keccak: boolean;
  sha256: boolean;
  native: boolean;
  castf: boolean;
  /** range_tuple_checker_sizes, or null when the extension is off. */
  rv32m: readonly [number, number] | null;
  bigint: readonly [number, number] | null;
  /** ModularExtension.supported_moduli in file order (index = the funct7 modulus index), or null. */
  modular: readonly bigint[] | null;
  fp2: readonly Fp2Config[] | null;
  ecc: readonly CurveConfig[] | null;
  pairing: readonly PairingCurve[] | null;
  system: SystemSettings;
  /** Keys serde would silently ignore (path names). */
  warnings: readonly string[];
}

/** The defaults of a guest opened without an openvm.toml: `SdkVmConfig::riscv32()` (RV32I, RV32M, IO). */
export function defaultVmConfig(): VmConfig {
  return {
    source: 'defaults',
    rv32i: true,
    io: true,
    keccak: false,
    sha256: false,
    native: false,
    castf: false,
    rv32m: [256, 2048],
    bigint: null,
    modular: null,
    fp2: null,
    ecc: null,
    pairing: null,
    system: defaultSystemSettings(),
    warnings: [],
  };
}

/** Bytes a field element of `modulus` occupies in the chips: `modulus.bits().div_ceil(8)`. */
export function modulusBytes(modulus: bigint): number {
  return Math.ceil(modulus.toString(2).length / 8);
}

/** The chip width OpenVM picks: 32 limbs (<= 32 bytes) or 48 limbs (<= 48 bytes); larger panics. */
export function chipLimbs(modulus: bigint): 32 | 48 | null {
  const bytes = modulusBytes(modulus);
  return bytes <= 32 ? 32 : bytes <= 48 ? 48 : null;
}

// Defaults of the two range tuple checkers (rv32im and bigint circuit `default_range_tuple_checker_sizes`).
const RV32M_DEFAULT: [number, number] = [256, 8 * 256];
const INT256_DEFAULT: [number, number] = [256, 32 * 256];

const APP_KEYS = ['app_vm_config', 'app_fri_params', 'leaf_fri_params', 'compiler_options'];
const VM_KEYS = [
  'system',
  'rv32i',
  'io',
  'keccak',
  'sha256',
  'native',
  'castf',
  'rv32m',
  'bigint',
  'modular',
  'fp2',
  'pairing',
  'ecc',
];

/** Parses an openvm.toml. Throws EngineError('config') naming the key (or the TOML line) at fault. */
export function parseOpenVmToml(text: string, source = 'openvm.toml'): VmConfig {
  let doc: TomlTable;
  try {
    doc = parse(text) as TomlTable;
  } catch (e) {
    if (e instanceof TomlError) {
      const first = e.message.split('\n')[0];
      throw new EngineError('config', `${source}: line ${e.line}, column ${e.column}: ${first}`, {
        line: e.line,
      });
    }
    throw e;
  }
  const warnings = unknownKeys(doc, APP_KEYS, '');
  if (doc.app_vm_config === undefined)
    configError(source, 'app_vm_config', 'missing field (AppConfig requires it)');
  const vm = expectTable(doc.app_vm_config, source, 'app_vm_config');
  warnings.push(...unknownKeys(vm, VM_KEYS, 'app_vm_config.'));
  const at = (key: string) => `app_vm_config.${key}`;
  const unit = (key: string) => unitTable(vm[key], source, at(key), warnings);
  const tuple = (key: string, dflt: [number, number]): [number, number] | null => {
    if (vm[key] === undefined) return null;
    const t = expectTable(vm[key], source, at(key));
    warnings.push(...unknownKeys(t, ['range_tuple_checker_sizes'], `${at(key)}.`));
    const v = t.range_tuple_checker_sizes;
    return v === undefined ? dflt : u32Pair(v, source, `${at(key)}.range_tuple_checker_sizes`);
  };
  let rv32m = tuple('rv32m', RV32M_DEFAULT);
  let bigint = tuple('bigint', INT256_DEFAULT);
  if (rv32m !== null && bigint !== null) {
    // SdkVmConfig::apply_optimizations: both checkers take the element-wise maximum.
    const merged: [number, number] = [Math.max(rv32m[0], bigint[0]), Math.max(rv32m[1], bigint[1])];
    rv32m = merged;
    bigint = merged;
  }
  const modular = parseModular(vm.modular, source, warnings);
  const fp2 = parseFp2(vm.fp2, source, warnings, modular);
  const ecc = parseEcc(vm.ecc, source, warnings);
  const pairing = parsePairing(vm.pairing, source, warnings);
  const system = vm.system === undefined ? defaultSystemSettings() : parseSystem(vm.system, source, warnings);
  const native = unit('native');
  const castf = unit('castf');
  // SdkVmConfig::apply_optimizations: without Native and CastF the native address space gets 0 cells.
  if (!native && !castf) system.memory = withSpaceCells(system.memory, AS_NATIVE, 0);
  return {
    source,
    rv32i: unit('rv32i'),
    io: unit('io'),
    keccak: unit('keccak'),
    sha256: unit('sha256'),
    native,
    castf,
    rv32m,
    bigint,
    modular,
    fp2,
    ecc,
    pairing,
    system,
    warnings,
  };
}

function checkModulus(m: bigint, source: string, key: string): bigint {
  if (m < 2n) configError(source, key, `modulus ${m} is not a field modulus (must be at least 2)`);
  if (chipLimbs(m) === null)
    configError(source, key, `Modulus too large: ${modulusBytes(m)} bytes (OpenVM's chips take at most 48)`);
  return m;
}

function parseModular(v: unknown, source: string, warnings: string[]): bigint[] | null {
  if (v === undefined) return null;
  const key = 'app_vm_config.modular';
  const t = expectTable(v, source, key);
  warnings.push(...unknownKeys(t, ['supported_moduli'], `${key}.`));
  if (t.supported_moduli === undefined) configError(source, `${key}.supported_moduli`, 'missing field');
  return expectArray(t.supported_moduli, source, `${key}.supported_moduli`).map((m, i) =>
    checkModulus(
      bigUintField(m, source, `${key}.supported_moduli[${i}]`),
      source,
      `${key}.supported_moduli[${i}]`,
    ),
  );
}

function parseFp2(
  v: unknown,
  source: string,
  warnings: string[],
  modular: readonly bigint[] | null,
): Fp2Config[] | null {
  if (v === undefined) return null;
  const key = 'app_vm_config.fp2';
  const t = expectTable(v, source, key);
  warnings.push(...unknownKeys(t, ['supported_moduli'], `${key}.`));
  if (t.supported_moduli === undefined) configError(source, `${key}.supported_moduli`, 'missing field');
  if (modular === null)
    configError(source, key, 'ModularExtension is required for Fp2Extension (add [app_vm_config.modular])');
  return expectArray(t.supported_moduli, source, `${key}.supported_moduli`).map((entry, i) => {
    const k = `${key}.supported_moduli[${i}]`;
    const pair = expectArray(entry, source, k);
    if (pair.length !== 2)
      configError(source, k, `expected ["StructName", "modulus"], found ${pair.length} elements`);
    const name = expectString(pair[0], source, `${k}[0]`);
    const modulus = checkModulus(bigUintField(pair[1], source, `${k}[1]`), source, `${k}[1]`);
    if (!modular.includes(modulus))
      configError(
        source,
        `${k}[1]`,
        'Modulus used in Fp2Extension not found in ModularExtension (supported_moduli)',
      );
    return { name, modulus };
  });
}

function parseEcc(v: unknown, source: string, warnings: string[]): CurveConfig[] | null {
  if (v === undefined) return null;
  const key = 'app_vm_config.ecc';
  const t = expectTable(v, source, key);
  warnings.push(...unknownKeys(t, ['supported_curves'], `${key}.`));
  if (t.supported_curves === undefined) configError(source, `${key}.supported_curves`, 'missing field');
  return expectArray(t.supported_curves, source, `${key}.supported_curves`).map((entry, i) => {
    const k = `${key}.supported_curves[${i}]`;
    const c = expectTable(entry, source, k);
    warnings.push(...unknownKeys(c, ['struct_name', 'modulus', 'scalar', 'a', 'b'], `${k}.`));
    for (const f of ['struct_name', 'modulus', 'scalar', 'a', 'b'])
      if (c[f] === undefined) configError(source, `${k}.${f}`, 'missing field');
    return {
      structName: expectString(c.struct_name, source, `${k}.struct_name`),
      modulus: checkModulus(bigUintField(c.modulus, source, `${k}.modulus`), source, `${k}.modulus`),
      scalar: bigUintField(c.scalar, source, `${k}.scalar`),
      a: bigUintField(c.a, source, `${k}.a`),
      b: bigUintField(c.b, source, `${k}.b`),
    };
  });
}

function parsePairing(v: unknown, source: string, warnings: string[]): PairingCurve[] | null {
  if (v === undefined) return null;
  const key = 'app_vm_config.pairing';
  const t = expectTable(v, source, key);
  warnings.push(...unknownKeys(t, ['supported_curves'], `${key}.`));
  if (t.supported_curves === undefined) configError(source, `${key}.supported_curves`, 'missing field');
  return expectArray(t.supported_curves, source, `${key}.supported_curves`).map((c, i) => {
    const name = expectString(c, source, `${key}.supported_curves[${i}]`);
    if (!(PAIRING_CURVES as readonly string[]).includes(name))
      configError(
        source,
        `${key}.supported_curves[${i}]`,
        `unknown variant \`${name}\`, expected \`Bn254\` or \`Bls12_381\``,
      );
    return name as PairingCurve;
  });
}

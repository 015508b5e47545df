// The AIRs of OpenVM v1.7.0's algebra (modular, Fp2) and ECC extensions for a VmConfig, and the inventory
// of an app config read from its openvm.toml (SdkVmConfigInner field order: rv32i, io, keccak, sha256,
// native, castf, rv32m, bigint, modular, fp2, pairing, ecc; crates/sdk/src/config/global.rs:309-337).
// Insertion order per extension (the inventory reverses it, airs.ts):
//   modular  per modulus in config order: addsub, muldiv, is_eq (extensions/algebra/circuit/src/extension/
//            modular.rs:259-342; the BitwiseOperationLookupAir is rv32i's, found by find_air, :247-257)
//   fp2      per field: addsub, muldiv (extension/fp2.rs:203-263)
//   ecc      per curve: add_ne, double (extensions/ecc/circuit/src/extension/weierstrass.rs:228-290)
//   pairing  no AIR (phantom sub-executors only)
// Rows: every chip adds one row per executed instruction, setup instructions included (algebra/circuit/
// src/execution.rs:550, 594, 637; modular_chip/is_eq.rs:682; weierstrass_chip/add_ne/execution.rs:370,
// double/execution.rs:348); the hints (HintNonQr, HintSqrt, HintFinalExp) are PHANTOMs: one PhantomAir row.
// Widths and interactions: OpenVM's v1.7.0 report (ecrecover.md: secp256k1, pairing.md: BN254), for the
// 32-limb chips of the moduli and curves listed in VERIFIED_* below (widths depend on the modulus).
// Interactions are keyed by air_name in the report, so chips sharing a name share the figure (<2, 2, 2, 32,
// 32> is listed once, 428, for both Fp2 mul/div and EC add_ne); they only feed the max_interactions limit.

import { EngineError } from '../errors';
import { type AlgebraInstruction, decodeAlgebraWord } from '../guest/extensions/algebraDecode';
import { modulusName } from '../guest/extensions/knownModuli';
import { chipLimbs, type VmConfig } from '../guest/vmConfig';
import {
  type AirSpec,
  type ExtensionAirs,
  int256Airs,
  IO_AIRS,
  KECCAK_AIRS,
  RV32I_AIRS,
  rv32mAirs,
  sha256Airs,
} from './airs';

// A FieldExpressionCoreAir's width depends on its modulus, not only on the limb count: mod-builder sizes each
// constraint's quotient and carries from max_abs(expr) / p (crates/circuits/mod-builder/src/symbolic_expr.rs:
// 338-356 constraint_limbs), so a small modulus (2^61 - 1: add/sub 223 columns, mul/div 287) needs more q
// limbs than a 256-bit one (199, 263). The widths below hold for the moduli a report shows them for:
// v1.7.0's ecrecover.md (secp256k1 coordinate and scalar: modular and ECC chips) and pairing.md (BN254
// coordinate: modular and Fp2 chips), and the kitchen_sink run of OpenVM commit 30e6c0fb, whose mod-builder,
// algebra, ecc and rv32-adapters sources are identical to v1.7.0's (P-256 coordinate and scalar, BN254
// scalar, BLS12-381 scalar; the P-256 curve, a = p - 3, has the a = 0 curves' widths). Others are refused.
const VERIFIED_MODULI: ReadonlySet<string> = new Set([
  'secp256k1_coord',
  'secp256k1_scalar',
  'p256_coord',
  'p256_scalar',
  'bn254_coord',
  'bn254_scalar',
  'bls12_381_scalar',
]);
const VERIFIED_FP2: ReadonlySet<string> = new Set(['bn254_coord']);
const VERIFIED_CURVES: ReadonlySet<string> = new Set(['secp256k1_coord', 'p256_coord', 'bn254_coord']);

const heap = (r: number, b: number, w: number) => `Rv32VecHeapAdapterAir<${r}, ${b}, ${w}, 32, 32>`;
const fieldExpr = (key: string, adapter: string, mainCols: number, permCols: number, interactions: number) =>
  ({
    key,
    name: `VmAirWrapper<${adapter}, FieldExpressionCoreAir>`,
    kind: 'chip',
    mainCols,
    permCols,
    prepCols: 0,
    interactions,
  }) as const satisfies AirSpec;

/** One modulus (32 limbs): ecrecover.md air_id 11-16, pairing.md 16-18. */
function modularAirs(i: number): AirSpec[] {
  return [
    fieldExpr(`modular${i}_addsub`, heap(2, 1, 1), 199, 192, 158),
    fieldExpr(`modular${i}_muldiv`, heap(2, 1, 1), 263, 320, 158),
    {
      key: `modular${i}_iseq`,
      name: 'VmAirWrapper<Rv32IsEqualModAdapterAir<2, 1, 32, 32>, ModularIsEqualCoreAir<32, 4, 8>',
      kind: 'chip',
      mainCols: 166,
      permCols: 56,
      prepCols: 0,
      interactions: 25,
    },
  ];
}

/** One Fp2 field (32 limbs): pairing.md air_id 11-12. */
function fp2Airs(i: number): AirSpec[] {
  return [
    fieldExpr(`fp2${i}_addsub`, heap(2, 2, 2), 369, 348, 428),
    fieldExpr(`fp2${i}_muldiv`, heap(2, 2, 2), 497, 604, 428),
  ];
}

/** One curve with a = 0 (32 limbs): ecrecover.md air_id 9-10. */
function eccAirs(i: number): AirSpec[] {
  return [
    fieldExpr(`ecc${i}_addne`, heap(2, 2, 2), 625, 860, 428),
    fieldExpr(`ecc${i}_double`, heap(1, 2, 2), 547, 836, 415),
  ];
}

/**
 * The extension AIRs of `config`, in insertion order; throws naming every extension (or modulus / curve)
 * whose AIR widths no report gives.
 */
export function configExtensionAirs(config: VmConfig): ExtensionAirs[] {
  const missing: string[] = [];
  const airs: ExtensionAirs[] = [];
  if (config.rv32i) airs.push(RV32I_AIRS);
  if (config.io) airs.push(IO_AIRS);
  if (config.keccak) airs.push(KECCAK_AIRS);
  // find_air: the first extension needing BitwiseOperationLookupAir<8> adds it (rv32i, else sha256, else bigint).
  let haveBitwise = config.rv32i;
  if (config.sha256) {
    airs.push(sha256Airs(haveBitwise));
    haveBitwise = true;
  }
  if (config.native || config.castf) missing.push('Native / CastF');
  if (config.rv32m !== null) airs.push(rv32mAirs(config.rv32m));
  if (config.bigint !== null) {
    const b = config.bigint;
    const m = config.rv32m;
    // Int256 reuses Rv32M's RangeTupleCheckerAir<2> when it is at least as large (vmConfig.ts has already
    // merged both as SdkVmConfig::apply_optimizations does), else adds its own.
    const tupleFits = m !== null && m[0] >= b[0] && m[1] >= b[1];
    airs.push(int256Airs(haveBitwise, tupleFits ? null : b));
  }
  const limbs32 = (p: bigint, what: string, verified: ReadonlySet<string>) => {
    const known = modulusName(p, 0);
    const name = known === 'mod0' ? `0x${p.toString(16).slice(0, 12)}…` : known;
    if (chipLimbs(p) !== 32) missing.push(`${what} (${name}: 48-limb chips)`);
    else if (!verified.has(name)) missing.push(`${what} (${name}, ${p.toString(2).length} bits)`);
  };
  if (config.modular !== null) {
    config.modular.forEach((p, k) => limbs32(p, `modulus ${k}`, VERIFIED_MODULI));
    airs.push({ name: 'modular', airs: config.modular.flatMap((_, i) => modularAirs(i)) });
  }
  if (config.fp2 !== null) {
    config.fp2.forEach((f) => limbs32(f.modulus, `Fp2 ${f.name}`, VERIFIED_FP2));
    airs.push({ name: 'fp2', airs: config.fp2.flatMap((_, i) => fp2Airs(i)) });
  }
  if (config.ecc !== null) {
    config.ecc.forEach((c) => limbs32(c.modulus, `curve ${c.structName}`, VERIFIED_CURVES));
    airs.push({ name: 'ecc', airs: config.ecc.flatMap((_, i) => eccAirs(i)) });
  }
  if (missing.length > 0)
    throw new EngineError(
      'request',
      `metering does not catalogue the AIR widths of ${missing.join(', ')} (${config.source}) yet`,
    );
  return airs;
}

const CHIP: Record<string, string> = {
  ADD: 'addsub',
  SUB: 'addsub',
  SETUP_ADDSUB: 'addsub',
  MUL: 'muldiv',
  DIV: 'muldiv',
  SETUP_MULDIV: 'muldiv',
  IS_EQ: 'iseq',
  SETUP_ISEQ: 'iseq',
  EC_ADD_NE: 'addne',
  SETUP_EC_ADD_NE: 'addne',
  EC_DOUBLE: 'double',
  SETUP_EC_DOUBLE: 'double',
};

/**
 * The AIR key an algebra word (OP_ALGEBRA's imm) adds its one row to: its chip, or PhantomAir for a hint
 * and for the transpiler's NOP (`iseqmod` with rd = x0); null for a word the transpiler rejects (the run
 * stops there with the interpreter's error).
 */
export function algebraAirKey(word: number): string | null {
  const d = decodeAlgebraWord(word >>> 0);
  if (d === undefined || 'illegal' in d) return null;
  const ins: AlgebraInstruction = d.ok;
  if (ins.phantom || ins.op === 'NOP') return 'phantom';
  return `${ins.extension}${ins.index}_${CHIP[ins.op]}`;
}

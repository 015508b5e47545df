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
// Widths and interactions: derived per modulus from the v1.7.0 source (fieldExprChips.ts: the mod-builder
// port, fieldExpr.ts), since a FieldExpressionCoreAir's quotient and carry columns depend on the modulus
// value; checked against every algebra / ECC AIR of the reports (fieldExprChips.test.ts).

import { EngineError } from '../../errors';
import { type AlgebraInstruction, decodeAlgebraWord } from '../../guest/extensions/algebra/algebraDecode';
import { chipLimbs, type VmConfig } from '../../guest/config/vmConfig';
import {
  type ExtensionAirs,
  int256Airs,
  IO_AIRS,
  KECCAK_AIRS,
  RV32I_AIRS,
  rv32mAirs,
  sha256Airs,
} from './airs';
import { eccChipAirs, fp2ChipAirs, modularChipAirs } from './fieldExprChips';

/**
 * The extension AIRs of `config`, in insertion order; throws naming the extensions memscope does not
 * catalogue (Native / CastF).
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
  const limbs = (p: bigint, what: string): 32 | 48 => {
    const n = chipLimbs(p);
    if (n === null)
      throw new EngineError('config', `${what}: no chip for a modulus of ${p.toString(2).length} bits`);
    return n;
  };
  if (config.modular !== null)
    airs.push({
      name: 'modular',
      airs: config.modular.flatMap((p, i) => modularChipAirs(i, p, limbs(p, `modulus ${i}`))),
    });
  if (config.fp2 !== null)
    airs.push({
      name: 'fp2',
      airs: config.fp2.flatMap((f, i) => fp2ChipAirs(i, f.modulus, limbs(f.modulus, `Fp2 ${f.name}`))),
    });
  if (config.ecc !== null)
    airs.push({
      name: 'ecc',
      airs: config.ecc.flatMap((c, i) =>
        eccChipAirs(i, c.modulus, limbs(c.modulus, `curve ${c.structName}`), c.a),
      ),
    });
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

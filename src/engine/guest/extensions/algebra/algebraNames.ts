// What an algebra / ECC / pairing instruction does, in words, for the Program panel and `disasm` comments:
// OpenVM v1.7's opcode name (Rv32ModularArithmeticOpcode as ADDMOD..SETUP_ISEQMOD, Fp2Opcode, Rv32Weierstrass-
// Opcode, the phantoms' discriminant names) with the field or curve the openvm.toml gives its index and the
// size of its operands as the chips lay them out (chipLimbs: 32 or 48 bytes per field element; an Fp2
// element and an affine point are two of them), e.g. "MULMOD secp256k1 coordinate field (32 B)",
// "Fp2 MUL BLS12-381 Fp2 (2 × 48 B)", "EC_ADD_NE secp256k1 (points of 2 × 32 B)".
// Fields and curves are recognised by value (modulus, and a, b for curves) against @noble/curves's
// constants (knownModuli.ts); anything else is named by its config entry. Pure; O(1) per instruction.

import { chipLimbs, type CurveConfig, type VmConfig } from '../../config/vmConfig';
import type { AlgebraInstruction } from './algebraDecode';
import { curveDescription, fieldDescription } from './knownModuli';

const MODULAR_OP: Record<string, string> = {
  ADD: 'ADDMOD',
  SUB: 'SUBMOD',
  MUL: 'MULMOD',
  DIV: 'DIVMOD',
  IS_EQ: 'ISEQMOD',
  SETUP_ADDSUB: 'SETUP_ADDSUBMOD',
  SETUP_MULDIV: 'SETUP_MULDIVMOD',
  SETUP_ISEQ: 'SETUP_ISEQMOD',
  HintNonQr: 'HINT_NON_QR',
  HintSqrt: 'HINT_SQRT',
};

/** The bytes of one field element of modulus p, or null when no chip takes it (> 48 bytes). */
function elementBytes(p: bigint): number | null {
  return chipLimbs(p);
}

function curveName(c: CurveConfig): string {
  return curveDescription(c.modulus, c.a, c.b) ?? `${c.structName} (y² = x³ + ${c.a}x + ${c.b})`;
}

/**
 * "MULMOD secp256k1 coordinate field (32 B)": the operation, its field or curve, and the bytes of each
 * operand. An index the config lacks is named as such ("MULMOD modulus #6, not configured").
 */
export function algebraDescription(ins: AlgebraInstruction, config?: VmConfig): string {
  const i = ins.index;
  switch (ins.extension) {
    case 'modular': {
      if (ins.op === 'NOP') return 'ISEQMOD with rd = x0: transpiled to a NOP';
      const op = MODULAR_OP[ins.op] ?? ins.op;
      const p = config?.modular?.[i];
      if (p === undefined) return `${op} modulus #${i}, not configured`;
      const size = ins.op.startsWith('Hint') ? 'phantom' : `${elementBytes(p)} B`;
      return `${op} ${fieldDescription(p)} (${size})`;
    }
    case 'fp2': {
      const op = `Fp2 ${ins.op}`;
      const f = config?.fp2?.[i];
      if (f === undefined) return `${op} Fp2 #${i}, not configured`;
      const over = fieldDescription(f.modulus);
      const name = over.endsWith(' coordinate field')
        ? `${over.slice(0, -17)} Fp2`
        : `${f.name} over ${over}`;
      return `${op} ${name} (2 × ${elementBytes(f.modulus)} B)`;
    }
    case 'ecc': {
      const c = config?.ecc?.[i];
      if (c === undefined) return `${ins.op} curve #${i}, not configured`;
      return `${ins.op} ${curveName(c)} (points of 2 × ${elementBytes(c.modulus)} B)`;
    }
    case 'pairing':
      return `HINT_FINAL_EXP ${['BN254', 'BLS12-381'][i] ?? `pairing curve #${i}`} pairing (phantom)`;
  }
}

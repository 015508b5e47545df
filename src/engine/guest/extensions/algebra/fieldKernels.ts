// The values OpenVM v1.7's algebra and ECC chips compute in preflight, as BigInt arithmetic:
// crates/circuits/mod-builder (FieldExpr::execute, SymbolicExpr::compute) evaluating the expressions of
// extensions/algebra/circuit/src/{modular_chip/{addsub,muldiv}.rs, fp2_chip/{addsub,muldiv}.rs} and
// extensions/ecc/circuit/src/weierstrass_chip/{add_ne,double}/mod.rs; IS_EQ of modular_chip/is_eq.rs.
// Why BigInt and not @noble/curves here: OpenVM reduces raw (possibly >= p) inputs, evaluates the formulas
// on points that are not on any curve (the setup rows, the guest's (0, 0) identity), keeps its own
// behaviour for a zero divisor and supports any modulus (10^18 + 3, 7, ...), none of which noble's
// Field/Point API exposes; the tests check every value against noble where noble defines it.
// Semantics kept exactly:
//   - every input is reduced mod p first (SymbolicExpr::Input => input % prime), every operation too;
//   - a division by 0 mod p is `BigUint::modinv(..).unwrap()` on None: OpenVM's host panics, here a
//     KernelError('zero-divisor') (the run fails with that message);
//   - Select evaluates only the taken branch: MUL never inverts y; SETUP ops (all flags false) return x
//     (add/sub, mul/div: x mod p, i.e. 0 for x = p) and, for EC_DOUBLE's setup, use the denominator 1;
//   - EC_ADD_NE has no flags: its setup row computes the same chord formula;
//   - Fp2 is Fp[u]/(u^2 + 1) (the chips hard-code the non-residue -1);
//   - IS_EQ compares the raw limbs (no reduction): 0 and p are *not* equal.
// Cost: a few BigInt multiplications per op; one extended-Euclid inverse per division.

import { EngineError } from '../../../errors';

export class KernelError extends EngineError {
  constructor(message: string) {
    super('execution', message);
  }
}

export const mod = (a: bigint, p: bigint): bigint => {
  const r = a % p;
  return r < 0n ? r + p : r;
};

/** `BigUint::modinv(p).unwrap()`: throws KernelError when a is not invertible mod p (a = 0 for a prime p). */
export function modInverse(a: bigint, p: bigint, what: string): bigint {
  let [r0, r1] = [mod(a, p), p];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n)
    throw new KernelError(
      `${what}: the divisor is ${mod(a, p) === 0n ? '0' : 'not invertible'} mod ${p}; OpenVM's chip panics (modinv(..).unwrap() on None)`,
    );
  return mod(s0, p);
}

export type ModularOp = 'ADD' | 'SUB' | 'MUL' | 'DIV' | 'SETUP_ADDSUB' | 'SETUP_MULDIV';

/** ModularAddSub / ModularMulDiv: the written field element. */
export function modularOp(op: ModularOp, x: bigint, y: bigint, p: bigint): bigint {
  const a = x % p;
  const b = y % p;
  switch (op) {
    case 'ADD':
      return (a + b) % p;
    case 'SUB':
      return (p + a - b) % p;
    case 'MUL':
      return (a * b) % p;
    case 'DIV':
      return (a * modInverse(b, p, 'divmod')) % p;
    case 'SETUP_ADDSUB':
    case 'SETUP_MULDIV':
      return a;
  }
}

export type Fp2 = readonly [bigint, bigint];
export type Fp2Op = ModularOp;

/** Fp2AddSub / Fp2MulDiv over Fp[u]/(u^2 + 1). */
export function fp2Op(op: Fp2Op, x: Fp2, y: Fp2, p: bigint): Fp2 {
  const [x0, x1] = [x[0] % p, x[1] % p];
  const [y0, y1] = [y[0] % p, y[1] % p];
  switch (op) {
    case 'ADD':
      return [(x0 + y0) % p, (x1 + y1) % p];
    case 'SUB':
      return [(p + x0 - y0) % p, (p + x1 - y1) % p];
    case 'MUL':
      return [mod(x0 * y0 - x1 * y1, p), (x1 * y0 + x0 * y1) % p];
    case 'DIV': {
      const inv = modInverse(y0 * y0 + y1 * y1, p, 'divcomplex');
      return [((x0 * y0 + x1 * y1) * inv) % p, (mod(x1 * y0 - x0 * y1, p) * inv) % p];
    }
    case 'SETUP_ADDSUB':
    case 'SETUP_MULDIV':
      return [x0, x1];
  }
}

export type AffinePoint = readonly [bigint, bigint];

/** EcAddNe (and SETUP_EC_ADD_NE, the same formula): the chord through (x1, y1), (x2, y2). */
export function ecAddNe(p1: AffinePoint, p2: AffinePoint, p: bigint): AffinePoint {
  const [x1, y1] = [p1[0] % p, p1[1] % p];
  const [x2, y2] = [p2[0] % p, p2[1] % p];
  const lambda = (mod(y2 - y1, p) * modInverse(x2 - x1, p, 'sw_add_ne (equal x coordinates)')) % p;
  const x3 = mod(lambda * lambda - x1 - x2, p);
  const y3 = mod(lambda * (x1 - x3) - y1, p);
  return [x3, y3];
}

/** EcDouble: the tangent at (x1, y1) on y^2 = x^3 + a x + b; `setup` uses the denominator 1. */
export function ecDouble(p1: AffinePoint, a: bigint, p: bigint, setup = false): AffinePoint {
  const [x1, y1] = [p1[0] % p, p1[1] % p];
  const num = (((x1 * x1) % p) * 3n + a) % p;
  const lambda = setup ? num : (num * modInverse(2n * y1, p, 'sw_double (y = 0)')) % p;
  const x3 = mod(lambda * lambda - 2n * x1, p);
  const y3 = mod(lambda * (x1 - x3) - y1, p);
  return [x3, y3];
}

/** ModularIsEqual: raw byte comparison of the two operands (also for SETUP_ISEQ). */
export function isEqualLimbs(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** BigUint::from_bytes_le of `len` bytes at `off`. */
export function fromLeBytes(bytes: ArrayLike<number>, off = 0, len = bytes.length - off): bigint {
  let x = 0n;
  for (let i = len - 1; i >= 0; i--) x = (x << 8n) | BigInt(bytes[off + i] & 0xff);
  return x;
}

/** biguint_to_limbs_vec: `len` little-endian bytes of x (x < 2^(8 len)) into out[off..]. */
export function toLeBytes(
  x: bigint,
  len: number,
  out: Uint8Array | number[] = new Uint8Array(len),
  off = 0,
): typeof out {
  let v = x;
  for (let i = 0; i < len; i++) {
    out[off + i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

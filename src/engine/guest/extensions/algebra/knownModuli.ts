// Names for the moduli OpenVM's configs use (openvm_standard.toml and the benchmark configs): the coordinate
// and scalar fields of secp256k1, P-256, BN254 and BLS12-381, taken from @noble/curves (audited) so that a
// mistyped constant cannot creep in. Used only to label instructions (`addmod[secp256k1_coord]`, and in
// words by algebraNames.ts: "secp256k1 coordinate field", the curve "secp256k1" by its p, a and b).

import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bn254 } from '@noble/curves/bn254.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';

const NAMES = new Map<bigint, string>([
  [secp256k1.Point.Fp.ORDER, 'secp256k1_coord'],
  [secp256k1.Point.Fn.ORDER, 'secp256k1_scalar'],
  [p256.Point.Fp.ORDER, 'p256_coord'],
  [p256.Point.Fn.ORDER, 'p256_scalar'],
  [bn254.G1.Point.Fp.ORDER, 'bn254_coord'],
  [bn254.G1.Point.Fn.ORDER, 'bn254_scalar'],
  [bls12_381.G1.Point.Fp.ORDER, 'bls12_381_coord'],
  [bls12_381.G1.Point.Fn.ORDER, 'bls12_381_scalar'],
]);

// Display names of the curves and their two fields, by the short name's prefix.
const CURVE_TITLES: Record<string, string> = {
  secp256k1: 'secp256k1',
  p256: 'P-256',
  bn254: 'BN254',
  bls12_381: 'BLS12-381',
};

const CURVES: { title: string; p: bigint; a: bigint; b: bigint }[] = [
  { title: 'secp256k1', ...secp256k1.Point.CURVE() },
  { title: 'P-256', ...p256.Point.CURVE() },
  { title: 'BN254 G1', ...bn254.G1.Point.CURVE() },
  { title: 'BLS12-381 G1', ...bls12_381.G1.Point.CURVE() },
];

/** "secp256k1 coordinate field", "BLS12-381 scalar field"; else "field mod 2^61-1", "field mod 7", "modulus 0x…". */
export function fieldDescription(m: bigint): string {
  const known = NAMES.get(m);
  if (known !== undefined) {
    const [, curve, kind] = /^(.*)_(coord|scalar)$/.exec(known) as RegExpExecArray;
    return `${CURVE_TITLES[curve]} ${kind === 'coord' ? 'coordinate' : 'scalar'} field`;
  }
  const name = modulusName(m, 0);
  return name === 'mod0' ? `field mod 0x${m.toString(16)}` : `field mod ${name}`;
}

/** "secp256k1", "P-256", "BN254 G1", "BLS12-381 G1" when p, a and b are that curve's; else undefined. */
export function curveDescription(p: bigint, a: bigint, b: bigint): string | undefined {
  return CURVES.find((c) => c.p === p && c.a === a && c.b === b)?.title;
}

/** `secp256k1_coord`; `2^61-1` for 2^k - 1 (k >= 31); the decimal value below 2^64; else `mod<index>`. */
export function modulusName(m: bigint, index: number): string {
  const known = NAMES.get(m);
  if (known !== undefined) return known;
  const bits = m.toString(2);
  if (bits.length >= 31 && /^1+$/.test(bits)) return `2^${bits.length}-1`;
  if (m < 1n << 64n) return m.toString();
  return `mod${index}`;
}

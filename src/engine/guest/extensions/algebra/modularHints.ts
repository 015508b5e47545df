// The modular extension's phantom hints (extensions/algebra/circuit/src/extension/modular.rs, module
// `phantom`, `find_non_qr`, `mod_sqrt`), with OpenVM's exact choices:
//   - the non-residues are computed once per VM, in supported_moduli order, from ONE StdRng seeded with
//     `from_seed([0u8; 32])`: p = 3 mod 4 -> p - 1; p = 5 mod 8 -> 2; else rejection sampling of
//     `fill_bytes` big-endian buffers of the modulus' byte length (only these moduli consume the RNG);
//   - mod_sqrt: x^((p+1)/4) for p = 3 mod 4 (None unless it squares back to x), else OpenVM's
//     Tonelli-Shanks loop step by step, so the same one of the two roots comes out;
//   - HintSqrt: hint stream := [success, 0, 0, 0] ++ the root's LE bytes padded to 32 or 48, the root being
//     of x or of x * non_qr; HintNonQr: hint stream := non_qr's LE bytes padded to 32 or 48.
// The read of x (HintSqrt) is untraced, like every phantom; the caller adds the PHANTOM's timestamp step.
// Cost: find_non_qr is a few modpows per modulus at VM start; a sqrt is one modpow (p = 3 mod 4).

import { ChaChaRng } from '../../io/stdRng';
import { chipLimbs } from '../../config/vmConfig';
import { fromLeBytes, KernelError, toLeBytes } from './fieldKernels';

export function modPow(base: bigint, exp: bigint, p: bigint): bigint {
  let result = 1n % p;
  let b = base % p;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % p;
    b = (b * b) % p;
    e >>= 1n;
  }
  return result;
}

const byteLength = (p: bigint) => Math.ceil(p.toString(16).length / 2);

/** find_non_qr with OpenVM's rng. */
export function findNonQr(p: bigint, rng: ChaChaRng): bigint {
  if (p % 4n === 3n) return p - 1n;
  if (p % 8n === 5n) return 2n;
  const range = p - 3n;
  const buf = new Uint8Array(byteLength(p));
  const exponent = (p - 1n) >> 1n;
  for (;;) {
    rng.fillBytes(buf);
    let val = 0n;
    for (const b of buf) val = (val << 8n) | BigInt(b);
    if (val >= range) continue;
    const nonQr = val + 2n;
    if (modPow(nonQr, exponent, p) === p - 1n) return nonQr;
  }
}

/** NonQrHintSubEx::new: the non-residues of all moduli, in order, from StdRng::from_seed([0; 32]). */
export function nonQrsFor(moduli: readonly bigint[]): bigint[] {
  const rng = new ChaChaRng(new Uint32Array(8), 12);
  return moduli.map((p) => findNonQr(p, rng));
}

/** mod_sqrt(x, p, non_qr): a square root, or null when x is not a square. */
export function modSqrt(x: bigint, p: bigint, nonQr: bigint): bigint | null {
  if (p % 4n === 3n) {
    const r = modPow(x, (p + 1n) >> 2n, p);
    return (r * r) % p === x % p ? r : null;
  }
  let q = p - 1n;
  let s = 0;
  while (q % 2n === 0n) {
    s++;
    q /= 2n;
  }
  let m = s;
  let c = modPow(nonQr, q, p);
  let t = modPow(x, q, p);
  let r = modPow(x, (q + 1n) >> 1n, p);
  for (;;) {
    if (t === 0n) return 0n;
    if (t === 1n) return r;
    let i = 0;
    let tmp = t;
    while (tmp !== 1n && i < m) {
      tmp = (tmp * tmp) % p;
      i++;
    }
    if (i === m) return null;
    for (let k = 0; k < m - i - 1; k++) c = (c * c) % p;
    const b = c;
    m = i;
    c = (b * b) % p;
    t = (((t * b) % p) * b) % p;
    r = (r * b) % p;
  }
}

function limbsOf(p: bigint): number {
  const limbs = chipLimbs(p);
  if (limbs === null) throw new KernelError('Modulus too large');
  return limbs;
}

/** SqrtHintSubEx: the new hint stream for x = the field element's LE bytes (32 or 48 of them). */
export function sqrtHint(xBytes: ArrayLike<number>, p: bigint, nonQr: bigint): Uint32Array {
  const limbs = limbsOf(p);
  const x = fromLeBytes(xBytes, 0, limbs);
  let success = true;
  let root = modSqrt(x, p, nonQr);
  if (root === null) {
    success = false;
    root = modSqrt(x * nonQr, p, nonQr);
    if (root === null)
      throw new KernelError('hint_sqrt: Either x or x * non_qr should be a square (OpenVM panics)');
  }
  const out = new Uint32Array(4 + limbs);
  out[0] = success ? 1 : 0;
  toLeBytes(root, limbs).forEach((b, i) => (out[4 + i] = b));
  return out;
}

/** NonQrHintSubEx: the new hint stream. */
export function nonQrHint(p: bigint, nonQr: bigint): Uint32Array {
  const limbs = limbsOf(p);
  return Uint32Array.from(toLeBytes(nonQr, limbs));
}

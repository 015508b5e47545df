// BabyBear, the field of OpenVM's native address space (AS4): p = 2^31 - 2^27 + 1.
//
// Representation choice (documented for issue 2): memscope keeps every field cell in its CANONICAL form
// x (0 <= x < p) in memory. OpenVM stores Plonky3's MontyField31 raw representation (x * 2^32 mod p), but
// every value that leaves TracingMemory (read/write results, adapter record data, finalize's touched values)
// is converted back to canonical, and the record layout only depends on type_size (4 bytes), so the two
// representations are observably identical. The raw Montgomery word is computed on demand for display.

export const BABYBEAR_P = 2013265921;

export function isCanonicalField(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x < BABYBEAR_P;
}

const P_BIG = BigInt(BABYBEAR_P);

/** The raw in-memory word OpenVM would hold for canonical x (Montgomery form, x * 2^32 mod p). */
export function toMontgomery(x: number): number {
  return Number((BigInt(x) << 32n) % P_BIG);
}

/** Inverse of toMontgomery. */
export function fromMontgomery(raw: number): number {
  // 2^-32 mod p, computed once with Fermat: (2^32)^(p-2) mod p.
  return Number((BigInt(raw) * R_INV) % P_BIG);
}

function modPow(base: bigint, exp: bigint, mod: bigint): bigint {
  let result = 1n;
  let b = base % mod;
  let e = exp;
  while (e > 0n) {
    if (e & 1n) result = (result * b) % mod;
    b = (b * b) % mod;
    e >>= 1n;
  }
  return result;
}
const R_INV = modPow(1n << 32n, P_BIG - 2n, P_BIG);

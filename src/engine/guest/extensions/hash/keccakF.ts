// Keccak-f[1600] and the Keccak-256 sponge (pad10*1 with domain byte 0x01, rate 136 bytes, 32-byte
// digest), the pure kernel behind OpenVM v1.7's KECCAK256 opcode (extensions/keccak256/circuit/src/utils.rs
// calls tiny-keccak's `Keccak::v256`). No memory, no state between calls.
// Representation: the 25 lanes of 64 bits as 50 u32 words (lo, hi) in lane order x + 5y, little-endian, so
// byte k of the state is byte (k & 7) of lane k >> 3. Cost: one permutation per 136 input bytes (+1).

// prettier-ignore
const RC = new Uint32Array([ // round constants, (lo, hi) per round
  0x00000001, 0x00000000, 0x00008082, 0x00000000, 0x0000808a, 0x80000000, 0x80008000, 0x80000000,
  0x0000808b, 0x00000000, 0x80000001, 0x00000000, 0x80008081, 0x80000000, 0x00008009, 0x80000000,
  0x0000008a, 0x00000000, 0x00000088, 0x00000000, 0x80008009, 0x00000000, 0x8000000a, 0x00000000,
  0x8000808b, 0x00000000, 0x0000008b, 0x80000000, 0x00008089, 0x80000000, 0x00008003, 0x80000000,
  0x00008002, 0x80000000, 0x00000080, 0x80000000, 0x0000800a, 0x00000000, 0x8000000a, 0x80000000,
  0x80008081, 0x80000000, 0x00008080, 0x80000000, 0x80000001, 0x00000000, 0x80008008, 0x80000000,
]);
// rho offsets and pi destinations, following the lane walk (x, y) -> (y, 2x + 3y) from lane 1.
const RHO = [1, 3, 6, 10, 15, 21, 28, 36, 45, 55, 2, 14, 27, 41, 56, 8, 25, 43, 62, 18, 39, 61, 20, 44];
const PI = [10, 7, 11, 17, 18, 3, 5, 16, 8, 21, 24, 4, 15, 23, 19, 13, 12, 2, 20, 14, 22, 9, 6, 1];

const C = new Uint32Array(10);

/** Keccak-f[1600] in place on 50 u32 words (24 rounds). */
export function keccakF1600(s: Uint32Array): void {
  for (let round = 0; round < 24; round++) {
    // theta
    for (let x = 0; x < 5; x++) {
      C[2 * x] = s[2 * x] ^ s[2 * x + 10] ^ s[2 * x + 20] ^ s[2 * x + 30] ^ s[2 * x + 40];
      C[2 * x + 1] = s[2 * x + 1] ^ s[2 * x + 11] ^ s[2 * x + 21] ^ s[2 * x + 31] ^ s[2 * x + 41];
    }
    for (let x = 0; x < 5; x++) {
      const l = C[((x + 4) % 5) * 2];
      const h = C[((x + 4) % 5) * 2 + 1];
      const l1 = C[((x + 1) % 5) * 2];
      const h1 = C[((x + 1) % 5) * 2 + 1];
      const dl = l ^ ((l1 << 1) | (h1 >>> 31));
      const dh = h ^ ((h1 << 1) | (l1 >>> 31));
      for (let y = 0; y < 25; y += 5) {
        s[2 * (x + y)] ^= dl;
        s[2 * (x + y) + 1] ^= dh;
      }
    }
    // rho and pi
    let cl = s[2];
    let ch = s[3];
    for (let i = 0; i < 24; i++) {
      const j = PI[i];
      const tl = s[2 * j];
      const th = s[2 * j + 1];
      const r = RHO[i];
      let nl: number;
      let nh: number;
      if (r < 32) {
        nl = (cl << r) | (ch >>> (32 - r));
        nh = (ch << r) | (cl >>> (32 - r));
      } else {
        nl = (ch << (r - 32)) | (cl >>> (64 - r));
        nh = (cl << (r - 32)) | (ch >>> (64 - r));
      }
      s[2 * j] = nl;
      s[2 * j + 1] = nh;
      cl = tl;
      ch = th;
    }
    // chi
    for (let y = 0; y < 50; y += 10) {
      for (let x = 0; x < 10; x++) C[x] = s[y + x];
      for (let x = 0; x < 10; x++) s[y + x] = C[x] ^ (~C[(x + 2) % 10] & C[(x + 4) % 10]);
    }
    // iota
    s[0] ^= RC[2 * round];
    s[1] ^= RC[2 * round + 1];
  }
}

export const KECCAK_RATE_BYTES = 136;

/** Keccak-f permutations Keccak-256 needs for `len` bytes (utils.rs num_keccak_f: len / 136 + 1). */
export function numKeccakF(len: number): number {
  return Math.floor(len / KECCAK_RATE_BYTES) + 1;
}

const STATE = new Uint32Array(50);

/** Keccak-256 (the Ethereum hash, domain byte 0x01) of `input[0..len)`; the 32-byte digest into `out`. */
export function keccak256(
  input: Uint8Array,
  len: number = input.length,
  out = new Uint8Array(32),
): Uint8Array {
  const s = STATE;
  s.fill(0);
  const blocks = numKeccakF(len);
  for (let b = 0; b < blocks; b++) {
    const start = b * KECCAK_RATE_BYTES;
    const take = Math.min(KECCAK_RATE_BYTES, Math.max(0, len - start));
    for (let k = 0; k < take; k++) {
      const byte = start + k;
      s[k >>> 2] ^= input[byte] << ((k & 3) * 8);
    }
    if (b === blocks - 1) {
      s[take >>> 2] ^= 0x01 << ((take & 3) * 8); // pad10*1: the domain bit right after the message
      s[(KECCAK_RATE_BYTES - 1) >>> 2] ^= 0x80 << (((KECCAK_RATE_BYTES - 1) & 3) * 8); // ... and the last rate bit
    }
    keccakF1600(s);
  }
  for (let k = 0; k < 32; k++) out[k] = (s[k >>> 2] >>> ((k & 3) * 8)) & 0xff;
  return out;
}

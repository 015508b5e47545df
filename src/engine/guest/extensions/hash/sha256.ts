// SHA-256 (FIPS 180-4): the compression function and the full hash with its padding, the pure kernel
// behind OpenVM v1.7's SHA256 opcode. In v1.7 the opcode is a *full hash over a buffer*: the chip pads the
// message itself (one 1 bit, zeros, the 64-bit big-endian bit length) and runs
// get_sha256_num_blocks(len) = ceil((8 len + 1 + 64) / 512) compressions (extensions/hash/sha256/circuit/src/
// sha256_chip/{mod,trace}.rs `sha256_solve`, crates/circuits/sha256-air/src/utils.rs). No memory here.

// prettier-ignore
const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);
// prettier-ignore
export const SHA256_H0: readonly number[] = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];

const W = new Uint32Array(64);
const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** One compression of the 64-byte big-endian block at `block[offset..offset+64)` into `state` (8 words). */
export function sha256Compress(state: Uint32Array, block: Uint8Array, offset = 0): void {
  for (let t = 0; t < 16; t++) {
    const i = offset + 4 * t;
    W[t] = ((block[i] << 24) | (block[i + 1] << 16) | (block[i + 2] << 8) | block[i + 3]) >>> 0;
  }
  for (let t = 16; t < 64; t++) {
    const a = W[t - 15];
    const b = W[t - 2];
    const s0 = rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3);
    const s1 = rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10);
    W[t] = (W[t - 16] + s0 + W[t - 7] + s1) | 0;
  }
  let a = state[0], b = state[1], c = state[2], d = state[3]; // prettier-ignore
  let e = state[4], f = state[5], g = state[6], h = state[7]; // prettier-ignore
  for (let t = 0; t < 64; t++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[t] + W[t]) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] += a;
  state[1] += b;
  state[2] += c;
  state[3] += d;
  state[4] += e;
  state[5] += f;
  state[6] += g;
  state[7] += h;
}

/** get_sha256_num_blocks: compressions for a `len`-byte message, padding included. */
export function sha256NumBlocks(len: number): number {
  return Math.ceil((len * 8 + 1 + 64) / 512);
}

const STATE = new Uint32Array(8);
const TAIL = new Uint8Array(128);

/** SHA-256 of `input[0..len)` with the standard padding; the 32-byte digest into `out`. */
export function sha256(input: Uint8Array, len: number = input.length, out = new Uint8Array(32)): Uint8Array {
  const state = STATE;
  for (let i = 0; i < 8; i++) state[i] = SHA256_H0[i];
  const full = Math.floor(len / 64);
  for (let b = 0; b < full; b++) sha256Compress(state, input, 64 * b);
  // The padded tail: the rest of the message, 0x80, zeros, the bit length (big-endian u64): 1 or 2 blocks.
  const rest = len - 64 * full;
  const tailBlocks = rest + 9 > 64 ? 2 : 1;
  TAIL.fill(0);
  for (let i = 0; i < rest; i++) TAIL[i] = input[64 * full + i];
  TAIL[rest] = 0x80;
  const bits = len * 8;
  const end = 64 * tailBlocks;
  const hi = Math.floor(bits / 2 ** 32);
  for (let i = 0; i < 4; i++) {
    TAIL[end - 1 - i] = (bits >>> (8 * i)) & 0xff;
    TAIL[end - 5 - i] = (hi >>> (8 * i)) & 0xff;
  }
  for (let b = 0; b < tailBlocks; b++) sha256Compress(state, TAIL, 64 * b);
  for (let i = 0; i < 8; i++) {
    out[4 * i] = state[i] >>> 24;
    out[4 * i + 1] = (state[i] >>> 16) & 0xff;
    out[4 * i + 2] = (state[i] >>> 8) & 0xff;
    out[4 * i + 3] = state[i] & 0xff;
  }
  return out;
}

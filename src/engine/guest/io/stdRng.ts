// The VM's random source for the HintRandom phantom: rand 0.9 `StdRng` (= rand_chacha's ChaCha12Rng)
// created with `SeedableRng::seed_from_u64(0)` (crates/vm/src/arch/vm.rs @ v1.7.0). `random::<u8>()`
// consumes one `next_u32()` per byte and keeps its low 8 bits.
// Invariants: the key is 8 little-endian PCG32 outputs (rand_core's default seed_from_u64); the nonce
// (stream id) is 0; the output is the ChaCha keystream read as u32 words, block counter 0, 1, 2, ...
// (rand_chacha buffers four blocks at a time, which does not change the word sequence).

const PCG_MUL = 6364136223846793005n;
const PCG_INC = 11634580027462260723n;
const MASK64 = (1n << 64n) - 1n;

/** rand_core 0.9 `seed_from_u64`: 32 seed bytes from PCG32, as 8 little-endian key words. */
export function seedFromU64(seed: bigint): Uint32Array {
  let state = seed & MASK64;
  const key = new Uint32Array(8);
  for (let i = 0; i < 8; i++) {
    state = (state * PCG_MUL + PCG_INC) & MASK64;
    const xorshifted = Number((((state >> 18n) ^ state) >> 27n) & 0xffffffffn);
    const rot = Number(state >> 59n);
    key[i] = ((xorshifted >>> rot) | (xorshifted << ((32 - rot) & 31))) >>> 0;
  }
  return key;
}

function rotl(x: number, n: number): number {
  return (x << n) | (x >>> (32 - n));
}

/** One ChaCha block (`rounds` = 8, 12 or 20): 256-bit key, 64-bit block counter (lo, hi), 64-bit nonce. */
export function chachaBlock(
  key: Uint32Array,
  counter: [number, number],
  nonce: [number, number],
  rounds: number,
  out: Uint32Array,
): void {
  // prettier-ignore
  const init = [
    0x61707865, 0x3320646e, 0x79622d32, 0x6b206574, key[0], key[1], key[2], key[3], key[4], key[5], key[6], key[7],
    counter[0] >>> 0, counter[1] >>> 0, nonce[0] >>> 0, nonce[1] >>> 0,
  ];
  const x = init.slice();
  const quarter = (a: number, b: number, c: number, d: number) => {
    x[a] = (x[a] + x[b]) | 0;
    x[d] = rotl(x[d] ^ x[a], 16);
    x[c] = (x[c] + x[d]) | 0;
    x[b] = rotl(x[b] ^ x[c], 12);
    x[a] = (x[a] + x[b]) | 0;
    x[d] = rotl(x[d] ^ x[a], 8);
    x[c] = (x[c] + x[d]) | 0;
    x[b] = rotl(x[b] ^ x[c], 7);
  };
  for (let r = 0; r < rounds; r += 2) {
    quarter(0, 4, 8, 12);
    quarter(1, 5, 9, 13);
    quarter(2, 6, 10, 14);
    quarter(3, 7, 11, 15);
    quarter(0, 5, 10, 15);
    quarter(1, 6, 11, 12);
    quarter(2, 7, 8, 13);
    quarter(3, 4, 9, 14);
  }
  for (let i = 0; i < 16; i++) out[i] = (x[i] + init[i]) >>> 0;
}

/** A ChaCha-based rand RNG (StdRng = 12 rounds). */
export class ChaChaRng {
  private readonly key: Uint32Array;
  private readonly block = new Uint32Array(16);
  private counter = 0;
  private index = 16;

  /** `seed`: a u64 for `seed_from_u64`, or the 8 key words of `from_seed` (32 bytes read little-endian). */
  constructor(
    seed: bigint | Uint32Array,
    private readonly rounds = 12,
  ) {
    this.key = typeof seed === 'bigint' ? seedFromU64(seed) : seed.slice();
  }

  nextU32(): number {
    if (this.index === 16) {
      chachaBlock(
        this.key,
        [this.counter % 2 ** 32, Math.floor(this.counter / 2 ** 32)],
        [0, 0],
        this.rounds,
        this.block,
      );
      this.counter++;
      this.index = 0;
    }
    return this.block[this.index++];
  }

  /** rand_core 0.9 `BlockRng::fill_bytes`: whole words, little-endian; a partial last word is dropped. */
  fillBytes(dest: Uint8Array): void {
    for (let i = 0; i < dest.length; i += 4) {
      const w = this.nextU32();
      for (let k = 0; k < 4 && i + k < dest.length; k++) dest[i + k] = (w >>> (8 * k)) & 0xff;
    }
  }

  /** `rng.random::<u8>()` in rand 0.9: the low byte of one next_u32. */
  nextU8(): number {
    return this.nextU32() & 0xff;
  }

  /** The position in the keystream (time travel: src/engine/timeline checkpoints it). */
  snapshot(): ChaChaPosition {
    return { counter: this.counter, index: this.index, block: this.block.slice() };
  }

  restore(p: ChaChaPosition): void {
    this.counter = p.counter;
    this.index = p.index;
    this.block.set(p.block);
  }
}

/** A ChaChaRng's keystream position: blocks generated so far, the read index and the current block. */
export interface ChaChaPosition {
  readonly counter: number;
  readonly index: number;
  readonly block: Uint32Array;
}

/** The VM's StdRng: ChaCha12 seeded with seed_from_u64(0); its state persists across a run. */
export function vmStdRng(): ChaChaRng {
  return new ChaChaRng(0n, 12);
}

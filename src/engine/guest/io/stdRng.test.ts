import { describe, expect, it } from 'vitest';
import { ChaChaRng, chachaBlock } from './stdRng';

describe('the VM StdRng (ChaCha)', () => {
  it('ChaCha20 block function: RFC 7539 section 2.3.2 test vector', () => {
    const key = new Uint32Array(8);
    for (let i = 0; i < 8; i++)
      key[i] = (4 * i) | ((4 * i + 1) << 8) | ((4 * i + 2) << 16) | ((4 * i + 3) << 24);
    const out = new Uint32Array(16);
    // RFC layout: counter word 12 = 1, nonce words 13..15 = 0x09000000, 0x4a000000, 0x00000000. Our 64-bit
    // counter occupies words 12-13, so the RFC's first nonce word is our counter's high word.
    chachaBlock(key, [1, 0x09000000], [0x4a000000, 0], 20, out);
    expect(Array.from(out.subarray(0, 4), (w) => w.toString(16).padStart(8, '0'))).toEqual([
      'e4e7f110',
      '15593bd1',
      '1fdd0f50',
      'c47120a3',
    ]);
    expect(out[15].toString(16)).toBe('4e3c50a2');
  });
  it('seed_from_u64 + ChaCha8: the first words rand_chacha produces (published vectors)', () => {
    const seven = new ChaChaRng(7n, 8);
    expect(Array.from({ length: 8 }, () => seven.nextU32())).toEqual([
      601310139, 677729076, 781920570, 721508819, 1160025393, 3024842937, 155073251, 3121330102,
    ]);
    const zero = new ChaChaRng(0n, 8);
    expect(Array.from({ length: 8 }, () => zero.nextU32())).toEqual([
      2811902828, 3045455719, 3134767159, 2001118559, 2179114726, 3002797362, 2409334908, 258433188,
    ]);
  });
  it('crosses block boundaries (counter increments)', () => {
    const a = new ChaChaRng(0n, 12);
    const words = Array.from({ length: 40 }, () => a.nextU32());
    const block = new Uint32Array(16);
    const b = new ChaChaRng(0n, 12);
    b.nextU32();
    expect(new Set(words).size).toBe(40);
    chachaBlock((b as unknown as { key: Uint32Array }).key, [2, 0], [0, 0], 12, block);
    expect(words.slice(32, 40)).toEqual(Array.from(block.subarray(0, 8)));
  });
});

// The pure kernels against independent references: @noble/hashes keccak_256, Node's crypto SHA-256, and
// JavaScript BigInt for every Int256 operation (random values plus the edges: empty input, lengths around
// the 136- and 64-byte blocks, shifts >= 256, signed compares at the sign boundary).
import { createHash } from 'node:crypto';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { describe, expect, it } from 'vitest';
import { Random as Rng } from '../../random';
import { alu256, type AluOp, branchTaken256, lessThan256, mul256, shift256, type ShiftOp } from './int256';
import { keccak256, numKeccakF } from './hash/keccakF';
import { sha256, sha256NumBlocks } from './hash/sha256';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

function bytes(rng: Rng, n: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = rng.u32() & 0xff;
  return out;
}

const EDGE_LENGTHS = [
  0, 1, 3, 4, 5, 55, 56, 63, 64, 65, 119, 120, 127, 128, 129, 135, 136, 137, 271, 272, 273, 1000,
];

describe('Keccak-256 kernel = @noble/hashes keccak_256', () => {
  it.each(EDGE_LENGTHS)('length %i', (n) => {
    const msg = bytes(new Rng(n + 1), n);
    expect(hex(keccak256(msg))).toBe(hex(keccak_256(msg)));
  });
  it('hashes a prefix of a longer buffer (len < buffer, as the chip reads whole words)', () => {
    const buf = bytes(new Rng(7), 140);
    expect(hex(keccak256(buf, 137))).toBe(hex(keccak_256(buf.subarray(0, 137))));
  });
  it('200 random lengths up to 700', () => {
    const rng = new Rng(99);
    for (let k = 0; k < 200; k++) {
      const msg = bytes(rng, rng.u32() % 700);
      expect(hex(keccak256(msg))).toBe(hex(keccak_256(msg)));
    }
  });
  it('num_keccak_f = len / 136 + 1', () => {
    expect([0, 135, 136, 271, 272].map(numKeccakF)).toEqual([1, 1, 2, 2, 3]);
  });
});

describe('SHA-256 kernel (full hash with padding) = Node crypto', () => {
  it.each(EDGE_LENGTHS)('length %i', (n) => {
    const msg = bytes(new Rng(n + 5), n);
    expect(hex(sha256(msg))).toBe(createHash('sha256').update(msg).digest('hex'));
  });
  it('200 random lengths up to 700, hashed as a prefix of a padded buffer', () => {
    const rng = new Rng(3);
    for (let k = 0; k < 200; k++) {
      const n = rng.u32() % 700;
      const buf = bytes(rng, sha256NumBlocks(n) * 64);
      expect(hex(sha256(buf, n))).toBe(createHash('sha256').update(buf.subarray(0, n)).digest('hex'));
    }
  });
  it('get_sha256_num_blocks = ceil((8 len + 65) / 512)', () => {
    expect([0, 55, 56, 63, 64, 119, 120].map(sha256NumBlocks)).toEqual([1, 1, 2, 2, 2, 2, 3]);
  });
});

const M = 1n << 256n;
const toBig = (b: Uint8Array) => BigInt(`0x${hex(b.slice().reverse()) || '0'}`);
function fromBig(v: bigint): Uint8Array {
  const out = new Uint8Array(32);
  let x = ((v % M) + M) % M;
  for (let i = 0; i < 32; i++) {
    out[i] = Number(x & 0xffn);
    x >>= 8n;
  }
  return out;
}
const signed = (v: bigint) => (v >= 1n << 255n ? v - M : v);

const ALU_REF: ((a: bigint, b: bigint) => bigint)[] = [
  (a, b) => a + b,
  (a, b) => a - b,
  (a, b) => a ^ b,
  (a, b) => a | b,
  (a, b) => a & b,
];
const SHIFT_REF: ((a: bigint, s: bigint) => bigint)[] = [
  (a, s) => a << s,
  (a, s) => a >> s,
  (a, s) => signed(a) >> s,
];

function edgeValues(): bigint[] {
  const v = [
    0n,
    1n,
    2n,
    M - 1n,
    M - 2n,
    1n << 255n,
    (1n << 255n) - 1n,
    (1n << 255n) + 1n,
    0xffn,
    0x100n,
    1n << 128n,
  ];
  const rng = new Rng(11);
  for (let k = 0; k < 40; k++) v.push(toBig(bytes(rng, 32)));
  for (let k = 0; k < 10; k++) v.push(toBig(bytes(rng, 32)) >> BigInt(rng.u32() % 256));
  return v;
}

describe('Int256 kernels = BigInt mod 2^256', () => {
  const values = edgeValues();
  const out = new Uint8Array(32);
  it('add, sub, xor, or, and', () => {
    for (const a of values)
      for (const b of values)
        for (let op = 0; op < 5; op++) {
          alu256(op as AluOp, fromBig(a), fromBig(b), out);
          expect(toBig(out), `op ${op} ${a} ${b}`).toBe(((ALU_REF[op](a, b) % M) + M) % M);
        }
  });
  it('mul: the low 256 bits', () => {
    for (const a of values)
      for (const b of values) {
        mul256(fromBig(a), fromBig(b), out);
        expect(toBig(out)).toBe((a * b) % M);
      }
  });
  it('sll, srl, sra: amount = rs2 mod 256 (shifts >= 256 wrap)', () => {
    const amounts = [
      0n,
      1n,
      7n,
      8n,
      9n,
      63n,
      64n,
      127n,
      128n,
      200n,
      255n,
      256n,
      257n,
      511n,
      1000n,
      M - 1n,
      (1n << 255n) + 3n,
    ];
    for (const a of values)
      for (const s of amounts)
        for (let op = 0; op < 3; op++) {
          shift256(op as ShiftOp, fromBig(a), fromBig(s), out);
          const expected = ((SHIFT_REF[op](a, s % 256n) % M) + M) % M;
          expect(toBig(out), `op ${op} ${a} by ${s}`).toBe(expected);
        }
  });
  it('slt / sltu and the branch comparisons, across the sign boundary', () => {
    for (const a of values)
      for (const b of values) {
        const [x, y] = [fromBig(a), fromBig(b)];
        expect(lessThan256(true, x, y)).toBe(signed(a) < signed(b));
        expect(lessThan256(false, x, y)).toBe(a < b);
        expect(branchTaken256('beq', x, y)).toBe(a === b);
        expect(branchTaken256('bne', x, y)).toBe(a !== b);
        expect(branchTaken256('blt', x, y)).toBe(signed(a) < signed(b));
        expect(branchTaken256('bge', x, y)).toBe(signed(a) >= signed(b));
        expect(branchTaken256('bltu', x, y)).toBe(a < b);
        expect(branchTaken256('bgeu', x, y)).toBe(a >= b);
      }
    // the sign boundary itself: 2^255 - 1 is the largest positive, 2^255 the most negative
    expect(lessThan256(true, fromBig(1n << 255n), fromBig((1n << 255n) - 1n))).toBe(true);
    expect(lessThan256(false, fromBig(1n << 255n), fromBig((1n << 255n) - 1n))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { Random } from '../../random';
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from './arith';

// Reference: 64-bit products and RISC-V division rules with BigInt (RISC-V ISA manual, M extension table).
const s = (x: number) => BigInt(x | 0);
const u = (x: number) => BigInt(x >>> 0);
const lo32 = (v: bigint) => Number(BigInt.asUintN(32, v));
const hi32 = (v: bigint) => Number(BigInt.asUintN(32, v >> 32n));

function refDiv(a: number, b: number, signed: boolean): [number, number] {
  const x = signed ? s(a) : u(a);
  const y = signed ? s(b) : u(b);
  if (y === 0n) return [0xffffffff, lo32(x)];
  if (signed && x === -(2n ** 31n) && y === -1n) return [0x80000000, 0];
  return [lo32(x / y), lo32(x % y)]; // BigInt division truncates toward zero, like RISC-V
}

describe('RV32M arithmetic', () => {
  const edge = [0, 1, 2, 3, -1, -2, 7, -7, 0x7fffffff, 0x80000000, 0x80000001, 0xffff, 0x10000, 0xfffffffe];
  const rnd = new Random(7);
  const pairs: [number, number][] = [];
  for (const a of edge) for (const b of edge) pairs.push([a, b]);
  for (let i = 0; i < 5000; i++) pairs.push([rnd.u32(), rnd.below(4) === 0 ? rnd.pick(edge) : rnd.u32()]);
  it('mulh, mulhsu, mulhu are the high words of the 64-bit products', () => {
    for (const [a, b] of pairs) {
      expect(mulhu(a, b)).toBe(hi32(u(a) * u(b)));
      expect(mulh(a, b)).toBe(hi32(s(a) * s(b)));
      expect(mulhsu(a, b)).toBe(hi32(s(a) * u(b)));
    }
  });
  it('div, divu, rem, remu follow RISC-V, including x / 0 and INT_MIN / -1', () => {
    for (const [a, b] of pairs) {
      const [q, r] = refDiv(a, b, true);
      const [qu, ru] = refDiv(a, b, false);
      expect([div(a, b), rem(a, b), divu(a, b), remu(a, b)]).toEqual([q, r, qu, ru]);
    }
  });
});

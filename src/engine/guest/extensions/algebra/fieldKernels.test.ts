// The chips' values against @noble/curves (an independent, audited implementation): Field(p) for the
// modular ops, the BN254 / BLS12-381 Fp2 towers (u^2 = -1) for Fp2, the curves' Point for add/double.
import { Field } from '@noble/curves/abstract/modular.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bn254 } from '@noble/curves/bn254.js';
import { p256 } from '@noble/curves/nist.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { Random } from '../../../random';
import { chipLimbs } from '../../config/vmConfig';
import {
  ecAddNe,
  ecDouble,
  fp2Op,
  fromLeBytes,
  isEqualLimbs,
  KernelError,
  type ModularOp,
  modularOp,
  toLeBytes,
} from './fieldKernels';
import { findNonQr, modSqrt, nonQrHint, nonQrsFor, sqrtHint } from './modularHints';

const SECP = secp256k1.Point.CURVE().p;
const BN = bn254.G1.Point.CURVE().p;
const BLS = bls12_381.G1.Point.CURVE().p;
const BN_R = bn254.G1.Point.CURVE().n;

function randomBelow(rand: () => number, bound: bigint): bigint {
  let x = 0n;
  for (let i = 0; i < 16; i++) x = (x << 32n) | BigInt(rand() >>> 0);
  return x % bound;
}

describe('modular add/sub/mul/div (values = noble Field(p))', () => {
  // 32-byte, 48-byte and small moduli (kitchen-sink's 2^61 - 1 and 7).
  const moduli: [string, bigint][] = [
    ['secp256k1', SECP],
    ['bls12-381 (48 bytes)', BLS],
    ['2^61-1', 2n ** 61n - 1n],
    ['7', 7n],
  ];
  for (const [name, p] of moduli) {
    it(`${name}: random operands and p - 1, raw inputs >= p reduced first`, () => {
      const F = Field(p);
      const rng = new Random(7);
      const rand = () => rng.u32();
      const limbs = chipLimbs(p) as number;
      const raw = 1n << BigInt(8 * limbs);
      const samples = [0n, 1n, p - 1n, p, raw - 1n];
      for (let i = 0; i < 40; i++) samples.push(randomBelow(rand, raw));
      for (const x of samples)
        for (const y of [p - 1n, 1n, randomBelow(rand, raw), randomBelow(rand, p)]) {
          const [a, b] = [F.create(x), F.create(y)];
          expect(modularOp('ADD', x, y, p)).toBe(F.add(a, b));
          expect(modularOp('SUB', x, y, p)).toBe(F.sub(a, b));
          expect(modularOp('MUL', x, y, p)).toBe(F.mul(a, b));
          if (b !== 0n) expect(modularOp('DIV', x, y, p)).toBe(F.div(a, b));
          expect(modularOp('SETUP_ADDSUB', x, y, p)).toBe(a);
        }
    });
  }

  it('(p - 1) / (p - 1) = 1 and (p - 1)^2 = 1', () => {
    expect(modularOp('DIV', SECP - 1n, SECP - 1n, SECP)).toBe(1n);
    expect(modularOp('MUL', BLS - 1n, BLS - 1n, BLS)).toBe(1n);
  });

  it('division by 0 or by p (reduced: 0) fails as OpenVM panics; mul by 0 does not invert', () => {
    for (const y of [0n, SECP, 2n * SECP]) expect(() => modularOp('DIV', 5n, y, SECP)).toThrow(KernelError);
    expect(() => modularOp('DIV', 5n, 0n, SECP)).toThrow(
      /divmod: the divisor is 0 mod .*modinv\(\.\.\)\.unwrap\(\) on None/,
    );
    expect(modularOp('MUL', 5n, 0n, SECP)).toBe(0n);
    // SETUP (all flags off) returns x mod p: the guest passes p, so 0 is written.
    expect(
      (['SETUP_ADDSUB', 'SETUP_MULDIV'] as ModularOp[]).map((op) => modularOp(op, SECP, 0n, SECP)),
    ).toEqual([0n, 0n]);
  });

  it('IS_EQ compares raw limbs: 0 and p differ although equal mod p', () => {
    const zero = toLeBytes(0n, 32);
    const p = toLeBytes(SECP, 32);
    expect(isEqualLimbs(zero, p)).toBe(false);
    expect(isEqualLimbs(p, toLeBytes(SECP, 32))).toBe(true);
    expect(fromLeBytes(p)).toBe(SECP);
  });
});

describe('Fp2 (u^2 = -1) against noble towers', () => {
  for (const [name, p, Fp2] of [
    ['bn254', BN, bn254.fields.Fp2],
    ['bls12-381 (48 bytes)', BLS, bls12_381.fields.Fp2],
  ] as const) {
    it(`${name}: add, sub, mul, div; (p-1, p-1) operands; zero divisor`, () => {
      const rng = new Random(11);
      const rand = () => rng.u32();
      for (let i = 0; i < 30; i++) {
        const x = [randomBelow(rand, p), randomBelow(rand, p)] as const;
        const y =
          i === 0 ? ([p - 1n, p - 1n] as const) : ([randomBelow(rand, p), randomBelow(rand, p)] as const);
        const [nx, ny] = [Fp2.create({ c0: x[0], c1: x[1] }), Fp2.create({ c0: y[0], c1: y[1] })];
        const pair = (v: { c0: bigint; c1: bigint }) => [v.c0, v.c1];
        expect(fp2Op('ADD', x, y, p)).toEqual(pair(Fp2.add(nx, ny)));
        expect(fp2Op('SUB', x, y, p)).toEqual(pair(Fp2.sub(nx, ny)));
        expect(fp2Op('MUL', x, y, p)).toEqual(pair(Fp2.mul(nx, ny)));
        expect(fp2Op('DIV', x, y, p)).toEqual(pair(Fp2.div(nx, ny)));
      }
      expect(() => fp2Op('DIV', [1n, 2n], [0n, p], p)).toThrow(/divcomplex: the divisor is 0/);
    });
  }
});

describe('short Weierstrass add_ne and double against noble points', () => {
  const curves = [
    ['secp256k1', secp256k1.Point],
    ['p256 (a = -3)', p256.Point],
    ['bls12-381 G1 (48 bytes)', bls12_381.G1.Point],
  ] as const;
  for (const [name, Point] of curves) {
    it(`${name}: P + Q and 2P for multiples of the generator`, () => {
      const { p, a } = Point.CURVE();
      for (let k = 1n; k < 8n; k++) {
        const P = Point.BASE.multiply(k);
        const Q = Point.BASE.multiply(k * 1000003n + 17n);
        const [pa, qa] = [P.toAffine(), Q.toAffine()];
        const sum = P.add(Q).toAffine();
        const dbl = P.double().toAffine();
        expect(ecAddNe([pa.x, pa.y], [qa.x, qa.y], p)).toEqual([sum.x, sum.y]);
        expect(ecDouble([pa.x, pa.y], a, p)).toEqual([dbl.x, dbl.y]);
      }
    });
  }

  it('equal x (P + P or P + (-P)) and doubling y = 0 fail as OpenVM panics', () => {
    const P = secp256k1.Point.BASE.toAffine();
    expect(() => ecAddNe([P.x, P.y], [P.x, P.y], SECP)).toThrow(/sw_add_ne \(equal x coordinates\).*panics/);
    expect(() => ecAddNe([P.x, P.y], [P.x + SECP, SECP - P.y], SECP)).toThrow(KernelError);
    expect(() => ecDouble([5n, 0n], 0n, SECP)).toThrow(/sw_double \(y = 0\)/);
  });

  it('the guest identity (0, 0) is just an input to the formulas (chord through the origin)', () => {
    const F = Field(SECP);
    const Q = secp256k1.Point.BASE.toAffine();
    const lambda = F.div(Q.y, Q.x);
    const x3 = F.sub(F.sub(F.sqr(lambda), 0n), Q.x);
    expect(ecAddNe([0n, 0n], [Q.x, Q.y], SECP)).toEqual([x3, F.sub(F.mul(lambda, F.sub(0n, x3)), 0n)]);
  });

  it('EC_DOUBLE setup uses the denominator 1: x3 = (3x^2 + a)^2 - 2x with x = p -> a^2', () => {
    const { a } = p256.Point.CURVE();
    const p = p256.Point.CURVE().p;
    const F = Field(p);
    expect(ecDouble([p, a], a, p, true)).toEqual([F.sqr(a), F.sub(F.mul(a, F.neg(F.sqr(a))), a)]);
  });
});

describe('modular hints (find_non_qr, mod_sqrt)', () => {
  it('p = 3 mod 4: non_qr = p - 1 and sqrt = x^((p+1)/4) = noble Field.sqrt', () => {
    const F = Field(SECP);
    expect(findNonQr(SECP, undefined as never)).toBe(SECP - 1n);
    const rng = new Random(3);
    const rand = () => rng.u32();
    for (let i = 0; i < 20; i++) {
      const x = F.sqr(randomBelow(rand, SECP));
      expect(modSqrt(x, SECP, SECP - 1n)).toBe(F.sqrt(x));
    }
  });

  it('p = 1 mod 8 (BN254 scalar): the sampled non_qr is a non-residue; Tonelli-Shanks roots square back', () => {
    const [nonQr] = nonQrsFor([BN_R]);
    const F = Field(BN_R);
    expect(F.pow(nonQr, (BN_R - 1n) / 2n)).toBe(BN_R - 1n);
    expect(nonQrsFor([BN_R])[0]).toBe(nonQr); // deterministic (seed [0; 32])
    const rng = new Random(5);
    const rand = () => rng.u32();
    for (let i = 0; i < 10; i++) {
      const x = F.sqr(randomBelow(rand, BN_R));
      const r = modSqrt(x, BN_R, nonQr) as bigint;
      expect(F.sqr(r)).toBe(x);
      expect([F.sqrt(x), F.neg(F.sqrt(x))]).toContain(r);
    }
    expect(modSqrt(nonQr, BN_R, nonQr)).toBeNull();
  });

  it('hint streams: [success,0,0,0] ++ root (32 or 48 bytes); a non-square gives the root of x * non_qr', () => {
    const F = Field(BLS);
    const x = F.sqr(123456789n);
    const h = sqrtHint(toLeBytes(x, 48), BLS, BLS - 1n);
    expect(h.length).toBe(52);
    expect([...h.slice(0, 4)]).toEqual([1, 0, 0, 0]);
    expect(F.sqr(fromLeBytes(h, 4, 48))).toBe(x);
    const nonSquare = F.neg(x); // -1 is a non-residue for p = 3 mod 4
    const h2 = sqrtHint(toLeBytes(nonSquare, 48), BLS, BLS - 1n);
    expect(h2[0]).toBe(0);
    expect(F.sqr(fromLeBytes(h2, 4, 48))).toBe(F.mul(nonSquare, BLS - 1n));
    expect(fromLeBytes(nonQrHint(SECP, SECP - 1n))).toBe(SECP - 1n);
  });
});

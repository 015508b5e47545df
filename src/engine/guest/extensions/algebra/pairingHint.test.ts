// The Miller loop against noble's pairing (after noble's final exponentiation) and the hint against the
// relation OpenVM's guest checks (FinalExp::assert_final_exp_is_one): f * u = c^lambda.
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bn254 } from '@noble/curves/bn254.js';
import { describe, expect, it } from 'vitest';
import { defaultMemoryConfig } from '../../../memory/config';
import { RecordLog } from '../../../memory/recordLog';
import { TracingMemory } from '../../../memory/tracingMemory';
import { toLeBytes } from './fieldKernels';
import {
  BLS12_381_EXPONENTS,
  BN254_EXPONENTS,
  finalExpHint,
  multiMillerLoop,
  PAIRING_CURVE_IMPLS,
  toCoeffs,
} from './pairingHint';

const BN_P = bn254.fields.Fp.ORDER;
const BN_X = 0x44e992b44a6909f1n;
const BN_R = bn254.G1.Point.CURVE().n;

const g1 = (P: { toAffine(): { x: bigint; y: bigint } }): [bigint, bigint] => {
  const a = P.toAffine();
  return [a.x, a.y];
};
const g2 = <T>(Q: { toAffine(): { x: T; y: T } }) => Q.toAffine();

describe('BN254', () => {
  const curve = PAIRING_CURVE_IMPLS[0];
  const F12 = bn254.fields.Fp12;
  const P = bn254.G1.Point.BASE.multiply(5n);
  const Q = bn254.G2.Point.BASE.multiply(7n);

  it('derived exponents: 3 exp1 = p^12 - 1, r * rInv = 1 and 3 r mInv * (lambda/3r) = 1 mod (p^12-1)/r', () => {
    const n = BN_P ** 12n - 1n;
    const h = n / BN_R;
    expect(BN254_EXPONENTS.exp1 * 3n).toBe(n);
    expect((BN_R * BN254_EXPONENTS.rInv) % h).toBe(1n);
    const lambda = 6n * BN_X + 2n + BN_P - BN_P ** 2n + BN_P ** 3n;
    expect(lambda % BN_R).toBe(0n);
    expect(((lambda / BN_R / 3n) * BN254_EXPONENTS.mInv) % h).toBe(1n);
  });

  it('final exponentiation of the Miller loop = noble pairing', () => {
    const f = multiMillerLoop(curve, [g1(P)], [g2(Q)]);
    expect(F12.eql(F12.finalExponentiate(f), bn254.pairing(P, Q))).toBe(true);
  });

  it('hint (c, u): f * u = c^(6x + 2 + q - q^2 + q^3), u a 27th root of unity power', () => {
    // A product of pairings equal to 1, as the pairing guest checks: e(aP, bQ) e(-abP, Q) = 1.
    const Ps = [g1(P), g1(bn254.G1.Point.BASE.multiply(35n).negate())];
    const Qs = [g2(Q), g2(bn254.G2.Point.BASE)];
    const f = multiMillerLoop(curve, Ps, Qs);
    const [c, u] = curve.hint(f);
    const lambda = 6n * BN_X + 2n + BN_P - BN_P ** 2n + BN_P ** 3n;
    expect(F12.eql(F12.mul(f, u), F12.pow(c, lambda))).toBe(true);
    expect(F12.eql(F12.pow(u, 27n), F12.ONE)).toBe(true);
  });
});

describe('BLS12-381', () => {
  const curve = PAIRING_CURVE_IMPLS[1];
  const F12 = bls12_381.fields.Fp12;
  const P = bls12_381.G1.Point.BASE.multiply(3n);
  const Q = bls12_381.G2.Point.BASE.multiply(11n);

  it('final exponentiation of the Miller loop = noble pairing', () => {
    const f = multiMillerLoop(curve, [g1(P)], [g2(Q)]);
    expect(F12.eql(F12.finalExponentiate(f), bls12_381.pairing(P, Q))).toBe(true);
  });

  it('hint (c, s): f * s = c^lambda with lambda = q - x', () => {
    const Ps = [g1(P), g1(bls12_381.G1.Point.BASE.multiply(33n).negate())];
    const Qs = [g2(Q), g2(bls12_381.G2.Point.BASE)];
    const f = multiMillerLoop(curve, Ps, Qs);
    const [c, s] = curve.hint(f);
    expect(F12.eql(F12.mul(f, s), F12.pow(c, BLS12_381_EXPONENTS.lambda))).toBe(true);
  });
});

describe('the phantom on guest memory (hint_pairing)', () => {
  it('reads (ptr, len) pairs and LE field elements; the hint is 2 x 12 x 32 bytes in to_coeffs order', () => {
    const mem = new TracingMemory(defaultMemoryConfig(), 8, new RecordLog(false));
    const P = g1(bn254.G1.Point.BASE.multiply(2n));
    const Q = g2(bn254.G2.Point.BASE.multiply(3n));
    const put = (ptr: number, v: bigint) => toLeBytes(v, 32).forEach((b, i) => mem.setCell(2, ptr + i, b));
    put(0x5000, P[0]);
    put(0x5020, P[1]);
    [Q.x.c0, Q.x.c1, Q.y.c0, Q.y.c1].forEach((v, i) => put(0x6000 + 32 * i, v));
    mem.pokeWord(2, 0x4000, 0x5000);
    mem.pokeWord(2, 0x4004, 1);
    mem.pokeWord(2, 0x4008, 0x6000);
    mem.pokeWord(2, 0x400c, 1);
    mem.pokeWord(1, 4 * 10, 0x4000);
    mem.pokeWord(1, 4 * 11, 0x4008);
    const t0 = mem.timestamp;
    const ins = {
      extension: 'pairing',
      op: 'HintFinalExp',
      index: 0,
      opcode: 0x30,
      phantom: true,
      rd: 0,
      rs1: 10,
      rs2: 11,
    } as const;
    const hint = finalExpHint(mem, ins, { name: 'hint_final_exp[Bn254]', pc: 0 });
    expect(mem.timestamp).toBe(t0);
    expect(hint.length).toBe(24 * 32);
    const [c, u] = PAIRING_CURVE_IMPLS[0].hint(multiMillerLoop(PAIRING_CURVE_IMPLS[0], [P], [Q]));
    const expected = [...toCoeffs(c), ...toCoeffs(u)]
      .flatMap((x) => [x.c0, x.c1])
      .flatMap((v) => [...toLeBytes(v, 32)]);
    expect([...hint]).toEqual(expected);
    mem.pokeWord(2, 0x400c, 2);
    expect(() => finalExpHint(mem, ins, { name: 'hint_final_exp[Bn254]', pc: 0 })).toThrow(
      /p_len=1 != q_len=2/,
    );
  });
});

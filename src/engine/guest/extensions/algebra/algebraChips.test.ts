// Access sequences of each chip, written out from OpenVM v1.7's source (rv32-adapters vec_heap.rs /
// eq_mod.rs read+write, mod-builder core_chip.rs execute), through the real TracingMemory; values
// against @noble/curves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Field } from '@noble/curves/abstract/modular.js';
import { bls12_381 } from '@noble/curves/bls12-381.js';
import { bn254 } from '@noble/curves/bn254.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { describe, expect, it } from 'vitest';
import { defaultMemoryConfig } from '../../../memory/config';
import { RecordLog } from '../../../memory/recordLog';
import { TracingMemory } from '../../../memory/tracingMemory';
import { SHARED } from '../../fixtures.testutil';
import { HintStreams } from '../../io/hintStreams';
import { emptyInput } from '../../io/input';
import { parseOpenVmToml } from '../../config/vmConfig';
import { AlgebraChips } from './algebraChips';
import { fromLeBytes, toLeBytes } from './fieldKernels';

// kitchen-sink's shared config: moduli 0 secp256k1 p, 1 secp n, 2 p256 p, 3 p256 n, 4 bn254 p, 5 bn254 r,
// 6 bls12-381 p (48 bytes), 7 bls r, 8 2^61-1; Fp2 0 Bn254Fp2, 1 Bls12_381Fp2; curves 0 secp256k1 .. 3 BLS.
const CONFIG = parseOpenVmToml(
  readFileSync(path.join(SHARED, 'guests/openvm-v1.7-benchmarks/kitchen-sink.openvm.toml'), 'utf8'),
  'kitchen-sink.openvm.toml',
);
const SECP = secp256k1.Point.CURVE().p;
const BN = bn254.G1.Point.CURVE().p;
const BLS = bls12_381.G1.Point.CURVE().p;

const rType = (funct3: number, funct7: number, rd: number, rs1: number, rs2: number) =>
  (0x2b | (rd << 7) | (funct3 << 12) | (rs1 << 15) | (rs2 << 20) | (funct7 << 25)) >>> 0;
const [A0, A1, A2] = [10, 11, 12];
const [RD, X, Y] = [0x1000, 0x2000, 0x3000];

type Access = string; // "R1 44 4" = read AS1 ptr 44 size 4
function setup() {
  const mem = new TracingMemory(defaultMemoryConfig(), 8, new RecordLog(false));
  const streams = new HintStreams(emptyInput());
  const chips = new AlgebraChips(CONFIG, streams);
  mem.pokeWord(1, 4 * A0, RD);
  mem.pokeWord(1, 4 * A1, X);
  mem.pokeWord(1, 4 * A2, Y);
  const log: Access[] = [];
  const times: number[] = [];
  mem.onAccess = (as, ptr, size, write, t) => {
    log.push(`${write ? 'W' : 'R'}${as} ${ptr.toString(16)} ${size}`);
    times.push(t);
  };
  const put = (ptr: number, values: bigint[], limbs: number) =>
    values.forEach((v, i) => toLeBytes(v, limbs).forEach((b, k) => mem.setCell(2, ptr + i * limbs + k, b)));
  const get = (ptr: number, count: number, limbs: number) =>
    Array.from({ length: count }, (_, i) => {
      const bytes = Array.from({ length: limbs }, (_, k) => mem.getCell(2, ptr + i * limbs + k));
      return fromLeBytes(bytes);
    });
  return { mem, streams, chips, log, times, put, get };
}
const regs = (...r: number[]) => r.map((x) => `R1 ${(4 * x).toString(16)} 4`);
const blocks = (kind: 'R' | 'W', ptr: number, n: number, size: number) =>
  Array.from({ length: n }, (_, j) => `${kind}2 ${(ptr + j * size).toString(16)} ${size}`);

describe('ModularAddSub / ModularMulDiv (Rv32VecHeapAdapter<2, BLOCKS, BLOCKS, BLOCK_SIZE, BLOCK_SIZE>)', () => {
  it('addmod on a 32-byte modulus: R rs1 R rs2 R rd, one 32-cell block per operand, one written; value (x + y) mod p', () => {
    const s = setup();
    const F = Field(SECP);
    s.put(X, [SECP - 1n], 32);
    s.put(Y, [SECP - 1n], 32);
    const t0 = s.mem.timestamp;
    s.chips.execute(rType(0, 0 * 8 + 0, A0, A1, A2), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, A2, A0),
      ...blocks('R', X, 1, 32),
      ...blocks('R', Y, 1, 32),
      ...blocks('W', RD, 1, 32),
    ]);
    expect(s.times).toEqual([0, 1, 2, 3, 4, 5].map((k) => t0 + k));
    expect(s.mem.timestamp).toBe(t0 + 6);
    expect(s.get(RD, 1, 32)).toEqual([F.add(SECP - 1n, SECP - 1n)]);
  });

  it('mulmod on the 48-byte BLS12-381 field: three 16-cell blocks per operand and for the result', () => {
    const s = setup();
    const F = Field(BLS);
    s.put(X, [BLS - 1n], 48);
    s.put(Y, [123456789n], 48);
    s.chips.execute(rType(0, 6 * 8 + 2, A0, A1, A2), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, A2, A0),
      ...blocks('R', X, 3, 16),
      ...blocks('R', Y, 3, 16),
      ...blocks('W', RD, 3, 16),
    ]);
    expect(s.get(RD, 1, 48)).toEqual([F.mul(BLS - 1n, 123456789n)]);
  });

  it('setup_addsubmod: rs2 is x0 (c = 0), so AS2 from address 0 is read; writes p mod p = 0', () => {
    const s = setup();
    s.put(X, [SECP], 32);
    s.put(RD, [77n], 32);
    s.chips.execute(rType(0, 5, A0, A1, 0), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, 0, A0),
      ...blocks('R', X, 1, 32),
      ...blocks('R', 0, 1, 32),
      ...blocks('W', RD, 1, 32),
    ]);
    expect(s.get(RD, 1, 32)).toEqual([0n]);
  });

  it('setup_muldivmod / setup_iseqmod (rs2 = x1 / x2 select the kind) still read register x0: c = 0', () => {
    const s = setup();
    s.put(X, [SECP], 32);
    s.chips.execute(rType(0, 5, A0, A1, 1), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, 0, A0),
      ...blocks('R', X, 1, 32),
      ...blocks('R', 0, 1, 32),
      ...blocks('W', RD, 1, 32),
    ]);
    s.log.length = 0;
    s.chips.execute(rType(0, 5, A0, A1, 2), s.mem, 0x200004);
    expect(s.log).toEqual([
      ...regs(A1, 0),
      ...blocks('R', X, 1, 32),
      ...blocks('R', 0, 1, 32),
      `W1 ${(4 * A0).toString(16)} 4`,
    ]);
    expect(s.mem.peekWord(1, 4 * A0)).toBe(0); // p against the zeros at address 0: not equal
    s.log.length = 0;
    s.mem.pokeWord(1, 4 * A0, RD); // iseqmod overwrote a0
    s.put(X, [BN, 0n], 32);
    s.chips.execute(rType(2, 4, A0, A1, 1), s.mem, 0x200008); // setup_muldivcomplex[Bn254Fp2]
    expect(s.log).toEqual([
      ...regs(A1, 0, A0),
      ...blocks('R', X, 2, 32),
      ...blocks('R', 0, 2, 32),
      ...blocks('W', RD, 2, 32),
    ]);
  });

  it('divmod by 0: the reads happen, then the run fails as OpenVM panics; nothing is written', () => {
    const s = setup();
    s.put(X, [5n], 32);
    s.put(Y, [SECP], 32); // = 0 mod p
    expect(() => s.chips.execute(rType(0, 3, A0, A1, A2), s.mem, 0x200000)).toThrow(
      /divmod\[secp256k1_coord\].*divisor is 0/,
    );
    expect(s.log).toEqual([...regs(A1, A2, A0), ...blocks('R', X, 1, 32), ...blocks('R', Y, 1, 32)]);
  });

  it('a setup whose modulus differs from the config names both (the ELF was built for another openvm.toml)', () => {
    const s = setup();
    s.put(X, [1000000000000000003n], 32);
    expect(() => s.chips.execute(rType(0, 5, A0, A1, 0), s.mem, 0x200000)).toThrow(
      /sets up modulus 1000000000000000003, but kitchen-sink\.openvm\.toml configures 1157920892373161954235709850086879078532699846656405640394575840079088346716/,
    );
  });

  it('a modulus index beyond supported_moduli names the setting', () => {
    const s = setup();
    expect(() => s.chips.execute(rType(0, 9 * 8, A0, A1, A2), s.mem, 0x200000)).toThrow(
      /addmod\[mod9\] at pc 0x200000: \[app_vm_config\.modular\] supported_moduli needs at least 10 entries/,
    );
    expect(s.log).toEqual([]);
  });
});

describe('ModularIsEqual (Rv32IsEqualModAdapter): no rd read; the result is a register write', () => {
  it('iseqmod: R rs1 R rs2, the blocks, W(1, rd) = 1 for equal raw limbs, 0 for x vs x + p', () => {
    const s = setup();
    s.put(X, [7n], 32);
    s.put(Y, [7n], 32);
    s.chips.execute(rType(0, 4, A0, A1, A2), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, A2),
      ...blocks('R', X, 1, 32),
      ...blocks('R', Y, 1, 32),
      `W1 ${(4 * A0).toString(16)} 4`,
    ]);
    expect(s.mem.peekWord(1, 4 * A0)).toBe(1);
    s.put(Y, [7n + SECP], 32);
    s.chips.execute(rType(0, 4, A0, A1, A2), s.mem, 0x200004);
    expect(s.mem.peekWord(1, 4 * A0)).toBe(0);
  });

  it('48-byte operands are read as three 16-cell blocks', () => {
    const s = setup();
    s.chips.execute(rType(0, 6 * 8 + 4, A0, A1, A2), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, A2),
      ...blocks('R', X, 3, 16),
      ...blocks('R', Y, 3, 16),
      `W1 ${(4 * A0).toString(16)} 4`,
    ]);
  });
});

describe('Fp2 and short Weierstrass chips', () => {
  it('mulcomplex over BN254: two 32-cell blocks per operand (c0, c1); value = noble Fp2', () => {
    const s = setup();
    const Fp2 = bn254.fields.Fp2;
    s.put(X, [3n, BN - 1n], 32);
    s.put(Y, [BN - 1n, 5n], 32);
    s.chips.execute(rType(2, 0 * 8 + 2, A0, A1, A2), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, A2, A0),
      ...blocks('R', X, 2, 32),
      ...blocks('R', Y, 2, 32),
      ...blocks('W', RD, 2, 32),
    ]);
    const z = Fp2.mul(Fp2.create({ c0: 3n, c1: BN - 1n }), Fp2.create({ c0: BN - 1n, c1: 5n }));
    expect(s.get(RD, 2, 32)).toEqual([z.c0, z.c1]);
  });

  it('divcomplex over BLS12-381: six 16-cell blocks per operand', () => {
    const s = setup();
    const Fp2 = bls12_381.fields.Fp2;
    s.put(X, [3n, 4n], 48);
    s.put(Y, [BLS - 1n, 9n], 48);
    s.chips.execute(rType(2, 1 * 8 + 3, A0, A1, A2), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, A2, A0),
      ...blocks('R', X, 6, 16),
      ...blocks('R', Y, 6, 16),
      ...blocks('W', RD, 6, 16),
    ]);
    const z = Fp2.div(Fp2.create({ c0: 3n, c1: 4n }), Fp2.create({ c0: BLS - 1n, c1: 9n }));
    expect(s.get(RD, 2, 48)).toEqual([z.c0, z.c1]);
  });

  it('sw_add_ne on secp256k1: (x1, y1) and (x2, y2) as 2 blocks each; value = noble P + Q', () => {
    const s = setup();
    const P = secp256k1.Point.BASE.multiply(3n).toAffine();
    const Q = secp256k1.Point.BASE.multiply(5n).toAffine();
    s.put(X, [P.x, P.y], 32);
    s.put(Y, [Q.x, Q.y], 32);
    s.chips.execute(rType(1, 0, A0, A1, A2), s.mem, 0x200000);
    expect(s.log).toEqual([
      ...regs(A1, A2, A0),
      ...blocks('R', X, 2, 32),
      ...blocks('R', Y, 2, 32),
      ...blocks('W', RD, 2, 32),
    ]);
    const R = secp256k1.Point.BASE.multiply(8n).toAffine();
    expect(s.get(RD, 2, 32)).toEqual([R.x, R.y]);
  });

  it('sw_double on BLS12-381 G1 (NUM_READS = 1: no rs2 read): six 16-cell blocks in and out', () => {
    const s = setup();
    const P = bls12_381.G1.Point.BASE.multiply(7n);
    s.put(X, [P.toAffine().x, P.toAffine().y], 48);
    s.chips.execute(rType(1, 3 * 8 + 1, A0, A1, 0), s.mem, 0x200000);
    expect(s.log).toEqual([...regs(A1, A0), ...blocks('R', X, 6, 16), ...blocks('W', RD, 6, 16)]);
    const D = P.double().toAffine();
    expect(s.get(RD, 2, 48)).toEqual([D.x, D.y]);
  });

  it('sw_setup_double checks (p, a) and writes the setup row; sw_add_ne with equal x fails after its reads', () => {
    const s = setup();
    s.put(X, [SECP, 0n], 32);
    s.chips.execute(rType(1, 2, A0, A1, 0), s.mem, 0x200000);
    expect(s.log).toEqual([...regs(A1, A0), ...blocks('R', X, 2, 32), ...blocks('W', RD, 2, 32)]);
    expect(s.get(RD, 2, 32)).toEqual([0n, 0n]); // x = 0, a = 0: lambda = 0
    const P = secp256k1.Point.BASE.toAffine();
    s.put(X, [P.x, P.y], 32);
    s.put(Y, [P.x, P.y], 32);
    expect(() => s.chips.execute(rType(1, 0, A0, A1, A2), s.mem, 0x200004)).toThrow(/equal x coordinates/);
  });
});

describe('modular phantoms (untraced)', () => {
  it('hint_sqrt reads x untraced and resets the hint stream to [1,0,0,0] ++ sqrt(x)', () => {
    const s = setup();
    const F = Field(SECP);
    s.put(X, [F.sqr(99n)], 32);
    s.chips.execute(rType(0, 7, 0, A1, 0), s.mem, 0x200000);
    expect(s.log).toEqual([]);
    expect(s.streams.hintRemaining).toBe(36);
    const h = s.streams.hintSnapshot();
    expect([...h.slice(0, 4)]).toEqual([1, 0, 0, 0]);
    expect(F.sqr(fromLeBytes(h, 4, 32))).toBe(F.sqr(99n));
  });

  it('hint_non_qr for the 48-byte field gives p - 1 (p = 3 mod 4) as 48 bytes', () => {
    const s = setup();
    s.chips.execute(rType(0, 6 * 8 + 6, 0, 0, 0), s.mem, 0x200000);
    expect(fromLeBytes(s.streams.hintSnapshot())).toBe(BLS - 1n);
    expect(s.streams.hintRemaining).toBe(48);
  });
});

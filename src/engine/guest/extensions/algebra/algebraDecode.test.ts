import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED } from '../../fixtures.testutil';
import { loadElf } from '../../program/elf';
import { defaultVmConfig, parseOpenVmToml } from '../../config/vmConfig';
import {
  type AlgebraInstruction,
  algebraDisassembly,
  decodeAlgebraWord,
  missingSetting,
} from './algebraDecode';

// Words as the guest macros emit them (custom_insn_r!: opcode 0x2b, funct3, funct7 = idx * MAX_KINDS + base).
const rType = (funct3: number, funct7: number, rd: number, rs1: number, rs2: number) =>
  (0x2b | (rd << 7) | (funct3 << 12) | (rs1 << 15) | (rs2 << 20) | (funct7 << 25)) >>> 0;
const ok = (w: number): AlgebraInstruction => {
  const d = decodeAlgebraWord(w);
  if (d === undefined || !('ok' in d)) throw new Error(`not decoded: ${JSON.stringify(d)}`);
  return d.ok;
};
const illegal = (w: number) => {
  const d = decodeAlgebraWord(w);
  return d !== undefined && 'illegal' in d ? d.illegal : null;
};

describe('modular arithmetic (funct3 0; ModArithBaseFunct7, MAX_KINDS 8; Rv32ModularArithmeticOpcode @ 0x500, COUNT 8)', () => {
  // (base funct7, local opcode name, local opcode number)
  const cases: [number, string, number][] = [
    [0, 'ADD', 0],
    [1, 'SUB', 1],
    [2, 'MUL', 3],
    [3, 'DIV', 4],
    [4, 'IS_EQ', 6],
  ];
  for (const [base, op, local] of cases)
    for (const idx of [0, 1, 6, 8]) {
      it(`base ${base} mod_idx ${idx} -> ${op}, opcode 0x500 + ${local} + 8 * ${idx}`, () => {
        const d = ok(rType(0, idx * 8 + base, 10, 11, 12));
        expect(d).toEqual({
          extension: 'modular',
          op,
          index: idx,
          opcode: 0x500 + local + 8 * idx,
          phantom: false,
          rd: 10,
          rs1: 11,
          rs2: 12,
        });
      });
    }
  it('setup: rs2 selects SETUP_ADDSUB / SETUP_MULDIV / SETUP_ISEQ; other rs2 is a transpiler panic', () => {
    expect(ok(rType(0, 8 + 5, 10, 11, 0))).toMatchObject({
      op: 'SETUP_ADDSUB',
      index: 1,
      opcode: 0x500 + 2 + 8,
    });
    expect(ok(rType(0, 8 + 5, 10, 11, 1))).toMatchObject({ op: 'SETUP_MULDIV', opcode: 0x500 + 5 + 8 });
    expect(ok(rType(0, 8 + 5, 10, 11, 2))).toMatchObject({ op: 'SETUP_ISEQ', opcode: 0x500 + 7 + 8 });
    expect(illegal(rType(0, 5, 10, 11, 3))).toMatch(/invalid opcode/);
    expect(illegal(rType(0, 5, 0, 11, 2))).toMatch(/SETUP_ISEQ is not valid for rd = x0/);
  });
  it('iseqmod with rd = x0 transpiles to a NOP (allow_rd_zero = false); addmod with rd = x0 does not', () => {
    expect(ok(rType(0, 4, 0, 11, 12)).op).toBe('NOP');
    expect(ok(rType(0, 0, 0, 11, 12)).op).toBe('ADD');
  });
  it('hints: phantoms 0x50 / 0x51 with c_upper = mod_idx; operands that must be x0', () => {
    expect(ok(rType(0, 3 * 8 + 6, 0, 0, 0))).toMatchObject({
      op: 'HintNonQr',
      index: 3,
      opcode: 0x50,
      phantom: true,
    });
    expect(ok(rType(0, 2 * 8 + 7, 0, 10, 0))).toMatchObject({
      op: 'HintSqrt',
      index: 2,
      opcode: 0x51,
      rs1: 10,
    });
    expect(illegal(rType(0, 6, 0, 1, 0))).toMatch(/hint_non_qr needs/);
    expect(illegal(rType(0, 7, 5, 10, 0))).toMatch(/hint_sqrt needs/);
  });
});

describe('Fp2 (funct3 2; Fp2Opcode @ 0x710, COUNT 6), ECC (funct3 1; @ 0x600, COUNT 4), pairing (funct3 3, MAX_KINDS 16)', () => {
  it('complex add/sub/mul/div and setups', () => {
    expect(ok(rType(2, 8 + 0, 10, 11, 12))).toMatchObject({
      extension: 'fp2',
      op: 'ADD',
      index: 1,
      opcode: 0x710 + 6,
    });
    expect(ok(rType(2, 8 + 3, 10, 11, 12))).toMatchObject({ op: 'DIV', opcode: 0x710 + 4 + 6 });
    expect(ok(rType(2, 4, 10, 11, 1))).toMatchObject({ op: 'SETUP_MULDIV', opcode: 0x710 + 5 });
    expect(illegal(rType(2, 4, 10, 11, 2))).toMatch(/invalid opcode/);
    expect(illegal(rType(2, 5, 10, 11, 12))).toMatch(/unimplemented/);
  });
  it('sw_add_ne / sw_double / setup (rs2 = x0 -> SETUP_EC_DOUBLE, else SETUP_EC_ADD_NE)', () => {
    expect(ok(rType(1, 3 * 8 + 0, 10, 11, 12))).toMatchObject({
      extension: 'ecc',
      op: 'EC_ADD_NE',
      index: 3,
      opcode: 0x600 + 12,
    });
    expect(ok(rType(1, 8 + 1, 10, 11, 0))).toMatchObject({ op: 'EC_DOUBLE', opcode: 0x600 + 2 + 4 });
    expect(illegal(rType(1, 1, 10, 11, 12))).toMatch(/sw_double needs rs2 = x0/);
    expect(ok(rType(1, 2, 10, 11, 0))).toMatchObject({ op: 'SETUP_EC_DOUBLE', opcode: 0x600 + 3 });
    expect(ok(rType(1, 2, 10, 11, 12))).toMatchObject({ op: 'SETUP_EC_ADD_NE', opcode: 0x600 + 1 });
  });
  it('hint_final_exp: phantom 0x30, c_upper = PairingCurve discriminant', () => {
    expect(ok(rType(3, 16, 0, 10, 11))).toMatchObject({
      extension: 'pairing',
      op: 'HintFinalExp',
      index: 1,
      opcode: 0x30,
    });
    expect(illegal(rType(3, 0, 1, 10, 11))).toMatch(/rd = x0/);
    expect(illegal(rType(3, 1, 0, 10, 11))).toMatch(/claimed by no transpiler/);
  });
  it('other words are not algebra words', () => {
    expect(decodeAlgebraWord(0x00000013)).toBeUndefined();
    expect(decodeAlgebraWord(rType(4, 0, 1, 2, 3))).toBeUndefined();
  });
});

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const algebraWords = (name: string) =>
  [...loadElf(new Uint8Array(readFileSync(path.join(BENCH, `${name}.elf`)))).instructions]
    .map((w) => decodeAlgebraWord(w))
    .filter((d) => d !== undefined);

describe('the benchmark ELFs', () => {
  it('kitchen-sink: every custom-1 word decodes; the committed ELF needs 11 moduli, its shared config lists 9', () => {
    // The ELF was built with Mod1e18 (index 0) and Seven (index 10) besides the nine moduli of
    // kitchen-sink.openvm.toml (see examples/configs/kitchen-sink.elf.openvm.toml): indices 9 and 10 are missing.
    const config = parseOpenVmToml(readFileSync(path.join(BENCH, 'kitchen-sink.openvm.toml'), 'utf8'));
    const decoded = algebraWords('kitchen-sink');
    expect(decoded.length).toBeGreaterThan(50);
    const inss = decoded.map((d) => {
      if (!('ok' in d)) throw new Error(d.illegal);
      return d.ok;
    });
    const missing = new Set(inss.map((i) => missingSetting(i, config)).filter((m) => m !== null));
    expect([...new Set([...missing].map((m) => m?.replace(/ \(.*/, '')))].sort()).toEqual([
      '[app_vm_config.modular] supported_moduli needs at least 10 entries',
      '[app_vm_config.modular] supported_moduli needs at least 11 entries',
    ]);
    const exts = new Set(inss.map((i) => i.extension));
    expect([...exts].sort()).toEqual(['ecc', 'fp2', 'modular']);
    const none = new Set(inss.map((i) => missingSetting(i, defaultVmConfig())));
    expect(
      [...none].some((m) => m?.startsWith('[app_vm_config.modular] supported_moduli is not configured')),
    ).toBe(true);
    expect(
      [...none].some((m) => m?.startsWith('[[app_vm_config.ecc.supported_curves]] is not configured')),
    ).toBe(true);
    expect(
      [...none].some((m) => m?.startsWith('[app_vm_config.fp2] supported_moduli is not configured')),
    ).toBe(true);
    // BLS12-381's 48-byte coordinate field is index 6 in the shared config.
    const bls = inss.find((i) => i.extension === 'modular' && i.index === 6 && i.op === 'MUL');
    expect(bls && algebraDisassembly(bls, config).mnemonic).toBe('mulmod[bls12_381_coord]');
  });

  it('kitchen-sink with the config reconstructed from the ELF: every word is covered', () => {
    const config = parseOpenVmToml(
      readFileSync(path.join(REPO_ROOT, 'examples/configs/kitchen-sink.elf.openvm.toml'), 'utf8'),
    );
    expect(config.modular?.length).toBe(11);
    const inss = algebraWords('kitchen-sink').map((d) => ('ok' in d ? d.ok : null)) as AlgebraInstruction[];
    expect(inss.map((i) => missingSetting(i, config)).filter((m) => m !== null)).toEqual([]);
    const names = new Set(inss.map((i) => algebraDisassembly(i, config).mnemonic));
    expect(names).toContain('addmod[2^61-1]');
    expect(names).toContain('mulmod[7]');
    expect(names).toContain('iseqmod[1000000000000000003]');
    expect(names).toContain('mulcomplex[Bls12_381Fp2]');
  });

  it('ecrecover: modular indices 0..1 and curve 0 only; disassembly names secp256k1', () => {
    const config = parseOpenVmToml(readFileSync(path.join(BENCH, 'ecrecover.openvm.toml'), 'utf8'));
    const inss = algebraWords('ecrecover').map((d) => ('ok' in d ? d.ok : null));
    expect(inss).not.toContain(null);
    for (const i of inss as AlgebraInstruction[]) expect(missingSetting(i, config)).toBeNull();
    const names = new Set((inss as AlgebraInstruction[]).map((i) => algebraDisassembly(i, config).mnemonic));
    expect(names).toContain('sw_add_ne[Secp256k1Point]');
    expect(names).toContain('mulmod[secp256k1_coord]');
  });

  it('disassembly of each form', () => {
    expect(algebraDisassembly(ok(rType(0, 0, 10, 11, 12))).mnemonic).toBe('addmod[mod0]');
    expect(algebraDisassembly(ok(rType(0, 2 * 8 + 7, 0, 10, 0)))).toEqual({
      mnemonic: 'hint_sqrt[mod2]',
      operands: 'a0',
    });
    expect(algebraDisassembly(ok(rType(1, 1, 10, 11, 0)))).toEqual({
      mnemonic: 'sw_double[curve0]',
      operands: 'a0, a1',
    });
    expect(algebraDisassembly(ok(rType(3, 0, 0, 10, 11)))).toEqual({
      mnemonic: 'hint_final_exp[Bn254]',
      operands: 'a0, a1',
    });
  });
});

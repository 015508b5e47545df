// The words the Program panel and `disasm` put beside algebra / ECC / pairing instructions, checked on the
// configuration the committed kitchen-sink ELF was built with (its comments name every modulus) and on
// configs that change one value (a curve with another b is not secp256k1).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../fixtures.testutil';
import { parseOpenVmToml } from '../../config/vmConfig';
import { type AlgebraInstruction, decodeAlgebraWord } from './algebraDecode';
import { algebraDescription } from './algebraNames';

const config = parseOpenVmToml(
  readFileSync(path.join(REPO_ROOT, 'examples/configs/kitchen-sink.elf.openvm.toml'), 'utf8'),
  'kitchen-sink.elf.openvm.toml',
);
const rType = (funct3: number, funct7: number, rd: number, rs1: number, rs2: number) =>
  (0x2b | (rd << 7) | (funct3 << 12) | (rs1 << 15) | (rs2 << 20) | (funct7 << 25)) >>> 0;
const ins = (w: number): AlgebraInstruction => {
  const d = decodeAlgebraWord(w);
  if (d === undefined || !('ok' in d)) throw new Error(`not decoded: ${JSON.stringify(d)}`);
  return d.ok;
};
// funct7 = index * 8 + base (modular: 0 add, 2 mul, 4 is_eq, 5 setup; fp2: 2 mul, 4 setup; ecc: 0 add_ne, 1 double)
const mod = (idx: number, base: number, rs2 = 12) => ins(rType(0, idx * 8 + base, 10, 11, rs2));

describe('algebraDescription on the kitchen-sink configuration (11 moduli, 2 Fp2 fields, 4 curves)', () => {
  // supported_moduli in file order, as the toml's comments name them, with their chip's element size.
  const moduli = [
    'field mod 1000000000000000003 (32 B)',
    'secp256k1 coordinate field (32 B)',
    'secp256k1 scalar field (32 B)',
    'P-256 coordinate field (32 B)',
    'P-256 scalar field (32 B)',
    'BN254 coordinate field (32 B)',
    'BN254 scalar field (32 B)',
    'BLS12-381 coordinate field (48 B)',
    'BLS12-381 scalar field (32 B)',
    'field mod 2^61-1 (32 B)',
    'field mod 7 (32 B)',
  ];
  moduli.forEach((name, i) =>
    it(`modulus index ${i}: MULMOD ${name}`, () => {
      expect(algebraDescription(mod(i, 2), config)).toBe(`MULMOD ${name}`);
    }),
  );
  it('every modular operation by its OpenVM opcode name', () => {
    expect(algebraDescription(mod(1, 0), config)).toBe('ADDMOD secp256k1 coordinate field (32 B)');
    expect(algebraDescription(mod(1, 1), config)).toBe('SUBMOD secp256k1 coordinate field (32 B)');
    expect(algebraDescription(mod(1, 3), config)).toBe('DIVMOD secp256k1 coordinate field (32 B)');
    expect(algebraDescription(mod(1, 4), config)).toBe('ISEQMOD secp256k1 coordinate field (32 B)');
    expect(algebraDescription(mod(7, 5, 1), config)).toBe(
      'SETUP_MULDIVMOD BLS12-381 coordinate field (48 B)',
    );
    expect(algebraDescription(ins(rType(0, 7 * 8 + 6, 0, 0, 0)), config)).toBe(
      'HINT_NON_QR BLS12-381 coordinate field (phantom)',
    );
    expect(algebraDescription(ins(rType(0, 7 * 8 + 7, 0, 11, 0)), config)).toBe(
      'HINT_SQRT BLS12-381 coordinate field (phantom)',
    );
    // iseqmod with rd = x0 is transpiled to a NOP
    expect(algebraDescription(ins(rType(0, 8 + 4, 0, 11, 12)), config)).toMatch(/NOP/);
  });
  it('Fp2 fields: an element is two coordinates of 32 or 48 bytes', () => {
    expect(algebraDescription(ins(rType(2, 0 * 8 + 2, 10, 11, 12)), config)).toBe(
      'Fp2 MUL BN254 Fp2 (2 × 32 B)',
    );
    expect(algebraDescription(ins(rType(2, 1 * 8 + 2, 10, 11, 12)), config)).toBe(
      'Fp2 MUL BLS12-381 Fp2 (2 × 48 B)',
    );
    expect(algebraDescription(ins(rType(2, 1 * 8 + 4, 10, 11, 0)), config)).toBe(
      'Fp2 SETUP_ADDSUB BLS12-381 Fp2 (2 × 48 B)',
    );
  });
  it('curves by their p, a and b: secp256k1, P-256, BN254 G1, BLS12-381 G1', () => {
    const ec = (idx: number, base: number, rs2 = 12) => ins(rType(1, idx * 8 + base, 10, 11, rs2));
    expect(algebraDescription(ec(0, 0), config)).toBe('EC_ADD_NE secp256k1 (points of 2 × 32 B)');
    expect(algebraDescription(ec(1, 1, 0), config)).toBe('EC_DOUBLE P-256 (points of 2 × 32 B)');
    expect(algebraDescription(ec(2, 0), config)).toBe('EC_ADD_NE BN254 G1 (points of 2 × 32 B)');
    expect(algebraDescription(ec(3, 1, 0), config)).toBe('EC_DOUBLE BLS12-381 G1 (points of 2 × 48 B)');
    expect(algebraDescription(ec(3, 2, 0), config)).toBe('SETUP_EC_DOUBLE BLS12-381 G1 (points of 2 × 48 B)');
  });
  it('the pairing hint names its curve', () => {
    expect(algebraDescription(ins(rType(3, 0, 0, 10, 11)), config)).toBe(
      'HINT_FINAL_EXP BN254 pairing (phantom)',
    );
    expect(algebraDescription(ins(rType(3, 16, 0, 10, 11)), config)).toBe(
      'HINT_FINAL_EXP BLS12-381 pairing (phantom)',
    );
  });
});

describe('algebraDescription off the known values', () => {
  it('a curve over secp256k1 with another b is named by its config entry and equation', () => {
    const text = readFileSync(path.join(REPO_ROOT, 'examples/configs/kitchen-sink.elf.openvm.toml'), 'utf8');
    const other = parseOpenVmToml(text.replace('a = "0"\nb = "7"', 'a = "0"\nb = "5"'), 'other.toml');
    expect(algebraDescription(ins(rType(1, 0, 10, 11, 12)), other)).toBe(
      'EC_ADD_NE Secp256k1Point (y² = x³ + 0x + 5) (points of 2 × 32 B)',
    );
  });
  it('an index the config lacks, or no config at all, says so', () => {
    expect(algebraDescription(mod(11, 2), config)).toBe('MULMOD modulus #11, not configured');
    expect(algebraDescription(mod(0, 2))).toBe('MULMOD modulus #0, not configured');
    expect(algebraDescription(ins(rType(2, 2 * 8 + 2, 10, 11, 12)), config)).toBe(
      'Fp2 MUL Fp2 #2, not configured',
    );
  });
});

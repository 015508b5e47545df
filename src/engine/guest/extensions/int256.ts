// Int256 arithmetic on 32 little-endian byte limbs, the pure kernels of OpenVM v1.7's BigInt extension:
// the rv32im cores instantiated with NUM_LIMBS = 32, LIMB_BITS = 8 (extensions/rv32im/circuit/src/
// {base_alu,shift,less_than,mul,branch_eq,branch_lt}/core.rs: run_alu, run_shift, run_less_than, run_mul,
// fast_run_eq, run_cmp), as extensions/bigint/circuit/src/lib.rs wires them. Every result is mod 2^256.
// Oddity kept: a shift amount is the low byte of rs2 mod 256 (get_shift reads y[0] only), i.e. rs2 mod 256.
// No allocation: results go into a caller's 32-byte array.

export const INT256_BYTES = 32;

/** BaseAluOpcode order: ADD, SUB, XOR, OR, AND (= Int256Funct7 0..4). */
export type AluOp = 0 | 1 | 2 | 3 | 4;

export function alu256(op: AluOp, x: Uint8Array, y: Uint8Array, out: Uint8Array): void {
  switch (op) {
    case 0: {
      let carry = 0;
      for (let i = 0; i < 32; i++) {
        const s = x[i] + y[i] + carry;
        out[i] = s & 0xff;
        carry = s >>> 8;
      }
      return;
    }
    case 1: {
      let borrow = 0;
      for (let i = 0; i < 32; i++) {
        const s = x[i] - y[i] - borrow;
        out[i] = s & 0xff;
        borrow = s < 0 ? 1 : 0;
      }
      return;
    }
    case 2:
      for (let i = 0; i < 32; i++) out[i] = x[i] ^ y[i];
      return;
    case 3:
      for (let i = 0; i < 32; i++) out[i] = x[i] | y[i];
      return;
    case 4:
      for (let i = 0; i < 32; i++) out[i] = x[i] & y[i];
      return;
  }
}

/** ShiftOpcode order: SLL, SRL, SRA. The amount is y[0] (mod 256 = the whole of y mod 256). */
export type ShiftOp = 0 | 1 | 2;

export function shift256(op: ShiftOp, x: Uint8Array, y: Uint8Array, out: Uint8Array): void {
  const shift = y[0] % 256;
  const limb = shift >>> 3;
  const bit = shift & 7;
  if (op === 0) {
    for (let i = 0; i < 32; i++) {
      if (i < limb) out[i] = 0;
      else {
        const lo = i > limb ? x[i - limb - 1] >>> (8 - bit) : 0;
        out[i] = ((x[i - limb] << bit) | (bit === 0 ? 0 : lo)) & 0xff;
      }
    }
    return;
  }
  const fill = op === 2 && x[31] >= 0x80 ? 0xff : 0;
  for (let i = 0; i < 32; i++) {
    if (i >= 32 - limb) out[i] = fill;
    else {
      const hi = i + limb + 1 < 32 ? x[i + limb + 1] : fill;
      out[i] = ((x[i + limb] >>> bit) | (bit === 0 ? 0 : hi << (8 - bit))) & 0xff;
    }
  }
}

/** run_less_than: signed (SLT) or unsigned (SLTU) x < y. */
export function lessThan256(signed: boolean, x: Uint8Array, y: Uint8Array): boolean {
  const xs = signed && x[31] >= 0x80;
  const ys = signed && y[31] >= 0x80;
  for (let i = 31; i >= 0; i--) if (x[i] !== y[i]) return x[i] < y[i] !== (xs !== ys);
  return false;
}

/** run_mul: the low 256 bits of x * y, limb by limb with carries. */
export function mul256(x: Uint8Array, y: Uint8Array, out: Uint8Array): void {
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    let res = carry;
    for (let j = 0; j <= i; j++) res += x[j] * y[i - j];
    carry = Math.floor(res / 256);
    out[i] = res & 0xff;
  }
}

export function equal256(x: Uint8Array, y: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** BranchEqualOpcode BEQ 0 / BNE 1; BranchLessThanOpcode BLT 0, BLTU 1, BGE 2, BGEU 3 (run_cmp). */
export function branchTaken256(
  kind: 'beq' | 'bne' | 'blt' | 'bltu' | 'bge' | 'bgeu',
  x: Uint8Array,
  y: Uint8Array,
): boolean {
  switch (kind) {
    case 'beq':
      return equal256(x, y);
    case 'bne':
      return !equal256(x, y);
    case 'blt':
      return lessThan256(true, x, y);
    case 'bltu':
      return lessThan256(false, x, y);
    case 'bge':
      return !lessThan256(true, x, y);
    case 'bgeu':
      return !lessThan256(false, x, y);
  }
}

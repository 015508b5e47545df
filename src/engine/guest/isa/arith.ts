// RV32M arithmetic on u32 words held in JS numbers, as OpenVM's mul/mulh/divrem cores compute them
// (extensions/rv32im/circuit/src/{mulh,divrem}/core.rs run_mulh / run_divrem): high products without
// BigInt, and the RISC-V division rules (x / 0 = all ones, x % 0 = x, INT_MIN / -1 = INT_MIN, % = 0).
// All results are returned as u32 (>>> 0) so callers can store them directly.

/** High 32 bits of the unsigned 64-bit product. */
export function mulhu(a: number, b: number): number {
  const aL = a & 0xffff;
  const aH = a >>> 16;
  const bL = b & 0xffff;
  const bH = b >>> 16;
  const ll = aL * bL;
  const lh = aL * bH;
  const hl = aH * bL;
  const mid = (ll >>> 16) + (lh & 0xffff) + (hl & 0xffff);
  return (aH * bH + (lh >>> 16) + (hl >>> 16) + Math.floor(mid / 65536)) >>> 0;
}

/** High 32 bits of the signed x signed product. */
export function mulh(a: number, b: number): number {
  let h = mulhu(a, b);
  if (a & 0x80000000) h -= b >>> 0;
  if (b & 0x80000000) h -= a >>> 0;
  return h >>> 0;
}

/** High 32 bits of the signed (a) x unsigned (b) product. */
export function mulhsu(a: number, b: number): number {
  let h = mulhu(a, b);
  if (a & 0x80000000) h -= b >>> 0;
  return h >>> 0;
}

export function div(a: number, b: number): number {
  const x = a | 0;
  const y = b | 0;
  if (y === 0) return 0xffffffff;
  if (x === -0x80000000 && y === -1) return 0x80000000;
  return (x / y) >>> 0; // ToUint32 truncates toward zero, as RISC-V division does
}

export function divu(a: number, b: number): number {
  const x = a >>> 0;
  const y = b >>> 0;
  if (y === 0) return 0xffffffff;
  return Math.floor(x / y) >>> 0;
}

export function rem(a: number, b: number): number {
  const x = a | 0;
  const y = b | 0;
  if (y === 0) return x >>> 0;
  if (x === -0x80000000 && y === -1) return 0;
  return (x % y) >>> 0;
}

export function remu(a: number, b: number): number {
  const x = a >>> 0;
  const y = b >>> 0;
  if (y === 0) return x;
  return x % y;
}

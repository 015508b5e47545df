// One Hex/Dec switch for every panel (issue 22: Adapter records and the Block inspector printed addresses
// and values in decimal while the grid and the lessons used hex). The Address spaces toolbar sets the
// format; every panel that shows an address or a cell value reads the base from here. Timestamps, sizes
// and counts stay decimal: they are counts, not addresses or values.
import { create } from 'zustand';
import { addressBase, type ValueFormat } from './memory/valueFormat';

interface NumberBaseState {
  format: ValueFormat;
  setFormat(f: ValueFormat): void;
}

export const useNumberFormat = create<NumberBaseState>((set) => ({
  format: 'hex',
  setFormat: (format) => set({ format }),
}));

export type NumberBase = 'hex' | 'dec';

/** The base addresses and values are shown in: hex unless the user chose Dec (or Field). */
export function useNumberBase(): NumberBase {
  return useNumberFormat((s) => addressBase(s.format));
}

/** An address: `0x2a` or `42`. */
export function fmtAddr(n: number, base: NumberBase): string {
  return base === 'hex' ? '0x' + (n >>> 0).toString(16) : String(n >>> 0);
}

/** A half-open range of addresses: `[0x8..0xc)` or `[8..12)`. */
export function fmtRange(start: number, size: number, base: NumberBase): string {
  return `[${fmtAddr(start, base)}..${fmtAddr(start + size, base)})`;
}

/** Cell values: bytes as two hex digits (`01 ff`), wider cells as `0x…`; decimal as plain numbers. */
export function fmtValues(values: ArrayLike<number>, base: NumberBase, cellBytes = 1): string {
  return Array.from(values, (v) =>
    base === 'dec'
      ? String(v >>> 0)
      : cellBytes === 1
        ? (v & 0xff).toString(16).padStart(2, '0')
        : '0x' + (v >>> 0).toString(16),
  ).join(' ');
}

// How a cell value reads in the Address spaces panel: hex, decimal, ASCII (byte spaces) or field (the
// native space's BabyBear elements, stored canonical by the engine; the raw Montgomery word OpenVM would
// hold is computed for the tooltip). Byte spaces may also be read as 32-bit little-endian words, the way
// RV32 loads them. Pure functions: the grid, the tooltips and the tests share them.
import { BABYBEAR_P, toMontgomery } from '../../../engine/memory/babybear';

export type ValueFormat = 'hex' | 'dec' | 'ascii' | 'field';
/** Byte spaces (AS1..3, u8 cells, min_block_size 4) or field spaces (AS4.., BabyBear cells, min_block_size 1). */
export type CellKind = 'byte' | 'native';

export const FORMATS: readonly { id: ValueFormat; label: string; title: string }[] = [
  { id: 'hex', label: 'Hex', title: 'Values in hexadecimal' },
  { id: 'dec', label: 'Dec', title: 'Values in decimal (unsigned)' },
  {
    id: 'ascii',
    label: 'ASCII',
    title: 'Bytes as ASCII characters (byte spaces; · is 0, . other unprintable)',
  },
  {
    id: 'field',
    label: 'Field',
    title: 'Native cells as canonical BabyBear elements (raw Montgomery word in the tooltip)',
  },
];

/**
 * The frame does not carry the cell type, but min_block_size tells it in OpenVM's default config: 4 for the
 * u8 spaces, 1 for the native field spaces.
 */
export function cellKindOf(align: number): CellKind {
  return align === 1 ? 'native' : 'byte';
}

/** The format a lane really uses: ASCII means nothing for field cells, field nothing for bytes (both: decimal). */
export function effectiveFormat(format: ValueFormat, kind: CellKind): ValueFormat {
  if (format === 'ascii' && kind === 'native') return 'dec';
  if (format === 'field' && kind === 'byte') return 'dec';
  return format;
}

/** Addresses follow the value base: decimal in the decimal and field views, hex otherwise. */
export function addressBase(format: ValueFormat): 'hex' | 'dec' {
  return format === 'dec' || format === 'field' ? 'dec' : 'hex';
}

/** Hex digits needed for any address of a space with `cells` cells (at least 2). */
export function addressDigits(cells: number): number {
  return Math.max(2, Math.ceil(Math.log2(Math.max(2, cells)) / 4));
}

export function formatAddress(addr: number, base: 'hex' | 'dec', digits: number): string {
  return base === 'hex' ? '0x' + addr.toString(16).padStart(digits, '0') : String(addr);
}

export const hex = (v: number, digits: number) => (v >>> 0).toString(16).padStart(digits, '0');

export function asciiChar(byte: number): string {
  if (byte === 0) return '·';
  return byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
}

/** One cell as the grid shows it (no prefixes: the grid is dense; the tooltip spells everything out). */
export function formatCell(value: number, format: ValueFormat, kind: CellKind): string {
  const f = effectiveFormat(format, kind);
  if (f === 'hex') return hex(value, kind === 'byte' ? 2 : 8);
  if (f === 'ascii') return asciiChar(value);
  return String(value >>> 0);
}

/** The little-endian 32-bit word of four byte cells (b0 lowest). */
export function wordOf(b0: number, b1: number, b2: number, b3: number): number {
  return ((b0 & 0xff) | ((b1 & 0xff) << 8) | ((b2 & 0xff) << 16) | ((b3 & 0xff) << 24)) >>> 0;
}

/** A 32-bit little-endian word of a byte space, as the grid shows it over its four cells. */
export function formatWord(bytes: readonly number[], format: ValueFormat): string {
  const f = effectiveFormat(format, 'byte');
  const w = wordOf(bytes[0] ?? 0, bytes[1] ?? 0, bytes[2] ?? 0, bytes[3] ?? 0);
  if (f === 'hex') return hex(w, 8);
  if (f === 'ascii') return bytes.map(asciiChar).join('');
  return String(w);
}

export interface FieldParts {
  canonical: number;
  /** x * 2^32 mod p: the word OpenVM's MontyField31 keeps in memory. */
  montgomery: number;
  /** The centered representative in (-p/2, p/2]: p - 1 reads as -1. */
  signed: number;
}

export function fieldParts(x: number): FieldParts {
  return { canonical: x, montgomery: toMontgomery(x), signed: x > (BABYBEAR_P - 1) / 2 ? x - BABYBEAR_P : x };
}

/** Size of a space for the lane header: "128 cells", "2^29 cells (512 MiB)", "2^29 field cells (2 GiB)". */
export function formatSpaceSize(cells: number, kind: CellKind): string {
  const pow =
    Number.isInteger(Math.log2(cells)) && cells >= 1 << 16
      ? `2^${Math.log2(cells)}`
      : cells.toLocaleString('en-US');
  const noun = kind === 'native' ? 'field cells' : 'cells';
  const bytes = cells * (kind === 'native' ? 4 : 1);
  return bytes >= 1 << 16 ? `${pow} ${noun} (${binaryBytes(bytes)})` : `${pow} ${noun}`;
}

function binaryBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let u = 0;
  while (n >= 1024 && u < units.length - 1) {
    n /= 1024;
    u++;
  }
  return `${Number.isInteger(n) ? n : n.toFixed(1)} ${units[u]}`;
}

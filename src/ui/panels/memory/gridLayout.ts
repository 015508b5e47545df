// Geometry of a lane's cell grid, in CSS pixels: rows of 32 (or 16 when narrow) byte cells, or 8 native
// cells; each row has a thin band above it for block size labels. Compact on purpose: four lanes (128
// registers = 4 rows, 64 memory cells, 32 public values = 1 row, 32 native cells) fit in ~400 px.
import type { CellKind, ValueFormat } from './valueFormat';

export const LABEL_BAND = 7;
export const CELL_H = 13;
export const ROW_PITCH = LABEL_BAND + CELL_H;
/** Width of one character of the monospace font per pixel of font size. */
const CHAR_EM = 0.6;
export const ADDRESS_FONT = 9;
/** Largest value font: 10.5 px keeps air between 2-digit bytes in 17 px cells. */
export const VALUE_FONT = 10.5;
const MIN_VALUE_FONT = 8;
/** Below this, 32 bytes a row would need a font under 9 px: use 16. The app's ~500 px center column fits 32 registers. */
const MIN_BYTE_CELL = 13.5;
const MAX_CELL: Record<CellKind, number> = { byte: 34, native: 110 };
/**
 * Byte spaces: a gap between ALIGN units (4 cells, the smallest block), so bytes read in groups as in a hex
 * dump, and block outlines sit in the gaps instead of over the values.
 */
export const UNIT_GAP = 2;

export function gutterWidth(addressChars: number): number {
  return Math.ceil(addressChars * CHAR_EM * ADDRESS_FONT) + 8;
}

export interface GridGeometry {
  perRow: number;
  /** Cell width (a multiple of 1/4 px). */
  cw: number;
  /** Gap after every `align` cells (0 for field spaces, whose unit is one cell). */
  gap: number;
  gutter: number;
  /** Total width of the grid. */
  width: number;
  /** Left edge of column `col`. */
  cellX(col: number): number;
}

/** Rows of 8 native cells, or 32 bytes when a byte keeps MIN_BYTE_CELL pixels (else 16). */
export function gridGeometry(
  kind: CellKind,
  align: number,
  len: number,
  width: number,
  gutter: number,
): GridGeometry {
  const grouped = kind === 'byte' && align > 1;
  const gaps = (perRow: number) => (grouped ? (Math.ceil(perRow / align) - 1) * UNIT_GAP : 0);
  const want = kind === 'native' ? 8 : (width - gutter - gaps(32)) / 32 >= MIN_BYTE_CELL ? 32 : 16;
  const perRow = Math.max(1, Math.min(want, len));
  const fit = Math.floor(((width - gutter - gaps(perRow)) / perRow) * 4) / 4;
  const cw = Math.max(8, Math.min(MAX_CELL[kind], fit));
  const gap = grouped ? UNIT_GAP : 0;
  const cellX = (col: number) => gutter + col * cw + (grouped ? Math.floor(col / align) * gap : 0);
  return { perRow, cw, gap, gutter, width: cellX(perRow - 1) + cw, cellX };
}

/** Widest text a cell (or a 4-cell word) shows in `format`, in characters. */
export function valueChars(kind: CellKind, format: ValueFormat, words: boolean): number {
  if (kind === 'native') return format === 'hex' ? 8 : 10;
  if (words) return format === 'hex' ? 8 : format === 'ascii' ? 4 : 10;
  return format === 'hex' ? 2 : format === 'ascii' ? 1 : 3;
}

/** Largest font (<= VALUE_FONT) at which `chars` characters fit in `px` pixels (never below MIN_VALUE_FONT). */
export function fitFont(px: number, chars: number): number {
  // 2.5 px of air so neighbouring values never touch.
  const fit = Math.floor(((px - 2.5) / (chars * CHAR_EM)) * 2) / 2;
  return Math.max(MIN_VALUE_FONT, Math.min(VALUE_FONT, fit));
}

export function gridHeight(len: number, perRow: number): number {
  return Math.ceil(len / perRow) * ROW_PITCH;
}

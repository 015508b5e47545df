// One hue per block size (1..32 cells, AccessMetadata size codes 1..6), shared by the overview bitmap, the
// block outlines of the detail grid and the legend, so a size reads the same everywhere. Mid-luminance
// Tableau hues: legible on the light and the dark panel, and kept away from the read (blue) and write
// (orange) highlight colors of app.css. Brightness is left free for the overview's heat.
export const BLOCK_SIZES = [1, 2, 4, 8, 16, 32] as const;

const RGB: Record<number, readonly [number, number, number]> = {
  1: [176, 122, 161], // mauve
  2: [156, 117, 95], // brown
  4: [118, 183, 178], // teal
  8: [89, 161, 79], // green
  16: [212, 160, 23], // gold
  32: [225, 87, 89], // red
};

/** RGB of a block size (cells); unknown sizes read as the 32-cell hue. */
export function blockRgb(size: number): readonly [number, number, number] {
  return RGB[size] ?? RGB[32];
}

export function blockColor(size: number): string {
  const [r, g, b] = blockRgb(size);
  return `rgb(${r} ${g} ${b})`;
}

/** Block size (cells) of an AccessMetadata size code (0 = untouched). */
export function sizeOfCode(code: number): number {
  return code === 0 ? 0 : 1 << (code - 1);
}

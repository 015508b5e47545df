// One color per size class for the arena map and its legend (the same class keeps the same color in every
// view). Tableau 10 plus two, mid-luminance so they read on the light and the dark panel alike. Large
// blocks are not a class color: they are drawn hatched in the foreground color (see ArenaMap).
import { schemeTableau10 } from 'd3';

const PALETTE: readonly string[] = [...schemeTableau10, '#6b6ecf', '#8ca252'];

export function classColor(cls: number): string {
  return PALETTE[cls % PALETTE.length];
}

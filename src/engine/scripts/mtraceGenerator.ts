// Generates random valid .mtrace scripts: accesses of every legal size in small windows of each address
// space (so splits and merges are frequent), occasional ticks, an init image, and a finalize. Used by the
// property tests and by the benchmark's 1,000,000-access script.

import { BABYBEAR_P } from '../memory/babybear';
import type { MemoryMode } from '../memory/config';
import { Random } from '../random';

export interface GeneratorOptions {
  seed: number;
  accesses: number;
  mode: MemoryMode;
  /** Include `init` lines (volatile runs with an image cannot balance the memory bus: OpenVM's oddity). */
  init?: boolean;
  /** Window of AS2 cells accesses fall into (default 256). */
  window?: number;
}

const WINDOWS: Record<number, { min: number; cells: number; align: number }> = {
  1: { min: 0, cells: 128, align: 4 },
  2: { min: 0, cells: 256, align: 4 },
  3: { min: 0, cells: 32, align: 4 },
  4: { min: 4090, cells: 96, align: 1 },
};

export function generateMtrace(options: GeneratorOptions): string {
  const rng = new Random(options.seed);
  const windows: Record<number, { min: number; cells: number; align: number }> = {
    ...WINDOWS,
    2: { ...WINDOWS[2], cells: options.window ?? 256 },
  };
  const out: string[] = [
    `# generated: seed ${options.seed}, ${options.accesses} accesses, ${options.mode}`,
    `mode ${options.mode}`,
  ];
  if (options.init) {
    const vals = Array.from({ length: 12 }, () => rng.below(256));
    out.push(`init 2 ${rng.below(16)} ${vals.join(' ')}`);
    out.push(`init 4 4094 ${rng.below(BABYBEAR_P)} ${BABYBEAR_P - 1}`);
  }
  for (let k = 0; k < options.accesses; k++) {
    if (rng.chance(0.02)) out.push(`tick ${rng.below(5)}`);
    const as = rng.pick([1, 2, 2, 2, 3, 4, 4]);
    const w = windows[as];
    const sizes = [1, 2, 4, 8, 16, 32].filter((s) => s >= w.align && s <= w.cells);
    const size = rng.pick(sizes);
    const ptr = w.min + rng.below((w.cells - size) / w.align + 1) * w.align;
    if (rng.chance(0.5)) out.push(`read ${as} ${ptr} ${size}`);
    else {
      const max = as === 4 ? BABYBEAR_P : 256;
      const vals = Array.from({ length: size }, () => rng.below(max));
      out.push(`write ${as} ${ptr} ${size} ${vals.join(' ')}`);
    }
  }
  out.push('finalize');
  return out.join('\n') + '\n';
}

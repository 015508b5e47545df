// prev_access_time has two implementations in tracingMemory.ts: on one metadata page's arrays (the usual
// case) and through page lookups (blocks crossing a 4096-unit page, pages shared with a checkpoint). The
// algorithm is translation invariant for shifts that keep CHUNK alignment, so the same random accesses run
// across a page boundary and well inside a page must give the same t_prev, values and records (pointers
// shifted), with and without checkpoints forcing copy-on-write in the middle.
import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { defaultMemoryConfig, initialBlockSizeFor } from './config';
import { captureMemory } from './memorySnapshot';
import { RecordLog } from './recordLog';
import { PAGE_SIZE } from './spaceStore';
import { TracingMemory } from './tracingMemory';

interface Access {
  as: number;
  offset: number;
  size: number;
  values?: number[];
}

function randomAccesses(rng: Random, n: number): Access[] {
  const out: Access[] = [];
  for (let i = 0; i < n; i++) {
    const as = rng.pick([2, 4]);
    const align = as === 4 ? 1 : 4;
    const size = align * 2 ** rng.below(as === 4 ? 6 : 4);
    const offset = align * rng.below(128 / align) - 64; // -64 .. 63 cells around the base
    const max = as === 4 ? 2013265921 : 256;
    out.push({
      as,
      offset,
      size,
      values: rng.chance(0.5) ? Array.from({ length: size }, () => rng.below(max)) : undefined,
    });
  }
  return out;
}

/** Runs the accesses at base (per address space) and returns one line per access, pointers made relative. */
function trace(
  accesses: Access[],
  base: Record<number, number>,
  mode: 'persistent' | 'volatile',
  checkpoints: boolean,
): string[] {
  const m = new TracingMemory(defaultMemoryConfig(), initialBlockSizeFor(mode), new RecordLog(true));
  const lines: string[] = [];
  accesses.forEach((a, i) => {
    if (checkpoints && i % 37 === 0) captureMemory(m);
    const ptr = base[a.as] + a.offset;
    const tPrev = a.values === undefined ? m.read(a.as, ptr, a.size) : m.write(a.as, ptr, a.size, a.values);
    const records: unknown[] = [];
    for (let r = 0; r < m.records.length; r++) {
      const rec = m.records.get(r);
      records.push({ ...rec, pointer: rec.pointer - base[rec.addressSpace] });
    }
    m.records.clear();
    lines.push(JSON.stringify([tPrev, Array.from(m.values.subarray(0, a.size)), records]));
  });
  return lines;
}

describe('prev_access_time across metadata pages', () => {
  // AS2: 4 cells per unit, so its metadata page boundary is at cell 4 * PAGE_SIZE; AS4: 1 cell per unit.
  const crossing = { 2: 4 * PAGE_SIZE, 4: PAGE_SIZE };
  const inside = { 2: 1024, 4: 1024 };
  for (const mode of ['persistent', 'volatile'] as const) {
    for (const checkpoints of [false, true]) {
      it(`${mode}${checkpoints ? ', with checkpoints' : ''}: the same records across a page boundary as inside a page`, () => {
        const accesses = randomAccesses(new Random(mode === 'persistent' ? 11 : 12), 3000);
        const a = trace(accesses, crossing, mode, checkpoints);
        const b = trace(accesses, inside, mode, checkpoints);
        for (let i = 0; i < a.length; i++) expect(a[i], `access ${i}`).toBe(b[i]);
      });
    }
  }
});

// Copy-on-write snapshots of TracingMemory: a snapshot never sees later writes (data or metadata), restoring
// it brings back exactly that state (any number of times, in any order), and taking one copies no page.
import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import { defaultMemoryConfig, initialBlockSizeFor } from './config';
import { captureMemory, restoreMemory } from './memorySnapshot';
import { RecordLog } from './recordLog';
import { TracingMemory } from './tracingMemory';

function image(m: TracingMemory): string {
  const parts: string[] = [
    `t=${m.timestamp} a=${m.accesses} s=${m.records.splits} m=${m.records.merges} r=${Array.from(m.records.rows)}`,
  ];
  m.spaces.forEach((s, as) => {
    if (s === undefined) return;
    for (const p of [...s.allocatedData].sort((x, y) => x - y))
      parts.push(`${as}d${p}:${Array.from(s.dataPages[p] as Uint8Array).join(',')}`);
    for (const p of [...s.allocatedMeta].sort((x, y) => x - y))
      parts.push(
        `${as}m${p}:${Array.from(s.metaPages[p] as Uint32Array).join(',')}|${Array.from(s.offsetPages[p] as Uint8Array).join(',')}`,
      );
  });
  return parts.join('\n');
}

function randomAccesses(m: TracingMemory, rng: Random, n: number): void {
  for (let i = 0; i < n; i++) {
    const as = rng.pick([1, 2, 4]);
    const align = as === 4 ? 1 : 4;
    const size = align * 2 ** rng.below(as === 4 ? 6 : 4);
    const cells = as === 1 ? 128 : 1 << 14;
    const ptr = Math.floor(rng.below(cells - size) / size) * size;
    if (rng.chance(0.5)) m.read(as, ptr, size);
    else
      m.write(
        as,
        ptr,
        size,
        Array.from({ length: size }, () => rng.below(as === 4 ? 1000 : 256)),
      );
    if (rng.chance(0.2)) m.writeWord(2, 4 * rng.below(4096), rng.u32());
    if (rng.chance(0.2)) m.readWord(1, 4 * rng.below(32));
  }
}

describe('memory snapshots', () => {
  for (const mode of ['persistent', 'volatile'] as const) {
    it(`restore brings back the exact state, in any order (${mode})`, () => {
      const rng = new Random(mode === 'persistent' ? 1 : 2);
      const m = new TracingMemory(defaultMemoryConfig(), initialBlockSizeFor(mode), new RecordLog(false));
      const snaps: { snap: ReturnType<typeof captureMemory>; image: string }[] = [];
      for (let k = 0; k < 8; k++) {
        randomAccesses(m, rng, 300);
        snaps.push({ snap: captureMemory(m), image: image(m) });
      }
      for (const k of [3, 0, 7, 5, 5, 1, 6, 2, 4]) {
        restoreMemory(m, snaps[k].snap);
        expect(image(m)).toBe(snaps[k].image);
        randomAccesses(m, rng, 50); // writes after a restore must not reach the snapshot
      }
      for (const s of snaps) {
        restoreMemory(m, s.snap);
        expect(image(m)).toBe(s.image);
      }
    });
  }

  it('a capture shares pages; the first write after it copies only the page written', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8, new RecordLog(false));
    m.writeWord(2, 0, 1);
    m.writeWord(2, 8192, 2);
    const snap = captureMemory(m);
    const s = m.space(2);
    const [p0, p2] = [s.dataPages[0], s.dataPages[2]];
    expect(snap.spaces[2]?.data).toContain(p0);
    m.writeWord(2, 4, 3);
    expect(s.dataPages[0]).not.toBe(p0);
    expect(s.dataPages[2]).toBe(p2);
    expect(Array.from((p0 as Uint8Array).subarray(0, 8))).toEqual([1, 0, 0, 0, 0, 0, 0, 0]);
  });
});

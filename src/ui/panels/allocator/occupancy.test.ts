import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allocatorView } from '../../../engine/alloc/views/allocatorView';
import { parseAllocTrace } from '../../../engine/scripts/allocTrace';
import { runAllocTrace } from '../../../engine/scripts/allocTraceRunner';
import { internalFraction, stackSegments, visibleClasses } from './occupancy';

function viewAfter(file: string, n: number) {
  const trace = parseAllocTrace(readFileSync(`public/examples/${file}`, 'utf8'));
  const run = runAllocTrace(
    { ...trace, directives: trace.directives.slice(0, n), error: null },
    () => undefined,
  );
  if (run.allocator === null) throw new Error('no allocator');
  return allocatorView(run.allocator);
}

describe('size-class occupancy data', () => {
  const view = viewAfter('mixed_size_churn.alloc', 8);

  it('shows the classes that carved blocks, or all of them', () => {
    expect(visibleClasses(view, false).map((c) => c.name)).toEqual(['B64', 'B256', 'B4K', 'B16K', 'B128K']);
    expect(visibleClasses(view, true)).toHaveLength(12);
  });

  it('stacks live, cached and fresh blocks to the full bar on the share scale', () => {
    const b64 = view.classes[0];
    const segs = stackSegments(b64, 'share', 0);
    expect(segs.map((s) => [s.kind, s.blocks])).toEqual([
      ['live', 2],
      ['fresh', b64.carvedBlocks - 2],
    ]);
    expect(segs[0].from).toBe(0);
    expect(segs[segs.length - 1].to).toBeCloseTo(1);
    expect(segs[0].to).toBeCloseTo(2 / b64.carvedBlocks);
  });

  it('scales bars by carved bytes on the bytes scale', () => {
    const max = Math.max(...view.classes.map((c) => c.carvedBytes));
    const b128k = stackSegments(view.classes[8], 'bytes', max);
    expect(b128k[b128k.length - 1].to).toBeCloseTo(1); // the largest class fills the chart
    const b64 = stackSegments(view.classes[0], 'bytes', max);
    expect(b64[b64.length - 1].to).toBeCloseTo(view.classes[0].carvedBytes / max);
    expect(stackSegments(view.classes[11], 'bytes', max)).toEqual([]);
  });

  it('gives internal fragmentation as a share of usable bytes', () => {
    expect(internalFraction(view.classes[8])).toBeCloseTo((131_072 - 70_000) / 131_072);
    expect(internalFraction(view.classes[11])).toBe(0);
  });

  it('keeps the class of the last error visible even when it carved nothing', () => {
    const errors = viewAfter('errors_and_double_free.alloc', 4);
    expect(errors.lastError?.cls).toBe(0);
    expect(visibleClasses(errors, false).map((c) => c.name)).toContain('B64');
  });
});

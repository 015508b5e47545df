// The Cost-by-function slice over the in-process client: metering the loaded guest through the worker
// protocol gives the CLI's numbers (the same engine), belongs to the program it was computed for, and
// only guests are metered.
import { describe, expect, it } from 'vitest';
import { loadGuestProgram } from '../../engine/guest/guestProgram';
import { MeteredRun } from '../../engine/metering/meteredRun';
import { InProcessClient } from '../../worker/inProcessClient';
import { createDebuggerStore } from './store';
import { publicFile, testEnv } from './storeEnv.testutil';

describe('meter slice', () => {
  it('meters the loaded guest once, with the engine\'s segments and a profile per measure', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    const bytes = publicFile('examples/matmul.elf');
    await store.getState().openFiles([{ name: 'matmul.elf', bytes }]);
    expect(store.getState().loaded?.kind).toBe('guest');
    store.getState().setShowMeter(true);
    await expect.poll(() => store.getState().meter, { timeout: 60_000 }).toBeDefined();
    const s = store.getState();
    expect(s.meterFor).toBe(s.loaded);
    const direct = new MeteredRun(loadGuestProgram(bytes)).run();
    expect(s.meter?.instret).toBe(direct.instret);
    expect(s.meter?.segments.map((x) => x.num_insns)).toEqual(direct.segments.map((x) => x.numInsns));
    const total = (m: 'instructions' | 'cells' | 'adapter-rows') => s.meter?.profiles[m].reduce((t, e) => t + e.weight, 0);
    expect(total('instructions')).toBe(direct.instret);
    expect(total('cells')).toBe(s.meter?.segments.reduce((t, x) => t + x.airs.reduce((u, a) => u + a.cells, 0), 0));
    // Shown again for the same program: not recomputed.
    const first = s.meter;
    store.getState().setShowMeter(false);
    store.getState().setShowMeter(true);
    expect(store.getState().meter).toBe(first);
    expect(store.getState().meterLoading).toBe(false);
  }, 90_000);

  it('does not meter a memory script', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    await store.getState().openFiles([{ name: 'split.mtrace', bytes: publicFile('examples/split.mtrace') }]);
    store.getState().setShowMeter(true);
    expect(store.getState().meterLoading).toBe(false);
    expect(store.getState().meter).toBeUndefined();
  }, 60_000);
});

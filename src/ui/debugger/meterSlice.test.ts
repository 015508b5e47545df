// The Cost-by-function slice over the in-process client: metering the loaded guest through the worker
// protocol gives the CLI's numbers (the same engine), belongs to the program it was computed for, and
// only guests are metered; the icicle's scopes (a segment, a range of the session's timestamps, found
// against a plain run's timestamp at every step) and a function's highlighted time.
import { describe, expect, it } from 'vitest';
import { loadGuestProgram } from '../../engine/guest/program/guestProgram';
import { GuestRun } from '../../engine/guest/guestRun';
import { MeteredRun } from '../../engine/metering/meteredRun';
import { InProcessClient } from '../../worker/inProcessClient';
import { createDebuggerStore } from './store';
import { publicFile, testEnv } from './storeEnv.testutil';

describe('meter slice', () => {
  it("meters the loaded guest once, with the engine's segments and a profile per measure", async () => {
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
    const total = (m: 'instructions' | 'cells' | 'adapter-rows') =>
      s.meter?.profiles[m].reduce((t, e) => t + e.weight, 0);
    expect(total('instructions')).toBe(direct.instret);
    expect(total('cells')).toBe(
      s.meter?.segments.reduce((t, x) => t + x.airs.reduce((u, a) => u + a.cells, 0), 0),
    );
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

  it('scopes the icicle to a segment and to a range of timestamps; highlights a function', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv());
    const bytes = publicFile('examples/matmul.elf');
    await store.getState().openFiles([{ name: 'matmul.elf', bytes }]);
    await expect.poll(() => store.getState().recording, { timeout: 60_000 }).toBe(false);
    store.getState().setShowMeter(true);
    await expect.poll(() => store.getState().meter, { timeout: 60_000 }).toBeDefined();
    // The segment settings are a run option (issue 23): the session reopens cut with them, and the panel
    // meters with the same, so both have the same segments.
    store.getState().setOptions({ segmentSettings: { maxSegmentLength: 8192 } });
    await expect
      .poll(() => store.getState().meter?.segments.length ?? 0, { timeout: 60_000 })
      .toBeGreaterThan(3);
    const meter = store.getState().meter;
    expect(store.getState().frame?.info.segmentation?.segments.map((x) => [x.startStep, x.numInsns])).toEqual(
      meter?.segments.map((x) => [x.instret_start, x.num_insns]),
    );
    const total = (entries: { weight: number }[] | undefined) => entries?.reduce((t, e) => t + e.weight, 0);

    store.getState().setMeterScope('segment');
    store.getState().setMeterSegment(2);
    await expect.poll(() => store.getState().meterScoped?.key).toBe('segment 2');
    const seg = meter?.segments[2];
    expect(store.getState().meterScoped?.from).toBe(seg?.instret_start);
    expect(total(store.getState().meterScoped?.profiles.instructions)).toBe(seg?.num_insns);

    // A range of timestamps: from the instruction running at t0 to the one running at t1, as a plain run has them.
    const plain = new GuestRun(loadGuestProgram(bytes), { mode: 'persistent' });
    const ts: number[] = [plain.memory.timestamp];
    while (plain.machine.status !== 'terminated' && plain.machine.status !== 'failed') {
      plain.run(1);
      ts.push(plain.memory.timestamp);
    }
    const t0 = ts[30_000] + 1;
    const t1 = ts[70_123];
    const stepAt = (t: number) => ts.findLastIndex((x) => x <= t);
    const before = store.getState().frame?.position.step;
    store.getState().setMeterRange({ t0: t1, t1: t0 });
    await expect.poll(() => store.getState().meterScoped?.key).toBe(`range ${t0} ${t1}`);
    const scoped = store.getState().meterScoped;
    expect([scoped?.from, scoped?.to]).toEqual([stepAt(t0), stepAt(t1)]);
    expect(scoped?.from).toBe(30_000);
    expect(total(scoped?.profiles.instructions)).toBe(70_123 - 30_000);
    expect(store.getState().meterScope).toBe('range');
    // The session stays where it was: one step on from there.
    await store.getState().control({ op: 'step' });
    expect(store.getState().frame?.position.step).toBe((before ?? -2) + 1);
    store.getState().setMeterRange(undefined);
    expect(store.getState().meterScope).toBe('run');

    await store.getState().highlightFunction(['_start', '__start_c', 'main', 'print_str']);
    const h = store.getState().meterHighlight;
    expect(h?.timestamps?.length).toBeGreaterThan(0);
    expect(h?.instructions).toBe(
      meter?.profiles.instructions.find((e) => e.stack.join(';') === '_start;__start_c;main;print_str')
        ?.weight,
    );
    await store.getState().highlightFunction(['_start', '__start_c', 'main', 'print_str']);
    expect(store.getState().meterHighlight).toBeUndefined();
  }, 120_000);

  it('over the attribution budget: the whole run exactly, and no segment, range or function-time request', async () => {
    const store = createDebuggerStore(new InProcessClient(), testEnv(), { meterLogBudgetBytes: 1 });
    const bytes = publicFile('examples/matmul.elf');
    await store.getState().openFiles([{ name: 'matmul.elf', bytes }]);
    await expect.poll(() => store.getState().recording, { timeout: 60_000 }).toBe(false);
    store.getState().setOptions({ segmentSettings: { maxSegmentLength: 8192 } });
    store.getState().setShowMeter(true);
    await expect
      .poll(() => store.getState().meter?.segments.length ?? 0, { timeout: 60_000 })
      .toBeGreaterThan(3);
    const meter = store.getState().meter;
    expect(meter?.wholeRunOnly).toMatch(/passed its 0 MB budget, so only the whole run's profile was kept/);
    // The whole run's profile is the full log's (MeteredRun without a budget).
    const direct = new MeteredRun(loadGuestProgram(bytes), { maxSegmentLength: 8192 }).run();
    const total = (entries: { weight: number }[] | undefined) => entries?.reduce((t, e) => t + e.weight, 0);
    expect(total(meter?.profiles.instructions)).toBe(direct.instret);
    store.getState().setMeterScope('segment');
    store.getState().setMeterSegment(2);
    await store.getState().highlightFunction(['_start', '__start_c', 'main']);
    expect(store.getState().meterScoped).toBeUndefined();
    expect(store.getState().meterScopedLoading).toBe(false);
    expect(store.getState().meterHighlight).toBeUndefined();
    expect(store.getState().failure).toBeUndefined();
  }, 120_000);
});

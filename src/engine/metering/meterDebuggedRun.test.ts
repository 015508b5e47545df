// Issue 22 (3): "Cost by function" meters the run being debugged. With allocator interposition `orthotope`
// the metered run is the interposed run (hashmap.elf: 335,808 steps in the session, 5,188,937 with the
// guest's own malloc), its served calls are frames of their own ("malloc [orthotope]") with none of the
// guest allocator's internals; `observe` only watches, so it meters exactly as `none`; the attribution
// invariant (every row charged once) holds with served calls, also across many segment cuts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from '../guest/fixtures.testutil';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { Session } from '../session';
import { attributionMismatches } from './attribution.testutil';
import { costEntries } from './attribution/costProfile';
import { RangeProfiler } from './attribution/rangeProfile';
import { MeteredRun } from './meteredRun';
import { meterView } from './meterView';

const bytes = new Uint8Array(readFileSync(path.join(EXAMPLES, 'hashmap.elf')));

/** The debugged run's step count and end timestamp (the session, as the app opens it). */
function debugged(allocator: 'none' | 'orthotope') {
  const s = Session.open('guest', bytes, { allocator, segments: false });
  const stop = s.run({});
  expect(stop.reason).toBe('end');
  return stop.position;
}

describe('metering the debugged run (allocator interposition)', () => {
  it('orthotope: the metered run is the interposed run, with served-call frames', () => {
    const run = new MeteredRun(loadGuestProgram(bytes), { allocator: 'orthotope' });
    const r = run.run();
    const end = debugged('orthotope');
    expect(end.step).toBe(335_808);
    expect([r.instret, r.exitCode, r.error]).toEqual([end.step, 0, null]);
    expect(r.segments).toHaveLength(1);
    expect(r.segments[0].endTimestamp).toBe(end.timestamp);
    const stacks = costEntries(run, 'instructions').map((e) => e.stack);
    const frames = new Set(stacks.flat());
    expect(frames).toContain('malloc [orthotope]');
    expect(frames).toContain('free [orthotope]');
    // The guest's allocator never runs: no frame of it, nothing called from a served one.
    expect(frames.has('malloc')).toBe(false);
    expect(frames.has('free')).toBe(false);
    for (const s of stacks) expect(s.slice(0, -1).some((f) => f.endsWith('[orthotope]'))).toBe(false);
    // A served call is one instruction with no chip row; its arena writes are adapter / boundary rows.
    const served = costEntries(run, 'instructions').find((e) => e.stack.at(-1) === 'malloc [orthotope]');
    const cells = costEntries(run, 'cells').find((e) => e.stack.at(-1) === 'malloc [orthotope]');
    expect(served?.weight).toBe(2100);
    expect(cells?.weight ?? 0).toBeGreaterThan(0);
    expect(attributionMismatches(run, r)).toEqual([]);
    // The time dimension agrees: the whole range charges what the per-node totals do.
    const range = new RangeProfiler(run).rows(0, r.instret);
    expect(Array.from(range.nodeRows)).toEqual(Array.from(run.nodeRows.subarray(0, range.nodeRows.length)));
  });

  it('orthotope: served calls across many segment cuts keep every row charged once', () => {
    const run = new MeteredRun(loadGuestProgram(bytes), { allocator: 'orthotope', maxSegmentLength: 8192 });
    const r = run.run();
    expect(r.instret).toBe(335_808);
    expect(r.segments.length).toBeGreaterThan(10);
    expect(attributionMismatches(run, r)).toEqual([]);
  });

  it('observe: the same run as allocator off (observing changes nothing metered)', () => {
    const off = new MeteredRun(loadGuestProgram(bytes), {}).run();
    const observed = new MeteredRun(loadGuestProgram(bytes), { allocator: 'observe' }).run();
    expect(observed.instret).toBe(off.instret);
    expect(observed.instret).toBe(5_188_937); // the figure: the guest's own malloc runs
    expect(observed.segments.map((s) => Array.from(s.rows))).toEqual(
      off.segments.map((s) => Array.from(s.rows)),
    );
  });

  it("the worker's meter view takes the session's allocator and memory mode and says what it metered", () => {
    const v = meterView(bytes, { allocator: 'orthotope', mode: 'volatile' });
    expect([v.instret, v.allocator, v.unavailable]).toEqual([335_808, 'orthotope', null]);
    // The volatile session is metered volatile: one segment with VolatileBoundaryAir, no Merkle AIRs.
    expect([v.mode, v.segments.length]).toEqual(['volatile', 1]);
    const frames = new Set(v.profiles.instructions.flatMap((e) => e.stack));
    expect(frames).toContain('free [orthotope]');
    const names = v.segments[0].airs.map((a) => a.air_name);
    expect(names).toContain('VolatileBoundaryAir');
    expect(names).not.toContain('PersistentBoundaryAir<8>');
    expect(names).not.toContain('MemoryMerkleAir<8>');
  });

  it('the same run in both modes: the instructions and chip rows agree, the memory AIRs differ', () => {
    const p = new MeteredRun(loadGuestProgram(bytes), { allocator: 'orthotope' });
    const v = new MeteredRun(loadGuestProgram(bytes), { allocator: 'orthotope', mode: 'volatile' });
    const pr = p.run();
    const vr = v.run();
    expect(vr.instret).toBe(pr.instret);
    const total = (run: MeteredRun, r: typeof pr, key: string) =>
      run.inventory.has(key) ? r.segments.reduce((t, s) => t + s.rows[run.inventory.id(key)], 0) : 0;
    for (const key of ['base_alu', 'load_store', 'branch_eq', 'jal_lui', 'phantom'])
      expect(total(v, vr, key)).toBe(total(p, pr, key));
    // Volatile: a boundary row per touched cell; persistent: 2 per touched 8-cell chunk (per segment).
    expect(total(v, vr, 'boundary')).not.toBe(total(p, pr, 'boundary'));
  });
});

// The views a session answers at any position: a window's accesses and adapter records (checked against
// the golden JSON Lines of OpenVM's own online.rs, via scripts/mtraceRunner), densities (exact and sampled),
// memory ranges with decoded metadata, adapter rows, the allocator views; and the memory budget: a tiny
// budget thins old checkpoints yet every seek still lands on the exact state.
import path from 'node:path';
import type { MtraceJsonRecord as JsonRecord } from '../scripts/mtraceJson';
import { describe, expect, it } from 'vitest';
import { allocatorStats } from '../alloc/views/stats';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { parseInput } from '../guest/io/input';
import { parseAllocTrace } from '../scripts/allocTrace';
import { generateMtrace } from '../scripts/mtraceGenerator';
import { parseMtrace } from '../scripts/mtraceParser';
import { runMtrace } from '../scripts/mtraceRunner';
import { Session } from '../session';
import { AllocMachine } from './machines/allocMachine';
import { GuestMachine } from './machines/guestMachine';
import {
  EXAMPLES,
  filesIn,
  needs,
  SHARED,
  SHARED_GUESTS,
  sharedFile,
  sharedGuests,
} from '../guest/fixtures.testutil';
import { randomTimestamps, readBytes, referenceStates } from './reference.testutil';

const enc = (s: string) => new TextEncoder().encode(s);

/** The window's records [from, to) in the JSON shape of shared/spec/mtrace-format.md. */
function windowRecords(w: ReturnType<Session['window']>, from: number, to: number): JsonRecord[] {
  const r = w.records;
  const out: JsonRecord[] = [];
  for (let i = from; i < to; i++) {
    const rec: JsonRecord = {
      kind: r.merge[i] ? 'merge' : 'split',
      as: r.addressSpace[i],
      ptr: r.pointer[i],
      size: r.blockSize[i],
      lowest: r.lowestBlockSize[i],
      type_size: r.typeSize[i],
      t: r.timestamp[i],
      data: Array.from(r.data.subarray(r.dataStart[i], r.dataStart[i] + r.blockSize[i])),
    };
    if (r.merge[i])
      rec.prev_ts = Array.from(
        r.prevTs.subarray(r.prevTsStart[i], r.prevTsStart[i] + r.blockSize[i] / r.lowestBlockSize[i]),
      );
    out.push(rec);
  }
  return out;
}

describe('window: accesses and records of a time range', () => {
  const golden = path.join(SHARED, 'golden/openvm-memory/generated');
  // the golden scripts when ../shared is there (in CI it must be), else a generated one
  const scripts = needs(sharedFile('golden/openvm-memory/generated'))
    ? filesIn(golden, '.mtrace').slice(0, 6)
    : [];
  const cases =
    scripts.length > 0
      ? scripts.map((f) => readBytes(path.join(golden, f)))
      : [enc(generateMtrace({ seed: 5, accesses: 3000, mode: 'volatile', window: 128 }))];
  cases.forEach((bytes, n) => {
    it(`matches the JSON Lines of a plain run, record for record (script ${n})`, () => {
      const text = new TextDecoder().decode(bytes);
      const lines: Record<string, unknown>[] = [];
      runMtrace(parseMtrace(text), (l) => lines.push(JSON.parse(l)));
      const s = Session.open('mtrace', bytes, { checkpointInterval: 64 });
      const end = s.run().position;
      s.seekStep(Math.floor(end.step / 2));
      const here = s.stateHash();
      const w = s.window(0, end.timestamp);
      expect(s.stateHash()).toBe(here); // the view came back to where it started
      const a = w.accesses;
      const accessLines = lines.filter((l) => l.op !== 'finalize');
      expect(a.count).toBe(accessLines.length);
      accessLines.forEach((l, k) => {
        expect({
          t: a.timestamp[k],
          t_prev: a.tPrev[k],
          as: a.addressSpace[k],
          ptr: a.pointer[k],
          size: a.size[k],
          op: a.write[k] ? 'write' : 'read',
        }).toEqual({ t: l.t, t_prev: l.t_prev, as: l.as, ptr: l.ptr, size: l.size, op: l.op });
        expect(windowRecords(w, a.recordStart[k], a.recordEnd[k])).toEqual(l.records);
      });
      const fin = lines.find((l) => l.op === 'finalize');
      const orphan = Array.from(w.records.access).findIndex((x) => x === -1);
      if (fin !== undefined)
        expect(windowRecords(w, orphan < 0 ? w.records.count : orphan, w.records.count)).toEqual(fin.records);
    });
  });

  it('alloc windows list the events of each directive', () => {
    const bytes = readBytes(path.join(EXAMPLES, 'errors_and_double_free.alloc'));
    const s = Session.open('alloc', bytes);
    const end = s.run().position;
    const w = s.window(0, end.step);
    expect(w.events?.count).toBeGreaterThan(end.step / 2);
    expect(Array.from(w.events?.step ?? []).every((x, i, all) => i === 0 || all[i - 1] <= x)).toBe(true);
  });
});

describe('densities', () => {
  const script = generateMtrace({ seed: 11, accesses: 50_000, mode: 'persistent', window: 1 << 12 });
  const summary = runMtrace(parseMtrace(script)).summary;

  it('buckets over the whole run sum to the run totals (sampled and exact)', () => {
    const s = Session.open('mtrace', enc(script));
    const end = s.run().position;
    const d = s.densities(0, end.timestamp + 1, 97);
    expect(d.exact).toBe(false);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(d.accesses)).toBe(summary.accesses);
    expect(sum(d.splits)).toBe(summary.splits);
    expect(sum(d.merges)).toBe(summary.merges);
    // A narrow window is counted exactly: compare with the window view's own accesses and records.
    const t0 = 20_000;
    const t1 = 20_900;
    const exact = s.densities(t0, t1, 9);
    expect(exact.exact).toBe(true);
    const w = s.window(t0, t1 - 1);
    expect(sum(exact.accesses)).toBe(w.accesses.count);
    expect(sum(exact.splits) + sum(exact.merges)).toBe(w.records.count);
    for (let b = 0; b < 9; b++) {
      const lo = t0 + b * 100;
      expect(exact.accesses[b]).toBe(
        Array.from(w.accesses.timestamp).filter((t) => t >= lo && t < lo + 100).length,
      );
    }
  });

  it('counts allocations, frees and errors of .alloc runs', () => {
    const bytes = readBytes(path.join(EXAMPLES, 'errors_and_double_free.alloc'));
    const s = Session.open('alloc', bytes);
    const end = s.run().position;
    const d = s.densities(0, end.step + 1, 4);
    const stats = new AllocMachine(parseAllocTrace(new TextDecoder().decode(bytes)));
    stats.run(end.step);
    const c = new Float64Array(6);
    stats.counters(c);
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect([sum(d.allocations), sum(d.frees), sum(d.errors)]).toEqual([c[3], c[4], c[5]]);
    expect(c[5]).toBeGreaterThan(0);
  });
});

describe('memory view, adapter rows, allocator views', () => {
  it('decodes block metadata of a range', () => {
    const s = Session.open('mtrace', enc('write 2 0 8 1 2 3 4 5 6 7 8\nread 2 4 4\nread 4 3 4\n'));
    s.run();
    const v = s.memory(2, 0, 12);
    expect(Array.from(v.values)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0]);
    // Persistent mode: the first touch split the initial 8-cell block; cells 8..11 were never touched.
    expect(Array.from(v.blockStart)).toEqual([0, 4, -1]);
    expect(Array.from(v.blockSize)).toEqual([4, 4, 0]);
    expect(Array.from(v.timestamp)).toEqual([1, 2, 0]);
    s.seekStep(1);
    const w = s.memory(2, 0, 8);
    expect(Array.from(w.blockStart)).toEqual([0, 0]);
    expect(Array.from(w.offsetToStart)).toEqual([0, 1]);
    expect(w.blockSize[1]).toBe(8);
    const rows = s.adapterRows();
    expect(rows.splits + rows.merges).toBeGreaterThan(0);
  });

  it('adapter rows at the end equal the plain run summary', () => {
    const script = generateMtrace({ seed: 2, accesses: 5000, mode: 'volatile', window: 512 });
    const s = Session.open('mtrace', enc(script));
    s.run();
    expect(Array.from(s.adapterRows().rows)).toEqual(runMtrace(parseMtrace(script)).summary.adapterRows);
  });

  it('orthotope stats at any directive equal a fresh run stopped there', () => {
    const bytes = readBytes(path.join(EXAMPLES, 'mixed_size_churn.alloc'));
    const trace = parseAllocTrace(new TextDecoder().decode(bytes));
    const s = Session.open('alloc', bytes, { checkpointInterval: 64 });
    const end = s.run().position.step;
    for (const step of [end, 17, Math.floor(end / 2)]) {
      s.seekStep(step);
      const view = s.allocator();
      const fresh = new AllocMachine(trace);
      fresh.run(step);
      expect(view.kind === 'orthotope' && view.stats).toEqual(allocatorStats(fresh.allocator));
    }
  });

  it('the observed guest heap: live blocks at the end of hashmap are all freed', () => {
    const s = Session.open('guest', readBytes(path.join(EXAMPLES, 'hashmap.elf')), { allocator: 'observe' });
    s.run();
    const end = s.allocator();
    expect(end.kind === 'observed' && [end.liveBytes, end.open, end.livePointer.length]).toEqual([0, 0, 0]);
    s.seekStep(50_000);
    const mid = s.allocator();
    expect(mid.kind === 'observed' && mid.livePointer.length).toBeGreaterThan(0);
  });
});

describe('memory budget', () => {
  const fib = path.join(SHARED_GUESTS, 'fibonacci.elf');
  it.runIf(needs(sharedGuests()))(
    'a tiny budget thins old checkpoints, and seeks still land on the exact state',
    () => {
      const input = new TextDecoder().decode(readBytes(path.join(SHARED_GUESTS, 'fibonacci.input.json')));
      const cap = 400_000;
      const s = Session.open('guest', readBytes(fib), {
        input,
        maxSteps: cap,
        checkpointInterval: 1024,
        memoryBudgetBytes: 400_000,
      });
      s.run();
      const stats = s.memoryStats();
      expect(stats.thinnedCheckpoints).toBeGreaterThan(0);
      expect(stats.thinningK).toBeGreaterThan(0);
      const steps = Array.from(s.checkpointSteps());
      // Older history is thinner: the widest gap of the older half beats the widest of the newest quarter.
      const gaps = steps.slice(1).map((x, i) => x - steps[i]);
      const widest = (a: number[]) => Math.max(...a);
      expect(widest(gaps.slice(0, gaps.length >> 1))).toBeGreaterThan(
        widest(gaps.slice(-(gaps.length >> 2))),
      );
      const program = loadGuestProgram(readBytes(fib));
      const targets = randomTimestamps(9, 60, s.position().timestamp);
      const ref = referenceStates(
        () =>
          new GuestMachine(program, {
            mode: 'persistent',
            input: parseInput(input),
            observeAllocator: false,
          }),
        targets,
        cap,
      );
      for (const t of targets) {
        const p = s.seek(t);
        expect({ t, step: p.step, hash: s.stateHash() }).toEqual({
          t,
          step: ref.get(t)?.step,
          hash: ref.get(t)?.hash,
        });
      }
      expect(s.memoryStats().bytes).toBeLessThan(stats.budgetBytes * 2);
    },
  );
});

// The allocator history: every point equals the metrics of a fresh run stopped at its step (an .alloc
// trace and a guest served by orthotope); each evenly spaced bucket keeps its lowest and highest live bytes
// (no aliasing with periodic workloads); the points are capped; the session's position and state are
// untouched; built step by step as the head grows it equals one built at once, and stepping at the head or
// moving inside the recording never seeks.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { allocatorMetrics } from '../alloc/views/allocatorMetrics';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { parseAllocTrace } from '../scripts/allocTrace';
import { Session } from '../session';
import { AllocMachine } from '../timeline/machines/allocMachine';
import { GuestMachine } from '../timeline/machines/guestMachine';
import { EXAMPLES } from '../guest/fixtures.testutil';
import { readBytes } from '../timeline/reference.testutil';
import {
  AllocatorHistoryCache,
  type AllocatorHistory,
  allocatorHistory,
  MAX_HISTORY_POINTS,
  orthotopeOf,
} from './allocatorHistory';
import { FrameBuilder } from './frameBuilder';

const churn = readBytes(path.join(EXAMPLES, 'mixed_size_churn.alloc'));
const trace = parseAllocTrace(new TextDecoder().decode(churn));

/** The history's metrics, one row per point, for comparing with fresh runs. */
function rows(
  h: AllocatorHistory,
): { step: number; t: number; live: number; carved: number; internal: number }[] {
  return h.step.map((step, i) => ({
    step,
    t: h.t[i],
    live: h.liveBytes[i],
    carved: h.carvedBytes[i],
    internal: h.internalFragBytes[i],
  }));
}

/** The same rows from one fresh .alloc run, stopped at each step in turn (ascending). */
function freshAllocRows(steps: readonly number[]) {
  const m = new AllocMachine(trace);
  return steps.map((step) => {
    m.run(step - m.step);
    const x = allocatorMetrics(m.allocator);
    return { step, t: step, live: x.liveBytes, carved: x.carvedBytes, internal: x.internalFragBytes };
  });
}

describe('allocator history of an .alloc session', () => {
  it("equals a fresh run at every point, keeps every bucket's extremes, without moving the session", () => {
    const s = Session.open('alloc', churn, { checkpointInterval: 64 });
    const end = s.run().position.step;
    expect(end).toBeGreaterThan(MAX_HISTORY_POINTS);
    const middle = Math.floor(end / 2) + 1;
    s.seekStep(middle);
    const hash = s.stateHash();
    const cache = new AllocatorHistoryCache(s);
    const h = cache.history() as AllocatorHistory;
    expect(s.position().step).toBe(middle);
    expect(s.stateHash()).toBe(hash);
    expect(h.step.length).toBeLessThanOrEqual(MAX_HISTORY_POINTS);
    expect([h.step[0], h.step.at(-1), h.cursor]).toEqual([0, end, middle]);
    expect(h.step).toContain(middle);
    const all = freshAllocRows(Array.from({ length: end + 1 }, (_, i) => i));
    expect(rows(h)).toEqual(h.step.map((step) => all[step]));
    // Buckets of `stride` steps: each one's lowest and highest live bytes are drawn (by a point inside it).
    const stride = cache.stride;
    expect(stride).toBeGreaterThan(1);
    for (let b = 0; b <= end; b += stride) {
      const bucket = all.slice(b, b + stride).map((r) => r.live);
      const drawn = h.step.filter((x) => x >= b && x < b + stride).map((x) => all[x].live);
      expect([Math.min(...drawn), Math.max(...drawn)]).toEqual([Math.min(...bucket), Math.max(...bucket)]);
    }
    // The summary's metrics at the cursor are the live ones.
    const live = allocatorMetrics(orthotopeOf(s) as NonNullable<ReturnType<typeof orthotopeOf>>);
    expect(h.liveBytes[h.step.indexOf(middle)]).toBe(live.liveBytes);
  });

  it('grown step by step equals built at once, and is cached: no seeks at the head or inside the recording', () => {
    const grown = Session.open('alloc', churn);
    const cache = new AllocatorHistoryCache(grown, 40);
    const seek = vi.spyOn(grown, 'seekStep');
    cache.history();
    // Stepping forward at the head one step at a time: each new point is the live state, read in place.
    for (let i = 0; i < 150; i++) {
      grown.step();
      expect(cache.history()?.step.length).toBeLessThanOrEqual(40);
    }
    expect(seek).not.toHaveBeenCalled();
    // Inside the recording the head does not move: nothing is recomputed.
    grown.stepBack(17);
    const inside = cache.history() as AllocatorHistory;
    grown.step(3);
    cache.history();
    expect(seek).not.toHaveBeenCalled();
    // Jumps forward fill the samples they skipped.
    for (const n of [30, 200, 1]) {
      grown.step(n);
      expect(cache.history()?.step.length).toBeLessThanOrEqual(40);
    }
    grown.step(9_999);
    const atEnd = cache.history() as AllocatorHistory;
    const once = Session.open('alloc', churn);
    once.run();
    const direct = new AllocatorHistoryCache(once, 40).history() as AllocatorHistory;
    expect(atEnd).toEqual(direct);
    expect(rows(atEnd)).toEqual(freshAllocRows(atEnd.step));
    expect(rows(inside)).toEqual(freshAllocRows(inside.step));
  });

  it('catches up when a seek records forward, and comes back to the position', () => {
    const s = Session.open('alloc', churn, { checkpointInterval: 64 });
    const cache = new AllocatorHistoryCache(s, 100);
    cache.history();
    s.seekStep(700);
    s.seekStep(250);
    const h = cache.history() as AllocatorHistory;
    expect(s.position().step).toBe(250);
    expect(h.step.at(-1)).toBe(700);
    expect(h.cursor).toBe(250);
    expect(rows(h)).toEqual(freshAllocRows(h.step));
  });

  it('rides in the frame, and computing it changes nothing else the frame shows', () => {
    const bytes = readBytes(path.join(EXAMPLES, 'errors_and_double_free.alloc'));
    const s = Session.open('alloc', bytes, { checkpointInterval: 4 });
    s.run();
    // After the double free (directive 3): the panel's error comes from re-executing that step's events.
    s.seekStep(4);
    const frames = new FrameBuilder(s, 'errors', null);
    const first = frames.build({ lanes: [] }); // seeks over the whole run for the history, and back
    const again = frames.build({ lanes: [] }); // cached: no seek
    expect(first).toEqual(again);
    expect(first.position.step).toBe(4);
    expect(first.allocator?.kind === 'orthotope' && first.allocator.view.lastError).toBeTruthy();
    const h = first.allocator?.kind === 'orthotope' ? first.allocator.history : undefined;
    expect(h?.cursor).toBe(4);
    expect(h?.step).toEqual(Array.from({ length: s.info().head.step + 1 }, (_, i) => i));
  });

  it('is undefined without an orthotope allocator', () => {
    const s = Session.open('mtrace', new TextEncoder().encode('write 2 0 4 1 2 3 4\n'));
    s.run();
    expect(allocatorHistory(s)).toBeUndefined();
  });
});

describe('allocator history of a guest served by orthotope', () => {
  it('equals a fresh run of the guest at every point; timestamps on the axis', () => {
    const bytes = readBytes(path.join(EXAMPLES, 'hashmap.elf'));
    const s = Session.open('guest', bytes, { allocator: 'orthotope', checkpointInterval: 1024 });
    const end = s.run().position;
    s.seekStep(Math.floor(end.step / 3));
    const before = { position: s.position(), hash: s.stateHash() };
    const h = allocatorHistory(s) as AllocatorHistory;
    expect({ position: s.position(), hash: s.stateHash() }).toEqual(before);
    expect(h.step.length).toBeLessThanOrEqual(MAX_HISTORY_POINTS);
    expect(h.step.at(-1)).toBe(end.step);
    expect(h.t.at(-1)).toBe(end.timestamp);
    expect(h.cursor).toBe(before.position.timestamp);
    expect(Math.max(...h.liveBytes)).toBeGreaterThan(0);
    const m = new GuestMachine(loadGuestProgram(bytes), {
      mode: 'persistent',
      observeAllocator: false,
      orthotope: true,
    });
    const fresh = h.step.map((step) => {
      m.run(step - m.step);
      const x = allocatorMetrics((m.interposer as NonNullable<typeof m.interposer>).allocator);
      return {
        step,
        t: m.timestamp,
        live: x.liveBytes,
        carved: x.carvedBytes,
        internal: x.internalFragBytes,
      };
    });
    expect(rows(h)).toEqual(fresh);
  });
});

// The segment cursor: the two time axes, and a plan that gives only the cuts (no end timestamps, as a fast
// metered pass may) learning the ends at the hand-overs to the same states as a plan that has them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, SHARED_GUESTS, sharedFile } from '../../guest/fixtures.testutil';
import { parseInput } from '../../guest/io/input';
import { loadGuestProgram } from '../../guest/program/guestProgram';
import { planSegments } from '../../metering/segmentPlan';
import { GuestMachine } from './guestMachine';
import { Hasher } from './hasher';
import { SegmentCursor } from './segmentCursor';

describe('SegmentCursor axes', () => {
  const c = new SegmentCursor([
    { instretStart: 0, numInsns: 10, endTimestamp: 31 },
    { instretStart: 10, numInsns: 5, endTimestamp: 16 },
    { instretStart: 15, numInsns: 7, endTimestamp: NaN },
  ]);
  it('bases are 1 + Σ (end - 1); (segment, t) round-trips; the end of a segment is its own', () => {
    expect(Array.from(c.bases)).toEqual([1, 31, 46]);
    expect(c.join(1, 1)).toBe(31);
    expect(c.split(31)).toEqual({ segment: 0, timestamp: 31 });
    expect(c.split(32)).toEqual({ segment: 1, timestamp: 2 });
    expect(c.segmentOfStep(10)).toBe(0);
    expect(c.segmentOfStep(11)).toBe(1);
    expect(c.segmentOfStep(0)).toBe(0);
    expect(() => c.join(1, 17)).toThrow(/segment 1 has timestamps 1..16/);
    expect(() => c.join(3, 1)).toThrow(/no segment 3/);
  });
});

describe.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')))('a plan with cuts only', () => {
  it('learns the ends at the hand-overs and reaches the same states', () => {
    const program = loadGuestProgram(new Uint8Array(readFileSync(path.join(SHARED_GUESTS, 'fibonacci.elf'))));
    const input = parseInput('0x01b80b000000000000');
    const plan = planSegments(program, { input, settings: { maxSegmentLength: 4096 } });
    expect(plan.segments.length).toBeGreaterThan(3);
    const machine = (ends: boolean) =>
      new GuestMachine(program, {
        mode: 'persistent',
        input,
        observeAllocator: false,
        segments: plan.segments.map((s) => ({ ...s, endTimestamp: ends ? s.endTimestamp : NaN })),
      });
    const known = machine(true);
    const learnt = machine(false);
    expect(learnt.segments?.bases[1]).toBe(Infinity);
    const hash = (m: GuestMachine) => {
      const h = new Hasher();
      m.hash(h);
      return h.digest();
    };
    for (const n of [1000, 5000, 1e9]) {
      known.run(n);
      learnt.run(n);
      expect([learnt.step, learnt.timestamp, hash(learnt)]).toEqual([
        known.step,
        known.timestamp,
        hash(known),
      ]);
    }
    expect(Array.from(learnt.segments?.bases ?? [])).toEqual(Array.from(known.segments?.bases ?? []));
  });
});

// The fast metered pass (meteredPass.ts) cuts exactly where MeteredRun (the interpreter observed
// instruction by instruction) cuts: same segments (start, length, metered heights, reason) and the same
// end, on the OpenVM v1.7 benchmark guests with their openvm.toml and inputs, and on example guests with
// small segments and odd segment_check_insns (many cuts, blocks crossing check points).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { VmConfig } from '../guest/config/vmConfig';
import {
  BENCH_GUESTS,
  benchConfig,
  EXAMPLES,
  inputFile,
  loadGuestFile,
  needs,
  REPO_ROOT,
  sharedFile,
} from '../guest/fixtures.testutil';
import type { GuestProgram } from '../guest/program/guestProgram';
import { meteredCuts, type MeteredPassOptions } from './meteredPass';
import { MeteredRun } from './meteredRun';
import { setCompileThreshold } from '../guest/compiled/tierSwitch';

function expectSameCuts(program: GuestProgram, options: MeteredPassOptions) {
  const fast = meteredCuts(program, options);
  const slow = new MeteredRun(program, options).run();
  expect(fast.error?.message ?? null).toBe(slow.error?.message ?? null);
  expect([fast.instret, fast.exitCode]).toEqual([slow.instret, slow.exitCode]);
  const mine = fast.segments.map((s) => ({
    start: s.instretStart,
    n: s.numInsns,
    reason: s.reason,
    heights: Array.from(s.traceHeights),
  }));
  const theirs = slow.segments.map((s) => ({
    start: s.instretStart,
    n: s.numInsns,
    reason: s.reason,
    heights: Array.from(s.metered),
  }));
  // MeteredRun leaves the chip rows of the last (partial) window out of the final segment's metered
  // heights (it adds a window's rows only before a check); OpenVM adds every instruction's rows as it
  // executes (on_height_change), as meteredCuts does. The final segment decides no cut: its heights are
  // compared as MeteredRun's plus that window's chip rows, i.e. not below them.
  const lastMine = mine.pop();
  const lastTheirs = theirs.pop();
  expect(mine).toEqual(theirs);
  expect({ ...lastMine, heights: [] }).toEqual({ ...lastTheirs, heights: [] });
  lastMine?.heights.forEach((h, i) => expect(h).toBeGreaterThanOrEqual(lastTheirs!.heights[i]));
  return fast;
}

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/README.md')))(
  'meteredCuts = MeteredRun on the OpenVM v1.7 benchmark guests',
  () => {
    const guests: [string, number?][] = [
      ['fibonacci'],
      ['regex'],
      ['pairing'],
      ['ecrecover'],
      ['keccak256_iter'],
      ['sha256_iter'],
      ['kitchen-sink'],
      ['factorial_iterative_u256'],
      ['revm_transfer'],
      ['bincode', 1 << 16],
      ['quicksort', 1 << 15],
    ];
    for (const [name, maxSegmentLength] of guests) {
      it(
        `${name}${maxSegmentLength === undefined ? '' : ` (max segment ${maxSegmentLength})`}`,
        { timeout: 600_000 },
        () => {
          const program = loadGuestFile(path.join(BENCH_GUESTS, `${name}.elf`));
          const vmConfig: VmConfig = benchConfig(name);
          const input = inputFile(
            name === 'ecrecover'
              ? path.join(REPO_ROOT, 'examples/inputs/ecrecover.input.json')
              : path.join(BENCH_GUESTS, `${name}.input.json`),
          );
          const r = expectSameCuts(program, { input, vmConfig, maxSegmentLength });
          expect(r.exitCode).toBe(0);
        },
      );
    }
  },
);

describe('meteredCuts = MeteredRun with many cuts and odd check windows (example guests)', () => {
  for (const [name, window, minSegments] of [
    ['hashmap', 97, 2],
    ['matmul', 1000, 2],
    ['subword', 7, 1],
    ['precompile_hash', 101, 2],
    ['hello', 3, 1],
  ] as const) {
    it(`${name}, segment_check_insns ${window}, max segment 2^11`, { timeout: 600_000 }, () => {
      const program = loadGuestFile(path.join(EXAMPLES, `${name}.elf`));
      const r = expectSameCuts(program, { segmentCheckInsns: window, maxSegmentLength: 1 << 11 });
      expect(r.segments.length).toBeGreaterThanOrEqual(minSegments);
    });
  }
});

describe('maxInstructions', () => {
  // Regression (issue 24): a compiled region ran up to the check window's rest, past maxInstructions.
  it('stops exactly at maxInstructions, with blocks compiled at once, and goes no further', () => {
    const program = loadGuestFile(path.join(EXAMPLES, 'matmul.elf'));
    setCompileThreshold(0);
    try {
      for (const max of [1, 7, 1000, 12_345]) {
        const r = meteredCuts(program, { maxInstructions: max, segmentCheckInsns: 1000 });
        expect([r.status, r.instret]).toEqual(['paused', max]);
      }
    } finally {
      setCompileThreshold(2);
    }
  });
});

// Bit-exactness of the compiled tier on real guests: every guest of public/examples, ../shared/guests/
// openvm-v1.7 and the 19 OpenVM v1.7 benchmark guests (with their openvm.toml and inputs) ends in the same
// state with the tier off and on (tierCompare.testutil.ts lists what is compared), run whole and in odd
// slices (step limits cut blocks), and with the allocator observer's hooks installed.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AllocObserver } from '../alloc/allocObserver';
import {
  BENCH_GUESTS,
  benchConfig,
  EXAMPLES,
  filesIn,
  inputFile,
  loadGuestFile,
  needs,
  REPO_ROOT,
  SHARED_GUESTS,
  sharedFile,
} from '../fixtures.testutil';
import { GuestRun } from '../guestRun';
import { parseInput } from '../io/input';
import { expectSameEnd } from './tierCompare.testutil';

/** Inputs of the example guests that read one (the others run without). */
const EXAMPLE_INPUTS: Record<string, string> = {
  ecrecover: path.join(REPO_ROOT, 'examples/inputs/ecrecover.input.json'),
};

describe('compiled tier = interpreter on every example guest (public/examples)', () => {
  for (const f of filesIn(EXAMPLES, '.elf')) {
    const name = f.replace(/\.elf$/, '');
    it(name, () => {
      const program = loadGuestFile(path.join(EXAMPLES, f));
      const input = inputFile(EXAMPLE_INPUTS[name] ?? path.join(EXAMPLES, `${name}.input.json`));
      const end = expectSameEnd(() => new GuestRun(program, { input, keepRecords: true }));
      expect(end.instret).toBeGreaterThan(0);
    });
  }
});

describe.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')))(
  'compiled tier = interpreter on ../shared/guests/openvm-v1.7',
  () => {
    for (const f of filesIn(SHARED_GUESTS, '.elf')) {
      const name = f.replace(/\.elf$/, '');
      it(name, () => {
        const program = loadGuestFile(path.join(SHARED_GUESTS, f));
        const input = inputFile(path.join(SHARED_GUESTS, `${name}.input.json`));
        const end = expectSameEnd(() => new GuestRun(program, { input, keepRecords: true }));
        expect([end.status, end.exitCode]).toEqual(['terminated', 0]);
      });
    }
    it('fibonacci in slices of 997 steps, volatile memory', () => {
      const program = loadGuestFile(path.join(SHARED_GUESTS, 'fibonacci.elf'));
      const input = parseInput('0x011027000000000000'); // n = 10000 (0x01 + 8 LE bytes)
      expectSameEnd(() => new GuestRun(program, { input, mode: 'volatile', keepRecords: true }), 997);
    });
  },
);

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/README.md')))(
  'compiled tier = interpreter on the 19 OpenVM v1.7 benchmark guests (their openvm.toml and inputs)',
  () => {
    const names = filesIn(BENCH_GUESTS, '.elf').map((f) => f.replace(/\.elf$/, ''));
    it('finds all 19', () => expect(names.length).toBe(19));
    for (const name of names) {
      it(name, { timeout: 300_000 }, () => {
        const program = loadGuestFile(path.join(BENCH_GUESTS, `${name}.elf`));
        const vmConfig = benchConfig(name);
        const input = inputFile(
          name === 'ecrecover' ? EXAMPLE_INPUTS.ecrecover : path.join(BENCH_GUESTS, `${name}.input.json`),
        );
        const end = expectSameEnd(() => new GuestRun(program, { input, vmConfig, keepRecords: true }));
        expect([end.status, end.exitCode]).toEqual(['terminated', 0]);
      });
    }
  },
);

describe('compiled tier with hooks installed (allocator observer) = interpreter', () => {
  for (const name of ['hashmap', 'debug_calls']) {
    it(name, () => {
      const program = loadGuestFile(path.join(EXAMPLES, `${name}.elf`));
      const observers: AllocObserver[] = [];
      expectSameEnd(() => {
        const run = new GuestRun(program, { keepRecords: true });
        observers.push(new AllocObserver(run.machine));
        return run;
      }, 1234);
      expect(observers[1].calls).toEqual(observers[0].calls);
      expect(observers[0].calls.length).toBeGreaterThan(0);
    });
  }
});

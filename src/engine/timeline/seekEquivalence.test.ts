// Acceptance test of time travel: for each kind of run, after recording, seek(T) to 200 random timestamps in
// random order (forward and backward jumps) gives exactly the state of a fresh run stopped at T, compared
// by full-state hash (memory pages, metadata, record counters, timestamp, machine and allocator state) and
// by step. Guests: the example ELFs (public/examples) and the real OpenVM v1.7 ELFs (../shared/guests),
// capped at 200,000 instructions so the file stays fast; .mtrace: generated scripts in both modes and the
// golden handwritten ones; .alloc: the shipped examples and the golden orthotope traces.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { parseInput } from '../guest/io/input';
import { generateMtrace } from '../scripts/mtraceGenerator';
import { parseAllocTrace } from '../scripts/allocTrace';
import { parseMtrace } from '../scripts/mtraceParser';
import { Session, type SessionKind, type SessionOptions } from '../session';
import { AllocMachine } from './machines/allocMachine';
import { GuestMachine } from './machines/guestMachine';
import type { Machine, MachineState } from './machines/machine';
import { MtraceMachine } from './machines/mtraceMachine';
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

const SEEKS = 200;
const GUEST_CAP = 200_000;

function checkSeeks(
  kind: SessionKind,
  bytes: Uint8Array,
  options: SessionOptions,
  make: () => Machine<MachineState>,
  seed: number,
): void {
  const session = Session.open(kind, bytes, options);
  const stop = session.run();
  expect(['end']).toContain(stop.reason);
  const last = stop.position.timestamp;
  const targets = randomTimestamps(seed, SEEKS, last);
  targets.push(0, last, last); // the start and the end, twice in a row
  const reference = referenceStates(make, targets, options.maxSteps ?? Number.MAX_SAFE_INTEGER);
  for (const t of targets) {
    const p = session.seek(t);
    const ref = reference.get(t);
    expect({ t, step: p.step, hash: session.stateHash() }).toEqual({ t, step: ref?.step, hash: ref?.hash });
    expect(p.timestamp).toBeLessThanOrEqual(Math.max(t, 1));
  }
}

const text = (s: string) => new TextEncoder().encode(s);

describe('mtrace: seek(T) equals a fresh run stopped at T', () => {
  for (const mode of ['persistent', 'volatile'] as const) {
    it(`generated script, ${mode}`, () => {
      const script = generateMtrace({ seed: 7, accesses: 30_000, mode, window: 1 << 12 });
      const make = () => new MtraceMachine(parseMtrace(script));
      checkSeeks('mtrace', text(script), { checkpointInterval: 512 }, make, 1);
    });
  }

  const handwritten = path.join(SHARED, 'golden/openvm-memory/handwritten');
  const scripts = filesIn(handwritten, '.mtrace');
  it.runIf(needs(sharedFile('golden/openvm-memory/handwritten')))(
    'golden handwritten scripts (../shared)',
    () => {
      expect(scripts.length).toBeGreaterThan(0);
      scripts.forEach((f, i) => {
        const bytes = readBytes(path.join(handwritten, f));
        const script = new TextDecoder().decode(bytes);
        checkSeeks(
          'mtrace',
          bytes,
          { checkpointInterval: 16 },
          () => new MtraceMachine(parseMtrace(script)),
          100 + i,
        );
      });
    },
  );
});

describe('alloc: seek(T) equals a fresh run stopped at T', () => {
  const examples = filesIn(EXAMPLES, '.alloc');
  for (const f of examples) {
    it(f, () => {
      const bytes = readBytes(path.join(EXAMPLES, f));
      const trace = new TextDecoder().decode(bytes);
      checkSeeks(
        'alloc',
        bytes,
        { checkpointInterval: 256 },
        () => new AllocMachine(parseAllocTrace(trace)),
        3,
      );
    });
  }
  const golden = path.join(SHARED, 'golden/orthotope/inputs');
  const inputs = filesIn(golden, '.txt');
  it.runIf(needs(sharedFile('golden/orthotope/inputs')))('golden orthotope traces (../shared)', () => {
    let travelled = 0;
    inputs.forEach((f, i) => {
      const bytes = readBytes(path.join(golden, f));
      const trace = new TextDecoder().decode(bytes);
      if (parseAllocTrace(trace).directives.length === 0) return;
      try {
        new AllocMachine(parseAllocTrace(trace));
      } catch {
        return; // a trace whose config orthotope rejects has no run to travel in
      }
      checkSeeks(
        'alloc',
        bytes,
        { checkpointInterval: 64 },
        () => new AllocMachine(parseAllocTrace(trace)),
        200 + i,
      );
      travelled++;
    });
    expect(travelled).toBeGreaterThan(inputs.length / 2);
  });
});

interface GuestCase {
  file: string;
  input?: string;
}

const EXAMPLE_INPUTS: Record<string, string> = { 'sum_input.elf': '{"input": ["0x0101020304", "0x01ff"]}' };

function guestCases(): GuestCase[] {
  const cases: GuestCase[] = filesIn(EXAMPLES, '.elf').map((f) => ({
    file: path.join(EXAMPLES, f),
    input: EXAMPLE_INPUTS[f],
  }));
  for (const f of filesIn(SHARED_GUESTS, '.elf')) {
    const json = path.join(SHARED_GUESTS, f.replace(/\.elf$/, '.input.json'));
    const input = filesIn(SHARED_GUESTS, '.json').includes(path.basename(json))
      ? new TextDecoder().decode(readBytes(json))
      : undefined;
    cases.push({ file: path.join(SHARED_GUESTS, f), input });
  }
  return cases;
}

describe('guest: seek(T) equals a fresh run stopped at T', () => {
  const cases = guestCases();
  it('has the example guests (public/examples) to test', () => {
    expect(filesIn(EXAMPLES, '.elf').length).toBeGreaterThanOrEqual(6);
  });
  // the real guests are found by listing ../shared: without it, this suite would quietly test fewer guests
  it.runIf(needs(sharedGuests()))('has the real OpenVM guests (../shared) to test', () => {
    expect(cases.filter((c) => c.file.startsWith(SHARED_GUESTS)).length).toBeGreaterThanOrEqual(4);
  });
  cases.forEach((c, i) => {
    for (const mode of i % 2 === 0 ? (['persistent', 'volatile'] as const) : (['persistent'] as const)) {
      it(`${path.basename(c.file)} (${mode})`, () => {
        const bytes = readBytes(c.file);
        const program = loadGuestProgram(bytes);
        const make = () =>
          new GuestMachine(program, {
            mode,
            input: c.input === undefined ? undefined : parseInput(c.input),
            observeAllocator: true,
          });
        const options: SessionOptions = {
          mode,
          input: c.input,
          allocator: 'observe',
          maxSteps: GUEST_CAP,
          checkpointInterval: 2048,
        };
        checkSeeks('guest', bytes, options, make, 1000 + i);
      });
    }
  });
});

describe('guest served by orthotope: seek(T) equals a fresh run stopped at T', () => {
  // The model's state (caches, pools, counters) is checkpointed apart from its arena bytes, which are AS2
  // pages restored with the memory: the full-state hash covers both, and the interposer's calls and cursor.
  it('hashmap.elf (persistent), the whole run', () => {
    const bytes = readBytes(path.join(EXAMPLES, 'hashmap.elf'));
    const program = loadGuestProgram(bytes);
    const make = () =>
      new GuestMachine(program, { mode: 'persistent', observeAllocator: false, orthotope: true });
    checkSeeks('guest', bytes, { allocator: 'orthotope', checkpointInterval: 2048 }, make, 4242);
  });
});

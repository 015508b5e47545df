import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AllocInterposer } from './allocInterposer';
import { AllocObserver } from './allocObserver';
import { EXAMPLES, needs, SHARED_GUESTS, sharedFile } from '../fixtures.testutil';
import { heapStart, loadGuestProgram } from '../program/guestProgram';
import { GuestRun } from '../guestRun';
import { parseInput } from '../io/input';
import { GuestMachine } from '../../timeline/machines/guestMachine';
import { hashOf } from '../../timeline/reference.testutil';
import { Timeline } from '../../timeline/recording/timeline';
import * as A from '../asm/encode';
import { guestFromWords, TEXT_BASE } from '../isa/runWords.testutil';

/** The same program observed (unmodified run) and served by orthotope, with every traced access counted. */
function both(file: string, inputFile?: string) {
  const program = loadGuestProgram(new Uint8Array(readFileSync(file)));
  const input = inputFile === undefined ? undefined : parseInput(readFileSync(inputFile, 'utf8'));
  const plain = new GuestRun(program, { input });
  const observer = new AllocObserver(plain.machine);
  plain.run(50_000_000);
  const served = new GuestRun(program, { input });
  const interposer = new AllocInterposer(served.machine);
  const accesses: { t: number; as: number; ptr: number; write: boolean }[] = [];
  served.memory.onAccess = (as, ptr, _size, write, t) => accesses.push({ t, as, ptr, write });
  served.run(50_000_000);
  return { program, plain, observer, served, interposer, accesses };
}

function checkAccounting(r: ReturnType<typeof both>) {
  const { plain, observer, served, interposer, accesses } = r;
  expect(served.machine.error).toBeNull();
  expect(served.machine.exitCode).toBe(plain.machine.exitCode);
  expect(Array.from(served.publicValues())).toEqual(Array.from(plain.publicValues()));
  // The same top-level calls, in the same order.
  const top = observer.calls.filter((c) => c.depth === 0);
  expect(interposer.calls.map((c) => c.function)).toEqual(top.map((c) => c.function));
  expect(interposer.calls.map((c) => c.size)).toEqual(top.map((c) => c.size));
  // Instructions: every guest allocator call (all its instructions) becomes one instruction.
  const guestInstructions = top.reduce((n, c) => n + ((c.exitInstret as number) - c.entryInstret), 0);
  expect(served.machine.instret).toBe(plain.machine.instret - guestInstructions + top.length);
  // Timestamps: outside the calls both runs advance identically; a served call advances exactly by its traced
  // writes (model writes, zeroing, copies, the a0 result), plus 1 for free/dealloc (no result to write).
  const guestTimestamps = top.reduce((n, c) => n + ((c.exitTimestamp as number) - c.entryTimestamp), 0);
  let servedTimestamps = 0;
  let k = 0; // accesses and calls are both in timestamp order: one sweep
  for (const c of interposer.calls) {
    const end = c.exitTimestamp as number;
    const span = end - c.entryTimestamp;
    while (k < accesses.length && accesses[k].t < c.entryTimestamp) k++;
    const inCall: (typeof accesses)[number][] = [];
    while (k < accesses.length && accesses[k].t < end) inCall.push(accesses[k++]);
    expect(inCall.every((a) => a.write)).toBe(true); // the model's reads are untraced
    const noResult = c.function.includes('dealloc') || c.function === 'free';
    expect(span).toBe(inCall.length + (noResult ? 1 : 0));
    if (!noResult) expect(inCall[inCall.length - 1]).toMatchObject({ as: 1, ptr: 40 });
    servedTimestamps += span;
  }
  expect(served.memory.timestamp).toBe(plain.memory.timestamp - guestTimestamps + servedTimestamps);
}

describe('orthotope interposition (C malloc & co)', () => {
  it('hashmap: same result, arena at the heap start, headers in guest memory, exact timestamp accounting', () => {
    const r = both(path.join(EXAMPLES, 'hashmap.elf'));
    checkAccounting(r);
    const base = r.interposer.base;
    expect(base).toBe(Math.ceil(heapStart(r.program) / 64) * 64);
    const results = r.interposer.calls.filter((c) => c.function === 'malloc').map((c) => c.result as number);
    expect(results.every((p) => p >= base + 64 && (p - base) % 64 === 0)).toBe(true);
    // The header of the first block is visible in AS2: orthotope's magic in its first word.
    const first = results[0];
    const header = r.interposer.allocator.headerBytes((first - base) as never);
    for (let i = 0; i < 16; i++) expect(r.served.memory.getCell(2, first - 64 + i)).toBe(header[i]);
    expect(r.interposer.summary().liveBytes).toBe(0);
  });
});

describe.runIf(needs(sharedFile('guests/openvm-v1.7/base64_json.elf')))(
  'orthotope interposition (Rust __rust_alloc & co)',
  () => {
    it('base64_json: same exit, same calls, exact accounting', () => {
      checkAccounting(
        both(path.join(SHARED_GUESTS, 'base64_json.elf'), path.join(SHARED_GUESTS, 'base64_json.input.json')),
      );
    });
  },
);

/** main: p = malloc(100); free(p); free(p); terminate 0 — malloc and free are stubs (`ret`) the model serves. */
function doubleFree() {
  const words = [
    ...A.li(A.a0, 100),
    A.jal(A.ra, 4 * 8), // 2 -> malloc at 10
    A.addi(A.s0, A.a0, 0), // 3
    A.addi(A.a0, A.s0, 0),
    A.jal(A.ra, 4 * 6), // 5 -> free at 11
    A.addi(A.a0, A.s0, 0),
    A.jal(A.ra, 4 * 4), // 7 -> free at 11
    A.terminate(0), // 8
    A.jalr(0, A.ra, 0), // 9: unused
    A.jalr(0, A.ra, 0), // 10: malloc
    A.jalr(0, A.ra, 0), // 11: free
  ];
  return guestFromWords(words, undefined, [
    { name: 'malloc', value: TEXT_BASE + 40, size: 4 },
    { name: 'free', value: TEXT_BASE + 44, size: 4 },
    { name: '_end', value: 0x300000, type: 0 },
  ]);
}

describe('orthotope interposition errors', () => {
  it('a double free stops the run with the model error (a small double free reads a free-list link)', () => {
    const run = new GuestRun(doubleFree());
    const interposer = new AllocInterposer(run.machine);
    expect(run.run(100)).toBe('failed');
    expect(run.machine.error?.kind).toBe('allocator');
    expect(run.machine.error?.message).toMatch(/^orthotope: CorruptHeader/);
    expect(interposer.calls.map((c) => c.function)).toEqual(['malloc', 'free']);
    expect(interposer.base).toBe(0x300000);
  });

  it('in a time-travel timeline, the error ends the run at its last whole step, which replays exactly', () => {
    const program = doubleFree();
    const make = () =>
      new GuestMachine(program, { mode: 'persistent', observeAllocator: false, orthotope: true });
    const machine = make();
    const tl = new Timeline(machine, {
      budgetBytes: 1 << 24,
      baseInterval: 2,
      sampleEvery: 2,
      maxSteps: 1000,
      scratchSlots: 4,
    });
    tl.forward(100);
    expect(tl.end).toMatchObject({ status: 'error', error: { kind: 'allocator' } });
    const end = (tl.end as { step: number }).step;
    for (const step of [end, 0, 4, end - 1, end]) {
      tl.seekStep(step);
      const fresh = make();
      fresh.run(step);
      expect({ step, hash: hashOf(machine) }).toEqual({ step, hash: hashOf(fresh) });
    }
    // The failed free was rolled back: the model holds the one block freed once.
    expect(machine.interposer?.calls.map((c) => c.function)).toEqual(['malloc', 'free']);
    const counters = machine.interposer?.allocator.state.counters;
    expect(counters?.liveBlocks.reduce((a, b) => a + b, 0)).toBe(0);
    expect(counters?.errors).toEqual({});
  });
});

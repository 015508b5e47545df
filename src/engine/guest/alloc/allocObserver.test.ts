import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AllocObserver } from './allocObserver';
import { EXAMPLES, needs, SHARED_GUESTS, sharedGuests } from '../fixtures.testutil';
import { heapStart, loadGuestProgram } from '../program/guestProgram';
import { GuestRun } from '../guestRun';
import { parseInput } from '../io/input';

function observed(file: string, inputFile?: string) {
  const program = loadGuestProgram(new Uint8Array(readFileSync(file)));
  const input = inputFile === undefined ? undefined : parseInput(readFileSync(inputFile, 'utf8'));
  const plain = new GuestRun(program, { input });
  plain.run(50_000_000);
  const run = new GuestRun(program, { input });
  const observer = new AllocObserver(run.machine);
  run.run(50_000_000);
  return { program, plain, run, observer };
}

const hashmap = path.join(EXAMPLES, 'hashmap.elf');

describe('allocator observe mode (C malloc/calloc/free)', () => {
  it('sees every call of the hashmap example, and changes nothing in the run', () => {
    const { program, plain, run, observer } = observed(hashmap);
    // Observing must not change accesses or timestamps.
    expect(run.machine.instret).toBe(plain.machine.instret);
    expect(run.memory.timestamp).toBe(plain.memory.timestamp);
    expect(run.memory.records.total).toBe(plain.memory.records.total);
    // The program: 600 inserts (entry + key), 300 deletes (lookup key + 2 frees + key free), 600 lookups
    // (key + free), 7 resizes (calloc + free of the old buckets), one initial calloc, then 300 entries and
    // the bucket array freed. calloc calls malloc (nested, depth 1).
    const top = observer.calls.filter((c) => c.depth === 0);
    const count = (f: string) => top.filter((c) => c.function === f).length;
    expect(count('calloc')).toBe(8);
    expect(count('malloc')).toBe(1200 + 300 + 600);
    expect(count('free')).toBe(900 + 600 + 600 + 1 + 7);
    const nested = observer.calls.filter((c) => c.depth === 1);
    expect(nested.every((c) => c.function === 'malloc')).toBe(true);
    expect(nested).toHaveLength(8);
    const heap = heapStart(program);
    for (const c of observer.calls) {
      expect(c.exitInstret).not.toBeNull();
      if (c.function !== 'free') expect(c.result).toBeGreaterThanOrEqual(heap);
      expect(program.symbols.functionAt(c.callerPc)).toBeDefined();
    }
    expect(observer.summary().liveBytes).toBe(0);
    expect(observer.summary().unfinished).toBe(0);
  });
});

describe.runIf(needs(sharedGuests()))('allocator observe mode (Rust __rust_alloc & co)', () => {
  it('fibonacci: calls seen, run unchanged', () => {
    const { plain, run, observer } = observed(
      path.join(SHARED_GUESTS, 'fibonacci.elf'),
      path.join(SHARED_GUESTS, 'fibonacci.input.json'),
    );
    expect(run.machine.instret).toBe(plain.machine.instret);
    expect(run.memory.timestamp).toBe(plain.memory.timestamp);
    expect(observer.calls.length).toBeGreaterThan(0);
    // __rust_alloc and __rust_alloc_zeroed share one address in these ELFs (identical code folding).
    expect(observer.calls[0].function).toBe('__rust_alloc|__rust_alloc_zeroed');
    for (const c of observer.calls)
      if (c.function.startsWith('__rust_alloc')) expect(c.result! % Math.max(c.align, 1)).toBe(0);
  });
});

// Bad input and bad requests are EngineErrors, never crashes, and never move the position; a run that
// fails ends at its last good step with the error recorded, and everything before it stays reachable.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { parseMtrace } from '../scripts/mtraceParser';
import { Session } from '../session';
import { GuestMachine } from './machines/guestMachine';
import { MtraceMachine } from './machines/mtraceMachine';
import { EXAMPLES } from '../guest/fixtures.testutil';
import { hashOf, readBytes } from './reference.testutil';

const enc = (s: string) => new TextEncoder().encode(s);

function engineError(fn: () => unknown, kind: string, message?: RegExp): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(EngineError);
  expect((caught as EngineError).kind).toBe(kind);
  if (message !== undefined) expect((caught as EngineError).message).toMatch(message);
}

describe('open rejects unusable input', () => {
  it('bad ELF, text that is not UTF-8, bad guest input, bad options, a rejected allocator config', () => {
    engineError(() => Session.open('guest', new Uint8Array([1, 2, 3])), 'elf');
    engineError(() => Session.open('mtrace', new Uint8Array([0x72, 0x0a, 0xff])), 'script', /UTF-8/);
    const hello = readBytes(path.join(EXAMPLES, 'hello.elf'));
    engineError(() => Session.open('guest', hello, { input: '0x03' }), 'input');
    engineError(() => Session.open('guest', hello, { maxSteps: -1 }), 'request');
    engineError(
      () => Session.open('guest', hello, { allocator: 'bogus' as 'orthotope' }),
      'request',
      /allocator interposition/,
    );
    engineError(
      () => Session.open('alloc', enc('config arena=0\nalloc a 1\n')),
      'allocator',
      /InvalidConfig/,
    );
    engineError(() => Session.open('bogus' as 'guest', hello), 'request');
  });
});

describe('bad requests leave the position where it was', () => {
  const script = 'write 2 0 4 1 2 3 4\nread 2 0 8\ntick 10\nread 4 0 4\nfinalize\n';
  it('seek past the end, bad numbers, bad ranges, unknown symbols', () => {
    const s = Session.open('mtrace', enc(script));
    s.run();
    s.seekStep(2);
    const here = s.stateHash();
    engineError(() => s.seek(1000), 'request', /past the end/);
    engineError(() => s.seekStep(99), 'request', /past the end/);
    engineError(() => s.seek(-1), 'request');
    engineError(() => s.seek(1.5), 'request');
    engineError(() => s.memory(9, 0, 4), 'request');
    engineError(() => s.memory(2, 2 ** 29, 4), 'request');
    engineError(() => s.memory(2, 0, 0), 'request');
    engineError(() => s.window(5, 2), 'request');
    engineError(() => s.densities(5, 5, 10), 'request');
    engineError(() => s.runToBreakpoint({ symbol: 'main' }), 'request');
    engineError(() => s.runToWatchpoint({ addressSpace: 0, addr: 0, len: 4 }), 'request');
    engineError(() => s.registers(), 'request');
    engineError(() => s.allocator(), 'request');
    expect(s.position().step).toBe(2);
    expect(s.stateHash()).toBe(here);
    const g = Session.open('guest', readBytes(path.join(EXAMPLES, 'hello.elf')));
    g.step(10);
    engineError(() => g.runToBreakpoint({ symbol: 'no_such_function' }), 'request', /unknown symbol/);
    engineError(() => g.runToBreakpoint({ line: 3 }), 'request');
    expect(g.position().step).toBe(10);
    const a = Session.open('alloc', readBytes(path.join(EXAMPLES, 'large_path.alloc')));
    engineError(() => a.memory(2, 0, 4), 'request');
    engineError(() => a.adapterRows(), 'request');
  });

  it('seeking beyond the recorded head records forward; past the end of the run is an error', () => {
    const s = Session.open('mtrace', enc(script));
    expect(s.seek(12).step).toBe(2); // step 2 is the tick, covering timestamps 3..12
    expect(s.info().end).toBeNull();
    engineError(() => s.seekStep(50), 'request', /ends at step 5/);
    expect(s.position().step).toBe(2);
    expect(s.info().end).toMatchObject({ status: 'done', step: 5, timestamp: 14 });
  });
});

describe('runs that fail', () => {
  it('an invalid script line ends the run there, with the error; the valid prefix stays reachable', () => {
    const text = 'write 2 0 4 1 2 3 4\nread 2 0 8\nread 2 3 4\nread 2 0 4\n';
    const s = Session.open('mtrace', enc(text));
    const stop = s.run();
    expect(stop.position).toMatchObject({ step: 2, status: 'error' });
    expect(s.error()).toMatchObject({ kind: 'script', location: { line: 3 } });
    const ref = new MtraceMachine(parseMtrace(text));
    ref.run(2);
    expect(s.stateHash()).toBe(hashOf(ref));
    expect(s.seekStep(1).status).toBe('paused');
    expect(s.step(5).status).toBe('error');
  });

  it('a guest that traps ends at its last whole instruction (sum_input without input)', () => {
    const bytes = readBytes(path.join(EXAMPLES, 'sum_input.elf'));
    const s = Session.open('guest', bytes, { checkpointInterval: 64 });
    const stop = s.run();
    expect(stop.reason).toBe('end');
    expect(stop.position.status).toBe('error');
    expect(s.error()?.message).toMatch(/^EndOfInputStream/);
    const ref = new GuestMachine(loadGuestProgram(bytes), { mode: 'persistent', observeAllocator: false });
    ref.run(stop.position.step);
    expect(s.stateHash()).toBe(hashOf(ref));
    const endHash = hashOf(ref);
    expect(ref.run(1)).toMatchObject({ status: 'error' }); // the next instruction is the one that traps
    s.seekStep(1);
    expect(s.seekStep(stop.position.step).status).toBe('error');
    expect(s.stateHash()).toBe(endHash);
  });

  it('the step limit ends a run with status limit', () => {
    const s = Session.open('guest', readBytes(path.join(EXAMPLES, 'matmul.elf')), { maxSteps: 1000 });
    expect(s.run().position).toMatchObject({ step: 1000, status: 'limit' });
    engineError(() => s.seekStep(1001), 'request');
  });
});

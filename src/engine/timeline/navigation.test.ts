// Moving around a recorded run: step / step back / seek round trips against fresh runs, breakpoints (pc,
// symbol, script line) and watchpoints in both directions, step over a call, "who touched this?" (the
// previous / next access of a block) and a block's access history, each checked against an independent
// reference (a fresh machine stepped one instruction at a time, or the script's own directives).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { generateMtrace } from '../scripts/mtraceGenerator';
import { OP_READ, OP_WRITE } from '../scripts/mtraceProgram';
import { parseMtrace } from '../scripts/mtraceParser';
import { Session } from '../session';
import { orthotopeView } from './queries/allocatorView';
import { GuestMachine } from './machines/guestMachine';
import { stepTimestamps } from './machines/mtraceMachine';
import { EXAMPLES } from '../guest/fixtures.testutil';
import { hashOf, readBytes } from './reference.testutil';
import { Random } from '../random';

const hashmap = path.join(EXAMPLES, 'hashmap.elf');
const CAP = 150_000;

/** A fresh hashmap machine stepped one instruction at a time, with a per-step probe. */
function scanGuest(
  limit: number,
  visit: (step: number, accesses: { as: number; ptr: number; write: boolean }[]) => void,
): void {
  const m = new GuestMachine(loadGuestProgram(readBytes(hashmap)), {
    mode: 'persistent',
    observeAllocator: false,
  });
  let accesses: { as: number; ptr: number; write: boolean }[] = [];
  m.memory.onAccess = (as, ptr, _size, write) => accesses.push({ as, ptr, write });
  for (let s = 0; s < limit; s++) {
    accesses = [];
    const end = m.run(1);
    visit(s, accesses);
    if (end !== null) break;
  }
}

function guestSession(): Session {
  const s = Session.open('guest', readBytes(hashmap), { maxSteps: CAP, checkpointInterval: 1024 });
  s.run();
  return s;
}

describe('round trips: step, step back, seek, seekStep', () => {
  it('a random walk over a guest run reproduces the fresh-run state at every stop', () => {
    const s = guestSession();
    const rng = new Random(42);
    const visited: [number, string][] = [];
    s.seekStep(0);
    for (let i = 0; i < 150; i++) {
      const r = rng.below(6);
      if (r === 0) s.step(1 + rng.below(50));
      else if (r === 1) s.stepBack(1 + rng.below(50));
      else if (r === 2) s.seekStep(rng.below(CAP));
      else if (r === 3) s.seek(rng.below(s.info().head.timestamp));
      else if (r === 4) s.stepOver();
      else s.stepBack();
      visited.push([s.position().step, s.stateHash()]);
    }
    const byStep = [...visited].sort((a, b) => a[0] - b[0]);
    const ref = new GuestMachine(loadGuestProgram(readBytes(hashmap)), {
      mode: 'persistent',
      observeAllocator: false,
    });
    for (const [step, hash] of byStep) {
      ref.run(step - ref.step);
      expect({ step, hash }).toEqual({ step, hash: hashOf(ref) });
    }
  });

  it('step back then step forward returns to the same state', () => {
    const s = guestSession();
    s.seekStep(100_000);
    const here = s.stateHash();
    for (const k of [1, 7, 1000, 5000]) {
      s.stepBack(k);
      expect(s.position().step).toBe(100_000 - k);
      s.step(k);
      expect(s.stateHash()).toBe(here);
    }
  });
});

describe('guest breakpoints, step over, watchpoints', () => {
  const program = loadGuestProgram(readBytes(hashmap));
  const malloc = program.symbols.get('malloc')?.address as number;
  const freeFn = program.symbols.get('free')?.address as number;
  const mallocSteps: number[] = [];
  const a0Writes: number[] = [];
  scanGuest(CAP, (step, accesses) => {
    if (accesses.some((a) => a.as === 1 && a.ptr === 40 && a.write)) a0Writes.push(step);
  });
  {
    const m = new GuestMachine(program, { mode: 'persistent', observeAllocator: false });
    while (m.step < CAP && mallocSteps.length < 40) {
      if (m.interpreter.pc === malloc) mallocSteps.push(m.step);
      if (m.run(1) !== null) break;
    }
  }

  it('runs to a symbol breakpoint, then to its next hit, then back to the previous one', () => {
    const s = guestSession();
    s.seekStep(0);
    let stop = s.runToBreakpoint({ symbol: 'malloc' });
    expect(stop.reason).toBe('breakpoint');
    expect(stop.position).toMatchObject({ step: mallocSteps[0], pc: malloc });
    stop = s.runToBreakpoint({ pc: malloc });
    expect(stop.position.step).toBe(mallocSteps[1]);
    s.seekStep(mallocSteps[10] + 5);
    stop = s.runToBreakpoint({ symbol: 'malloc' }, 'backward');
    expect(stop.position.step).toBe(mallocSteps[10]);
    stop = s.runToBreakpoint({ symbol: 'malloc' }, 'backward');
    expect(stop.position.step).toBe(mallocSteps[9]);
  });

  it('stops at whichever breakpoint comes first, and honours the step budget', () => {
    const s = guestSession();
    s.seekStep(mallocSteps[3]);
    const stop = s.run({ breakpoints: [{ pc: malloc }, { pc: freeFn }] });
    expect(stop.position.step).toBeLessThanOrEqual(mallocSteps[4]);
    expect([malloc, freeFn]).toContain(stop.position.pc);
    s.seekStep(0);
    const budget = s.run({ breakpoints: [{ pc: malloc }], maxSteps: 10 });
    expect(budget).toMatchObject({ reason: 'budget', position: { step: 10 } });
  });

  it('steps over a call to malloc: lands on the next instruction with the same stack', () => {
    const s = guestSession();
    s.seekStep(mallocSteps[5]);
    s.stepBack(); // the jal/jalr into malloc
    const before = s.position();
    const sp = s.registers()[2];
    const after = s.stepOver();
    expect(after.pc).toBe((before.pc as number) + 4);
    expect(s.registers()[2]).toBe(sp);
    expect(after.step).toBeGreaterThan(mallocSteps[5] + 1);
  });

  it('watchpoint on register a0 (writes), forward and backward', () => {
    const s = guestSession();
    const from = a0Writes[20];
    s.seekStep(from);
    const next = s.runToWatchpoint({ addressSpace: 1, addr: 40, len: 4, writesOnly: true });
    expect(next.reason).toBe('watchpoint');
    expect(next.position.step).toBe(a0Writes[21]);
    expect(next.hit).toMatchObject({ addressSpace: 1, pointer: 40, write: true });
    const back = s.runToWatchpoint({ addressSpace: 1, addr: 40, len: 4, writesOnly: true }, 'backward');
    expect(back.position.step).toBe(a0Writes[20]);
  });
});

describe('guest served by orthotope: the allocator travels with the run', () => {
  const program = loadGuestProgram(readBytes(hashmap));
  const fresh = () =>
    new GuestMachine(program, { mode: 'persistent', observeAllocator: false, orthotope: true });
  const ref = fresh();
  ref.run(CAP);
  const calls = (ref.interposer as NonNullable<typeof ref.interposer>).calls;
  const open = () => {
    const s = Session.open('guest', readBytes(hashmap), {
      allocator: 'orthotope',
      maxSteps: CAP,
      checkpointInterval: 1024,
    });
    s.run();
    return s;
  };
  /** The orthotope view of a fresh run stopped after `step` instructions. */
  const viewAt = (step: number) => {
    const m = fresh();
    m.run(step);
    return {
      view: orthotopeView((m.interposer as NonNullable<typeof m.interposer>).allocator),
      hash: hashOf(m),
    };
  };

  it('step back across a served call restores the allocator stats exactly', () => {
    expect(calls.length).toBeGreaterThan(100);
    const s = open();
    // A malloc, a free and a late call (replayed from a checkpoint far behind), each served in one step.
    const picks = [
      calls.findIndex((c) => c.function === 'malloc'),
      calls.findIndex((c) => c.function === 'free'),
      calls.length - 1,
    ];
    for (const i of picks) {
      const c = calls[i];
      expect(c.exitInstret).toBe(c.entryInstret + 1);
      s.seekStep(c.entryInstret);
      const before = s.allocator();
      const beforeHash = s.stateHash();
      s.step();
      const after = s.allocator();
      expect(after).not.toEqual(before);
      expect(after).toEqual(viewAt(c.entryInstret + 1).view);
      s.stepBack();
      expect(s.position().step).toBe(c.entryInstret);
      expect(s.allocator()).toEqual(before);
      expect(s.stateHash()).toBe(beforeHash);
      const r = viewAt(c.entryInstret);
      expect({ view: s.allocator(), hash: s.stateHash() }).toEqual(r);
    }
  });

  it('a breakpoint on a served entry point stops before the call, forward and backward; step over it', () => {
    const s = open();
    const malloc = program.symbols.get('malloc')?.address as number;
    const mallocs = calls.filter((c) => c.function === 'malloc').map((c) => c.entryInstret);
    s.seekStep(0);
    expect(s.runToBreakpoint({ symbol: 'malloc' }).position).toMatchObject({ step: mallocs[0], pc: malloc });
    expect(s.runToBreakpoint({ symbol: 'malloc' }).position.step).toBe(mallocs[1]);
    s.seekStep(mallocs[30] + 1);
    expect(s.runToBreakpoint({ symbol: 'malloc' }, 'backward').position.step).toBe(mallocs[30]);
    // Step over the call into malloc: the served call returns at once, to the next instruction.
    s.stepBack();
    const call = s.position();
    expect(s.stepOver()).toMatchObject({ step: mallocs[30] + 1, pc: (call.pc as number) + 4 });
  });
});

describe('mtrace: line breakpoints, watchpoints, who touched this, history', () => {
  const script = generateMtrace({ seed: 3, accesses: 4000, mode: 'persistent', window: 256 });
  const program = parseMtrace(script);
  const ts = stepTimestamps(program);
  const open = () => {
    const s = Session.open('mtrace', new TextEncoder().encode(script), { checkpointInterval: 128 });
    s.run();
    return s;
  };
  const touches = (i: number, as: number, addr: number, len: number, writesOnly = false) =>
    (program.op[i] === OP_READ || program.op[i] === OP_WRITE) &&
    (!writesOnly || program.op[i] === OP_WRITE) &&
    program.addressSpace[i] === as &&
    program.pointer[i] < addr + len &&
    program.pointer[i] + program.size[i] > addr;
  const steps = (pred: (i: number) => boolean) =>
    Array.from({ length: program.count }, (_, i) => i).filter(pred);

  it('line breakpoints forward and backward', () => {
    const s = open();
    s.seekStep(10);
    const line = program.line[500];
    expect(s.runToBreakpoint({ line })).toMatchObject({
      reason: 'breakpoint',
      position: { step: 500, line },
    });
    s.seekStep(900);
    expect(s.runToBreakpoint({ line }, 'backward').position.step).toBe(500);
    expect(() => s.runToBreakpoint({ line: 1e9 })).toThrow(/no directive on line/);
  });

  it('watchpoints, any access and writes only, both directions', () => {
    const s = open();
    for (const writesOnly of [false, true]) {
      const i = program.count >> 1;
      const as = program.addressSpace[i];
      const [addr, len] = [program.pointer[i], 4];
      const hits = steps((k) => touches(k, as, addr, len, writesOnly));
      const from = 300;
      s.seekStep(from);
      const fwd = s.runToWatchpoint({ addressSpace: as, addr, len, writesOnly });
      expect(fwd.position.step).toBe(hits.find((k) => k > from));
      const before = fwd.position.step;
      const bwd = s.runToWatchpoint({ addressSpace: as, addr, len, writesOnly }, 'backward');
      expect(bwd.position.step).toBe([...hits].reverse().find((k) => k < before) ?? 0);
    }
  });

  it('the previous and next access of a block, and its history', () => {
    const s = open();
    const i = 3000;
    const [as, addr, len] = [program.addressSpace[i], program.pointer[i], program.size[i]];
    const hits = steps((k) => touches(k, as, addr, len));
    s.seekStep(2500);
    const prev = s.runToAccess(as, addr, len, 'previous');
    const expectedPrev = [...hits].reverse().find((k) => k < 2500) as number;
    expect(prev.position.step).toBe(expectedPrev);
    expect(prev.hit?.timestamp).toBe(ts[expectedPrev]);
    s.seekStep(2500);
    const next = s.runToAccess(as, addr, len, 'next');
    expect(next.position.step).toBe(hits.find((k) => k > 2500));
    s.seekStep(2500);
    const history = s.blockHistory(as, addr, len, 5);
    const expected = hits
      .filter((k) => k < 2500)
      .slice(-5)
      .map((k) => ts[k]);
    expect(Array.from(history.timestamp)).toEqual(expected);
    expect(history.more).toBe(hits.filter((k) => k < 2500).length > 5);
    expect(s.position().step).toBe(2500);
    const none = s.runToAccess(2, 1 << 28, 4, 'previous');
    expect(none.reason).toBe('none');
  });
});

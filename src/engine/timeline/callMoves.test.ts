// Step out (forward and back), reverse step over, a block's paged access history with pcs, read-only
// watchpoints and which breakpoint or watchpoint a stop is for — each against a reference computed
// independently: a fresh session stepped one instruction at a time keeping its own shadow call stack
// (a call is jal/jalr writing ra; it returns when pc = the call's pc + 4 with the caller's sp again).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, needs, SHARED_GUESTS, sharedFile } from '../guest/fixtures.testutil';
import { Session } from '../session';
import { readBytes } from './reference.testutil';

const hashmap = () => Session.open('guest', readBytes(path.join(EXAMPLES, 'hashmap.elf')));

interface Frame {
  entry: number;
  ret: number;
  sp: number;
}

/**
 * Steps a fresh session from `from` (the stack is empty there) to `upTo`, returning the shadow call stack
 * at each step (indexed by step; earlier ones empty).
 */
function shadowStacks(s: Session, upTo: number, from = 0): Frame[][] {
  const stack: Frame[] = [];
  const out: Frame[][] = Array.from({ length: from }, () => []);
  s.seekStep(from);
  const words = s.opened.kind === 'guest' ? s.opened.machine.program.elf : null;
  for (let step = from; step <= upTo; step++) {
    const p = s.position();
    const regs = s.registers();
    const top = stack.at(-1);
    if (top !== undefined && p.pc === top.ret && regs[2] === top.sp) stack.pop();
    out.push(stack.slice());
    const w = words!.instructions[(p.pc! - words!.pcBase) / 4];
    const op = w & 0x7f;
    const call = (op === 0x6f || op === 0x67) && ((w >>> 7) & 31) === 1;
    if (s.step(1).step === step) break;
    if (call) stack.push({ entry: step + 1, ret: p.pc! + 4, sp: regs[2] });
  }
  return out;
}

/** The first step after `from` where the frame has returned (pc = ret, sp restored). */
function returnStep(s: Session, from: number, f: Frame): number {
  s.seekStep(from);
  for (;;) {
    const p = s.step(1);
    if (p.pc === f.ret && s.registers()[2] === f.sp) return p.step;
    if (p.status !== 'paused') throw new Error('no return');
  }
}

describe('step out and reverse step over (guests)', () => {
  it('steps out of memcmp in hashmap forward and back, as a shadow call stack says', () => {
    const s = hashmap();
    const stop = s.runToBreakpoint({ symbol: 'memcmp' });
    expect(stop.reason).toBe('breakpoint');
    const at = s.step(5).step;
    // The shadow stack starts at the call (the state before memcmp's first instruction is a call to it).
    // The reference steps the same recording one instruction at a time (stepping is checked elsewhere).
    const stacks = shadowStacks(s, at, stop.position.step - 1);
    const frame = stacks[at].at(-1)!;
    expect(frame.entry).toBe(stop.position.step);
    const expected = returnStep(s, at, frame);
    s.seekStep(at);
    const out = s.stepOut('forward');
    expect(out.step).toBe(expected);
    expect(out.pc).toBe(frame.ret);
    s.seekStep(at);
    expect(s.stepOut('backward').step).toBe(frame.entry - 1);
    // Reverse step over from just after the return: over the whole call, back to the call instruction.
    s.seekStep(out.step);
    expect(s.reverseStepOver().step).toBe(frame.entry - 1);
    // ...and from inside a function, one instruction back.
    s.seekStep(at);
    expect(s.reverseStepOver().step).toBe(at - 1);
  });

  it.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci_recursive.elf')))(
    'finds the current call among recursive calls that already returned (fibonacci_recursive)',
    () => {
      const open = () =>
        Session.open('guest', readBytes(path.join(SHARED_GUESTS, 'fibonacci_recursive.elf')), {
          input: '0x010a000000000000000000000000000000000000000000000000000000000000',
        });
      const s = open();
      const fib = 0x200874;
      // The 6th entry into fibonacci, then a few instructions in: earlier recursive calls have returned.
      for (let k = 0; k < 6; k++) expect(s.runToBreakpoint({ pc: fib }).reason).toBe('breakpoint');
      const at = s.step(12).step;
      const stacks = shadowStacks(open(), at);
      const frame = stacks[at].at(-1)!;
      expect(s.stepOut('forward').step).toBe(returnStep(open(), at, frame));
      s.seekStep(at);
      expect(s.stepOut('backward').step).toBe(frame.entry - 1);
    },
  );

  it('refuses where there is no call frame, leaving the position', () => {
    const s = Session.open('mtrace', readBytes(path.join(EXAMPLES, 'split.mtrace')));
    s.step(1);
    expect(() => s.stepOut()).toThrow(/only guest runs/);
    expect(s.position().step).toBe(1);
    expect(s.reverseStepOver().step).toBe(0);
  });
});

describe('access history with pcs, read and write watchpoints', () => {
  it('pages a block history beyond a page, each access with the pc that made it', () => {
    const s = hashmap();
    s.step(60_000);
    // sp's register (AS1 cells 8..11) is touched by most instructions.
    const all = s.blockHistory(1, 8, 4, 40);
    const p1 = s.accessHistory(1, 8, 4, 25);
    const p2 = s.accessHistory(1, 8, 4, 15, p1.timestamp[0]);
    expect([...p2.timestamp, ...p1.timestamp]).toEqual([...all.timestamp]);
    expect(p1.more && p2.more).toBe(true);
    // Reference pcs: seek before each access and read pc.
    const ref = Session.open('guest', readBytes(path.join(EXAMPLES, 'hashmap.elf')));
    for (let i = 0; i < p2.count; i++) {
      ref.seek(p2.timestamp[i]);
      expect(p2.pc![i]).toBe(ref.position().pc);
    }
    expect(p1.functions.every((f) => f.length > 0)).toBe(true);
    expect(s.position().step).toBe(60_000);
  });

  it('stops on reads only, writes only or both, and says which watchpoint a stop is for', () => {
    const s = hashmap();
    s.step(50_000);
    const sp = { addressSpace: 1, addr: 8, len: 4 };
    const ra = { addressSpace: 1, addr: 4, len: 4 };
    const r = s.run({ watchpoints: [ra, { ...sp, readsOnly: true }], direction: 'forward' });
    expect(r.reason).toBe('watchpoint');
    if (r.hit!.pointer === 8) {
      expect(r.hit!.write).toBe(false);
      expect(r.matched!.watchpoints).toEqual([1]);
    } else expect(r.matched!.watchpoints).toEqual([0]);
    const w = s.run({ watchpoints: [{ ...sp, writesOnly: true }] });
    expect(w.hit!.write).toBe(true);
    expect(w.matched).toEqual({ breakpoints: [], watchpoints: [0] });
    const b = s.run({ breakpoints: [{ symbol: 'memcmp' }, { pc: 0 }], direction: 'backward' });
    if (b.reason === 'breakpoint') expect(b.matched!.breakpoints).toEqual([0]);
    expect(() => s.run({ watchpoints: [{ ...sp, readsOnly: true, writesOnly: true }] })).toThrow(
      /watch nothing/,
    );
    const pw = s.position().step;
    const prev = s.runToAccess(1, 8, 4, 'previous', true);
    expect(prev.hit!.write).toBe(true);
    expect(prev.position.step).toBeLessThan(pw);
  });
});

// Moving a guest run by source line (DWARF line table, guest/dwarf): Step (into calls), Step over (calls
// run to their return: Session.stepOver), Step back (to the start of the previous line, over calls); and
// the call stack at the current position (guest/debuginfo/dwarf/callStack.ts). The way gdb's step/next/reverse-next
// move (gdb 13 infrun): a forward move stops at the first instruction of a statement row of another line
// (Step over: not inside calls, inlined ones included), or — stepping into a function — after its prologue; landing in the middle of
// another line (a return) makes that line the current one; stepping back stops at the first instruction
// of the previous line's run of instructions, skipping callee frames (a lower stack pointer).
// Invariants: without line information at the pc every move is one instruction; a move never takes more
// than MAX_STEPS instructions (it then stops where it is); the end and the start of the run stop a move.

import { callStack, type StackFrame } from '../guest/debuginfo/dwarf/callStack';
import { debugInfoOf } from '../guest/debuginfo/dwarf/debugInfo';
import type { LineEntry } from '../guest/debuginfo/dwarf/lineTable';
import { OP_JAL, OP_JALR } from '../guest/isa/opcodes';
import type { OpenedRun } from './openRun';
import type { Position } from './sessionTypes';

/**
 * The moves and reads of a Session that source stepping uses. Structural (session.ts satisfies it), so
 * that this module, which session.ts calls, does not import the session back up a layer.
 */
export interface SteppableSession {
  readonly opened: OpenedRun;
  position(): Position;
  step(count?: number): Position;
  stepBack(count?: number): Position;
  stepOver(): Position;
  seekStep(step: number): Position;
  registers(): Uint32Array;
}

const MAX_STEPS = 1_000_000;
const SP = 2;

export type SourceMove = 'into' | 'over' | 'back';

function guestOf(session: SteppableSession) {
  const o = session.opened;
  return o.kind === 'guest' ? o.machine : null;
}

const sameLine = (a: LineEntry, b: LineEntry) => a.line === b.line && a.file === b.file;

/** True when the instruction at pc is a call (jal/jalr writing ra), as Session.stepOver sees it. */
function isCall(session: SteppableSession, pc: number): boolean {
  const m = guestOf(session);
  if (m === null) return false;
  const code = m.program.decoded.code[(pc - m.program.decoded.pcBase) / 4];
  return (
    code !== undefined &&
    ((code & 0xff) === OP_JAL || (code & 0xff) === OP_JALR) &&
    ((code >>> 8) & 0xff) === 4
  );
}

export function stepSource(session: SteppableSession, how: SourceMove): void {
  const m = guestOf(session);
  const debug = m === null ? null : debugInfoOf(m.program);
  const pc0 = session.position().pc;
  const start = debug === null || pc0 === null ? null : debug.lineAt(pc0);
  if (debug === null || start === null || start.line === 0) {
    if (how === 'back') session.stepBack(1);
    else if (how === 'over') session.stepOver();
    else session.step(1);
    return;
  }
  if (how === 'back') return stepBack(session, start);
  let current = start;
  // Step over also steps over inlined calls (as gdb's next does): deeper inline levels of the same
  // function are not places to stop.
  // Stopped at the start of an inlined call (its call site is what is shown): that call is still ahead.
  const startChain = debug.scopesAt(pc0!).slice(debug.inlineEntriesAt(pc0!));
  const deeperInline = (pc: number) => {
    const chain = debug.scopesAt(pc);
    return chain.length > startChain.length && chain[chain.length - 1] === startChain[startChain.length - 1];
  };
  for (let n = 0; n < MAX_STEPS;) {
    const before = session.position();
    if (how === 'over' && before.pc !== null && isCall(session, before.pc)) session.stepOver();
    else session.step(1);
    const p = session.position();
    if (p.step === before.step || p.pc === null) return; // the end of the run
    n += p.step - before.step;
    const e = debug.lineAt(p.pc);
    if (e === null) continue; // code without line information: on until there is some
    if (e.line === 0) continue; // compiler-generated code with no line: not a place to stop
    if (how === 'over' && deeperInline(p.pc)) {
      // gdb's next stops at the start of an inlined call first (showing the call's line), then steps over it
      // (unless the call is on the line being stepped: then it is part of that line)
      const n = debug.inlineEntriesAt(p.pc);
      const outer = n > 0 ? debug.scopes[debug.scopesAt(p.pc)[n - 1]] : null;
      if (
        outer !== null &&
        !startChain.includes(debug.scopesAt(p.pc)[0]) &&
        (outer.callLine !== current.line || outer.callFile !== current.file)
      )
        return;
      continue;
    }
    const fn = debug.functionRangeAt(p.pc);
    if (how === 'into' && fn !== null && p.pc === fn[0]) {
      // Stepped into a function: stop after its prologue, where `break FUNCTION` would.
      const body = debug.lines.afterPrologue(fn[0], fn[1]);
      for (let k = 0; k < MAX_STEPS && session.position().pc !== body; k++)
        if (session.step(1).step === p.step + k) break;
      return;
    }
    if (p.pc === e.address && !sameLine(e, current)) {
      if (e.isStmt) return; // the start of another line
      continue; // a row that is not a statement: look further
    }
    if (p.pc !== e.address && !sameLine(e, current)) current = e; // into the middle of another line: its rest is this step's
  }
}

function stepBack(session: SteppableSession, start: LineEntry): void {
  const m = guestOf(session)!;
  const debug = debugInfoOf(m.program);
  const sp0 = session.registers()[SP];
  let target: LineEntry | null = null;
  let earliest = -1; // the earliest state seen of the target line's run, in this frame
  for (let n = 0; n < MAX_STEPS && session.position().step > 0; n++) {
    session.stepBack(1);
    const pc = session.position().pc;
    const e = pc === null ? null : debug.lineAt(pc);
    if (session.registers()[SP] < sp0 || e === null || e.line === 0) continue; // inside a callee, or no line
    if (target === null && sameLine(e, start)) continue;
    if (target === null) target = e;
    if (!sameLine(e, target)) break;
    earliest = session.position().step;
  }
  if (earliest >= 0 && session.position().step !== earliest) session.seekStep(earliest);
}

/** The call stack at the current position (innermost first, inlined calls as their own frames). */
export function sessionCallStack(session: SteppableSession): StackFrame[] {
  const m = guestOf(session);
  const pc = session.position().pc;
  if (m === null || pc === null) return [];
  const debug = debugInfoOf(m.program);
  const memory = m.memory.space(2);
  const readWord = (a: number): number | null => {
    if (a % 4 !== 0 || a + 4 > memory.hostCells) return null;
    return m.memory.peekWord(2, a);
  };
  const symbolAt = (p: number) => {
    const f = m.program.symbols.functionAt(p);
    return f === undefined ? null : f.symbol.displayName;
  };
  return callStack(pc, session.registers(), readWord, debug.callFrames, debug, symbolAt);
}

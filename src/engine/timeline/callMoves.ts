// Moves by call frame on a guest recording: Step out (gdb's `finish`), Reverse step out (gdb's
// `reverse-finish`) and Reverse step over by instruction (gdb's `reverse-nexti`). They need no unwinder:
// the recording holds the entry of the current call. Its function is the symbol containing pc; its entry
// is the latest earlier state at the function's first instruction whose call has not returned yet, and at
// that state ra is the return address and sp the caller's stack pointer. Step out then runs forward to the
// first state with pc = that ra and sp = that sp (the instruction after the call, as Session.stepOver's
// probe finds it); reverse step out goes to the state before the entry (the call instruction itself).
// Invariants: a move that cannot be made (pc in no function symbol, the entry not recorded, a script run)
// throws EngineError('request') and the caller (Session.guarded) restores the position. Cost: one reverse
// search per recursion level above the current call, plus one forward replay per candidate entry.

import { EngineError } from '../errors';
import type { MachineState } from './machines/machine';
import type { OpenedRun } from './openRun';
import { AnyProbe, PcProbe } from './queries/probes';
import { searchBackward, searchForward } from './queries/search';
import type { Timeline } from './recording/timeline';

const bad = (message: string) => new EngineError('request', message);
const RA = 4; // x1, at byte address 4 of AS1
const SP = 8; // x2
/** Recursion levels examined before giving up (each costs a reverse search). */
const MAX_CANDIDATES = 256;

type GuestRun = Extract<OpenedRun, { kind: 'guest' }>;

function guestOf(run: OpenedRun, what: string): GuestRun {
  if (run.kind !== 'guest') throw bad(`${what} moves by call frames: only guest runs have them`);
  return run;
}

/** Where the current call was entered: the state at the function's first instruction, and ra / sp there. */
export interface CallEntry {
  step: number;
  function: string;
  returnAddress: number;
  sp: number;
}

/** The entry of the call the current position is in (the position is left at the entry). */
export function currentCallEntry<S extends MachineState>(run: OpenedRun, tl: Timeline<S>): CallEntry {
  const g = guestOf(run, 'Step out');
  const { interpreter, program, memory } = g.machine;
  const here = tl.step;
  const pc = interpreter.pc;
  const fn = program.symbols.functionAt(pc);
  if (fn === undefined)
    throw bad(`pc 0x${pc.toString(16)} is in no function symbol: step out needs the function's entry`);
  const name = fn.symbol.displayName;
  const start = fn.symbol.address;
  let candidate = here;
  for (let n = 0; n < MAX_CANDIDATES; n++) {
    // The current state may itself be the entry (pc at the first instruction, not yet run).
    if (!(candidate === here && pc === start)) {
      const r = searchBackward(tl, new AnyProbe([new PcProbe(interpreter, [start])]));
      if (r.reason !== 'hit') throw bad(`the entry of \`${name}\` is not in the recording`);
    }
    const entry: CallEntry = {
      step: tl.step,
      function: name,
      returnAddress: memory.peekWord(1, RA),
      sp: memory.peekWord(1, SP),
    };
    if (entry.step === here) return entry;
    // A recursive call of the same function that already returned before `here` is not the current call.
    const r = searchForward(
      tl,
      new AnyProbe([new PcProbe(interpreter, [entry.returnAddress], entry.sp)]),
      here - entry.step,
    );
    const returned = r.reason === 'hit' && tl.step <= here;
    tl.seekStep(entry.step);
    if (!returned) return entry;
    candidate = entry.step;
  }
  throw bad(`more than ${MAX_CANDIDATES} recursive calls of \`${name}\`: step out gave up`);
}

/**
 * Step out: forward to the instruction after the call the position is in (its return), or backward to the
 * call instruction that entered it. Returns the function stepped out of.
 */
export function stepOut<S extends MachineState>(
  run: OpenedRun,
  tl: Timeline<S>,
  direction: 'forward' | 'backward',
): string {
  const here = tl.step;
  const entry = currentCallEntry(run, tl);
  if (direction === 'backward') {
    tl.seekStep(Math.max(0, entry.step - 1));
    return entry.function;
  }
  tl.seekStep(here);
  const { interpreter } = (run as GuestRun).machine;
  const r = searchForward(
    tl,
    new AnyProbe([new PcProbe(interpreter, [entry.returnAddress], entry.sp)]),
    Number.POSITIVE_INFINITY,
  );
  if (r.reason !== 'hit' && r.reason !== 'end') throw bad(`\`${entry.function}\` did not return`);
  return entry.function;
}

/** True for `ret` (jalr x0, 0(ra)): the instruction word 0x00008067. */
function isReturn(word: number | undefined): boolean {
  return (
    word !== undefined && (word & 0x7f) === 0x67 && ((word >>> 7) & 31) === 0 && ((word >>> 15) & 31) === 1
  );
}

/**
 * Reverse step over by instruction: one instruction back, and when that instruction was a callee's return,
 * back over the whole call to the call instruction. Scripts: one step back.
 */
export function reverseStepOver<S extends MachineState>(run: OpenedRun, tl: Timeline<S>): void {
  if (tl.step === 0) return;
  tl.seekStep(tl.step - 1);
  if (run.kind !== 'guest') return;
  const { interpreter, program } = run.machine;
  const words = program.elf.instructions;
  const word = words[(interpreter.pc - program.elf.pcBase) / 4];
  if (isReturn(word)) stepOut(run, tl, 'backward');
}

// The call stack at a position of a guest run: the physical frames walked through the return-address
// chain with the .debug_frame rules (callFrameInfo.ts), each expanded into its inlined calls
// (debugInfo.ts framesAt), innermost first — what gdb's `bt` prints. Caller frames are looked up at the
// return address minus 4 (the call instruction), as debuggers do, so their line is the call's line.
// Invariants: pure (guest memory is read through `readWord`); at most MAX_FRAMES physical frames; the walk
// stops at a pc without call-frame information, a zero or repeated return address, or an unreadable word.
// Known limit (shared with gdb): clang 14 emits no CFI for RV32 epilogues, so at the few instructions
// between restoring sp and `ret` the caller frames are wrong.

import { EngineError } from '../../../errors';
import type { CallFrameInfo } from './callFrameInfo';
import type { DebugInfo, SourceFrame } from './debugInfo';

const MAX_FRAMES = 64;
const RA = 1;

export interface StackFrame extends SourceFrame {
  /** The frame's pc: the current pc for frame 0, the return address for callers (inlined frames share it). */
  pc: number;
  /** Index of the physical frame (0 = the current function). */
  level: number;
}

export function callStack(
  pc: number,
  registers: Uint32Array,
  readWord: (address: number) => number | null,
  cfi: CallFrameInfo,
  debug: DebugInfo,
  symbolAt: (pc: number) => string | null,
): StackFrame[] {
  const regs = Array.from(registers);
  const frames: StackFrame[] = [];
  let framePc = pc;
  for (let level = 0; level < MAX_FRAMES; level++) {
    const lookup = level === 0 ? framePc : framePc - 4;
    const inner = debug.framesAt(lookup);
    if (inner.length === 0)
      frames.push({
        function: symbolAt(lookup) ?? '??',
        file: null,
        line: 0,
        column: 0,
        inlined: false,
        pc: framePc,
        level,
      });
    for (const f of inner) frames.push({ ...f, pc: framePc, level });
    let row;
    try {
      row = cfi.rowAt(lookup);
    } catch (e) {
      if (e instanceof EngineError) break;
      throw e;
    }
    if (row === null) break;
    const cfa = (regs[row.cfaRegister] + row.cfaOffset) >>> 0;
    const next = regs.slice();
    let readable = true;
    for (const [reg, rule] of row.rules) {
      if (reg >= 32) continue;
      if (rule.kind === 'offset') {
        const v = readWord((cfa + rule.offset) >>> 0);
        if (v === null) readable = false;
        else next[reg] = v;
      } else if (rule.kind === 'register') next[reg] = regs[rule.register] ?? 0;
      else if (rule.kind === 'undefined') next[reg] = 0;
    }
    if (!readable) break;
    next[2] = cfa;
    const ret = next[RA] >>> 0;
    if (ret === 0 || (ret === framePc && cfa === regs[2])) break;
    regs.splice(0, 32, ...next);
    framePc = ret;
  }
  return frames;
}

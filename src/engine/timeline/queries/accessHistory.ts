// A block's access history page by page, each access with the pc of the instruction that made it and its
// function (the Block inspector's history, paged beyond the frame's 32). blockHistory.ts finds the accesses
// (OpenVM's metadata says which checkpoint intervals to replay); the pcs come from seeking to the step of
// each access (ascending, so each seek replays forward from the previous one inside an interval).
// Paging: `before` asks for the accesses with timestamps < before, the latest `limit` of them. An
// instruction may access the block several times (a precompile's 16-cell reads of a 32-cell block), so the
// page is read at the state after the instruction holding `before` and the later accesses are dropped.
// Invariants: the position is restored; results are exact (as blockHistory's).

import type { TracingMemory } from '../../memory/tracingMemory';
import type { MachineState } from '../machines/machine';
import type { Timeline } from '../recording/timeline';
import { type AccessList, blockHistory, toAccessList } from './blockHistory';

/** Accesses one instruction makes to one block beyond the page (a page reads this many more to drop them). */
const SAME_STEP_SLACK = 64;

export interface AccessHistoryPage extends AccessList {
  /** Guests: the pc of the instruction that made each access; null for scripts. */
  pc: Uint32Array | null;
  /** Guests: the function containing each pc ('' where no symbol covers it). */
  functions: string[];
}

export interface AccessSiteSources {
  /** The pc of the next instruction at the current position (guests). */
  pc?: () => number;
  /** The function containing a pc (guests). */
  functionAt?: (pc: number) => string | undefined;
}

export function accessHistoryPage<S extends MachineState>(
  tl: Timeline<S>,
  memory: TracingMemory,
  sources: AccessSiteSources,
  range: { addressSpace: number; addr: number; len: number },
  limit: number,
  before?: number,
): AccessHistoryPage {
  const here = tl.step;
  const { addressSpace: as, addr, len } = range;
  try {
    let list: AccessList;
    if (before === undefined) list = blockHistory(tl, memory, as, addr, len, limit);
    else {
      tl.seekStep(Math.min(here, tl.stepAtTimestamp(before) + 1));
      const wide = blockHistory(tl, memory, as, addr, len, limit + SAME_STEP_SLACK);
      let n = wide.count;
      while (n > 0 && wide.timestamp[n - 1] >= before) n--;
      const from = Math.max(0, n - limit);
      const rows = Array.from({ length: n - from }, (_, k) => ({
        t: wide.timestamp[from + k],
        tPrev: wide.tPrev[from + k],
        as: wide.addressSpace[from + k],
        ptr: wide.pointer[from + k],
        size: wide.size[from + k],
        write: wide.write[from + k] === 1,
      }));
      list = toAccessList(rows, from > 0 || wide.more);
    }
    let pc: Uint32Array | null = null;
    if (sources.pc !== undefined) {
      pc = new Uint32Array(list.count);
      for (let i = 0; i < list.count; i++) {
        tl.seekStep(tl.stepAtTimestamp(list.timestamp[i]));
        pc[i] = sources.pc();
      }
    }
    const functions = pc === null ? [] : Array.from(pc, (p) => sources.functionAt?.(p) ?? '');
    return { ...list, pc, functions };
  } finally {
    if (tl.step !== here) tl.seekStep(here);
  }
}

// Metering a run whose allocator calls orthotope serves (guest/alloc/allocInterposer.ts, the debugged run's
// allocator interposition `orthotope`): the metered run is that run, instruction for instruction.
// How a served call is counted (the interposer's own accounting, allocInterposer.ts header):
//   * it is ONE instruction (the interposer adds 1 to instret and returns to ra), in a frame of its own,
//     "<entry point> [orthotope]", a callee of the caller, so none of the guest allocator's internals appear;
//   * it has no chip row: no OpenVM chip executes it (the guest's allocator code, which OpenVM would prove,
//     does not run). Its traced writes (the model's arena words in AS2, the result in a0) are memory
//     accesses like any other: their adapter records, boundary and Merkle rows are counted and charged to
//     the served frame (the access hook, as for any instruction the access plan cannot foresee);
//   * after it the walker pops back to the caller (the interposer returns without a JALR: a RETURN link).
// The entry point's word never executes as itself (the serving hook always serves or fails the run), so
// its static tables are rewritten here.
// Cost: O(entry points) at setup; one hook call per served call.

import { allocatorEntryPoints } from '../guest/alloc/allocCalls';
import type { GuestProgram } from '../guest/program/guestProgram';
import { type FunctionTable, RETURN } from './attribution/callStacks';
import { MEM_HOOKED } from './segments/accessPlan';

/** The frame name of a served entry point (the names of every entry point at that address). */
export function servedFrameName(names: readonly string[]): string {
  return `${names.join('|')} [orthotope]`;
}

/**
 * Gives every allocator entry point of `program` its served frame and no chip row or foreseen access.
 * Call before the stack trie is built (it adds function names). Returns the entry points' instruction indices.
 */
export function markServedCalls(
  program: GuestProgram,
  functions: FunctionTable,
  tables: { airOf: Int16Array; dynamic: Uint8Array; regMask: Uint16Array; memKind: Uint8Array },
): number[] {
  const { pcBase, code } = program.decoded;
  const served: number[] = [];
  for (const [address, names] of allocatorEntryPoints(program)) {
    const idx = (address - pcBase) / 4;
    if (!Number.isInteger(idx) || idx < 0 || idx >= code.length) continue;
    functions.funcOf[idx] = functions.names.length;
    functions.names.push(servedFrameName(names));
    functions.linkKind[idx] = RETURN;
    tables.airOf[idx] = -1;
    tables.dynamic[idx] = 0;
    tables.regMask[idx] = 0;
    tables.memKind[idx] = MEM_HOOKED;
    served.push(idx);
  }
  return served;
}

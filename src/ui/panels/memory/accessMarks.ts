// The current step's accesses as the lanes highlight them: per cell of one address space, whether the step
// read it, wrote it, or both (an instruction like `addi a0, a0, 1` reads and writes the same register).
import type { StepAccess } from '../../../engine/views/frameTypes';

export const READ = 1;
export const WRITE = 2;

/** Cell address -> READ | WRITE bits, for the accesses of one address space. */
export function accessMarks(accesses: readonly StepAccess[], addressSpace: number): Map<number, number> {
  const marks = new Map<number, number>();
  for (const a of accesses) {
    if (a.addressSpace !== addressSpace) continue;
    const bit = a.write ? WRITE : READ;
    for (let p = a.pointer; p < a.pointer + a.size; p++) marks.set(p, (marks.get(p) ?? 0) | bit);
  }
  return marks;
}

export function markName(bits: number): 'read' | 'write' | 'read-write' | null {
  if (bits === (READ | WRITE)) return 'read-write';
  if (bits === WRITE) return 'write';
  if (bits === READ) return 'read';
  return null;
}

/** The accesses of one space, for the overview's markers ([pointer, pointer + size), read or write). */
export function accessesIn(accesses: readonly StepAccess[], addressSpace: number): StepAccess[] {
  return accesses.filter((a) => a.addressSpace === addressSpace);
}

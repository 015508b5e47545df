// The accesses of one heap-adapter step (algebra, ECC, Int256) grouped as its chip's adapter makes them
// (OpenVM v1.7 extensions/rv32-adapters/src/{vec_heap,heap,heap_branch}.rs read/write, and
// extensions/algebra/circuit/src/modular_chip/is_eq.rs Rv32IsEqualModAdapterExecutor): first the register
// reads (rs1, [rs2], [rd]: the operands' pointers), then each operand's N blocks in address order, then the
// result — the rd pointer's blocks (vec heap), the rd register itself (is_eq), or nothing (branches).
// Built from the step's real accesses (StepView.accesses, re-executed by the window query), not from the
// chip's expected shape: the expected shape only says which register read is which and how many operands
// share the heap reads. A step whose accesses do not have that shape gives null (nothing is guessed).
// Pure; O(accesses of the step).

import { REG_NAMES } from '../guest/isa/registerNames';
import type { AlgebraInstruction } from '../guest/extensions/algebra/algebraDecode';
import type { StepAccess } from './frameTypes';
import type { OperandAccesses, OperandBlocks, RegisterRead } from './operandTypes';

const REGISTER_AS = 1;
const HEAP_AS = 2;

export type RegisterRole = RegisterRead['role'];

/**
 * The register reads an algebra / ECC chip's adapter makes, in order (vec heap: rs1, rs2, rd; EC_DOUBLE:
 * rs1, rd; is_eq: rs1, rs2), or null for words that are no heap-adapter chip (phantom hints, the NOP).
 */
export function algebraRegisterRoles(ins: AlgebraInstruction): RegisterRole[] | null {
  if (ins.phantom || ins.op === 'NOP') return null;
  if (ins.op === 'IS_EQ' || ins.op === 'SETUP_ISEQ') return ['rs1', 'rs2'];
  if (ins.op === 'EC_DOUBLE' || ins.op === 'SETUP_EC_DOUBLE') return ['rs1', 'rd'];
  return ['rs1', 'rs2', 'rd'];
}

function blocks(
  label: string,
  role: OperandBlocks['role'],
  register: string,
  list: StepAccess[],
): OperandBlocks {
  const first = list[0];
  return {
    label,
    role,
    register,
    addressSpace: first.addressSpace,
    pointer: first.pointer,
    bytes: list.reduce((n, a) => n + a.size, 0),
    blockSize: first.size,
    write: first.write,
    timestamps: list.map((a) => a.timestamp),
    contiguous: list.every((a, k) => k === 0 || a.pointer === list[k - 1].pointer + list[k - 1].size),
  };
}

/**
 * The step's accesses grouped per operand, given the register reads its adapter makes in order (`roles`),
 * or null for accesses without that adapter's shape.
 */
export function groupOperandAccesses(roles: RegisterRole[], accesses: StepAccess[]): OperandAccesses | null {
  if (accesses.length < roles.length || !roles.some((r) => r !== 'rd')) return null;
  const regs = accesses.slice(0, roles.length);
  if (regs.some((a) => a.addressSpace !== REGISTER_AS || a.write)) return null;
  const registerReads = regs.map((a, k) => ({
    role: roles[k],
    register: REG_NAMES[a.pointer / 4] ?? `x${a.pointer / 4}`,
    timestamp: a.timestamp,
  }));
  const rest = accesses.slice(roles.length);
  const reads = rest.filter((a) => a.addressSpace === HEAP_AS && !a.write);
  const writes = rest.filter((a) => a.write);
  const inputs = registerReads.filter((r) => r.role !== 'rd');
  // The adapter reads every operand's blocks, then writes: reads first, the same number per operand.
  if (reads.length + writes.length !== rest.length || reads.length % inputs.length !== 0) return null;
  const firstWrite = rest.findIndex((a) => a.write);
  if (firstWrite !== -1 && firstWrite !== reads.length) return null;
  const n = reads.length / inputs.length;
  const operands = inputs.map((r, i) =>
    blocks(`operand ${i + 1}`, r.role, r.register, reads.slice(i * n, (i + 1) * n)),
  );
  let result: OperandBlocks | null = null;
  if (writes.length > 0) {
    const rd = registerReads.find((r) => r.role === 'rd');
    const register =
      rd?.register ??
      (writes[0].addressSpace === REGISTER_AS ? (REG_NAMES[writes[0].pointer / 4] ?? '?') : '?');
    result = blocks('result', 'rd', register, writes);
  }
  return { registerReads, operands, result };
}

const hex = (n: number) => `0x${n.toString(16)}`;

/** `t=5` or `t=5..7` for consecutive timestamps, else the list. */
function times(ts: number[]): string {
  if (ts.length === 1) return `t=${ts[0]}`;
  const consecutive = ts.every((t, k) => k === 0 || t === ts[k - 1] + 1);
  return consecutive ? `t=${ts[0]}..${ts.at(-1)}` : `t=${ts.join(', ')}`;
}

/**
 * "operand 1 (rs1 = a1) @0x20e0c0 48 B = 3 reads of 16 B at t=104..106"; the result of is_eq:
 * "result → rd (a0) AS1 4 B = 1 write at t=9".
 */
export function operandText(o: OperandBlocks): string {
  const what = o.write ? 'write' : 'read';
  const n = o.timestamps.length;
  const each = n === 1 ? `1 ${what}` : `${n} ${what}s of ${o.blockSize} B`;
  const where =
    o.addressSpace === REGISTER_AS
      ? `→ ${o.role} (${o.register}) in AS1, ${o.bytes} B`
      : `(${o.role} = ${o.register}) @${hex(o.pointer)} ${o.bytes} B`;
  const gap = o.contiguous ? '' : ' (not contiguous)';
  return `${o.label} ${where} = ${each}${gap} at ${times(o.timestamps)}`;
}

/** "registers: rs1 (a1) t=101, rs2 (a2) t=102, rd (a0) t=103". */
export function registerReadsText(reads: RegisterRead[]): string {
  return `register reads: ${reads.map((r) => `${r.role} (${r.register}) t=${r.timestamp}`).join(', ')}`;
}

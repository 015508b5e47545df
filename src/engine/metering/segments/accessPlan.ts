// Which memory each instruction will touch, known before it executes, so that metering needs no call per
// access for plain RV32IM (the interpreter's access sequences, guest/isa/executor.ts header):
//   register chunks  a 16-bit mask of the AS1 chunks (8 bytes = 2 registers) of the operands it reads/writes
//   memory           loads/stores: AS2 at (rs1 + imm) & ~3; REVEAL: AS3 at rd + imm; HINT_STOREW: AS2 at rd;
//                    every other opcode the plan does not know (HINT_BUFFER, precompiles) is HOOKED: the
//                    observer listens to TracingMemory.onAccess for that one instruction.
// The plan only decides first touches and metered pages (sets, not sequences), so reads and writes of
// the same chunk by one instruction need no order.

import * as O from '../../guest/isa/opcodes';

export const MEM_NONE = 0;
export const MEM_RS1_IMM = 1;
export const MEM_REVEAL = 2;
export const MEM_RD = 3;
export const MEM_HOOKED = 4;

const R = 1; // rs1
const S = 2; // rs2
const D = 4; // rd (when not x0)

const USES = new Map<number, number>();
const set = (ops: number[], uses: number) => ops.forEach((op) => USES.set(op, uses));
set(
  [O.OP_ADD, O.OP_SUB, O.OP_XOR, O.OP_OR, O.OP_AND, O.OP_SLL, O.OP_SRL, O.OP_SRA, O.OP_SLT, O.OP_SLTU],
  R | S | D,
);
set([O.OP_MUL, O.OP_MULH, O.OP_MULHSU, O.OP_MULHU, O.OP_DIV, O.OP_DIVU, O.OP_REM, O.OP_REMU], R | S | D);
set(
  [O.OP_ADDI, O.OP_XORI, O.OP_ORI, O.OP_ANDI, O.OP_SLLI, O.OP_SRLI, O.OP_SRAI, O.OP_SLTI, O.OP_SLTIU],
  R | D,
);
set([O.OP_LB, O.OP_LH, O.OP_LW, O.OP_LBU, O.OP_LHU], R | D);
set([O.OP_SB, O.OP_SH, O.OP_SW], R | S);
set([O.OP_BEQ, O.OP_BNE, O.OP_BLT, O.OP_BGE, O.OP_BLTU, O.OP_BGEU], R | S);
set([O.OP_JAL, O.OP_LUI, O.OP_AUIPC], D);
set([O.OP_JALR], R | D);
set([O.OP_NOP, O.OP_TERMINATE, O.OP_HINT_INPUT, O.OP_PRINT_STR, O.OP_HINT_RANDOM, O.OP_HINT_LOAD_BY_KEY], 0);
// REVEAL reads the address register (the rd field) and the value register (rs1); HINT_STOREW reads rd.
set([O.OP_REVEAL], D | R);
set([O.OP_HINT_STOREW], D);

export interface AccessPlan {
  regMask: Uint16Array;
  memKind: Uint8Array;
}

export function accessPlan(code: Int32Array): AccessPlan {
  const regMask = new Uint16Array(code.length);
  const memKind = new Uint8Array(code.length);
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    const op = c & 0xff;
    const uses = USES.get(op);
    if (uses === undefined) {
      memKind[i] = MEM_HOOKED;
      continue;
    }
    const rd = (c >>> 8) & 0xff;
    const rs1 = (c >>> 16) & 0xff;
    const rs2 = c >>> 24;
    let m = 0;
    if (uses & R) m |= 1 << (rs1 >>> 3);
    if (uses & S) m |= 1 << (rs2 >>> 3);
    // rd = x0 is never written (the executor increments the timestamp instead), except as REVEAL/HINT_STOREW's address register.
    if (uses & D && (rd !== 0 || op === O.OP_REVEAL || op === O.OP_HINT_STOREW)) m |= 1 << (rd >>> 3);
    regMask[i] = m;
    if (op >= O.OP_LB && op <= O.OP_SW) memKind[i] = MEM_RS1_IMM;
    else if (op === O.OP_REVEAL) memKind[i] = MEM_REVEAL;
    else if (op === O.OP_HINT_STOREW) memKind[i] = MEM_RD;
  }
  return { regMask, memKind };
}

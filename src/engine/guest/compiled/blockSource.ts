// JavaScript source of a region: basic blocks (blockShape.ts) statically reachable from an entry block,
// each the interpreter's cases (guest/isa/executor.ts) unrolled for its fixed words, with the memory
// accesses left to a flavour (tracedSource.ts: OpenVM's exact TracingMemory sequence; meteredSource.ts:
// untraced, counting what MeteredCtx counts). Blocks are chained inside the function: a block's exit to
// another block of the region sets pc and continues a `switch (pc)` loop, so a loop whose blocks are all
// in the region runs without returning to the driver; the function returns when pc leaves the region,
// when the next block would exceed `budget` (the instructions the caller allows), or before a failing
// instruction ("bail", st.bailed).
// SAFETY: the source is built only from this file's fixed text and integers: the opcode selects a fixed
// template, and every number placed in it (register pointers, immediates, pcs, timestamps offsets, limits)
// goes through `int`, which refuses anything but a safe integer and prints it in decimal. No string, symbol
// or byte of the ELF ever reaches the source as text, so an input file cannot inject code; a word the
// translator does not know ends the block (blockShape.ts) and the interpreter handles it.
// Exceptions: an instruction that would fail (address >= 2^29 or past the space, misaligned access, JALR
// target >= 2^30) is not executed here: the block returns before it ("bail") with every earlier effect
// committed, and the interpreter re-executes it and reports the error exactly as without the tier.

import * as O from '../isa/opcodes';
import { timestampCost, accessCost, endsBlock } from './blockShape';

/** A safe integer as decimal source text; anything else is refused (see SAFETY above). */
export function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new RangeError(`not an integer: ${String(n)}`);
  return n < 0 ? `(${n})` : String(n);
}

/** What a flavour emits for the accesses; `k` is the instruction's timestamp offset in its block. */
export interface AccessEmitter {
  /** Locals and entry checks at the top of the function body (may return before anything ran). */
  prologue(): string;
  /** The register value without an access (operands checked before the instruction has any effect). */
  peekReg(dst: string, r: number): string;
  readReg(dst: string, r: number, k: number): string;
  writeReg(r: number, value: string, k: number): string;
  /** AS2 word at the local `P` (4-aligned, validated) into dst. */
  readMem(dst: string, k: number): string;
  /** AS2 word at `P` := value. */
  writeMem(value: string, k: number): string;
  /** AS2 word at `P` := (previous & ~mask) | (value & mask); mask and value are locals. */
  writeMemMasked(mask: string, value: string, k: number): string;
  /** A condition (on the locals) under which a block of `totalTs` timestamps may start ('true': always). */
  canStart(totalTs: number): string;
  /** Accounts the first `n` instructions of the block at `start` (timestamps `ts`, accesses `acc`). */
  account(start: number, n: number, ts: number, acc: number): string;
  /** Returns from the function with pc (a local) and I (instructions run), having accounted everything. */
  leave(bailed: boolean): string;
}

export interface BlockInput {
  code: Int32Array;
  imm: Int32Array;
  pcBase: number;
  /** Address limit: accesses need P < memLimit (min of 2^29 and the AS2 host cells - 3). */
  memLimit: number;
}

const RR: Record<number, string> = {
  [O.OP_ADD]: 'a + b',
  [O.OP_SUB]: 'a - b',
  [O.OP_XOR]: 'a ^ b',
  [O.OP_OR]: 'a | b',
  [O.OP_AND]: 'a & b',
  [O.OP_SLL]: 'a << (b & 31)',
  [O.OP_SRL]: 'a >>> (b & 31)',
  [O.OP_SRA]: '(a | 0) >> (b & 31)',
  [O.OP_SLT]: '(a | 0) < (b | 0) ? 1 : 0',
  [O.OP_SLTU]: 'a < b ? 1 : 0',
  [O.OP_MUL]: 'Math.imul(a, b)',
  [O.OP_MULH]: 'mulh(a, b)',
  [O.OP_MULHSU]: 'mulhsu(a, b)',
  [O.OP_MULHU]: 'mulhu(a, b)',
  [O.OP_DIV]: 'div(a, b)',
  [O.OP_DIVU]: 'divu(a, b)',
  [O.OP_REM]: 'rem(a, b)',
  [O.OP_REMU]: 'remu(a, b)',
};

function immExpr(op: number, imm: number): string {
  const i = int(imm);
  switch (op) {
    case O.OP_ADDI: return `a + ${i}`; // prettier-ignore
    case O.OP_XORI: return `a ^ ${i}`; // prettier-ignore
    case O.OP_ORI: return `a | ${i}`; // prettier-ignore
    case O.OP_ANDI: return `a & ${i}`; // prettier-ignore
    case O.OP_SLLI: return `a << ${i}`; // prettier-ignore
    case O.OP_SRLI: return `a >>> ${i}`; // prettier-ignore
    case O.OP_SRAI: return `(a | 0) >> ${i}`; // prettier-ignore
    case O.OP_SLTI: return `(a | 0) < ${i} ? 1 : 0`; // prettier-ignore
    default:
      return `a < ${int(imm >>> 0)} ? 1 : 0`; // SLTIU
  }
}

const BRANCH: Record<number, string> = {
  [O.OP_BEQ]: 'a === b',
  [O.OP_BNE]: 'a !== b',
  [O.OP_BLT]: '(a | 0) < (b | 0)',
  [O.OP_BGE]: '(a | 0) >= (b | 0)',
  [O.OP_BLTU]: 'a < b',
  [O.OP_BGEU]: 'a >= b',
};

/** The instructions of one block, ending with a transfer (`pc = …; continue`) or a bail (return). */
function blockCode(input: BlockInput, start: number, length: number, e: AccessEmitter): string[] {
  const { code, imm: imms, pcBase, memLimit } = input;
  const out: string[] = [];
  const transfer = (next: string, n: number, ts: number, acc: number) =>
    `${e.account(start, n, ts, acc)} I += ${int(n)}; pc = ${next}; continue;`;
  let ts = 0;
  let acc = 0;
  let ended = false;
  for (let n = 0; n < length; n++) {
    const idx = start + n;
    const c = code[idx];
    const op = c & 0xff;
    const rd = (c >>> 8) & 0xff;
    const rs1 = (c >>> 16) & 0xff;
    const rs2 = c >>> 24;
    const imm = imms[idx];
    const pc = pcBase + 4 * idx;
    const k = ts;
    const bail = `${e.account(start, n, ts, acc)} I += ${int(n)}; pc = ${int(pc)}; ${e.leave(true)}`;
    const lim = int(memLimit);
    if (RR[op] !== undefined) {
      out.push(e.readReg('a', rs1, k), e.readReg('b', rs2, k + 1), e.writeReg(rd, RR[op], k + 2));
    } else if (op >= O.OP_ADDI && op <= O.OP_SLTIU) {
      out.push(e.readReg('a', rs1, k), e.writeReg(rd, immExpr(op, imm), k + 2));
    } else if (op >= O.OP_LB && op <= O.OP_LHU) {
      const odd =
        op === O.OP_LW ? ' || (p & 3) !== 0' : op === O.OP_LH || op === O.OP_LHU ? ' || (p & 1) !== 0' : '';
      out.push(e.peekReg('a', rs1), `p = (a + ${int(imm)}) >>> 0; P = (p & -4) >>> 0;`);
      out.push(`if (P >= ${lim}${odd}) { ${bail} }`);
      out.push(e.readReg('a', rs1, k), e.readMem('s', k + 1));
      const v =
        op === O.OP_LW
          ? 's'
          : op === O.OP_LBU
            ? '(s >>> ((p & 3) * 8)) & 255'
            : op === O.OP_LHU
              ? '(s >>> ((p & 3) * 8)) & 65535'
              : op === O.OP_LB
                ? '((s >>> ((p & 3) * 8)) << 24) >> 24'
                : '((s >>> ((p & 3) * 8)) << 16) >> 16';
      if (rd !== 0) out.push(e.writeReg(rd, v, k + 2));
    } else if (op >= O.OP_SB && op <= O.OP_SW) {
      const odd = op === O.OP_SW ? ' || (p & 3) !== 0' : op === O.OP_SH ? ' || (p & 1) !== 0' : '';
      out.push(e.peekReg('a', rs1), `p = (a + ${int(imm)}) >>> 0; P = (p & -4) >>> 0;`);
      out.push(`if (P >= ${lim}${odd}) { ${bail} }`);
      out.push(e.readReg('a', rs1, k), e.readReg('b', rs2, k + 1));
      if (op === O.OP_SW) out.push(e.writeMem('b', k + 2));
      else {
        const width = op === O.OP_SB ? 255 : 65535;
        out.push(`x = ${width} << ((p & 3) * 8); b = b << ((p & 3) * 8);`, e.writeMemMasked('x', 'b', k + 2));
      }
    } else if (BRANCH[op] !== undefined) {
      out.push(e.readReg('a', rs1, k), e.readReg('b', rs2, k + 1));
      const t = ts + timestampCost(op);
      const a = acc + accessCost(op, rd);
      out.push(`if (${BRANCH[op]}) { ${transfer(int(pc + imm), n + 1, t, a)} }`);
      out.push(transfer(int(pc + 4), n + 1, t, a));
      ended = true;
    } else if (op === O.OP_JAL) {
      if (rd !== 0) out.push(e.writeReg(rd, int(pc + 4), k));
      out.push(transfer(int(pc + imm), n + 1, ts + 1, acc + accessCost(op, rd)));
      ended = true;
    } else if (op === O.OP_JALR) {
      out.push(e.peekReg('a', rs1), `p = (a + ${int(imm)}) >>> 0;`, `if (p >= 1073741824) { ${bail} }`);
      out.push(e.readReg('a', rs1, k));
      if (rd !== 0) out.push(e.writeReg(rd, int(pc + 4), k + 1));
      out.push(transfer('p & -2', n + 1, ts + 2, acc + accessCost(op, rd)));
      ended = true;
    } else if (op === O.OP_LUI) {
      out.push(e.writeReg(rd, int(imm >>> 0), k));
    } else if (op === O.OP_AUIPC) {
      out.push(e.writeReg(rd, int((pc + imm) >>> 0), k));
    } else if (op !== O.OP_NOP) {
      throw new RangeError(`opcode ${op} is not compiled`);
    }
    if (ended && !endsBlock(op)) throw new RangeError('block ended early');
    if (ended) break;
    ts += timestampCost(op);
    acc += accessCost(op, rd);
  }
  if (!ended) out.push(transfer(int(pcBase + 4 * (start + length)), length, ts, acc));
  return out;
}

/** One block of a region: its first instruction index and its length. */
export interface RegionBlock {
  start: number;
  length: number;
}

/**
 * The body of a region function (the flavour wraps it with its parameters, among them `pc` and `budget`):
 * `blocks[0]` is the entry. Each block starts only if it fits the budget and the flavour's condition.
 */
export function regionBody(input: BlockInput, blocks: readonly RegionBlock[], e: AccessEmitter): string {
  const { code, pcBase } = input;
  const out: string[] = [e.prologue(), 'let I = 0;', 'for (;;) {', 'switch (pc) {'];
  for (const { start, length } of blocks) {
    let totalTs = 0;
    for (let n = 0; n < length; n++) totalTs += timestampCost(code[start + n] & 0xff);
    out.push(`case ${int(pcBase + 4 * start)}: {`);
    out.push(`if (I + ${int(length)} > budget || !(${e.canStart(totalTs)})) break;`);
    out.push(...blockCode(input, start, length, e));
    out.push('}');
  }
  out.push('}', e.leave(false), '}');
  return out.join('\n');
}

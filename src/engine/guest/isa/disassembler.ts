// RV32IM disassembler printing standard RISC-V assembly the way GNU objdump does (same pseudo-instruction
// choices: li, mv, not, neg, seqz, snez, sltz, sgtz, zext.b, beqz..bgtz, j, jal, jr, jalr, ret, nop, unimp,
// csrr/csrw...), with `, ` between operands, decimal immediates (hex for lui/auipc upper immediates) and
// branch/jump targets as `0xADDR <symbol+0xOFF>`. OpenVM's custom instructions print by their names
// (terminate, hintstorew, hintbuffer, reveal, hintinput, printstr, hintrandom, hint_load_by_key); words
// of OpenVM's extensions (keccak256, sha256, add256..mul256, beq256, and those memscope does not run:
// algebra, ECC, pairing) print by name with the extension noted. Anything else is `.4byte 0x...`.
// `aliases: false` prints canonical instructions only (objdump -M no-aliases).

import { decodeWord, immB, immI, immJ, immS } from './decoder';
import { foreignInstruction, OP_UNSUPPORTED } from './opcodes';
import { REG_NAMES } from './registerNames';
import type { SymbolTable } from '../program/symbols';
import type { VmConfig } from '../config/vmConfig';
import { algebraDisassembly, decodeAlgebraWord } from '../extensions/algebra/algebraDecode';
import { algebraDescription } from '../extensions/algebra/algebraNames';

// prettier-ignore
const CSR_NAMES: Record<number, string> = {
  0x001: 'fflags', 0x002: 'frm', 0x003: 'fcsr', 0xc00: 'cycle', 0xc01: 'time', 0xc02: 'instret',
  0xc80: 'cycleh', 0xc81: 'timeh', 0xc82: 'instreth', 0x300: 'mstatus', 0x301: 'misa', 0x304: 'mie',
  0x305: 'mtvec', 0x340: 'mscratch', 0x341: 'mepc', 0x342: 'mcause', 0x343: 'mtval', 0x344: 'mip',
  0xf11: 'mvendorid', 0xf12: 'marchid', 0xf13: 'mimpid', 0xf14: 'mhartid',
};
// prettier-ignore
const R_NAMES: Record<number, string> = {
  0x000: 'add', 0x100: 'sub', 0x001: 'sll', 0x002: 'slt', 0x003: 'sltu', 0x004: 'xor', 0x005: 'srl',
  0x105: 'sra', 0x006: 'or', 0x007: 'and',
};
const M_NAMES = ['mul', 'mulh', 'mulhsu', 'mulhu', 'div', 'divu', 'rem', 'remu'];
const I_NAMES = ['addi', 'slli', 'slti', 'sltiu', 'xori', '', 'ori', 'andi'];
const LOAD_NAMES = ['lb', 'lh', 'lw', '', 'lbu', 'lhu', '', ''];
const STORE_NAMES = ['sb', 'sh', 'sw'];
const BRANCH_NAMES = ['beq', 'bne', '', '', 'blt', 'bge', 'bltu', 'bgeu'];
const PHANTOM_NAMES = ['hintinput', 'printstr', 'hintrandom', 'hint_load_by_key'];

export interface Disassembly {
  mnemonic: string;
  /** Operands joined with ', ' (branch/jump targets include `<symbol+off>` when symbols are given). */
  operands: string;
  /** Branch / jump target address (pc-relative instructions only). */
  target?: number;
  /** The OpenVM extension a custom instruction needs, when it is not RV32IM/IO. */
  extension?: string;
  /** What the instruction does, in words (algebra words: "MULMOD secp256k1 coordinate field (32 B)"). */
  note?: string;
}

export interface DisassemblerOptions {
  aliases?: boolean;
  symbols?: SymbolTable;
  /** The guest's openvm.toml: names the modulus / field / curve of algebra, ECC and pairing words. */
  vmConfig?: VmConfig;
}

const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;
const word4 = (w: number): Disassembly => ({ mnemonic: '.4byte', operands: hex(w) });

function targetText(target: number, symbols: SymbolTable | undefined): string {
  const name = symbols?.describe(target);
  return name === undefined ? hex(target) : `${hex(target)} <${name}>`;
}

/** Disassembles one instruction word at `pc`. */
export function disassembleWord(w: number, pc: number, options: DisassemblerOptions = {}): Disassembly {
  w >>>= 0;
  const alias = options.aliases !== false;
  const opcode = w & 0x7f;
  const rdN = (w >>> 7) & 0x1f;
  const f3 = (w >>> 12) & 7;
  const rs1N = (w >>> 15) & 0x1f;
  const rs2N = (w >>> 20) & 0x1f;
  const f7 = w >>> 25;
  const rd = REG_NAMES[rdN];
  const rs1 = REG_NAMES[rs1N];
  const rs2 = REG_NAMES[rs2N];
  const d = (mnemonic: string, ...ops: (string | number)[]): Disassembly => ({
    mnemonic,
    operands: ops.join(', '),
  });
  const jumpTo = (mnemonic: string, target: number, ...ops: string[]): Disassembly => ({
    mnemonic,
    operands: [...ops, targetText(target, options.symbols)].join(', '),
    target,
  });
  switch (opcode) {
    case 0x33: {
      const name =
        f7 === 1 ? M_NAMES[f3] : f7 === 0 ? R_NAMES[f3] : f7 === 0x20 ? R_NAMES[0x100 | f3] : undefined;
      if (name === undefined) return word4(w);
      if (alias) {
        if (name === 'sub' && rs1N === 0) return d('neg', rd, rs2);
        if (name === 'sltu' && rs1N === 0) return d('snez', rd, rs2);
        if (name === 'slt' && rs2N === 0) return d('sltz', rd, rs1);
        if (name === 'slt' && rs1N === 0) return d('sgtz', rd, rs2);
      }
      return d(name, rd, rs1, rs2);
    }
    case 0x13: {
      const imm = immI(w);
      if (f3 === 1 || f3 === 5) {
        const name = f3 === 1 ? (f7 === 0 ? 'slli' : '') : f7 === 0 ? 'srli' : f7 === 0x20 ? 'srai' : '';
        return name === '' ? word4(w) : d(name, rd, rs1, rs2N);
      }
      const name = I_NAMES[f3];
      if (alias) {
        if (name === 'addi' && rdN === 0 && rs1N === 0 && imm === 0) return d('nop');
        if (name === 'addi' && rs1N === 0) return d('li', rd, imm);
        if (name === 'addi' && imm === 0) return d('mv', rd, rs1);
        if (name === 'xori' && imm === -1) return d('not', rd, rs1);
        if (name === 'sltiu' && imm === 1) return d('seqz', rd, rs1);
        if (name === 'andi' && imm === 255) return d('zext.b', rd, rs1);
      }
      return d(name, rd, rs1, imm);
    }
    case 0x03:
      return LOAD_NAMES[f3] === '' ? word4(w) : d(LOAD_NAMES[f3], rd, `${immI(w)}(${rs1})`);
    case 0x23:
      return f3 < 3 ? d(STORE_NAMES[f3], rs2, `${immS(w)}(${rs1})`) : word4(w);
    case 0x63: {
      const name = BRANCH_NAMES[f3];
      if (name === '') return word4(w);
      const target = (pc + immB(w)) >>> 0;
      if (alias) {
        if ((name === 'beq' || name === 'bne') && rs2N === 0) return jumpTo(`${name}z`, target, rs1);
        if (name === 'bge' && rs1N === 0) return jumpTo('blez', target, rs2);
        if (name === 'bge' && rs2N === 0) return jumpTo('bgez', target, rs1);
        if (name === 'blt' && rs2N === 0) return jumpTo('bltz', target, rs1);
        if (name === 'blt' && rs1N === 0) return jumpTo('bgtz', target, rs2);
      }
      return jumpTo(name, target, rs1, rs2);
    }
    case 0x6f: {
      const target = (pc + immJ(w)) >>> 0;
      if (alias && rdN === 0) return jumpTo('j', target);
      if (alias && rdN === 1) return jumpTo('jal', target);
      return jumpTo('jal', target, rd);
    }
    case 0x67: {
      if (f3 !== 0) return word4(w);
      const imm = immI(w);
      if (alias) {
        if (rdN === 0 && rs1N === 1 && imm === 0) return d('ret');
        if (rdN === 0) return imm === 0 ? d('jr', rs1) : d('jr', `${imm}(${rs1})`);
        if (rdN === 1) return imm === 0 ? d('jalr', rs1) : d('jalr', `${imm}(${rs1})`);
      }
      return d('jalr', rd, `${imm}(${rs1})`);
    }
    case 0x37:
      return d('lui', rd, hex(w >>> 12));
    case 0x17:
      return d('auipc', rd, hex(w >>> 12));
    case 0x0f:
      return disassembleFence(w, f3, rdN, rs1N);
    case 0x73:
      return disassembleSystem(w, f3, rdN, rs1N, alias);
    case 0x0b:
      if (f3 === 6) {
        // beq256 (B-type): OpenVM's transpiler emits BEQ256 for every funct3-110 word.
        const target = (pc + immB(w)) >>> 0;
        return {
          mnemonic: 'beq256',
          operands: `${rs1}, ${rs2}, ${targetText(target, options.symbols)}`,
          target,
          extension: 'BigInt (Int256)',
        };
      }
      return disassembleCustom0(w, f3, rd, rs1, rs2);
    case 0x2b: {
      // algebra / ECC / pairing: `addmod[secp256k1_coord] a0, a1, a2` (extensions/algebra/algebraDecode.ts)
      const foreign = foreignInstruction(w);
      const decoded = decodeAlgebraWord(w);
      if (foreign === undefined || decoded === undefined || !('ok' in decoded)) return word4(w);
      return {
        ...algebraDisassembly(decoded.ok, options.vmConfig),
        extension: foreign.extension,
        note: algebraDescription(decoded.ok, options.vmConfig),
      };
    }
    default:
      return word4(w);
  }
}

function fenceSet(bits: number): string {
  return (bits & 8 ? 'i' : '') + (bits & 4 ? 'o' : '') + (bits & 2 ? 'r' : '') + (bits & 1 ? 'w' : '');
}

function disassembleFence(w: number, f3: number, rdN: number, rs1N: number): Disassembly {
  if (f3 === 1 && w >>> 20 === 0 && rdN === 0 && rs1N === 0) return { mnemonic: 'fence.i', operands: '' };
  if (f3 !== 0) return word4(w);
  if (w === 0x8330000f) return { mnemonic: 'fence.tso', operands: '' };
  const pred = (w >>> 24) & 0xf;
  const succ = (w >>> 20) & 0xf;
  if (pred === 0xf && succ === 0xf) return { mnemonic: 'fence', operands: '' };
  return { mnemonic: 'fence', operands: `${fenceSet(pred)}, ${fenceSet(succ)}` };
}

function disassembleSystem(w: number, f3: number, rdN: number, rs1N: number, alias: boolean): Disassembly {
  if (w === 0x00000073) return { mnemonic: 'ecall', operands: '' };
  if (w === 0x00100073) return { mnemonic: 'ebreak', operands: '' };
  if (w === 0xc0001073) return { mnemonic: 'unimp', operands: '' };
  if (f3 === 0 || f3 === 4) return word4(w);
  const csrNum = w >>> 20;
  const csr = CSR_NAMES[csrNum] ?? hex(csrNum);
  const names = ['', 'csrrw', 'csrrs', 'csrrc', '', 'csrrwi', 'csrrsi', 'csrrci'];
  const rd = REG_NAMES[rdN];
  const src = f3 >= 5 ? String(rs1N) : REG_NAMES[rs1N];
  if (alias) {
    if (f3 === 2 && rs1N === 0) {
      const counter = {
        0xc00: 'rdcycle',
        0xc01: 'rdtime',
        0xc02: 'rdinstret',
        0xc80: 'rdcycleh',
        0xc81: 'rdtimeh',
        0xc82: 'rdinstreth',
      }[csrNum];
      if (counter !== undefined) return { mnemonic: counter, operands: rd };
      return { mnemonic: 'csrr', operands: `${rd}, ${csr}` };
    }
    if (rdN === 0) {
      const short = ['', 'csrw', 'csrs', 'csrc', '', 'csrwi', 'csrsi', 'csrci'][f3];
      return { mnemonic: short, operands: `${csr}, ${src}` };
    }
  }
  return { mnemonic: names[f3], operands: `${rd}, ${csr}, ${src}` };
}

function disassembleCustom0(w: number, f3: number, rd: string, rs1: string, rs2: string): Disassembly {
  const imm = immI(w);
  switch (f3) {
    case 0:
      return { mnemonic: 'terminate', operands: String(imm) };
    case 1:
      if ((imm & 0xffff) === 0) return { mnemonic: 'hintstorew', operands: rd };
      if ((imm & 0xffff) === 1) return { mnemonic: 'hintbuffer', operands: `${rd}, ${rs1}` };
      return word4(w);
    case 2:
      return { mnemonic: 'reveal', operands: `${rs1}, ${imm}(${rd})` };
    case 3: {
      const name = PHANTOM_NAMES[imm];
      if (name === undefined) return word4(w);
      if (imm === 0) return { mnemonic: name, operands: '' };
      if (imm === 2) return { mnemonic: name, operands: rd };
      return { mnemonic: name, operands: `${rd}, ${rs1}` };
    }
    default: {
      const foreign = foreignInstruction(w);
      if (foreign === undefined) return word4(w);
      return { mnemonic: foreign.name, operands: `${rd}, ${rs1}, ${rs2}`, extension: foreign.extension };
    }
  }
}

/** `mnemonic operands`, padded like objdump's columns. */
export function formatDisassembly(d: Disassembly): string {
  return d.operands === '' ? d.mnemonic : `${d.mnemonic.padEnd(7)} ${d.operands}`;
}

export interface DisassemblyLine {
  pc: number;
  word: number;
  text: string;
  /** `<symbol>:` label when a symbol starts here. */
  label?: string;
  /**
   * objdump-style `# target <symbol>` for auipc-relative jalr/addi/loads, the extension a word needs, or
   * what an algebra word does (Disassembly.note).
   */
  comment?: string;
}

/** Disassembles consecutive words (text at pcBase), adding labels and auipc-pair target comments. */
export function disassembleRange(
  words: Uint32Array,
  pcBase: number,
  symbols?: SymbolTable,
  aliases = true,
  vmConfig?: VmConfig,
): DisassemblyLine[] {
  const lines: DisassemblyLine[] = [];
  let auipcReg = -1;
  let auipcValue = 0;
  for (let k = 0; k < words.length; k++) {
    const pc = (pcBase + 4 * k) >>> 0;
    const w = words[k];
    const d = disassembleWord(w, pc, { aliases, symbols, vmConfig });
    const line: DisassemblyLine = { pc, word: w, text: formatDisassembly(d) };
    if (d.extension !== undefined)
      line.comment =
        decodeWord(w).op === OP_UNSUPPORTED
          ? `needs the ${d.extension} extension (not implemented in memscope)`
          : (d.note ?? `${d.extension} precompile`);
    const hit = symbols?.lookup(pc);
    if (hit !== undefined && hit.offset === 0) line.label = hit.symbol.displayName;
    const opcode = w & 0x7f;
    const rs1N = (w >>> 15) & 0x1f;
    if (
      auipcReg > 0 &&
      rs1N === auipcReg &&
      (opcode === 0x67 || (opcode === 0x13 && ((w >>> 12) & 7) === 0) || opcode === 0x03)
    ) {
      const target = (auipcValue + immI(w)) >>> 0;
      line.comment = targetText(target, symbols);
    }
    if (opcode === 0x17) {
      auipcReg = (w >>> 7) & 0x1f;
      auipcValue = (pc + (w & 0xfffff000)) >>> 0;
    } else auipcReg = -1;
    lines.push(line);
  }
  return lines;
}

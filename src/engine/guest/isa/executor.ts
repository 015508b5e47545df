// The RV32IM + OpenVM system/IO interpreter on TracingMemory: OpenVM v1.7 preflight execution
// (crates/vm/src/arch/interpreter_preflight.rs and the rv32im adapters/cores' `execute`), one instruction
// at a time with exactly OpenVM's sequence of traced accesses (address space, pointer, 4-byte blocks) and
// timestamp increments (spec §5.3, §6.1):
//   reg-reg ALU/M   R(1,rs1) R(1,rs2) W(1,rd)            ALU-imm   R(1,rs1) +1 W(1,rd)
//   LUI / AUIPC     W(1,rd)                               JAL       W(1,rd) or +1 (rd = x0)
//   JALR            R(1,rs1) W(1,rd) or +1                branches  R(1,rs1) R(1,rs2)
//   loads           R(1,rs1) R(2,P&~3) W(1,rd) or +1      stores    R(1,rs1) R(1,rs2) W(2,P&~3) <- merged
//   reveal          R(1,rd) R(1,rs1) W(3,(rd+imm)&~3)     NOP/PHANTOM +1   TERMINATE nothing
//   precompiles (Keccak-256, SHA-256, Int256): extensions/ (heap adapters, 4/16/32-cell AS2 blocks)
//   algebra / ECC / pairing: extensions/algebra/algebraChips.ts (VmConfig moduli and curves; hints are PHANTOMs, +1)
// Invariants: x0 is never written; every executed instruction counts toward instret (TERMINATE too);
// the hot loop allocates nothing and keeps pc/instret in locals, writing them back on every exit.

import { EngineError } from '../../errors';
import type { TracingMemory } from '../../memory/tracingMemory';
import { div, divu, mulh, mulhsu, mulhu, rem, remu } from './arith';
import type { GuestProgram } from '../program/guestProgram';
import type { HintStreams } from '../io/hintStreams';
import { AlgebraChips } from '../extensions/algebra/algebraChips';
import { PrecompileExecutor } from '../extensions/precompiles';
import * as O from './opcodes';
import { hintBuffer, hintStoreW } from '../io/hintStore';
import { hintInput, hintLoadByKey, hintRandom, printStr } from '../io/phantom';
import { defaultVmConfig, type VmConfig } from '../config/vmConfig';
import { CompiledTier } from '../compiled/compiledTier';

// Local bindings of the opcode numbers: the switch then compares against module constants in every
// loader (bundled or not), which V8 folds; a namespace property per case label would not be.
// prettier-ignore
const {
  OP_ADD, OP_ADDI, OP_AND, OP_ANDI, OP_AUIPC, OP_BEQ, OP_BGE, OP_BGEU, OP_BLT, OP_BLTU, OP_BNE, OP_DIV,
  OP_DIVU, OP_HINT_BUFFER, OP_HINT_INPUT, OP_HINT_LOAD_BY_KEY, OP_HINT_RANDOM, OP_HINT_STOREW, OP_HOOK,
  OP_JAL, OP_JALR, OP_LB, OP_LBU, OP_LH, OP_LHU, OP_LUI, OP_LW, OP_MUL, OP_MULH, OP_MULHSU, OP_MULHU,
  OP_NOP, OP_OR, OP_ORI, OP_PRINT_STR, OP_ALGEBRA, OP_COUNT, OP_FIRST_PRECOMPILE, OP_REM, OP_REMU, OP_REVEAL, OP_SB, OP_SH, OP_SLL, OP_SLLI,
  OP_SLT, OP_SLTI, OP_SLTIU, OP_SLTU, OP_SRA, OP_SRAI, OP_SRL, OP_SRLI, OP_SUB, OP_SW, OP_TERMINATE, OP_XOR,
  OP_XORI,
} = O;

export type MachineStatus = 'ready' | 'paused' | 'terminated' | 'failed';

/** A breakpoint handler: return true if it redirected control (the hooked instruction is then skipped). */
export type HookHandler = (machine: Interpreter) => boolean;

const POINTER_LIMIT = 2 ** 29;
const PC_LIMIT = 2 ** 30;
const hex = (n: number) => `0x${(n >>> 0).toString(16)}`;

export class Interpreter {
  pc: number;
  instret = 0;
  exitCode: number | null = null;
  status: MachineStatus = 'ready';
  error: EngineError | null = null;
  /** Console output of printstr. */
  console = '';
  onPrint: ((text: string) => void) | null = null;
  /** Optional observer (metering): called with the instruction index before each instruction executes. */
  onStep: ((idx: number) => void) | null = null;
  /**
   * Called after each precompile instruction with its opcode and the rows its chip's AIR gained (an
   * observer's hook for per-AIR heights; RV32IM instructions are one row each, keyed by O.OP_CHIP).
   */
  onPrecompile: ((op: number, rows: number) => void) | null = null;
  private readonly precompiles = new PrecompileExecutor();
  /** The algebra / ECC / pairing chips of `config` (created at the first such instruction). */
  private algebraChips: AlgebraChips | null = null;

  private readonly code: Int32Array;
  private readonly imm: Int32Array;
  private readonly hooks = new Map<number, { original: number; handlers: HookHandler[] }>();
  /** Handlers installed as serving (they may redirect): they run after every other handler of their pc. */
  private readonly serving = new WeakSet<HookHandler>();
  /** The compiled tier (guest/compiled/), or null: this loop alone. Either computes the same state. */
  readonly tier: CompiledTier | null;

  constructor(
    readonly program: GuestProgram,
    readonly memory: TracingMemory,
    readonly streams: HintStreams,
    /** The openvm.toml settings (which moduli and curves exist); RV32IM + IO defaults otherwise. */
    readonly config: VmConfig = defaultVmConfig(),
  ) {
    this.pc = program.elf.entry;
    // A private copy: hooks patch it.
    this.code = program.decoded.code.slice();
    this.imm = program.decoded.imm;
    this.tier = CompiledTier.create(program, memory, this.code);
  }

  /** Runs until termination, an error, or `maxSteps` instructions (then 'paused'; call again to go on). */
  run(maxSteps: number): MachineStatus {
    if (this.status === 'terminated' || this.status === 'failed') return this.status;
    try {
      if (this.tier !== null) this.tier.run(this, maxSteps);
      else this.execute(maxSteps);
      // execute() may have terminated the machine (TS cannot see the mutation through the call).
      if ((this.status as MachineStatus) !== 'terminated') this.status = 'paused';
    } catch (e) {
      this.status = 'failed';
      this.error = this.locate(e);
    }
    return this.status;
  }

  step(): MachineStatus {
    return this.run(1);
  }

  /** The interpreter loop for up to n instructions, for the compiled tier's fallback (throws). */
  interpretSteps(n: number): void {
    this.execute(n);
  }

  private locate(e: unknown): EngineError {
    const pc = this.pc;
    const where = this.program.symbols.describe(pc);
    const at = `pc ${hex(pc)}${where === undefined ? '' : ` <${where}>`}, instruction ${this.instret}`;
    if (e instanceof EngineError) {
      if (e.location.pc !== undefined) return e;
      return new EngineError(e.kind, `${e.message} (at ${at})`, {
        ...e.location,
        pc,
        timestamp: this.memory.timestamp,
      });
    }
    const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return new EngineError('internal', `${message} (at ${at})`, { pc, timestamp: this.memory.timestamp });
  }

  /**
   * Installs a breakpoint handler at `pc` (an instruction of the program). `serves`: the handler may
   * redirect (allocator interposition serving the call); observing handlers installed later still run
   * before it, so a breakpoint or observer at that pc sees the call before it is served (and skipped).
   */
  addHook(pc: number, handler: HookHandler, serves = false): void {
    const idx = (pc - this.program.decoded.pcBase) / 4;
    if (!Number.isInteger(idx) || idx < 0 || idx >= this.code.length) return;
    let hook = this.hooks.get(idx);
    if (hook === undefined) {
      hook = { original: this.code[idx], handlers: [] };
      this.hooks.set(idx, hook);
      this.code[idx] = (hook.original & ~0xff) | OP_HOOK;
      this.tier?.invalidate(idx);
    }
    const firstServing = serves ? -1 : hook.handlers.findIndex((h) => this.serving.has(h));
    if (serves) this.serving.add(handler);
    if (firstServing < 0) hook.handlers.push(handler);
    else hook.handlers.splice(firstServing, 0, handler);
  }

  removeHook(pc: number, handler: HookHandler): void {
    const idx = (pc - this.program.decoded.pcBase) / 4;
    const hook = this.hooks.get(idx);
    if (hook === undefined) return;
    hook.handlers = hook.handlers.filter((h) => h !== handler);
    if (hook.handlers.length === 0) {
      this.code[idx] = hook.original;
      this.hooks.delete(idx);
      this.tier?.invalidate(idx);
    }
  }

  /** Calls the handlers of a hooked word, then (unless one redirected) executes the original instruction. */
  private fireHook(idx: number): void {
    const hook = this.hooks.get(idx) as { original: number; handlers: HookHandler[] };
    for (const h of hook.handlers.slice()) if (h(this)) return;
    this.code[idx] = hook.original;
    try {
      this.execute(1);
    } finally {
      if (this.hooks.has(idx)) this.code[idx] = (hook.original & ~0xff) | OP_HOOK;
    }
  }

  private fail(message: string, pc: number): never {
    throw new EngineError('execution', message, { pc, timestamp: this.memory.timestamp });
  }

  private fetchError(pc: number): never {
    // OpenVM indexes its program with pc / 4 (rounding down) and would run the word below an unaligned pc
    // with the unaligned pc value, a state no proof accepts; memscope stops there instead.
    if ((pc & 3) !== 0) this.fail(`pc ${hex(pc)} is not 4-byte aligned`, pc);
    const d = this.program.decoded;
    this.fail(
      `PcOutOfBounds: pc ${hex(pc)} is outside the program (${hex(d.pcBase)}..${hex(d.pcBase + 4 * d.code.length)})`,
      pc,
    );
  }

  private badInstruction(idx: number, pc: number): never {
    const d = this.program.decoded;
    const word = hex(d.words[idx]);
    const foreign = d.foreign.get(idx);
    if (foreign !== undefined)
      this.fail(
        `unsupported instruction ${foreign.name} (${word}) at pc ${hex(pc)}, needs the ${foreign.extension} extension`,
        pc,
      );
    this.fail(
      `illegal instruction ${word} at pc ${hex(pc)}: ${d.illegal.get(idx) ?? 'not an RV32IM instruction'}`,
      pc,
    );
  }

  private misaligned(what: string, addr: number, pc: number): never {
    this.fail(
      `misaligned ${what} at address ${hex(addr)} (OpenVM v1.7 panics: unaligned memory access not supported)`,
      pc,
    );
  }

  private effectiveAddress(base: number, imm: number, pc: number): number {
    const p = (base + imm) >>> 0;
    if ((p & ~3) >>> 0 >= POINTER_LIMIT)
      this.fail(`memory address ${hex(p)} is not below 2^29 (OpenVM asserts ptr < 2^pointer_max_bits)`, pc);
    return p;
  }

  /** The interpreter loop (see the table at the top). */
  private execute(maxSteps: number): void {
    const mem = this.memory;
    const code = this.code;
    const imms = this.imm;
    const base = this.program.decoded.pcBase;
    const textBytes = code.length * 4;
    const onStep = this.onStep;
    let pc = this.pc;
    let steps = 0;
    try {
      while (steps < maxSteps) {
        const off = pc - base;
        if (off < 0 || off >= textBytes || (off & 3) !== 0) this.fetchError(pc);
        const idx = off >>> 2;
        const c = code[idx];
        if (onStep !== null && (c & 0xff) !== OP_HOOK) onStep(idx);
        const imm = imms[idx];
        const rd = (c >>> 8) & 0xff;
        const rs1 = (c >>> 16) & 0xff;
        const rs2 = c >>> 24;
        // One line per instruction keeps the access sequences side by side (the table at the top).
        // prettier-ignore
        switch (c & 0xff) {
          // ---- register-register ALU and M: R(1,rs1) R(1,rs2) W(1,rd)
          case OP_ADD: mem.writeWord(1, rd, mem.readWord(1, rs1) + mem.readWord(1, rs2)); break;
          case OP_SUB: mem.writeWord(1, rd, mem.readWord(1, rs1) - mem.readWord(1, rs2)); break;
          case OP_XOR: mem.writeWord(1, rd, mem.readWord(1, rs1) ^ mem.readWord(1, rs2)); break;
          case OP_OR: mem.writeWord(1, rd, mem.readWord(1, rs1) | mem.readWord(1, rs2)); break;
          case OP_AND: mem.writeWord(1, rd, mem.readWord(1, rs1) & mem.readWord(1, rs2)); break;
          case OP_SLL: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, a << (mem.readWord(1, rs2) & 31)); break; }
          case OP_SRL: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, a >>> (mem.readWord(1, rs2) & 31)); break; }
          case OP_SRA: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, (a | 0) >> (mem.readWord(1, rs2) & 31)); break; }
          case OP_SLT: { const a = mem.readWord(1, rs1) | 0; mem.writeWord(1, rd, a < (mem.readWord(1, rs2) | 0) ? 1 : 0); break; }
          case OP_SLTU: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, a < mem.readWord(1, rs2) ? 1 : 0); break; }
          case OP_MUL: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, Math.imul(a, mem.readWord(1, rs2))); break; }
          case OP_MULH: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, mulh(a, mem.readWord(1, rs2))); break; }
          case OP_MULHSU: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, mulhsu(a, mem.readWord(1, rs2))); break; }
          case OP_MULHU: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, mulhu(a, mem.readWord(1, rs2))); break; }
          case OP_DIV: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, div(a, mem.readWord(1, rs2))); break; }
          case OP_DIVU: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, divu(a, mem.readWord(1, rs2))); break; }
          case OP_REM: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, rem(a, mem.readWord(1, rs2))); break; }
          case OP_REMU: { const a = mem.readWord(1, rs1); mem.writeWord(1, rd, remu(a, mem.readWord(1, rs2))); break; }
          // ---- ALU immediate: R(1,rs1) +1 (the immediate operand) W(1,rd)
          case OP_ADDI: { const a = mem.readWord(1, rs1); mem.incrementTimestamp(); mem.writeWord(1, rd, a + imm); break; }
          case OP_XORI: { const a = mem.readWord(1, rs1); mem.incrementTimestamp(); mem.writeWord(1, rd, a ^ imm); break; }
          case OP_ORI: { const a = mem.readWord(1, rs1); mem.incrementTimestamp(); mem.writeWord(1, rd, a | imm); break; }
          case OP_ANDI: { const a = mem.readWord(1, rs1); mem.incrementTimestamp(); mem.writeWord(1, rd, a & imm); break; }
          case OP_SLLI: { const a = mem.readWord(1, rs1); mem.incrementTimestamp(); mem.writeWord(1, rd, a << imm); break; }
          case OP_SRLI: { const a = mem.readWord(1, rs1); mem.incrementTimestamp(); mem.writeWord(1, rd, a >>> imm); break; }
          case OP_SRAI: { const a = mem.readWord(1, rs1); mem.incrementTimestamp(); mem.writeWord(1, rd, (a | 0) >> imm); break; }
          case OP_SLTI: { const a = mem.readWord(1, rs1) | 0; mem.incrementTimestamp(); mem.writeWord(1, rd, a < imm ? 1 : 0); break; }
          case OP_SLTIU: { const a = mem.readWord(1, rs1); mem.incrementTimestamp(); mem.writeWord(1, rd, a < imm >>> 0 ? 1 : 0); break; }
          // ---- loads: R(1,rs1) R(2,P&~3) W(1,rd) (rd = x0: +1 instead)
          case OP_LB: case OP_LH: case OP_LW: case OP_LBU: case OP_LHU: {
            const p = this.effectiveAddress(mem.readWord(1, rs1), imm, pc);
            const op = c & 0xff;
            const shift = p & 3;
            if (shift !== 0 && (op === OP_LW || ((op === OP_LH || op === OP_LHU) && (shift & 1) !== 0))) this.misaligned(O.OP_NAMES[op], p, pc);
            const s = mem.readWord(2, p - shift) >>> (shift * 8);
            const value = op === OP_LW ? s : op === OP_LBU ? s & 0xff : op === OP_LHU ? s & 0xffff : op === OP_LB ? (s << 24) >> 24 : (s << 16) >> 16;
            if (rd !== 0) mem.writeWord(1, rd, value);
            else mem.incrementTimestamp();
            break;
          }
          // ---- stores: R(1,rs1) R(1,rs2) W(2,P&~3) <- the previous word with the stored bytes merged in
          case OP_SB: case OP_SH: case OP_SW: {
            const p = this.effectiveAddress(mem.readWord(1, rs1), imm, pc);
            const value = mem.readWord(1, rs2);
            const op = c & 0xff;
            const shift = p & 3;
            if (shift !== 0 && (op === OP_SW || (op === OP_SH && (shift & 1) !== 0))) this.misaligned(O.OP_NAMES[op], p, pc);
            if (op === OP_SW) { mem.writeWord(2, p, value); break; }
            const mask = (op === OP_SB ? 0xff : 0xffff) << (shift * 8);
            const prev = mem.peekWord(2, p - shift); // untraced, like the adapter's read of the previous data
            mem.writeWord(2, p - shift, (prev & ~mask) | ((value << (shift * 8)) & mask));
            break;
          }
          // ---- branches: R(1,rs1) R(1,rs2); taken: pc + imm (OpenVM: mod p, the same for valid targets)
          case OP_BEQ: { const a = mem.readWord(1, rs1); if (a === mem.readWord(1, rs2)) { pc += imm; steps++; continue; } break; }
          case OP_BNE: { const a = mem.readWord(1, rs1); if (a !== mem.readWord(1, rs2)) { pc += imm; steps++; continue; } break; }
          case OP_BLT: { const a = mem.readWord(1, rs1) | 0; if (a < (mem.readWord(1, rs2) | 0)) { pc += imm; steps++; continue; } break; }
          case OP_BGE: { const a = mem.readWord(1, rs1) | 0; if (a >= (mem.readWord(1, rs2) | 0)) { pc += imm; steps++; continue; } break; }
          case OP_BLTU: { const a = mem.readWord(1, rs1); if (a < mem.readWord(1, rs2)) { pc += imm; steps++; continue; } break; }
          case OP_BGEU: { const a = mem.readWord(1, rs1); if (a >= mem.readWord(1, rs2)) { pc += imm; steps++; continue; } break; }
          // ---- jumps and upper immediates
          case OP_JAL: {
            if (rd !== 0) mem.writeWord(1, rd, pc + 4);
            else mem.incrementTimestamp();
            pc += imm; steps++; continue;
          }
          case OP_JALR: {
            const target = (mem.readWord(1, rs1) + imm) >>> 0;
            if (target >= PC_LIMIT) this.fail(`JALR target ${hex(target)} is not below 2^30 (PC_BITS)`, pc);
            if (rd !== 0) mem.writeWord(1, rd, pc + 4);
            else mem.incrementTimestamp();
            pc = target & ~1; steps++; continue;
          }
          case OP_LUI: mem.writeWord(1, rd, imm); break;
          case OP_AUIPC: mem.writeWord(1, rd, pc + imm); break;
          // ---- system and IO
          case OP_NOP: mem.incrementTimestamp(); break;
          case OP_TERMINATE: steps++; this.exitCode = imm; this.status = 'terminated'; return;
          case OP_REVEAL: {
            const p = this.effectiveAddress(mem.readWord(1, rd), imm, pc);
            const value = mem.readWord(1, rs1);
            if ((p & 3) !== 0) this.misaligned('REVEAL', p, pc);
            mem.writeWord(3, p, value);
            break;
          }
          case OP_HINT_STOREW: hintStoreW(mem, this.streams, rd, pc); break;
          case OP_HINT_BUFFER: hintBuffer(mem, this.streams, rd, rs1, pc); break;
          case OP_HINT_INPUT: hintInput(this.streams, pc); mem.incrementTimestamp(); break;
          case OP_HINT_RANDOM: hintRandom(mem, this.streams, rd); mem.incrementTimestamp(); break;
          case OP_HINT_LOAD_BY_KEY: hintLoadByKey(mem, this.streams, rd, rs1, pc); mem.incrementTimestamp(); break;
          case OP_PRINT_STR: this.print(printStr(mem, rd, rs1, pc)); mem.incrementTimestamp(); break;
          case OP_HOOK: {
            // Hooks are rare (allocator entry points): sync the state, run the handlers and the original
            // instruction outside this loop, then charge what ran against the step budget.
            this.pc = pc; this.instret += steps; maxSteps -= steps; steps = 0;
            const before = this.instret;
            this.fireHook(idx);
            maxSteps -= this.instret - before;
            if (this.status === 'terminated') return;
            pc = this.pc;
            continue;
          }
          default: {
            const op = c & 0xff;
            if (op < OP_FIRST_PRECOMPILE || op >= OP_COUNT) this.badInstruction(idx, pc);
            if (op === OP_ALGEBRA) {
              // A chip row, or a PHANTOM hint (+1, like every PHANTOM).
              this.algebraChips ??= new AlgebraChips(this.config, this.streams);
              if (this.algebraChips.execute(imm, mem, pc)) mem.incrementTimestamp();
              if (this.onPrecompile !== null) this.onPrecompile(op, 1);
              pc += 4; steps++; continue;
            }
            const next = this.precompiles.execute(op, mem, pc, rd, rs1, rs2, imm);
            if (this.onPrecompile !== null) this.onPrecompile(op, this.precompiles.rows);
            pc = next; steps++; continue;
          }
        }
        pc += 4;
        steps++;
      }
    } finally {
      this.pc = pc;
      this.instret += steps;
    }
  }

  private print(text: string): void {
    this.console += text;
    if (this.onPrint !== null) this.onPrint(text);
  }
}

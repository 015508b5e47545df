// The fast metered pass: only where OpenVM v1.7.0's metered execution cuts a run into segments (MeteredCtx
// + SegmentationCtx, segments/meteredCtx.ts), with none of MeteredRun's tracing, per-segment preflight or
// attribution. RV32IM runs as compiled metered blocks (guest/compiled/meteredSource.ts: untraced memory,
// chip rows added per block, touched Merkle pages); every other instruction (IO, hints, precompiles,
// algebra, TERMINATE) runs in the interpreter with TracingMemory.onAccess reporting its accesses to
// MeteredCtx.onMemoryOperation exactly as MeteredRun's observer does, its chip rows (static, dynamic or
// the precompile's) counted as MeteredRun counts them. The segment check runs every segment_check_insns
// instructions exactly (a block that would cross the check point is replaced by one-instruction blocks),
// so the cuts equal MeteredRun's (meteredPass.test.ts).
// The interpreter's TracingMemory here is only storage (its records are not kept, its metadata and
// timestamp are meaningless): the timestamp is wound back before it could overflow.
// Cost: the compiled blocks plus one check per window; cold blocks (run fewer than compileThreshold() times) and non-RV32IM
// instructions go through the interpreter one at a time.

import { EngineError } from '../errors';
import { compileMetered, type MeteredBlock, type MeteredState } from '../guest/compiled/meteredSource';
import { compileThreshold } from '../guest/compiled/tierSwitch';
import { blockLength, formRegion, MAX_BLOCK } from '../guest/compiled/blockShape';
import type { GuestInput } from '../guest/io/input';
import { emptyInput } from '../guest/io/input';
import { HintStreams } from '../guest/io/hintStreams';
import { Interpreter } from '../guest/isa/executor';
import { OP_ALGEBRA } from '../guest/isa/opcodes';
import { applyImage, type GuestProgram } from '../guest/program/guestProgram';
import type { VmConfig } from '../guest/config/vmConfig';
import { defaultMemoryConfig, initialBlockSizeFor } from '../memory/config';
import { RecordLog } from '../memory/recordLog';
import { TracingMemory } from '../memory/tracingMemory';
import { algebraAirKey } from './airs/algebraAirs';
import { AirInventory, type ExtensionAirs } from './airs/airs';
import { dynamicRows, opcodeAirTable, precompileAirTable } from './airs/opcodeAirs';
import { runExtensionAirs } from './airs/runExtensionAirs';
import { DEFAULT_SEGMENT_CHECK_INSNS, defaultLimits, type SegmentationLimits } from './segments/limits';
import { MeteredCtx, type MeteredSegment } from './segments/meteredCtx';
import { programLength } from './segments/segmentHeights';

export interface MeteredPassOptions {
  input?: GuestInput;
  vmConfig?: VmConfig;
  limits?: Partial<SegmentationLimits>;
  /** SystemConfig::with_max_segment_len: sets max_trace_height. */
  maxSegmentLength?: number;
  segmentCheckInsns?: number;
  extensions?: readonly ExtensionAirs[];
  /** Called with the instructions executed so far, about every 2^20 instructions. */
  onProgress?: (instret: number) => void;
  /** Stop (status 'paused') after this many instructions. */
  maxInstructions?: number;
}

export interface MeteredPassResult {
  segments: MeteredSegment[];
  instret: number;
  exitCode: number | null;
  error: EngineError | null;
  status: string;
}

/** TracingMemory timestamps wind back to 1 above this (see the top). */
const TIMESTAMP_WINDBACK = 2 ** 28;
const PROGRESS_EVERY = 2 ** 20;

/** The segments OpenVM's metered execution cuts `program`'s run into (see the top). */
export function meteredCuts(program: GuestProgram, options: MeteredPassOptions = {}): MeteredPassResult {
  const inventory = new AirInventory(options.extensions ?? runExtensionAirs(program, options.vmConfig));
  const limits = { ...defaultLimits(), ...options.limits };
  if (options.maxSegmentLength !== undefined) limits.maxTraceHeight = options.maxSegmentLength;
  const window = options.segmentCheckInsns ?? DEFAULT_SEGMENT_CHECK_INSNS;
  if (!(window >= 1 && Number.isInteger(window)))
    throw new EngineError('request', `segment_check_insns must be a positive integer, got ${window}`);
  const d = program.decoded;
  const code = d.code;
  const ctx = new MeteredCtx(inventory, limits, window, programLength(code));
  const H = ctx.heights;

  // Chip rows per instruction, as MeteredRun computes them.
  const byOp = opcodeAirTable(inventory);
  const precompileAir = precompileAirTable(inventory);
  const airOf = new Int16Array(code.length);
  for (let i = 0; i < code.length; i++) airOf[i] = byOp[code[i] & 0xff];
  for (let i = 0; i < code.length; i++)
    if ((code[i] & 0xff) === OP_ALGEBRA) {
      const key = algebraAirKey(d.imm[i]);
      airOf[i] = key !== null && inventory.has(key) ? inventory.id(key) : -1;
    }

  const memory = new TracingMemory(
    options.vmConfig?.system.memory ?? defaultMemoryConfig(),
    initialBlockSizeFor('persistent'),
    new RecordLog(false),
  );
  applyImage(program, memory);
  const machine = new Interpreter(
    program,
    memory,
    new HintStreams(options.input ?? emptyInput()),
    options.vmConfig,
  );
  const S1 = memory.space(1);
  const S2 = memory.space(2);
  S1.wordPage(0);
  const memLimit = Math.min(2 ** 29, S2.hostCells - 3);
  const compilable = S1.align === 4 && S2.align === 4 && !S1.native && !S2.native;
  memory.onAccess = (as, ptr, size) => {
    if (as !== 1 || size > 4) ctx.onMemoryOperation(as, ptr, size);
  };
  machine.onPrecompile = (op, rows) => {
    if (op === OP_ALGEBRA) return; // static per word, counted from airOf
    const air = precompileAir[op];
    if (air < 0) throw new EngineError('internal', `no AIR for precompile opcode ${op}`);
    H[air] += rows;
  };
  const st: MeteredState = {
    n: 0,
    bailed: false,
    page: -1,
    touch(ptr) {
      st.page = ptr >>> 9;
      ctx.memory.updateBoundaryMerkle(2, ptr, 4);
    },
  };
  const blocks: (MeteredBlock | undefined)[] = new Array(code.length);
  const singles: (MeteredBlock | undefined)[] = new Array(code.length);
  const lens = new Int32Array(code.length);
  const visits = new Uint8Array(code.length);
  const input = { code, imm: d.imm, pcBase: d.pcBase, memLimit, airOf, airCount: H.length };
  /** A region from idx (single: only the one-instruction block there, for a window's last words). */
  const compile = (idx: number, single: boolean) =>
    compileMetered(input, single ? [{ start: idx, length: 1 }] : formRegion(code, d.imm, idx));
  const register = (ptr: number) => memory.peekWord(1, ptr);

  /** One instruction in the interpreter, its chip rows counted first (MeteredRun.step). */
  const interpretOne = (idx: number): number => {
    const air = idx >= 0 ? airOf[idx] : -1;
    if (air >= 0) {
      const f = dynamicRows(code[idx] & 0xff);
      H[air] += f === undefined ? 1 : f(register, code[idx], d.imm[idx]);
    }
    if (memory.timestamp > TIMESTAMP_WINDBACK) memory.timestamp = 1;
    const before = machine.instret;
    machine.run(1);
    return machine.instret - before;
  };

  const maxInstructions = options.maxInstructions ?? Number.MAX_SAFE_INTEGER;
  let budget = window;
  let nextProgress = PROGRESS_EVERY;
  const base = d.pcBase;
  // pc and instret live in locals while blocks run; the machine's are synced around interpreter steps.
  let pc = machine.pc;
  let instret = machine.instret;
  /** `count` words from idx one by one in the interpreter (it stops at a failure or TERMINATE). */
  const interpret = (idx: number, count: number): number => {
    machine.pc = pc;
    machine.instret = instret;
    let n = 0;
    for (let i = 0; i < count && machine.status !== 'failed' && machine.status !== 'terminated'; i++)
      n += interpretOne(idx + i);
    pc = machine.pc;
    return n;
  };
  while (instret < maxInstructions) {
    const off = pc - base;
    const idx = off >= 0 && (off & 3) === 0 && off >>> 2 < code.length ? off >>> 2 : -1;
    let n: number;
    let len = idx < 0 || !compilable ? -1 : lens[idx];
    if (len === 0) len = lens[idx] = blockLength(code, idx, MAX_BLOCK) || -1;
    if (len < 0) n = interpret(idx, 1);
    else {
      // A region runs up to `cap` instructions: the window's rest, and never past maxInstructions.
      const cap = Math.min(budget, maxInstructions - instret);
      let fn: MeteredBlock | undefined;
      if (len > cap) {
        fn = singles[idx] ??= compile(idx, true);
        len = 1;
      } else {
        fn = blocks[idx];
        if (fn === undefined) {
          if (visits[idx] >= compileThreshold()) fn = blocks[idx] = compile(idx, false);
          else visits[idx]++;
        }
      }
      if (fn === undefined) n = interpret(idx, len);
      else {
        pc = fn(S1, S2, st, H, cap, pc);
        n = st.n;
        // The region stopped before an instruction it must not run (a failure): the interpreter runs it.
        if (st.bailed) {
          instret += n;
          budget -= n;
          n = interpret((pc - base) >>> 2, 1);
        }
      }
    }
    instret += n;
    budget -= n;
    if (machine.status === 'failed' || machine.status === 'terminated') break;
    if (budget === 0) {
      ctx.check();
      budget = window;
      st.page = -1;
      if (instret >= nextProgress) {
        nextProgress = instret + PROGRESS_EVERY;
        options.onProgress?.(instret);
      }
    }
  }
  machine.pc = pc;
  machine.instret = instret;
  if (machine.status === 'terminated') ctx.terminate(window - budget);
  return {
    segments: ctx.segments,
    instret: machine.instret,
    exitCode: machine.exitCode,
    error: machine.error,
    status: machine.status === 'terminated' || machine.status === 'failed' ? machine.status : 'paused',
  };
}

// Metered, segmented and attributed execution of a guest, in one pass over the ordinary interpreter
// (guest/isa/executor.ts) as an observer: OpenVM v1.7.0's metered execution (MeteredCtx, meteredCtx.ts) decides
// the segments while each segment is preflighted exactly as OpenVM does it afterwards (a fresh TracingMemory
// over the image at the segment's start, its records, finalize; segmentHeights.ts), and every row is charged
// to the call-stack node of the instruction that caused it.
// How one pass can do both: the run advances in windows of segment_check_insns instructions on the current
// segment's memory. OpenVM cuts a segment at the *previous* check (its checkpoint), so when a check cuts,
// the run goes back to that checkpoint (a copy-on-write snapshot taken when a cut at the next check was
// possible — `wouldSegmentWith` with one window's worst-case growth — else the segment's start snapshot
// plus a silent replay), finalizes the segment there, starts the next segment's memory and re-executes the
// window on it with the metered context muted (it already counted that window).
// Invariants: chip rows and instruction counts of a window are counted once (they do not depend on memory);
// adapter rows charged in a window that moved to the next segment are undone (its first touches need not
// be: the old segment's finalize only looks up the chunks its memory really touched); the per-segment
// heights sum to the per-node attributed rows (attribution.test.ts); the attribution log (attributionLog.ts)
// says when each row was caused, and summed over the whole run equals the per-node totals.
// Cost: the plain run plus one observer call per instruction (the access plan foresees RV32IM's memory
// accesses; only unforeseeable instructions get a per-access hook), a snapshot per check only near a cut,
// and a replay of one window per segment.
// Volatile memory (continuations disabled): OpenVM proves the run as ONE segment (SingleSegmentVmProver,
// crates/vm/src/arch/vm.rs:1196-1228: no metered execution, no cuts), with the volatile inventory
// (airs/volatileAirs.ts) and finalize(false) (segments/volatileHeights.ts); no Merkle tree is kept.

import { EngineError } from '../errors';
import type { MeteringOptions, MeteringResult, SegmentResult } from './meteringTypes';
export type { MeteringOptions, MeteringResult, SegmentResult } from './meteringTypes';
import { runExtensionAirs } from './airs/runExtensionAirs';
import { windowSlack } from './segments/windowSlack';
import { initialMerkleTree } from './segments/initialMerkleTree';
import type { GuestProgram } from '../guest/program/guestProgram';
import type { AccessHook, TracingMemory } from '../memory/tracingMemory';
import { accessPlan, MEM_HOOKED, MEM_NONE, MEM_REVEAL, MEM_RS1_IMM } from './segments/accessPlan';
import { GuestMachine, type GuestState } from '../timeline/machines/guestMachine';
import { OP_ALGEBRA } from '../guest/isa/opcodes';
import { algebraAirKey } from './airs/algebraAirs';
import { AirInventory, PERSISTENT_SYSTEM, volatileSystem } from './airs/airs';
import { AttributionLog } from './attribution/attributionLog';
import { WholeRunFold } from './attribution/wholeRunFold';
import { enterInstruction, FunctionTable, type StackCursor, StackTrie } from './attribution/callStacks';
import { FirstTouch } from './segments/firstTouch';
import { DEFAULT_SEGMENT_CHECK_INSNS, defaultLimits, type SegmentReason } from './segments/limits';
import { MeteredCtx } from './segments/meteredCtx';
import type { MerkleIds } from './segments/merkleIds';
import { type DynamicRows, dynamicRows, opcodeAirTable, precompileAirTable } from './airs/opcodeAirs';
import { finalizeSegment, programLength } from './segments/segmentHeights';
import { finalizeVolatileSegment } from './segments/volatileHeights';
import { startSegmentMemory } from './segments/segmentMemory';
import { markServedCalls } from './servedCalls';
import type { MemoryMode } from '../memory/config';

const NORMAL = 0;
const REPLAY = 1;
const SILENT = 2;

interface Snapshot {
  state: GuestState;
  instret: number;
}

export class MeteredRun {
  readonly inventory: AirInventory;
  readonly functions: FunctionTable;
  readonly trie: StackTrie;
  readonly metered: MeteredCtx;
  readonly programLength: number;
  readonly segments: SegmentResult[] = [];
  /** Rows charged per (node, AIR): nodeRows[node * airs + air]; instructions per node. */
  nodeRows = new Float64Array(0);
  nodeInstructions = new Float64Array(0);
  /** When each instruction ran in which node, and when every other row was caused (range queries). */
  readonly log: AttributionLog;
  /** Per instruction index: the AIR its static chip row goes to (-1: none), and 1 where its rows are dynamic. */
  readonly airOf: Int16Array;
  readonly dynamic: Uint8Array;
  /** The allocator interposition and memory mode metered (the debugged run's: timeline/openRun.ts). */
  readonly allocator: 'none' | 'observe' | 'orthotope';
  readonly memoryMode: MemoryMode;

  private readonly machine: GuestMachine;
  private readonly memory: TracingMemory;
  private readonly airCount: number;
  private readonly precompileAir: Int16Array;
  private readonly regMask: Uint16Array;
  private readonly memKind: Uint8Array;
  private readonly accessHook: AccessHook;
  private hooked = false;
  /**
   * The last instruction first-touched a chunk or ran hooked. Only then can it have made adapter records:
   * with the access plan's instructions every later access to a touched chunk is a 4-cell access of a
   * 4-cell block (no split, no merge); hooked ones may do anything.
   */
  private effects = false;
  private trieFunc: Int32Array;
  /** Register chunks (bit k = registers 2k, 2k+1) touched in this segment. */
  private regTouched = 0;
  private readonly funcOf: Int32Array;
  private readonly linkKind: Uint8Array;
  private readonly readRegister = (ptr: number) => this.memory.peekWord(1, ptr);
  private readonly window: number;
  private readonly maxInstret: number;
  private readonly slack: Float64Array;
  /** The Merkle tree of persistent memory; null for volatile memory (no continuations: one segment). */
  private readonly tree: MerkleIds | null;
  private readonly touches = new FirstTouch();
  private readonly cursor: StackCursor = { node: 0, pending: 0 };
  private node = 0;
  private mode = NORMAL;
  private readonly winRows: Float64Array;
  private segRows: Float64Array;
  private readonly lastRows = new Float64Array(5);
  private lastRecordCount = 0;
  private undo: number[] = [];
  private snapshot: Snapshot | null = null;
  /** The end (instret) of a segment closed since the last commit: the log may fold what came before. */
  private settleAt = -1;
  /** MeteringOptions.logBudgetBytes (Infinity: the full log is kept). */
  private readonly logBudget: number;
  private checkCursor: StackCursor = { node: 0, pending: 0 };
  /** Instret of the next instruction observed (the current one, whose rows are being charged, is one less). */
  private nextAt = 0;
  /** The last logged instruction's index (-2 after a change of node): a new run starts where it does not continue. */
  private lastIdx = -2;
  /** The one-segment timestamp at the current segment's start (meterView's segmentTimestamps). */
  private segBase = 1;
  /** Events from here on belong to the uncommitted window (its adapter rows are undone by a cut). */
  private eventMark = 0;
  /**
   * First-touch owners of this segment (FirstTouch's owner ids): the node and instret of the instruction
   * that first touched a chunk, created once per touching instruction.
   */
  private originNode: number[] = [];
  private originAt: number[] = [];
  private originOfAt = -1;

  constructor(
    readonly program: GuestProgram,
    options: MeteringOptions = {},
  ) {
    this.log = new AttributionLog(options.attribution !== 'totals');
    this.memoryMode = options.mode ?? 'persistent';
    const sys = options.vmConfig?.system;
    this.inventory = new AirInventory(
      options.extensions ?? runExtensionAirs(program, options.vmConfig),
      this.memoryMode === 'volatile'
        ? volatileSystem(sys?.numPublicValues, sys?.maxConstraintDegree)
        : PERSISTENT_SYSTEM,
    );
    this.airCount = this.inventory.length;
    const limits = { ...defaultLimits(), ...options.limits };
    if (options.maxSegmentLength !== undefined) limits.maxTraceHeight = options.maxSegmentLength;
    this.window = options.segmentCheckInsns ?? DEFAULT_SEGMENT_CHECK_INSNS;
    this.maxInstret = options.maxInstret ?? Infinity;
    if (!(this.window >= 1 && Number.isInteger(this.window)))
      throw new EngineError('request', `segment_check_insns must be a positive integer, got ${this.window}`);
    const code = program.decoded.code;
    this.programLength = programLength(code);
    this.metered = new MeteredCtx(this.inventory, limits, this.window, this.programLength);
    const byOp = opcodeAirTable(this.inventory);
    this.precompileAir = precompileAirTable(this.inventory);
    this.airOf = new Int16Array(code.length);
    for (let i = 0; i < code.length; i++) this.airOf[i] = byOp[code[i] & 0xff];
    // An algebra word's chip is static (its funct7 index and op): one row each, counted in step().
    for (let i = 0; i < code.length; i++)
      if ((code[i] & 0xff) === OP_ALGEBRA) {
        const key = algebraAirKey(program.decoded.imm[i]);
        this.airOf[i] = key !== null && this.inventory.has(key) ? this.inventory.id(key) : -1;
      }
    this.dynamic = new Uint8Array(code.length);
    for (let i = 0; i < code.length; i++) if (dynamicRows(code[i] & 0xff) !== undefined) this.dynamic[i] = 1;
    const plan = accessPlan(code);
    this.regMask = plan.regMask;
    this.memKind = plan.memKind;
    this.functions = new FunctionTable(program);
    this.funcOf = this.functions.funcOf;
    this.linkKind = this.functions.linkKind;
    this.allocator = options.allocator ?? 'none';
    // Served allocator calls get their own frames (servedCalls.ts): before the trie, which fixes the names.
    const served =
      this.allocator === 'orthotope'
        ? markServedCalls(program, this.functions, {
            airOf: this.airOf,
            dynamic: this.dynamic,
            regMask: this.regMask,
            memKind: this.memKind,
          })
        : [];
    this.trie = new StackTrie(this.functions.names.length);
    this.trieFunc = this.trie.func;
    if (options.attribution === 'whole-run') this.foldLog();
    this.logBudget =
      options.attribution === 'log' || options.attribution === undefined
        ? (options.logBudgetBytes ?? Infinity)
        : Infinity;
    this.winRows = new Float64Array(this.airCount);
    this.segRows = new Float64Array(this.airCount);
    this.slack = windowSlack(this.inventory, this.window);
    this.growNodes(256);

    // The debugged run's machine (timeline/openRun.ts): its memory mode and allocator interposition.
    this.machine = new GuestMachine(program, {
      mode: this.memoryMode,
      input: options.input,
      vmConfig: options.vmConfig,
      observeAllocator: this.allocator === 'observe',
      orthotope: this.allocator === 'orthotope',
    });
    this.memory = this.machine.memory;
    this.tree = this.inventory.continuations ? initialMerkleTree(this.memory) : null;
    this.machine.interpreter.onStep = (idx) => this.step(idx);
    // A served call runs no instruction of its own (no onStep): an observing hook before the serving one
    // counts it as the one instruction it is.
    const pcBase = program.decoded.pcBase;
    for (const idx of served)
      this.machine.interpreter.addHook(pcBase + 4 * idx, () => {
        this.step(idx);
        return false;
      });
    this.machine.interpreter.onPrecompile = (op, rows) => this.precompileRows(op, rows);
    // Installed only for the instructions the access plan cannot foresee (planAccess).
    this.accessHook = (as, ptr, size) => {
      if (this.mode !== SILENT) this.access(as, ptr, size, this.node);
    };
  }

  /** Runs the guest to its end; the segments are also in `this.segments`. */
  run(): MeteringResult {
    const m = this.machine.interpreter;
    this.snapshot = { state: this.machine.capture(), instret: 0 };
    for (;;) {
      const before = m.instret;
      this.machine.run(this.window);
      this.flushAdapterRows();
      if (m.status === 'failed') break;
      if (m.status === 'terminated' && this.tree === null) {
        // Volatile: the one segment is the whole run; no estimate decided anything (metered = exact rows).
        this.commitWindow();
        this.closeSegment(0, m.instret, null, null);
        break;
      }
      if (m.status === 'terminated') {
        this.commitWindow();
        const last = this.metered.terminate(m.instret - before);
        this.closeSegment(last.instretStart, last.numInsns, last.traceHeights, null);
        break;
      }
      if (this.tree === null) {
        this.commitWindow();
        if (m.instret >= this.maxInstret)
          return { segments: this.segments, instret: m.instret, exitCode: null, error: null, stopped: true };
        continue;
      }
      for (let air = 0; air < this.airCount; air++) this.metered.addRows(air, this.winRows[air]);
      const cut = this.metered.check();
      if (cut === null) this.commitWindow();
      else if (cut.instretStart + cut.numInsns === m.instret) {
        this.commitWindow();
        this.closeSegment(cut.instretStart, cut.numInsns, cut.traceHeights, cut.reason);
        this.openSegment();
      } else this.cutAtCheckpoint(cut.instretStart, cut.numInsns, cut.traceHeights, cut.reason);
      this.checkCursor = { node: this.node, pending: this.cursor.pending };
      if (this.metered.wouldSegmentWith(this.slack))
        this.snapshot = { state: this.machine.capture(), instret: m.instret };
      if (m.instret >= this.maxInstret)
        return { segments: this.segments, instret: m.instret, exitCode: null, error: null, stopped: true };
    }
    // After the last segment's close, segBase is the timestamp after the run (closeSegment).
    this.log.finish(
      m.instret,
      m.status === 'terminated' ? this.segBase : this.segBase + this.memory.timestamp - 1,
    );
    return { segments: this.segments, instret: m.instret, exitCode: m.exitCode, error: m.error };
  }

  // ---------- observers ----------

  private step(idx: number): void {
    const mode = this.mode;
    if (mode === SILENT) return;
    if (this.effects) this.settleEffects();
    // Volatile memory starts as single cells: the first access to each 4-cell unit (not only to each 8-cell
    // chunk FirstTouch sees) merges it, so every instruction's adapter records are charged right after it.
    if (this.tree === null) this.effects = true;
    const at = this.nextAt++;
    let node = this.node;
    if (this.cursor.pending !== 0 || this.trieFunc[node] !== this.funcOf[idx]) node = this.enter(idx);
    else this.cursor.pending = this.linkKind[idx];
    // What the instruction will touch (accessPlan.ts): register chunks, then its memory access.
    const regs = this.regMask[idx] & ~this.regTouched;
    if (regs !== 0) this.touchRegisters(regs, node);
    const mem = this.memKind[idx];
    if (mem !== MEM_NONE) this.planAccess(mem, idx, node);
    if (mode === REPLAY) return;
    if (idx !== this.lastIdx + 1) this.log.run(at, idx, node, this.segBase + this.memory.timestamp - 1);
    this.lastIdx = idx;
    this.nodeInstructions[node]++;
    const air = this.airOf[idx];
    if (air < 0) return;
    // A static row follows from the instruction index (the log's runs); dynamic ones are events.
    let rows = 1;
    if (this.dynamic[idx] !== 0) {
      rows = this.rowsOf(idx);
      this.log.event(at, node, air, rows);
    }
    this.winRows[air] += rows;
    this.nodeRows[node * this.airCount + air] += rows;
  }

  /** A precompile's rows, reported by the interpreter after it executed (not recounted in a replay). */
  private precompileRows(op: number, rows: number): void {
    // Algebra rows are static per instruction and counted in step().
    if (this.mode !== NORMAL || op === OP_ALGEBRA) return;
    const air = this.precompileAir[op];
    if (air < 0) throw new EngineError('internal', `no AIR for precompile opcode ${op}`);
    this.winRows[air] += rows;
    this.nodeRows[this.node * this.airCount + air] += rows;
    this.log.event(this.nextAt - 1, this.node, air, rows);
  }

  private rowsOf(idx: number): number {
    const d = this.program.decoded;
    const f = dynamicRows(d.code[idx] & 0xff) as DynamicRows;
    return f(this.readRegister, d.code[idx], d.imm[idx]);
  }

  /** After an instruction that first-touched a chunk or ran hooked: unhook, charge its adapter rows. */
  private settleEffects(): void {
    this.effects = false;
    if (this.hooked) {
      this.memory.onAccess = null;
      this.hooked = false;
    }
    this.flushAdapterRows();
  }

  private enter(idx: number): number {
    this.cursor.node = this.node;
    const node = enterInstruction(this.trie, this.functions, this.cursor, idx);
    this.trieFunc = this.trie.func;
    if (node >= this.nodeInstructions.length) this.growNodes(this.trie.size);
    if (node !== this.node) this.lastIdx = -2;
    this.node = node;
    return node;
  }

  private touchRegisters(mask: number, node: number): void {
    this.regTouched |= mask;
    this.effects = true;
    for (let k = 0; k < 16; k++) if ((mask >>> k) & 1) this.touch(1, 8 * k, 8, node);
  }

  /** FirstTouch.touch with the current instruction as the owner of new chunks (an origin made on demand). */
  private touch(as: number, ptr: number, size: number, node: number): boolean {
    const at = this.nextAt - 1;
    const mine = this.originOfAt === at;
    const id = mine ? this.originNode.length - 1 : this.originNode.length;
    if (!this.touches.touch(as, ptr, size, id)) return false;
    if (!mine) {
      this.originNode.push(node);
      this.originAt.push(at);
      this.originOfAt = at;
    }
    return true;
  }

  private planAccess(kind: number, idx: number, node: number): void {
    if (kind === MEM_HOOKED) {
      this.memory.onAccess = this.accessHook;
      this.hooked = true;
      this.effects = true;
      return;
    }
    const c = this.program.decoded.code[idx];
    let as = 2;
    let ptr: number;
    if (kind === MEM_RS1_IMM)
      ptr = ((this.memory.peekWord(1, (c >>> 16) & 0xff) + this.program.decoded.imm[idx]) & ~3) >>> 0;
    else if (kind === MEM_REVEAL) {
      as = 3;
      ptr = (this.memory.peekWord(1, (c >>> 8) & 0xff) + this.program.decoded.imm[idx]) >>> 0;
    } else ptr = this.memory.peekWord(1, (c >>> 8) & 0xff);
    this.access(as, ptr, 4, node);
  }

  private access(as: number, ptr: number, size: number, node: number): void {
    if ((as !== 1 || this.touches.registers[ptr >>> 3] === 0) && this.touch(as, ptr, size, node))
      this.effects = true;
    // The metered estimate decides cuts; a volatile run has none (and OpenVM meters none).
    if (this.mode === NORMAL && (as !== 1 || size > 4) && this.tree !== null)
      this.metered.onMemoryOperation(as, ptr, size);
  }

  /** Charges the adapter rows recorded since the last call to the current instruction's node. */
  private flushAdapterRows(): void {
    const rec = this.memory.records;
    this.lastRecordCount = rec.splits + rec.merges;
    const base = this.node * this.airCount + this.inventory.adapterOffset;
    for (let k = 0; k < 5; k++) {
      const d = rec.rows[k] - this.lastRows[k];
      if (d === 0) continue;
      this.lastRows[k] = rec.rows[k];
      this.nodeRows[base + k] += d;
      this.log.event(this.nextAt - 1, this.node, this.inventory.adapterOffset + k, d);
      if (this.mode === NORMAL) this.undo.push(base + k, d);
    }
  }

  /** From now on the log keeps only the whole run's profile (wholeRunFold.ts). */
  private foldLog(): void {
    this.log.folder = new WholeRunFold(this.trie, this.functions, this.airOf, this.dynamic, this.airCount);
  }

  // ---------- segments ----------

  private commitWindow(): void {
    for (let i = 0; i < this.airCount; i++) this.segRows[i] += this.winRows[i];
    this.winRows.fill(0);
    this.undo = [];
    // Over its budget the log is folded from here (WholeRunFold takes everything settled so far too).
    if (this.settleAt >= 0 && this.log.folder === null && this.log.bytes() > this.logBudget) this.foldLog();
    if (this.settleAt >= 0) this.log.settle(this.settleAt);
    this.settleAt = -1;
    this.eventMark = this.log.eventCount;
  }

  /** A cut at the last checkpoint C, decided at the check after it: rewind, close, re-open, replay. */
  private cutAtCheckpoint(
    start: number,
    numInsns: number,
    metered: Float64Array,
    reason: SegmentReason | null,
  ): void {
    const end = start + numInsns;
    const m = this.machine.interpreter;
    const x = m.instret;
    for (let i = 0; i < this.undo.length; i += 2) this.nodeRows[this.undo[i]] -= this.undo[i + 1];
    this.undo = [];
    const adapters = this.inventory.adapterOffset;
    this.log.dropSince(this.eventMark, adapters, adapters + 5);
    const snap = this.snapshot;
    if (snap === null || snap.instret > end)
      throw new EngineError('internal', `no snapshot at or before instret ${end}`);
    this.machine.restore(snap.state);
    if (snap.instret < end) {
      this.mode = SILENT;
      this.machine.run(end - snap.instret);
      this.mode = NORMAL;
    }
    this.closeSegment(start, numInsns, metered, reason);
    const window = this.winRows.slice();
    this.winRows.fill(0);
    this.openSegment();
    this.segRows.set(window);
    // Re-execute the window C..X on the new segment's memory (instructions and chip rows already counted).
    Object.assign(this.cursor, this.checkCursor);
    this.node = this.cursor.node;
    this.nextAt = end;
    this.mode = REPLAY;
    // Served allocator calls of the window were recorded with the old segment's timestamps.
    this.machine.interposer?.forgetFuture();
    this.machine.run(x - end);
    this.flushAdapterRows();
    this.mode = NORMAL;
    if (m.instret !== x || this.nextAt !== x)
      throw new EngineError('internal', `replay ended at instret ${m.instret}, expected ${x}`);
    this.eventMark = this.log.eventCount;
  }

  private closeSegment(
    start: number,
    numInsns: number,
    metered: Float64Array | null,
    reason: SegmentReason | null,
  ): void {
    const endTimestamp = this.memory.timestamp;
    const h =
      this.tree === null
        ? finalizeVolatileSegment(this.inventory, this.memory, this.segRows, this.programLength, this.touches)
        : finalizeSegment(
            this.inventory,
            this.memory,
            this.segRows,
            this.programLength,
            this.tree,
            this.touches,
          );
    // Finalize's rows go to the instruction that first touched the chunk (its origin).
    for (const c of h.charges) {
      const node = c.owner >= 0 ? this.originNode[c.owner] : 0;
      const at = c.owner >= 0 ? this.originAt[c.owner] : -1;
      this.nodeRows[node * this.airCount + c.air] += c.rows;
      this.log.event(at, node, c.air, c.rows);
    }
    this.segBase += endTimestamp - 1;
    this.settleAt = start + numInsns;
    this.segments.push({
      index: this.segments.length,
      instretStart: start,
      numInsns,
      rows: h.rows,
      padded: h.padded,
      metered: metered ?? h.rows.slice(),
      reason,
      endTimestamp,
    });
  }

  private openSegment(): void {
    startSegmentMemory(this.memory);
    this.touches.clear();
    this.originNode = [];
    this.originAt = [];
    this.originOfAt = -1;
    this.regTouched = 0;
    this.segRows = new Float64Array(this.airCount);
    this.lastRows.fill(0);
    this.lastRecordCount = 0;
    this.snapshot = { state: this.machine.capture(), instret: this.machine.interpreter.instret };
  }

  // ---------- setup ----------

  private growNodes(atLeast: number): void {
    let n = Math.max(256, this.nodeInstructions.length);
    while (n <= atLeast) n *= 2;
    const rows = new Float64Array(n * this.airCount);
    rows.set(this.nodeRows);
    const instr = new Float64Array(n);
    instr.set(this.nodeInstructions);
    this.nodeRows = rows;
    this.nodeInstructions = instr;
  }
}

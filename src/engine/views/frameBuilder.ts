// Builds a Frame (frameTypes.ts) from a Session at its current position: the program view, the step that
// led here with its records explained, lanes (overview + zoomed cells), the selected block with its
// history and the reason for its size, adapter rows, and the allocator panel's data.
// Views never change the run: every query returns to the position it started from.

import { allocatorView } from '../alloc/views/allocatorView';
import { AllocEventLog, type EventKind } from '../alloc/orthotope/events';
import { decodeMetadata } from '../memory/accessMetadata';
import type { MemoryMode } from '../memory/config';
import { disassembleRange, disassembleWord, formatDisassembly } from '../guest/isa/disassembler';
import { decodeAlgebraWord } from '../guest/extensions/algebra/algebraDecode';
import { algebraDescription } from '../guest/extensions/algebra/algebraNames';
import { decodeWord } from '../guest/isa/decoder';
import { OP_ADD256, OP_BEQ256, OP_BGEU256, OP_NAMES } from '../guest/isa/opcodes';
import { algebraRegisterRoles, groupOperandAccesses, type RegisterRole } from './operandAccesses';
import { REG_NAMES } from '../guest/isa/registerNames';
import type { Session } from '../session';
import { allocatorHistory } from './allocatorHistory';
import { explainRecord } from './explainRecord';
import type {
  BlockView,
  Frame,
  FrameRequest,
  GuestProgramView,
  LaneView,
  ProgramStatic,
  ScriptProgramView,
  SourceView,
  StepOperands,
  StepView,
} from './frameTypes';
import { debugInfoOf } from '../guest/debuginfo/dwarf/debugInfo';
import type { GuestProgram } from '../guest/program/guestProgram';
import { followWindow } from './followWindow';
import { memoryOverview } from './memoryOverview';
import { transferable } from './transferable';
import type { MemoryRangeView } from '../timeline/queries/memoryView';

/** Marks every column of a freshly built memory range as transferable. */
function owned(range: MemoryRangeView): MemoryRangeView {
  for (const a of [
    range.values,
    range.raw,
    range.offsetToStart,
    range.blockStart,
    range.blockSize,
    range.timestamp,
  ])
    transferable(a);
  return range;
}
import type { AdapterRecord } from '../memory/recordLog';
import type { WindowView } from '../timeline/queries/windowQuery';
import { describeMissing, missingSettings } from '../guest/extensions/configCheck';

export { REG_NAMES };

/** Records of a window as objects. */
function windowRecords(w: WindowView): AdapterRecord[] {
  const r = w.records;
  const out: AdapterRecord[] = [];
  for (let i = 0; i < r.count; i++) {
    const b = r.blockSize[i];
    const l = r.lowestBlockSize[i];
    const rec: AdapterRecord = {
      kind: r.merge[i] ? 'merge' : 'split',
      addressSpace: r.addressSpace[i],
      pointer: r.pointer[i],
      blockSize: b,
      lowestBlockSize: l,
      typeSize: r.typeSize[i],
      timestamp: r.timestamp[i],
      timestampAndMask: (r.timestamp[i] | (r.merge[i] ? 0x80000000 : 0)) >>> 0,
      data: Array.from(r.data.subarray(r.dataStart[i], r.dataStart[i] + b)),
    };
    if (r.merge[i])
      rec.prevTimestamps = Array.from(r.prevTs.subarray(r.prevTsStart[i], r.prevTsStart[i] + b / l));
    out.push(rec);
  }
  return out;
}

export class FrameBuilder {
  constructor(
    private readonly session: Session,
    readonly name: string,
    readonly text: string | null,
  ) {}

  mode(): MemoryMode | null {
    const o = this.session.opened;
    if (o.kind === 'guest') return o.machine.mode;
    if (o.kind === 'mtrace') return o.machine.program.mode;
    return null;
  }

  /** The step that led to the current position (null at step 0). */
  stepView(): StepView | null {
    const s = this.session;
    const pos = s.position();
    if (pos.step === 0 || s.kind === 'alloc') return null;
    const last = pos.step - 1;
    // t1 = the current timestamp, not one less: a step that takes no time (finalize) starts at the current
    // timestamp, and only a window reaching it re-executes it (the next step's rows are filtered out below).
    const t1 = pos.timestamp;
    // A step's accesses lie within the few timestamps before the current one; widen until the window
    // starts in an earlier step (hintbuffer spans 3n timestamps, ticks jump, a BLS12-381 Fp2 MUL makes 21
    // accesses): a window starting inside step `last` would drop its accesses before t0.
    let span = 8;
    let w = s.window(Math.max(0, pos.timestamp - span), t1);
    while (w.firstStep >= last && span < pos.timestamp) {
      span *= 8;
      w = s.window(Math.max(0, pos.timestamp - span), t1);
    }
    const records = windowRecords(w);
    const view: StepView = {
      step: last,
      accesses: [],
      records: [],
      explanations: [],
      finalizeRecords: 0,
      operands: null,
      timestampOffset: pos.timestamp - pos.segmentTimestamp,
    };
    const keep: number[] = [];
    const remap = new Map<number, number>();
    for (let i = 0; i < w.records.count; i++) {
      if (w.records.step[i] !== last) continue;
      remap.set(i, keep.length);
      keep.push(i);
    }
    const mode = this.mode() ?? 'persistent';
    const guest = this.session.opened.kind === 'guest';
    const a = w.accesses;
    for (let i = 0; i < a.count; i++) {
      if (a.step[i] !== last) continue;
      const start = remap.get(a.recordStart[i]) ?? keep.length;
      const end = start + (a.recordEnd[i] - a.recordStart[i]);
      view.accesses.push({
        timestamp: a.timestamp[i],
        tPrev: a.tPrev[i],
        addressSpace: a.addressSpace[i],
        pointer: a.pointer[i],
        size: a.size[i],
        write: a.write[i] === 1,
        recordStart: start,
        recordEnd: end,
      });
    }
    for (const i of keep) {
      const rec = records[i];
      const accessIndex = w.records.access[i];
      const acc =
        accessIndex >= 0
          ? {
              op: a.write[accessIndex] ? ('write' as const) : ('read' as const),
              addressSpace: a.addressSpace[accessIndex],
              pointer: a.pointer[accessIndex],
              size: a.size[accessIndex],
              timestamp: a.timestamp[accessIndex],
              byPrecompile: guest && a.size[accessIndex] >= 16,
            }
          : undefined;
      if (acc === undefined) view.finalizeRecords++;
      view.records.push(rec);
      view.explanations.push(explainRecord(rec, acc, mode));
    }
    if (w.pcs !== null && last >= w.firstStep)
      view.operands = this.stepOperands(w.pcs[last - w.firstStep], view);
    return view;
  }

  /** The step at `pc` grouped per operand, when it is an algebra / ECC / Int256 heap-adapter instruction. */
  private stepOperands(pc: number, view: StepView): StepOperands | null {
    const o = this.session.opened;
    if (o.kind !== 'guest' || pc === undefined) return null;
    const { elf } = o.machine.program;
    const word = elf.instructions[(pc - elf.pcBase) / 4];
    if (word === undefined) return null;
    const config = o.machine.interpreter.config;
    let roles: RegisterRole[] | null = null;
    let description = '';
    const algebra = decodeAlgebraWord(word);
    if (algebra !== undefined && 'ok' in algebra) {
      roles = algebraRegisterRoles(algebra.ok);
      description = algebraDescription(algebra.ok, config);
    } else {
      // Int256: Rv32HeapAdapter<2, 32, 32> (rs1, rs2, rd) or Rv32HeapBranchAdapter<2, 32> (rs1, rs2).
      const op = decodeWord(word).op;
      if (op >= OP_ADD256 && op <= OP_BGEU256) {
        roles = op >= OP_BEQ256 ? ['rs1', 'rs2'] : ['rs1', 'rs2', 'rd'];
        description = `${OP_NAMES[op]} (32 B)`;
      }
    }
    const groups = roles === null ? null : groupOperandAccesses(roles, view.accesses);
    if (groups === null) return null;
    const text = formatDisassembly(disassembleWord(word, pc, { vmConfig: config }));
    return { pc, text, description, groups };
  }

  program(context: number, step: StepView | null): GuestProgramView | ScriptProgramView | null {
    const o = this.session.opened;
    const pos = this.session.position();
    if (o.kind === 'guest') {
      const program = o.machine.program;
      const words = program.elf.instructions;
      const pcBase = program.elf.pcBase;
      const pc = pos.pc ?? pcBase;
      const index = Math.max(0, Math.floor((pc - pcBase) / 4));
      const from = Math.max(0, index - context);
      const to = Math.min(words.length, index + context + 1);
      const registers = transferable(this.session.registers());
      // The registers the last step wrote: its AS1 writes (x0 is never written), exact at any position.
      const changed = (step?.accesses ?? [])
        .filter((a) => a.write && a.addressSpace === 1)
        .map((a) => a.pointer / 4);
      const run = o.machine.run_;
      const fn = program.symbols.functionAt(pc);
      return {
        kind: 'guest',
        pc,
        where: fn ? `${fn.symbol.displayName}+0x${fn.offset.toString(16)}` : null,
        lines: disassembleRange(
          words.subarray(from, to),
          pcBase + 4 * from,
          program.symbols,
          true,
          o.machine.interpreter.config,
        ),
        registers,
        changed,
        console: o.machine.interpreter.console,
        publicValues: transferable(run.publicValues()),
        exitCode: o.machine.interpreter.exitCode,
        hint: { inputRemaining: run.streams.inputRemaining, hintRemaining: run.streams.hintRemaining },
        source: this.source(program, pc),
      };
    }
    if (o.kind === 'mtrace' || o.kind === 'alloc') {
      const lastLine = pos.step > 0 ? this.lineOfStep(pos.step - 1) : null;
      return { kind: 'script', lastLine, nextLine: pos.line };
    }
    return null;
  }

  /** The source line of pc (the call's line when pc starts an inlined call, as gdb shows it) and the stack. */
  private source(program: GuestProgram, pc: number): SourceView | null {
    const debug = debugInfoOf(program);
    if (!debug.hasLines) return null;
    const at = debug.presentedLine(pc);
    const row = debug.lineAt(pc);
    const stack = this.session.callStack().map((f) => ({
      function: f.function,
      file: f.file,
      line: f.line,
      inlined: f.inlined,
      pc: f.pc,
      level: f.level,
    }));
    return { file: at?.file ?? null, line: at?.line ?? 0, column: row?.column ?? 0, stack };
  }

  /** The session's unchanging program data (symbols or script text): built once, at open. */
  programStatic(): ProgramStatic | null {
    const o = this.session.opened;
    if (o.kind === 'guest') {
      const symbols = o.machine.program.symbols.symbols
        .filter((s) => s.type === 2 && s.name !== '')
        .map((s) => ({ name: s.displayName, address: s.address }));
      const extensions = o.machine.program.decoded.extensions.map((e) => ({ ...e }));
      const debug = debugInfoOf(o.machine.program);
      // What OpenVM would refuse: settings the program's instructions need that its config lacks.
      const missing = describeMissing(
        missingSettings(o.machine.program.decoded, o.machine.interpreter.config),
      );
      return {
        kind: 'guest',
        symbols,
        extensions,
        missingSettings: missing,
        configSource: o.machine.interpreter.config.source,
        sourceFiles: debug.lines.files,
        debugProblems: [...debug.problems],
      };
    }
    return { kind: 'script', text: this.text ?? '' };
  }

  private lineOfStep(step: number): number | null {
    const o = this.session.opened;
    if (o.kind === 'mtrace') return step < o.machine.program.count ? o.machine.program.line[step] : null;
    if (o.kind === 'alloc') return o.machine.trace.directives[step]?.line ?? null;
    return null;
  }

  lanes(request: FrameRequest): LaneView[] {
    const memory = this.session.opened.machine.memory;
    if (memory === null) return [];
    return request.lanes.map((l) => {
      const s = memory.space(l.addressSpace);
      const cells = s.config.numCells;
      const overview = memoryOverview(memory, l.addressSpace, l.start, l.end, l.buckets);
      // The last access in the whole space, whichever step made it (the overview may be zoomed in).
      const whole =
        l.start <= 0 && l.end >= cells ? overview : memoryOverview(memory, l.addressSpace, 0, cells, 1);
      const lastAccess = whole.newestCell < 0 ? null : { pointer: whole.newestCell, timestamp: whole.newest };
      let detail = l.detail;
      if (detail && l.follow && lastAccess) {
        const { len } = detail;
        const addr = followWindow(s, {
          addr: detail.addr,
          len,
          row: l.row ?? len,
          pointer: lastAccess.pointer,
          cells,
        });
        detail = { addr, len };
      }
      return {
        addressSpace: l.addressSpace,
        name: s.config.name,
        cells,
        align: s.align,
        overview,
        detail: detail ? owned(this.session.memory(l.addressSpace, detail.addr, detail.len)) : null,
        lastAccess,
      };
    });
  }

  block(selection: FrameRequest['selection']): BlockView | null {
    const memory = this.session.opened.machine.memory;
    if (!selection || memory === null) return null;
    const s = memory.space(selection.addressSpace);
    const unit = Math.floor(selection.pointer / s.align);
    const offset = s.metaOffset(unit);
    const startUnit = unit - offset;
    const meta = decodeMetadata(s.metaWord(startUnit), 0);
    const blockStart = startUnit * s.align;
    const blockSize = meta.blockSize === 0 ? s.align : meta.blockSize;
    const history = this.session.blockHistory(selection.addressSpace, blockStart, blockSize, 32);
    const why =
      meta.blockSize === 0
        ? `No access has touched this ${s.align}-cell unit yet: it is still part of the initial memory (timestamp 0).`
        : whyBlockSize(blockStart, meta.blockSize, s.align, history);
    return {
      addressSpace: selection.addressSpace,
      pointer: selection.pointer,
      block: owned(this.session.memory(selection.addressSpace, blockStart, blockSize)),
      blockStart,
      blockSize,
      history,
      why,
    };
  }

  build(request: FrameRequest): Frame {
    const s = this.session;
    const o = s.opened;
    let allocator: Frame['allocator'] = null;
    const step = this.stepView();
    if (o.kind === 'alloc') {
      // The error shown is the last step's (if it failed): its events, re-executed by a window query.
      const pos = s.position();
      const events = new AllocEventLog(16);
      const w = pos.step > 0 ? s.window(pos.step - 1, pos.step - 1).events : null;
      if (w)
        for (let i = 0; i < w.count; i++)
          events.push(
            w.kind[i] as EventKind,
            w.op[i],
            w.thread[i],
            w.cls[i],
            w.offset[i],
            w.size[i],
            w.countField[i],
            w.code[i],
          );
      allocator = {
        kind: 'orthotope',
        view: allocatorView(o.machine.allocator, { events }),
        history: allocatorHistory(s),
      };
    } else if (o.kind === 'guest' && o.machine.calls !== null) {
      const v = s.allocator();
      if (v.kind === 'observed') allocator = { kind: 'observed', view: v };
    } else if (o.kind === 'guest' && o.machine.interposer !== null) {
      // The orthotope model serving the guest's allocator: its arena lives in AS2 at the heap start.
      allocator = {
        kind: 'orthotope',
        view: allocatorView(o.machine.interposer.allocator),
        history: allocatorHistory(s),
      };
    }
    return {
      kind: s.kind,
      name: this.name,
      mode: this.mode(),
      position: s.position(),
      info: s.info(),
      step,
      adapterRows: s.kind === 'alloc' ? null : s.adapterRows(),
      program: this.program(request.disasmContext ?? 12, step),
      lanes: this.lanes(request),
      block: this.block(request.selection),
      allocator,
    };
  }
}

/** "Why is this block this size?" from its metadata and its last access. */
export function whyBlockSize(
  start: number,
  size: number,
  align: number,
  history: {
    count: number;
    timestamp: Uint32Array;
    pointer: Uint32Array;
    size: Uint8Array;
    write: Uint8Array;
  },
): string {
  const n = history.count;
  const last = n > 0 ? n - 1 : -1;
  if (size === align) {
    const lastAccess =
      last >= 0
        ? ` Its last access was the ${history.write[last] ? 'write' : 'read'} of ${history.size[last]} cells at ${history.pointer[last]} (t ${history.timestamp[last]}).`
        : '';
    return `This is a ${size}-cell block, the smallest this address space has (min_block_size ${align}): it was either accessed at exactly this size, or split down to it when an access overlapped a larger block (split_by_meta always splits all the way down), or by the first touch of its chunk.${lastAccess}`;
  }
  if (last >= 0 && history.pointer[last] === start && history.size[last] === size) {
    return `This ${size}-cell block was made by the ${history.write[last] ? 'write' : 'read'} at t ${history.timestamp[last]}, which accessed exactly [${start}, ${start + size}) as one block: set_meta_block records one timestamp for all of it (merging smaller pieces first if it had to).`;
  }
  return `This ${size}-cell block [${start}, ${start + size}) was made by an access of exactly that range; later accesses of the same block and size keep it (no records).`;
}

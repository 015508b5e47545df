// What the debugger shows at one position, in one structured-clone-safe object (a "frame"): built in the
// worker after every move and posted to the UI, which never owns engine state. The UI says what it wants
// to see (FrameRequest: lanes and their zoom, the selected cell) and gets exactly that back.

import type { AllocatorView as OrthotopePanelView } from '../alloc/views/allocatorView';
import type { ExtensionUse } from '../guest/isa/decoder';
import type { DisassemblyLine } from '../guest/isa/disassembler';
import type { AccessList } from '../timeline/queries/blockHistory';
import type { MemoryRangeView } from '../timeline/queries/memoryView';
import type { AdapterRowsView, Position, SessionInfo, SessionKind } from '../timeline/sessionTypes';
import type { ObservedHeapView } from '../timeline/queries/allocatorView';
import type { AllocatorHistory } from './allocatorHistory';
import type { RecordExplanation } from './explainRecord';
import type { MemoryOverview } from './memoryOverview';
import type { AdapterRecord } from '../memory/recordLog';
import type { OperandAccesses } from './operandTypes';

export interface LaneRequest {
  addressSpace: number;
  /** Overview range and resolution (cells, buckets). */
  start: number;
  end: number;
  buckets: number;
  /** The zoomed-in cells, drawn one by one. */
  detail?: { addr: number; len: number };
  /** Move the detail onto the last access in this space at this position (followWindow.ts). */
  follow?: boolean;
  /** Cells per row of the UI's grid: a followed window starts on a row (default: `detail.len`). */
  row?: number;
}

export interface FrameRequest {
  lanes: LaneRequest[];
  selection?: { addressSpace: number; pointer: number };
  /** Disassembly lines before and after pc (guest runs). */
  disasmContext?: number;
}

export interface StepAccess {
  timestamp: number;
  tPrev: number;
  addressSpace: number;
  pointer: number;
  size: number;
  write: boolean;
  /** Indices into StepView.records of the records this access appended. */
  recordStart: number;
  recordEnd: number;
}

/** The step that led to the current position: its accesses and the records they appended. */
export interface StepView {
  step: number;
  accesses: StepAccess[];
  records: AdapterRecord[];
  explanations: RecordExplanation[];
  /** Records appended by no access (finalize). */
  finalizeRecords: number;
  /** Guests: a heap-adapter step's (algebra, ECC, Int256) accesses grouped per operand; else null. */
  operands: StepOperands | null;
  /**
   * Segmented runs: the run's global timestamp minus the segment's own at this step (0 for one segment).
   * Access timestamps are global; t_prev and record timestamps are the segment's own.
   */
  timestampOffset: number;
}

/** The heap-adapter step just run, its accesses per operand (views/operandAccesses.ts). */
export interface StepOperands {
  pc: number;
  /** `mulmod[secp256k1_coord] a0, a1, a2` */
  text: string;
  /** `MULMOD secp256k1 coordinate field (32 B)` */
  description: string;
  groups: OperandAccesses;
}

export interface GuestProgramView {
  kind: 'guest';
  pc: number;
  /** The function containing pc, as symbol+offset. */
  where: string | null;
  lines: DisassemblyLine[];
  registers: Uint32Array;
  /** Registers the last step changed. */
  changed: number[];
  console: string;
  publicValues: Uint8Array;
  exitCode: number | null;
  hint: { inputRemaining: number; hintRemaining: number };
  /** Where pc is in the source (DWARF line table and call frames); null when the ELF has no line info. */
  source: SourceView | null;
}

/** The source position of a guest's pc and its call stack (innermost first, inlined calls as frames). */
export interface SourceView {
  file: string | null;
  line: number;
  column: number;
  stack: {
    function: string;
    file: string | null;
    line: number;
    inlined: boolean;
    pc: number;
    level: number;
  }[];
}

export interface ScriptProgramView {
  kind: 'script';
  /** The line of the directive that ran last (highlighted), and of the next. */
  lastLine: number | null;
  nextLine: number | null;
}

/**
 * What never changes in a session: sent once when it opens (FrameBuilder.programStatic), not with every
 * frame. Guests: the function symbols and the source files of their DWARF line table (with what of their DWARF
 * could not be read); scripts (.mtrace, .alloc): the script text.
 */
export type ProgramStatic =
  | {
      kind: 'guest';
      symbols: { name: string; address: number }[];
      /** The OpenVM extensions beyond RV32IM + IO the program's code uses (implemented or not). */
      extensions: ExtensionUse[];
      /** Settings the program's instructions need that its VM config lacks (configCheck.describeMissing). */
      missingSettings: string[];
      /** Where the VM config came from: 'defaults' or the openvm.toml's name. */
      configSource: string;
      sourceFiles: string[];
      debugProblems: string[];
    }
  | { kind: 'script'; text: string };

export interface LaneView {
  addressSpace: number;
  name: string;
  cells: number;
  align: number;
  overview: MemoryOverview;
  detail: MemoryRangeView | null;
  /** The last access in this space at this position: its block's first cell and timestamp. */
  lastAccess: { pointer: number; timestamp: number } | null;
}

export interface BlockView {
  addressSpace: number;
  pointer: number;
  /** The block containing the selected cell (or the cell's unit when untouched). */
  block: MemoryRangeView;
  blockStart: number;
  blockSize: number;
  history: AccessList;
  /** Why the block has its size: the last record that shaped it, explained. */
  why: string;
}

export type AllocatorPanelData =
  /** `history`: the metrics over the recorded run, with the current position as its cursor (allocatorHistory.ts). */
  | { kind: 'orthotope'; view: OrthotopePanelView; history?: AllocatorHistory }
  | { kind: 'observed'; view: ObservedHeapView };

export interface Frame {
  kind: SessionKind;
  name: string;
  mode: 'persistent' | 'volatile' | null;
  position: Position;
  info: SessionInfo;
  step: StepView | null;
  adapterRows: AdapterRowsView | null;
  program: GuestProgramView | ScriptProgramView | null;
  lanes: LaneView[];
  block: BlockView | null;
  allocator: AllocatorPanelData | null;
}

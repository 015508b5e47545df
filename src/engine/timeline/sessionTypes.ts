// The plain, structured-clone-safe shapes of the Session API (src/engine/session.ts): what the worker
// sends across postMessage. Bulk data is in typed arrays; everything else is numbers, strings and arrays.
// Timeline axes: guest and .mtrace runs use TracingMemory's timestamp (a guest instruction spans several);
// .alloc runs use the directive index (timestamp = step). One step = one instruction / directive.

import type { ErrorInfo } from '../errors';
import type { ExtensionUse } from '../guest/isa/decoder';
import type { GuestInput } from '../guest/io/input';
import type { MemoryMode } from '../memory/config';
import type { CheckpointStats } from './recording/checkpointStore';
import type { ProbeHit } from './queries/probes';
import type { TimelineEnd } from './recording/timeline';

/**
 * A guest run's step limit unless the user sets one (the app, `exec`, the gdbserver): 2 × 10^9, so OpenVM's
 * large workloads (10^8–10^9 instructions, e.g. the fibonacci benchmark at 10^9 + 28) run to their end while
 * an endless loop still stops. Scripts have none.
 */
export const DEFAULT_GUEST_MAX_STEPS = 2_000_000_000;

export type SessionKind = 'guest' | 'mtrace' | 'alloc';

export interface SessionOptions {
  /** Guest runs: OpenVM continuation mode (default persistent). .mtrace scripts choose with `mode`. */
  mode?: MemoryMode;
  /** The run stops with status 'limit' after this many steps (default for guests: DEFAULT_GUEST_MAX_STEPS). */
  maxSteps?: number;
  /**
   * Guest runs: the text of the openvm.toml the guest was built with (guest/config/vmConfig.ts): which algebra /
   * ECC / pairing moduli and curves exist, and the system settings (continuation_enabled -> the default
   * mode). Without it, RV32IM + IO defaults.
   */
  openvmToml?: string;
  /** The openvm.toml's file name, for error messages. */
  openvmTomlName?: string;
  /** Guest input in the OpenVM CLI format: one hex string or a JSON document `{"input": [...]}`. */
  input?: string;
  /** Guest input as byte vectors (each one input vector, as a `0x01...` hex string would give). */
  inputVectors?: readonly Uint8Array[];
  /** Guest input already parsed (guest/io/input.ts), e.g. by the CLI from a file. */
  parsedInput?: GuestInput;
  /**
   * Guest allocator interposition: 'observe' records the calls to the guest's own allocator; 'orthotope'
   * serves them with the orthotope model, its arena in guest memory (guest/alloc/allocInterposer.ts).
   */
  allocator?: 'none' | 'observe' | 'orthotope';
  /** Memory budget of the checkpoints in bytes (default 48 MiB). */
  memoryBudgetBytes?: number;
  /** Steps between checkpoints when they are cheap (tests use small values). */
  checkpointInterval?: number;
  /**
   * Persistent guest runs: OpenVM's segmentation (continuations). Default: segmented as `exec --segments`
   * cuts the run with the SDK's default limits; settings as `exec`'s options; `false`: one TracingMemory for
   * the whole run (what OpenVM would do with segmentation switched off).
   */
  segments?: false | SegmentSettings;
}

/** The segmentation settings of `exec --segments` (absent: OpenVM's SDK defaults). */
export interface SegmentSettings {
  /** SystemConfig::with_max_segment_len: max_trace_height = N. */
  maxSegmentLength?: number;
  /** cargo openvm prove --segment-max-height-bits: max_trace_height = 2^B (not with maxSegmentLength). */
  segmentMaxHeightBits?: number;
  /** cargo openvm prove --segment-max-cells. */
  segmentMaxCells?: number;
  /** The metered pass's check interval (OpenVM: 1000; tests use small values). */
  segmentCheckInsns?: number;
}

/** One segment of a segmented run, on both time axes. */
export interface SegmentView {
  index: number;
  /** Steps [startStep, startStep + numInsns) are its instructions. */
  startStep: number;
  numInsns: number;
  /** Global timestamp of its start (its own timestamp 1); null until known (a pass giving only cuts). */
  startTimestamp: number | null;
  /** Its own TracingMemory timestamp after its last instruction (null: not known, the run stopped in it). */
  endTimestamp: number | null;
}

/** How a guest run is segmented (SessionInfo.segmentation). */
export interface SegmentationInfo {
  /** 'segments': OpenVM's cuts; 'one': one segment (volatile mode, switched off, or the plan failed). */
  kind: 'segments' | 'one';
  /** Why one segment. */
  reason: string | null;
  segments: SegmentView[];
  maxTraceHeight: number | null;
  maxCells: number | null;
}

export type PositionStatus = 'paused' | 'done' | 'error' | 'limit';

export interface Position {
  step: number;
  /** The run's global timestamp (segmented runs: as if one segment; the axis of seek, window, densities). */
  timestamp: number;
  /** The segment holding this state and its own TracingMemory timestamp (one-segment runs: 0, timestamp). */
  segment: number;
  segmentTimestamp: number;
  /** Guest runs: the pc of the next instruction. */
  pc: number | null;
  /** Script runs: the line of the next directive (null past the last). */
  line: number | null;
  /** 'paused' anywhere but at the end of the run; at the end, how the run ended. */
  status: PositionStatus;
}

/** Guests: a pc, a symbol, or a source line (DWARF; the file by its path or last components); scripts: a line. */
export type Breakpoint =
  { pc: number } | { symbol: string } | { line: number } | { file: string; line: number };

export interface Watchpoint {
  addressSpace: number;
  addr: number;
  len: number;
  /** Stop only on writes (gdb's watch; default: any access, gdb's awatch). */
  writesOnly?: boolean;
  /** Stop only on reads (gdb's rwatch). */
  readsOnly?: boolean;
}

export interface RunOptions {
  /** At most this many steps (forward runs; default: no limit but the run's own). */
  maxSteps?: number;
  breakpoints?: readonly Breakpoint[];
  watchpoints?: readonly Watchpoint[];
  direction?: 'forward' | 'backward';
}

export interface StopResult {
  /** Why the run stopped: a breakpoint or watchpoint hit, the end of the run, the step budget, or nothing found (backward). */
  reason: 'breakpoint' | 'watchpoint' | 'end' | 'budget' | 'none';
  position: Position;
  hit?: ProbeHit;
  /** Which of the run's breakpoints and watchpoints (indices into RunOptions') the stop is for. */
  matched?: { breakpoints: number[]; watchpoints: number[] };
}

export interface MemoryStats extends CheckpointStats {
  /** Bytes of the recording's step samples and the step they are taken at. */
  sampleBytes: number;
  sampleEvery: number;
  /** Bytes of the live state's memory pages (not part of the budget). */
  liveMemoryBytes: number;
}

export interface SessionInfo {
  kind: SessionKind;
  /**
   * Guest runs: the OpenVM extensions (beyond RV32IM + IO) the program's code uses, found by scanning its
   * decoded text; `implemented: false` ones stop the run at their first executed word. Empty otherwise.
   */
  extensions: ExtensionUse[];
  /** The furthest point recorded so far. */
  head: { step: number; timestamp: number };
  /** Known once the run has ended. */
  end: TimelineEnd | null;
  error: ErrorInfo | null;
  memory: MemoryStats;
  /** Guest runs: the segments (others: one segment). */
  segmentation: SegmentationInfo;
}

export interface AdapterRowsView {
  splits: number;
  merges: number;
  /** Unpadded rows of AccessAdapterAir<N>, N = 2, 4, 8, 16, 32, so far. */
  rows: Float64Array;
  /** Padded heights (next power of two, 0 stays 0). */
  padded: Float64Array;
}

// The typed, versioned message protocol between the app and the engine worker. Every request carries an
// id; every response answers one id with a result or a structured error (never a thrown exception); long
// runs also post progress messages for their id. `EngineClient` is the one interface the UI uses; it has
// a Worker transport (workerClient.ts) and an in-process transport (inProcessClient.ts) for tests.
// What never changes in a session (symbols, script text: ProgramStatic) comes once, with `open`.

import type { ErrorInfo } from '../engine/errors';
import type { Compiled } from './compileSource';
import type { CostComparison } from '../engine/lessons/costComparison';
import type { MeterView } from '../engine/metering/meterView';
import type { CostEntry, CostMeasure } from '../engine/metering/attribution/costProfile';
import type { ProfileFormat } from '../engine/metering/profiles/profileExport';
import type { Lesson } from '../engine/lessons/lessonTypes';
import type { PredictionQuiz } from '../engine/lessons/predict';
import type { MtraceRunView } from '../engine/scripts/mtraceView';
import type { Frame, FrameRequest, ProgramStatic } from '../engine/views/frameTypes';
import type { Densities } from '../engine/timeline/queries/densities';
import type { AccessHistoryPage } from '../engine/timeline/queries/accessHistory';
import type { ProbeHit } from '../engine/timeline/queries/probes';
import type { ProgramListing } from '../engine/views/programListing';
import type {
  Breakpoint,
  Position,
  SegmentSettings,
  SessionKind,
  SessionOptions,
  StopResult,
  Watchpoint,
} from '../engine/timeline/sessionTypes';

export const PROTOCOL_VERSION = 3;

export type ControlOp =
  | { op: 'step'; count?: number }
  | { op: 'stepBack'; count?: number }
  | { op: 'stepOver' }
  /** Guests with DWARF line info: Step / Step over / Step back by source line (Session.stepSource). */
  | { op: 'stepSource'; how: 'into' | 'over' | 'back' }
  | { op: 'reset' }
  | { op: 'seek'; timestamp: number }
  | { op: 'seekStep'; step: number }
  /** (segment, its own timestamp) resolved by the engine, which records up to a segment not yet reached. */
  | { op: 'seekSegment'; segment: number; timestamp: number }
  | {
      op: 'runToAccess';
      addressSpace: number;
      addr: number;
      len: number;
      which: 'next' | 'previous';
      /** Only writes ("previous write" in one move). */
      writesOnly?: boolean;
    }
  /** Guests: out of the current call, to its return (forward) or to the call instruction (backward). */
  | { op: 'stepOut'; direction: 'forward' | 'backward' }
  /** One instruction back, over a whole call when that instruction was a return (reverse-nexti). */
  | { op: 'reverseStepOver' };

/** A freshly opened session: its first frame and its unchanging program data. */
export interface Opened {
  frame: Frame;
  program: ProgramStatic | null;
}

export interface OpenParams {
  kind: SessionKind;
  name: string;
  bytes: Uint8Array;
  options: SessionOptions;
  view: FrameRequest;
  /** The guest's `openvm.toml`, when the user gave one with the ELF (kept for the VM-config feature). */
  configText?: string;
}

export interface RequestMap {
  ping: { params: Record<string, never>; result: { version: number } };
  /**
   * The playground's text checked before it replaces the session: assembly -> the ELF it assembles to
   * (opened afterwards as a guest), a .mtrace script -> its bytes; or every error with line and column.
   */
  compile: {
    params: { language: 'mtrace' | 'asm'; source: string };
    result: Compiled;
  };
  runMtrace: { params: { name: string; bytes: Uint8Array }; result: MtraceRunView };
  open: { params: OpenParams; result: Opened };
  control: { params: { control: ControlOp; view: FrameRequest }; result: Frame };
  /**
   * Runs forward (chunked, with progress) until a breakpoint, a watchpoint, the end, or pause. Once the
   * end is recorded, a run to the end (toEnd, or no breakpoint or watchpoint) is a seek.
   */
  run: {
    params: {
      breakpoints: Breakpoint[];
      watchpoints: Watchpoint[];
      toEnd: boolean;
      view: FrameRequest;
      /** 'backward': reverse continue, to the latest earlier hit (or the start). */
      direction?: 'forward' | 'backward';
    };
    /** `hit`/`matched`: the probe hit and which breakpoints/watchpoints (indices into params') it is for. */
    result: Frame & { stop: string; hit?: ProbeHit; matched?: StopResult['matched'] };
  };
  /** A block's access history, a page at a time (before timestamp `before`), with each access's pc and function. */
  accessHistory: {
    params: { addressSpace: number; addr: number; len: number; limit: number; before?: number };
    result: AccessHistoryPage;
  };
  /** Guests: `count` rows of the whole program's disassembly from row `from` (the Program panel's list). */
  listing: { params: { from: number; count: number }; result: ProgramListing };
  pause: { params: Record<string, never>; result: { paused: boolean } };
  frame: { params: { view: FrameRequest }; result: Frame };
  densities: { params: { t0: number; t1: number; buckets: number }; result: Densities };
  /** Lessons (issue 7): opens a lesson file as the session (step 0); guest lessons also send their ELF. */
  openLesson: {
    params: { file: string; source: Uint8Array; program?: Uint8Array; view: FrameRequest };
    result: Opened & { lesson: Lesson };
  };
  /** The records the session's next step will append, as a quiz (stepped and stepped back); null at the end. */
  predict: { params: Record<string, never>; result: PredictionQuiz | null };
  /** A program's adapter cost in both memory modes (fresh runs to the end or the step cap, not the session). */
  cost: {
    params: { kind: 'mtrace' | 'guest'; bytes: Uint8Array; options: SessionOptions; stepCap?: number };
    result: CostComparison;
  };
  /** A guest run metered and segmented as OpenVM v1.7 does, with its cost per call stack (engine/metering). */
  meter: {
    params: {
      bytes: Uint8Array;
      input?: string;
      /** The session's segment settings (the run options; absent: OpenVM's SDK defaults). */
      segments?: SegmentSettings;
      /** The attribution log's budget (default METER_LOG_BUDGET_BYTES; tests pass small ones). */
      logBudgetBytes?: number;
      /** The guest's openvm.toml as the session was opened with it (its moduli, curves, extensions). */
      config?: { text: string; name: string };
      /** The session's allocator interposition and memory mode: the metered run is the debugged one. */
      allocator?: 'none' | 'observe' | 'orthotope';
      mode?: 'persistent' | 'volatile';
    };
    result: MeterView;
  };
  /**
   * The last metered run's cost over an instruction range [from, to) (engine/metering/attribution/rangeProfile.ts), or
   * over the session's timestamps [t0, t1] (the instructions from the one running at t0 to the one running at
   * t1, found by seeking the session; its position is kept).
   */
  meterRange: {
    params: { from: number; to: number } | { t0: number; t1: number };
    result: { from: number; to: number; profiles: Record<CostMeasure, CostEntry[]> };
  };
  /**
   * The last metered run's cost over the whole run, an instruction range or the session's timestamps (as
   * meterRange), as a profile file (engine/metering/profiles/profileExport.ts): pprof bytes unzipped
   * (`gzip`: the caller gzips them), speedscope JSON or folded stacks of `measure`.
   */
  meterExport: {
    params: {
      format: ProfileFormat;
      measure: CostMeasure;
      programName: string;
      range: { from: number; to: number } | { t0: number; t1: number } | null;
    };
    result: { from: number; to: number; bytes: Uint8Array; gzip: boolean; summary: string };
  };
  /** When the last metered run executed a call-stack prefix (outermost frame first): [from, to) pairs. */
  meterIntervals: {
    params: { path: string[] };
    result: { instret: Float64Array; timestamps: Float64Array };
  };
}
export type RequestType = keyof RequestMap;

export type EngineRequest = {
  [K in RequestType]: { v: typeof PROTOCOL_VERSION; id: number; type: K; params: RequestMap[K]['params'] };
}[RequestType];

export type EngineResponse =
  | { v: typeof PROTOCOL_VERSION; id: number; ok: true; result: unknown }
  | { v: typeof PROTOCOL_VERSION; id: number; ok: false; error: ErrorInfo }
  | { v: typeof PROTOCOL_VERSION; id: number; progress: Position };

/** An engine failure as seen by a client: the structured error the engine sent. */
export class EngineClientError extends Error {
  readonly info: ErrorInfo;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'EngineClientError';
    this.info = info;
  }
}

export interface RequestOptions {
  onProgress?(position: Position): void;
}

export interface EngineClient {
  request<K extends RequestType>(
    type: K,
    params: RequestMap[K]['params'],
    options?: RequestOptions,
  ): Promise<RequestMap[K]['result']>;
  dispose(): void;
}

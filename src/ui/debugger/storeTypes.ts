// The shapes of the debugger store (store.ts): one interface per slice, the whole state as their union,
// and the context the slices share (the engine client, the environment, and helpers every slice needs).
import type { MeterSlice } from './meterSlice';
import type { EditorDoc, PlaygroundSlice } from './playgroundSlice';
import type { ProbeSlice } from './probeSlice';
import type { StoreApi } from 'zustand/vanilla';
import type { ErrorInfo } from '../../engine/errors';
import type { CostComparison } from '../../engine/lessons/costComparison';
import type { Lesson, LessonIndexEntry } from '../../engine/lessons/lessonTypes';
import type { PredictionQuiz } from '../../engine/lessons/predict';
import type { Densities } from '../../engine/timeline/queries/densities';
import type {
  Breakpoint,
  SegmentSettings,
  SessionKind,
  Watchpoint,
} from '../../engine/timeline/sessionTypes';
import type { Frame, FrameRequest, ProgramStatic } from '../../engine/views/frameTypes';
import type { ControlOp, EngineClient } from '../../worker/protocol';
import type { SeekCoalescer } from '../../worker/seekCoalescer';
import type { ControlAction } from '../shortcuts';
import type { StoreEnv } from './storeEnv';
import type { DroppedFile } from './droppedFiles';
import type { ExampleEntry } from '../examples';
import type { AwaitedFile } from './localFileLinks';

/** idle: nothing open; loading: opening; ready: idle with a frame; running: the engine is moving; error. */
export type Status = 'idle' | 'loading' | 'ready' | 'running' | 'error';

export interface RunOptionsUi {
  mode: 'persistent' | 'volatile';
  alloc: 'off' | 'observe' | 'orthotope';
  maxSteps: number;
  /** The Input box's text: one hex string or `{"input": [...]}` (OpenVM CLI format). */
  input: string;
  /**
   * Persistent guests: 'openvm' segments the session as OpenVM v1.7 cuts the run (continuations, the
   * default); 'off' runs one TracingMemory, as OpenVM would with segmentation switched off.
   */
  segments: 'openvm' | 'off';
  /** The cut's limits (exec --max-segment-length / --segment-max-height-bits / --segment-max-cells). */
  segmentSettings: SegmentSettings;
}

export interface Loaded {
  name: string;
  kind: SessionKind;
  bytes: Uint8Array;
  isExample: boolean;
  /** The guest's openvm.toml, when one was opened with it (kept for the VM-config feature). */
  config?: { name: string; text: string };
  /** The playground text it was run from (a script, or assembly whose ELF `bytes` holds). */
  source?: EditorDoc;
}

/** A long engine run in progress (recording a freshly opened run, or Run): for the progress bar. */
export interface Progress {
  what: 'recording' | 'running';
  step: number;
  /** Instructions (steps) per second since the run started. */
  rate: number;
  startedAt: number;
}

export interface ProgramSlice {
  examples: ExampleEntry[];
  status: Status;
  loaded?: Loaded;
  /** What never changes in the session (symbols, script text), received once at open. */
  program?: ProgramStatic;
  frame?: Frame;
  /** The error shown in the banner: the run's own, a failed request's, or a file that could not be opened. */
  failure?: ErrorInfo;
  /** The file a failure to open names (the current session stays open beside the error). */
  failedFile?: string;
  options: RunOptionsUi;
  /** True while a freshly opened run is being recorded to its end. */
  recording: boolean;
  progress?: Progress;
  /** The action the user asked for while the run was recording: carried out once it is recorded. */
  queued?: ControlAction;
  /** A notice for the user (e.g. the engine worker was restarted, a recording was cancelled). */
  notice?: string;
  /** A timestamp to show once recording ends (from the URL). */
  pendingT?: number;
  /** The link was made for a program opened from a local file: the page asks for it (localFileLinks.ts). */
  awaitingFile?: AwaitedFile;
  dismissAwaitingFile(): void;
  lastStop?: string;
  init(): Promise<void>;
  openExample(file: string): Promise<void>;
  /** Opens what the user gave: a program, its input .json and its openvm.toml, in any combination. */
  openFiles(files: DroppedFile[]): Promise<void>;
  reopen(): Promise<void>;
  /** Opens `next` as the session (keepView: same program, keep selection and breakpoints). */
  openLoaded(next: Loaded, keepView: boolean): Promise<void>;
  setOptions(o: Partial<RunOptionsUi>): void;
  /** Stops the recording (or a Run); what was recorded is kept. */
  cancel(): Promise<void>;
  /** The worker crashed and was restarted (frame: the restored position; null: restoring failed). */
  restored(frame: Frame | null, error?: Error): void;
  dismissNotice(): void;
}

export interface MovementSlice {
  action(a: ControlAction): Promise<void>;
  control(c: ControlOp): Promise<void>;
  seek(t: number): void;
}

export interface LaneSize {
  len: number;
  row: number;
}

export interface ViewSlice {
  selection?: { addressSpace: number; pointer: number };
  /** Per address space, the cell the detail window follows. */
  focus: Record<number, number>;
  /** Address spaces whose detail window the user placed (it no longer follows accesses). */
  pinned: number[];
  /** Per address space, the detail window's size as the panel lays it out (cells, cells per row). */
  laneSizes: Record<number, LaneSize>;
  breakpoints: Breakpoint[];
  watchpoints: Watchpoint[];
  /** Guests with DWARF line info: Step, Step back and Step over move by source line (else by instruction). */
  byLine: boolean;
  /** Source files the user dropped (name -> text), shown beside the disassembly when their path matches. */
  sources: Record<string, string>;
  setByLine(on: boolean): void;
  addSources(files: { name: string; text: string }[]): void;
  densities?: Densities;
  hidden: string[];
  help: boolean;
  select(addressSpace: number, pointer: number): Promise<void>;
  focusLane(addressSpace: number, pointer: number | null): Promise<void>;
  /** The Address spaces panel's room changed: ask for windows of these sizes (refreshes when they differ). */
  setLaneSizes(sizes: Record<number, LaneSize>): Promise<void>;
  toggleBreakpoint(bp: Breakpoint): void;
  addWatchpoint(w: Watchpoint): void;
  removeWatchpoint(i: number): void;
  requestDensities(t0: number, t1: number, buckets: number): void;
  togglePanel(name: string): void;
  setHelp(on: boolean): void;
}

export interface LessonSlice {
  lessons: LessonIndexEntry[];
  lesson?: Lesson;
  lessonEntry?: LessonIndexEntry;
  completed: string[];
  quiz: PredictionQuiz | null;
  showLessons: boolean;
  cost?: CostComparison;
  costLoading: boolean;
  showCost: boolean;
  openLesson(entry: LessonIndexEntry): Promise<void>;
  lessonGo(step: number): Promise<void>;
  setShowLessons(on: boolean): void;
  setShowCost(on: boolean): void;
  computeCost(): Promise<void>;
}

export type DebuggerState = ProgramSlice &
  MovementSlice &
  ViewSlice &
  LessonSlice &
  MeterSlice &
  PlaygroundSlice &
  ProbeSlice;
export type DebuggerStore = StoreApi<DebuggerState>;

/** What every slice shares: the engine, the environment, and the helpers that move the view. */
export interface StoreContext {
  client: EngineClient;
  env: StoreEnv;
  /** StoreSettings.meterLogBudgetBytes. */
  meterLogBudgetBytes?: number;
  set: StoreApi<DebuggerState>['setState'];
  get: StoreApi<DebuggerState>['getState'];
  /** What the panels want to see, for the loaded program (or `kind`) and the current selection. */
  viewRequest(kind?: SessionKind): FrameRequest;
  /** Shows a frame (every change of position goes through here; it also mirrors the position to the URL). */
  apply(frame: Frame): void;
  fail(e: unknown): void;
  /** Asks for the current position's frame again (after a change of selection or zoom). */
  refresh(): Promise<void>;
  seeker: SeekCoalescer<Frame>;
  /** Mirrors the state into the URL (throttled, trailing write; errors never reach the banner). */
  syncUrl(): void;
  /**
   * Starts opening something (a program, a lesson): stops a recording or run in progress and returns
   * this opening's generation; answers of older openings are dropped (`isCurrent`).
   */
  beginOpen(): number;
  isCurrent(generation: number): boolean;
}

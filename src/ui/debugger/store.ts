// The debugger's UI state (zustand). Engine state lives in the worker; this holds the views it answered
// (frames, densities), the user's choices (selection, zoom, breakpoints, run options) and the run status.
// Every change of position goes through `apply`, which also mirrors the position into the URL.
import { create } from 'zustand';
import type { ErrorInfo } from '../../engine/errors';
import type { Densities } from '../../engine/timeline/densities';
import type { Breakpoint, SessionKind, Watchpoint } from '../../engine/timeline/sessionTypes';
import type { Frame, FrameRequest } from '../../engine/views/frameTypes';
import type { CostComparison } from '../../engine/lessons/costComparison';
import type { Lesson, LessonIndexEntry } from '../../engine/lessons/lessonTypes';
import { narrationAt } from '../../engine/lessons/narration';
import type { PredictionQuiz } from '../../engine/lessons/predict';
import { type ControlOp, EngineClientError } from '../../worker/protocol';
import { SeekCoalescer } from '../../worker/seekCoalescer';
import { engine, onEngineRestored } from '../engine';
import {
  type ExampleEntry,
  loadExampleBytes,
  loadExampleIndex,
  loadLessonBytes,
  loadLessonIndex,
} from '../examples';
import type { ControlAction } from '../shortcuts';
import { parseUrlState, type UrlState, writeUrlState } from '../urlState';
import { focusOf, laneRequest, lanesFor } from './defaultView';
import { fileRole } from './programKind';

export type Status = 'idle' | 'loading' | 'ready' | 'running' | 'error';

export interface RunOptionsUi {
  mode: 'persistent' | 'volatile';
  alloc: 'off' | 'observe' | 'orthotope';
  maxSteps: number;
  input: string;
}

interface Loaded {
  name: string;
  kind: SessionKind;
  bytes: Uint8Array;
  isExample: boolean;
}

export interface DebuggerState {
  examples: ExampleEntry[];
  status: Status;
  loaded?: Loaded;
  frame?: Frame;
  failure?: ErrorInfo;
  options: RunOptionsUi;
  selection?: { addressSpace: number; pointer: number };
  /** Per address space, the cell the detail window follows. */
  focus: Record<number, number>;
  /** Address spaces whose detail window the user placed (it no longer follows accesses). */
  pinned: number[];
  breakpoints: Breakpoint[];
  watchpoints: Watchpoint[];
  densities?: Densities;
  hidden: string[];
  help: boolean;
  lastStop?: string;
  /** The step a long run (recording or Run) has reached, while it runs. */
  progressStep?: number;
  /** True while a freshly opened run is being recorded to its end. */
  recording: boolean;
  /** A notice for the user (e.g. the engine worker was restarted). */
  notice?: string;
  /** A timestamp to show once recording ends (from the URL). */
  pendingT?: number;
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
  init(): Promise<void>;
  openExample(file: string): Promise<void>;
  openFile(name: string, bytes: Uint8Array): Promise<void>;
  reopen(): Promise<void>;
  setOptions(o: Partial<RunOptionsUi>): void;
  action(a: ControlAction): Promise<void>;
  seek(t: number): void;
  control(c: ControlOp): Promise<void>;
  select(addressSpace: number, pointer: number): Promise<void>;
  focusLane(addressSpace: number, pointer: number | null): Promise<void>;
  toggleBreakpoint(bp: Breakpoint): void;
  addWatchpoint(w: Watchpoint): void;
  removeWatchpoint(i: number): void;
  requestDensities(t0: number, t1: number, buckets: number): void;
  togglePanel(name: string): void;
  setHelp(on: boolean): void;
}

function asErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof EngineClientError) return e.info;
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e), location: {} };
}

const sameBp = (a: Breakpoint, b: Breakpoint) => JSON.stringify(a) === JSON.stringify(b);

export const useDebugger = create<DebuggerState>((set, get) => {
  const viewRequest = (): FrameRequest => {
    const s = get();
    const kind = s.loaded?.kind ?? 'mtrace';
    // Lanes the user pinned (by clicking the overview or jumping) stop following the accesses.
    return {
      lanes: lanesFor(kind).map((as) => laneRequest(as, s.focus[as] ?? 0, !s.pinned.includes(as))),
      selection: s.selection,
      disasmContext: 10,
    };
  };
  const syncUrl = () => {
    const s = get();
    const state: UrlState = { hidden: s.hidden };
    if (s.lessonEntry) state.lesson = s.lessonEntry.id;
    else if (s.loaded?.isExample) state.example = s.loaded.name;
    if (s.loaded?.kind === 'guest') {
      state.mode = s.options.mode;
      state.alloc = s.options.alloc;
      if (s.options.input) state.input = s.options.input.replace(/^0x/, '');
    }
    if (s.frame) state.t = s.frame.position.timestamp;
    if (s.selection) state.sel = s.selection;
    state.panels = [...(s.showCost ? ['cost'] : []), ...(s.showLessons ? ['lessons'] : [])];
    writeUrlState(state);
  };
  const apply = (frame: Frame) => {
    set({
      frame,
      focus: focusOf(frame, get().focus),
      status: 'ready',
      failure: frame.position.status === 'error' ? (frame.info.error ?? undefined) : undefined,
    });
    syncUrl();
    // Lessons: at the check's stop, ask the engine for the prediction quiz (computed, never hard-coded).
    const { lesson, quiz } = get();
    if (lesson && narrationAt(lesson, frame.position.step).atCheck && quiz?.step !== lesson.check.at) {
      engine()
        .request('predict', {})
        .then((q) => set({ quiz: q }))
        .catch(fail);
    }
  };
  const fail = (e: unknown) => set({ status: 'error', failure: asErrorInfo(e) });
  // While scrubbing, the status stays 'running' until the last requested timestamp is shown, so nothing
  // (a user's next action, a test) mistakes an intermediate frame for the final one.
  const seeker: SeekCoalescer<Frame> = new SeekCoalescer<Frame>(
    (t) => engine().request('control', { control: { op: 'seek', timestamp: t }, view: viewRequest() }),
    (frame) => {
      apply(frame);
      if (seeker.pending) set({ status: 'running' });
    },
    fail,
  );
  const refresh = async () => {
    if (!get().frame) return;
    try {
      apply(await engine().request('frame', { view: viewRequest() }));
    } catch (e) {
      fail(e);
    }
  };

  onEngineRestored((frame, error) => {
    if (frame) {
      apply(frame);
      set({
        notice: `The engine worker crashed and was restarted; the session was restored at step ${frame.position.step}.`,
      });
    } else
      set({
        status: 'error',
        failure: {
          kind: 'internal',
          message: `the engine worker crashed and could not be restored: ${error?.message ?? 'unknown'}`,
          location: {},
        },
      });
  });

  return {
    examples: [],
    status: 'idle',
    options: { mode: 'persistent', alloc: 'off', maxSteps: 100_000_000, input: '' },
    focus: {},
    pinned: [],
    breakpoints: [],
    watchpoints: [],
    hidden: [],
    help: false,
    recording: false,
    lessons: [],
    completed: [],
    quiz: null,
    showLessons: false,
    costLoading: false,
    showCost: false,

    async init() {
      const url = parseUrlState(window.location.search);
      set({
        status: 'loading',
        hidden: url.hidden ?? [],
        selection: url.sel,
        focus: url.sel ? { [url.sel.addressSpace]: url.sel.pointer } : {},
        options: {
          ...get().options,
          mode: url.mode ?? 'persistent',
          alloc: url.alloc ?? 'off',
          input: url.input ? `0x${url.input}` : '',
        },
        showCost: url.panels?.includes('cost') ?? false,
        showLessons: url.panels?.includes('lessons') ?? false,
      });
      try {
        const index = await loadExampleIndex();
        const lessons = await loadLessonIndex();
        set({ examples: index.examples, lessons });
        const lessonEntry = lessons.find((l) => l.id === url.lesson);
        if (lessonEntry) {
          set({ pendingT: url.t });
          await get().openLesson(lessonEntry);
          return;
        }
        const file = index.examples.some((e) => e.file === url.example)
          ? (url.example as string)
          : index.default;
        set({ pendingT: url.t });
        await get().openExample(file);
      } catch (e) {
        fail(e);
      }
    },

    async openExample(file) {
      set({ status: 'loading', failure: undefined });
      try {
        const bytes = await loadExampleBytes(file);
        const role = fileRole(file, bytes);
        if (role.role !== 'program') throw new Error(`${file} is not a program`);
        // Switching programs starts with a fresh view (the first load keeps the URL's selection).
        if (get().loaded !== undefined)
          set({ selection: undefined, focus: {}, pinned: [], breakpoints: [], watchpoints: [] });
        set({
          loaded: { name: file, kind: role.kind, bytes, isExample: true },
          lesson: undefined,
          lessonEntry: undefined,
          quiz: null,
          cost: undefined,
        });
        await get().reopen();
      } catch (e) {
        fail(e);
      }
    },

    async openFile(name, bytes) {
      const role = fileRole(name, bytes);
      if (role.role === 'unknown')
        return set({ failure: { kind: 'request', message: role.why, location: {} } });
      if (role.role === 'input') {
        set({ options: { ...get().options, input: new TextDecoder().decode(bytes).trim() } });
        if (get().loaded?.kind === 'guest') await get().reopen();
        return;
      }
      set({
        loaded: { name, kind: role.kind, bytes, isExample: false },
        selection: undefined,
        focus: {},
        pinned: [],
        lesson: undefined,
        lessonEntry: undefined,
        quiz: null,
        cost: undefined,
      });
      await get().reopen();
    },

    async reopen() {
      const loaded = get().loaded;
      if (!loaded) return;
      const o = get().options;
      set({
        status: 'loading',
        failure: undefined,
        frame: undefined,
        densities: undefined,
        lastStop: undefined,
        cost: undefined,
      });
      try {
        const options =
          loaded.kind === 'guest'
            ? {
                mode: o.mode,
                maxSteps: o.maxSteps,
                allocator: o.alloc === 'off' ? ('none' as const) : o.alloc,
                ...(o.input ? { input: o.input } : {}),
              }
            : {};
        apply(
          await engine().request('open', {
            kind: loaded.kind,
            name: loaded.name,
            bytes: loaded.bytes,
            options,
            view: viewRequest(),
          }),
        );
        // Record the whole run once (checkpoints + samples), so the scrubber spans it, then return to the
        // start (or the timestamp the URL asked for).
        set({ status: 'running', recording: true });
        // Progress only updates the status line: re-laying out the panels and the timeline on every
        // progress message would cost the main thread long frames while the worker records.
        await engine().request(
          'run',
          { breakpoints: [], watchpoints: [], toEnd: true, view: viewRequest() },
          {
            onProgress: (position) => set({ progressStep: position.step }),
          },
        );
        const t = get().pendingT;
        set({ pendingT: undefined, recording: false, progressStep: undefined });
        if (get().showCost && !get().cost) void get().computeCost();
        apply(
          await engine().request('control', {
            control: t === undefined ? { op: 'reset' } : { op: 'seek', timestamp: t },
            view: viewRequest(),
          }),
        );
      } catch (e) {
        set({ frame: undefined });
        fail(e);
      }
    },

    setOptions(o) {
      set({ options: { ...get().options, ...o } });
      void get().reopen();
    },

    async control(c) {
      if (!get().frame || get().status === 'running') return;
      set({ status: 'running' });
      try {
        apply(await engine().request('control', { control: c, view: viewRequest() }));
      } catch (e) {
        fail(e);
        await refresh();
      }
    },

    async action(a) {
      const s = get();
      switch (a) {
        case 'help':
          return set({ help: !s.help });
        case 'pause':
          if (s.status === 'running') await engine().request('pause', {});
          return;
        case 'step':
          return get().control({ op: 'step' });
        case 'stepBack':
          return get().control({ op: 'stepBack' });
        case 'stepOver':
          return get().control({ op: 'stepOver' });
        case 'reset':
          return get().control({ op: 'reset' });
        case 'nudgeBack':
          if (s.frame) get().seek(Math.max(0, s.frame.position.timestamp - 1));
          return;
        case 'nudgeForward':
          if (s.frame) get().seek(s.frame.position.timestamp + 1);
          return;
        case 'focusTimestamp':
          document.getElementById('goto-timestamp')?.focus();
          return;
        case 'run':
        case 'runToEnd': {
          if (!s.frame || s.status === 'running') return;
          set({ status: 'running', lastStop: undefined });
          try {
            const frame = await engine().request(
              'run',
              {
                breakpoints: s.breakpoints,
                watchpoints: s.watchpoints,
                toEnd: a === 'runToEnd',
                view: viewRequest(),
              },
              { onProgress: (position) => set({ progressStep: position.step }) },
            );
            set({ lastStop: frame.stop, progressStep: undefined });
            apply(frame);
          } catch (e) {
            fail(e);
            await refresh();
          }
          return;
        }
      }
    },

    seek(t) {
      if (!get().frame) return;
      set({ status: 'running' });
      seeker.request(Math.max(0, Math.round(t)));
    },

    async select(addressSpace, pointer) {
      set({ selection: { addressSpace, pointer } });
      await refresh();
    },

    async focusLane(addressSpace, pointer) {
      // null: follow the accesses again.
      const pinned = get().pinned.filter((a) => a !== addressSpace);
      if (pointer === null) set({ pinned });
      else set({ focus: { ...get().focus, [addressSpace]: pointer }, pinned: [...pinned, addressSpace] });
      await refresh();
    },

    toggleBreakpoint(bp) {
      const list = get().breakpoints;
      set({
        breakpoints: list.some((b) => sameBp(b, bp)) ? list.filter((b) => !sameBp(b, bp)) : [...list, bp],
      });
    },
    addWatchpoint(w) {
      set({ watchpoints: [...get().watchpoints, w] });
    },
    removeWatchpoint(i) {
      set({ watchpoints: get().watchpoints.filter((_, k) => k !== i) });
    },

    requestDensities(t0, t1, buckets) {
      if (!get().frame || t1 <= t0) return;
      engine()
        .request('densities', { t0, t1, buckets })
        .then((densities) => set({ densities }))
        .catch(() => {});
    },

    togglePanel(name) {
      const hidden = get().hidden;
      set({ hidden: hidden.includes(name) ? hidden.filter((h) => h !== name) : [...hidden, name] });
      syncUrl();
    },
    setHelp(on) {
      set({ help: on });
    },

    async openLesson(entry) {
      set({
        status: 'loading',
        failure: undefined,
        frame: undefined,
        quiz: null,
        cost: undefined,
        selection: undefined,
        focus: {},
        pinned: [],
        breakpoints: [],
        watchpoints: [],
        showLessons: false,
      });
      try {
        const source = await loadLessonBytes(entry.file);
        const program = entry.program ? await loadExampleBytes(entry.program) : undefined;
        const { lesson, frame } = await engine().request('openLesson', {
          file: entry.file,
          source,
          program,
          view: viewRequest(),
        });
        set({
          lesson,
          lessonEntry: entry,
          loaded: {
            name: entry.file,
            kind: entry.kind === 'guest' ? 'guest' : 'mtrace',
            bytes: program ?? source,
            isExample: false,
          },
        });
        apply(frame);
        const t = get().pendingT;
        if (t !== undefined) {
          set({ pendingT: undefined });
          apply(
            await engine().request('control', { control: { op: 'seek', timestamp: t }, view: viewRequest() }),
          );
        }
      } catch (e) {
        fail(e);
      }
    },

    async lessonGo(step) {
      const { lesson, lessonEntry, completed } = get();
      await get().control({ op: 'seekStep', step });
      if (lesson && lessonEntry && step === lesson.stops.at(-1)?.at && !completed.includes(lessonEntry.id))
        set({ completed: [...completed, lessonEntry.id] });
    },

    setShowLessons(on) {
      set({ showLessons: on });
      syncUrl();
    },
    setShowCost(on) {
      set({ showCost: on });
      syncUrl();
      if (on && !get().cost) void get().computeCost();
    },

    async computeCost() {
      const loaded = get().loaded;
      if (!loaded || loaded.kind === 'alloc') return;
      const o = get().options;
      set({ costLoading: true });
      try {
        const options =
          loaded.kind === 'guest' ? { mode: o.mode, ...(o.input ? { input: o.input } : {}) } : {};
        const cost = await engine().request('cost', {
          kind: loaded.kind,
          bytes: loaded.bytes,
          options,
          stepCap: 5_000_000,
        });
        set({ cost, costLoading: false });
      } catch (e) {
        set({ costLoading: false });
        fail(e);
      }
    },
  };
});

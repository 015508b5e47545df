// The debugger's UI state (zustand), as slices over one engine client: `createDebuggerStore(client, env)`.
// Engine state lives behind the client (the worker in the app, the in-process host in tests); the store
// holds the views it answered (frames, densities), what never changes in the session (symbols, script
// text: received once at open), the user's choices (selection, zoom, breakpoints, run options) and the
// run status. Slices: program (opening, recording, options), movement (actions, seeks), view (selection,
// panels), lessons (lessons and the cost view). Every change of position goes through `apply`, which
// also mirrors the position into the URL (throttled). Components read it through selectors.
import { createStore } from 'zustand/vanilla';
import { narrationAt } from '../../engine/lessons/narration';
import type { Frame, FrameRequest } from '../../engine/views/frameTypes';
import type { EngineClient } from '../../worker/protocol';
import { asErrorInfo } from './asErrorInfo';
import { SeekCoalescer } from '../../worker/seekCoalescer';
import { formatUrlState, type UrlState } from '../urlState';
import { focusOf, laneRequest, lanesFor } from './defaultView';
import { lessonSlice } from './lessonSlice';
import { scriptForUrl } from './localFileLinks';
import { meterSlice } from './meterSlice';
import { movementSlice } from './movementSlice';
import { playgroundSlice } from './playgroundSlice';
import { probeSlice } from './probeSlice';
import { programSlice } from './programSlice';
import type { StoreEnv } from './storeEnv';
import type { DebuggerState, DebuggerStore, StoreContext } from './storeTypes';
import { ThrottledUrlWriter, type Timers } from './urlWriter';
import { viewSlice } from './viewSlice';

export type { DebuggerState, DebuggerStore, Progress, RunOptionsUi, Status } from './storeTypes';

export interface StoreSettings {
  /** Minimum time between two URL writes (ms). */
  urlIntervalMs?: number;
  timers?: Timers;
  /** Cost by function's attribution-log budget (default: the engine's, METER_LOG_BUDGET_BYTES). */
  meterLogBudgetBytes?: number;
}

/** The URL's view of the state (program, input, mode, position, selection, panels). */
export function urlStateOf(s: DebuggerState): UrlState {
  const state: UrlState = { hidden: s.hidden };
  if (s.editor) state.source = { language: s.editor.language, text: s.editor.text };
  if (s.lessonEntry) state.lesson = s.lessonEntry.id;
  else if (s.loaded?.isExample) state.example = s.loaded.name;
  else if (s.loaded) {
    // A local file: the link names it, and carries it when it is a small script (localFileLinks.ts).
    state.file = s.loaded.name;
    const script = scriptForUrl(s.loaded);
    if (script !== undefined) state.script = script;
  }
  if (s.loaded?.kind === 'guest') {
    state.mode = s.options.mode;
    state.alloc = s.options.alloc;
    if (s.options.input) state.input = s.options.input;
    state.segments = s.options.segments;
    state.segmentSettings = s.options.segmentSettings;
  }
  if (s.frame) state.t = s.frame.position.timestamp;
  // Still waiting for the file the link was made for: the link stays what it was.
  if (s.awaitingFile) {
    delete state.example;
    state.file = s.awaitingFile.name;
    state.t = s.awaitingFile.t;
  }
  if (s.selection) state.sel = s.selection;
  state.panels = [
    ...(s.showCost ? ['cost'] : []),
    ...(s.showLessons ? ['lessons'] : []),
    ...(s.showMeter ? ['meter'] : []),
  ];
  return state;
}

export function createDebuggerStore(
  client: EngineClient,
  env: StoreEnv,
  settings: StoreSettings = {},
): DebuggerStore {
  return createStore<DebuggerState>()((set, get) => {
    const url = new ThrottledUrlWriter(
      (search) => env.writeSearch(search),
      settings.urlIntervalMs ?? 200,
      settings.timers,
    );
    const fail = (e: unknown) => set({ status: 'error', failure: asErrorInfo(e), failedFile: undefined });
    let generation = 0;
    const ctx: StoreContext = {
      client,
      env,
      meterLogBudgetBytes: settings.meterLogBudgetBytes,
      set,
      get,
      viewRequest(kind) {
        const s = get();
        const k = kind ?? s.loaded?.kind ?? 'mtrace';
        // Lanes the user pinned (by clicking the overview or jumping) stop following the accesses.
        const view: FrameRequest = {
          lanes: lanesFor(k).map((as) =>
            laneRequest(as, s.focus[as] ?? 0, !s.pinned.includes(as), undefined, s.laneSizes[as]),
          ),
          disasmContext: 10,
        };
        if (s.selection) view.selection = s.selection;
        return view;
      },
      syncUrl: () => url.request(formatUrlState(urlStateOf(get()))),
      beginOpen() {
        const mine = ++generation;
        // `pause` is answered at once; the opening's own requests queue behind the run, which stops within a chunk.
        if (get().recording || get().status === 'running')
          void client.request('pause', {}).catch(() => undefined);
        return mine;
      },
      isCurrent: (g) => g === generation,
      apply(frame: Frame) {
        set({
          frame,
          focus: focusOf(frame, get().focus),
          status: 'ready',
          failure: frame.position.status === 'error' ? (frame.info.error ?? undefined) : undefined,
          failedFile: undefined,
        });
        ctx.syncUrl();
        // Lessons: at the check's stop, ask the engine for the prediction quiz (computed, never hard-coded).
        const { lesson, quiz } = get();
        if (lesson && narrationAt(lesson, frame.position.step).atCheck && quiz?.step !== lesson.check.at) {
          client
            .request('predict', {})
            .then((q) => set({ quiz: q }))
            .catch(fail);
        }
      },
      fail,
      async refresh() {
        if (!get().frame) return;
        try {
          const { failure, failedFile } = get();
          const frame = await client.request('frame', { view: ctx.viewRequest() });
          ctx.apply(frame);
          // The same position seen anew (a panel resized, a view option changed): a failed open's message
          // stays. Else the banner's own height change (lanes re-sized) would clear it at once.
          if (failure !== undefined && frame.position.status !== 'error') set({ failure, failedFile });
        } catch (e) {
          fail(e);
        }
      },
      // While scrubbing, the status stays 'running' until the last requested timestamp is shown, so nothing
      // (a user's next action, a test) mistakes an intermediate frame for the final one.
      seeker: new SeekCoalescer<Frame>(
        (t) => client.request('control', { control: { op: 'seek', timestamp: t }, view: ctx.viewRequest() }),
        (frame) => {
          ctx.apply(frame);
          if (ctx.seeker.pending) set({ status: 'running' });
        },
        fail,
      ),
    };
    return {
      ...programSlice(ctx),
      ...movementSlice(ctx),
      ...viewSlice(ctx),
      ...lessonSlice(ctx),
      ...meterSlice(ctx),
      ...playgroundSlice(ctx),
      ...probeSlice(ctx),
    };
  });
}

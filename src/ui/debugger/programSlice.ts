// The program slice: what is open (examples, files, a dropped set of ELF + input + openvm.toml), its run
// options, and the recording of a freshly opened run to its end (with progress, Cancel, and the action the
// user asked for meanwhile, carried out once it is recorded). A program that fails to open leaves the
// current session as it was, with the error shown beside it.
import { formatNumber } from '../panels/timeline/format';
import { DEFAULT_GUEST_MAX_STEPS, type SessionOptions } from '../../engine/timeline/sessionTypes';
import type { Position } from '../../engine/timeline/sessionTypes';
import type { Frame } from '../../engine/views/frameTypes';
import type { ControlOp } from '../../worker/protocol';
import { parseUrlState } from '../urlState';
import { asErrorInfo } from './asErrorInfo';
import { classifyDropped } from './droppedFiles';
import { fileRole } from './programKind';
import { isAwaited } from './localFileLinks';
import { runEndNotice } from './runEndNotice';
import type { Loaded, ProgramSlice, Progress, StoreContext } from './storeTypes';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** The progress of a run that started at `started` (step and time). */
export function progressOf(
  what: Progress['what'],
  started: { step: number; at: number },
  position: Position,
  now: number,
): Progress {
  const seconds = (now - started.at) / 1000;
  return {
    what,
    step: position.step,
    rate: seconds > 0 ? (position.step - started.step) / seconds : 0,
    startedAt: started.at,
  };
}

export function programSlice(ctx: StoreContext): ProgramSlice {
  const { client, env, set, get } = ctx;

  const sessionOptions = (loaded: Loaded): SessionOptions => {
    const o = get().options;
    if (loaded.kind !== 'guest') return {};
    // The guest's openvm.toml (dropped with the ELF) configures its algebra / ECC / pairing chips.
    const config = loaded.config
      ? { openvmToml: loaded.config.text, openvmTomlName: loaded.config.name }
      : {};
    return {
      mode: o.mode,
      maxSteps: o.maxSteps,
      // Persistent memory: segmented as OpenVM cuts the run with these limits, or one TracingMemory
      // (volatile memory is never cut: the engine refuses segment settings there).
      ...(o.mode === 'persistent' ? { segments: o.segments === 'off' ? false : o.segmentSettings } : {}),
      allocator: o.alloc === 'off' ? 'none' : o.alloc,
      ...(o.input ? { input: o.input } : {}),
      ...config,
    };
  };

  /** Records the whole run once (checkpoints + samples) so the scrubber spans it, then goes to the start. */
  const record = async (generation: number, openedView: string) => {
    const started = { step: 0, at: env.now() };
    set({
      status: 'running',
      recording: true,
      progress: { what: 'recording', step: 0, rate: 0, startedAt: started.at },
    });
    let stop: string;
    let ended: Frame['info']['end'];
    try {
      const end = await client.request(
        'run',
        { breakpoints: [], watchpoints: [], toEnd: true, view: ctx.viewRequest() },
        {
          onProgress: (position) =>
            ctx.isCurrent(generation) &&
            set({ progress: progressOf('recording', started, position, env.now()) }),
        },
      );
      stop = end.stop;
      ended = end.info.end;
    } catch (e) {
      if (!ctx.isCurrent(generation)) return;
      set({ recording: false, progress: undefined, queued: undefined });
      ctx.fail(e);
      return;
    }
    if (!ctx.isCurrent(generation)) return;
    // For benchmarks and the DevTools performance panel: how long the recording took, seen from the page.
    performance.measure('memscope:recording', { start: started.at, end: env.now() });
    const { pendingT, queued, progress } = get();
    const cancelled = stop === 'pause';
    set({ pendingT: undefined, recording: false, progress: undefined, queued: undefined });
    if (cancelled)
      set({
        notice: `Recording cancelled at step ${formatNumber(progress?.step ?? 0)}: the timeline spans what was recorded; Run or Run to end records the rest.`,
      });
    else {
      // The step limit or an error further on: said now, not only once the user gets there.
      const notice = runEndNotice(ended, get().loaded?.kind === 'alloc' ? 'operation' : 'timestamp');
      if (notice !== undefined) set({ notice });
    }
    if (get().showCost && !get().cost) void get().computeCost();
    if (get().showMeter && !get().meter && !get().meterLoading) void get().computeMeter();
    // Back to the start (or the timestamp the URL asked for, if it was recorded).
    const control: ControlOp = pendingT === undefined ? { op: 'reset' } : { op: 'seek', timestamp: pendingT };
    try {
      const view = ctx.viewRequest();
      const back = await client.request('control', { control, view });
      // Back where it was opened, seen the same way: everything but the recording's info and the
      // allocator's history over the run is what the page shows already. Keeping those parts (the same
      // objects) lets the panels skip a full re-render.
      const shown = get().frame;
      const same =
        shown !== undefined &&
        shown.position.step === back.position.step &&
        JSON.stringify(view) === openedView;
      ctx.apply(
        same ? { ...shown, position: back.position, info: back.info, allocator: back.allocator } : back,
      );
    } catch (e) {
      if (control.op === 'reset') return ctx.fail(e);
      ctx.apply(await client.request('control', { control: { op: 'reset' }, view: ctx.viewRequest() }));
    }
    // What the user asked for while the run was recording is carried out now.
    if (queued !== undefined && !cancelled && ctx.isCurrent(generation)) await get().action(queued);
  };

  /** Opens `next` as the session; `keepView`: keep the selection, zoom and breakpoints (same program). */
  const openProgram = async (next: Loaded, keepView: boolean) => {
    const generation = ctx.beginOpen();
    const hadFrame = get().frame !== undefined;
    const viewReset = keepView
      ? {}
      : { selection: undefined, focus: {}, pinned: [], breakpoints: [], watchpoints: [], probes: {} };
    set({ status: 'loading', queued: undefined });
    // The new program's view request: its lanes, and the selection it will have.
    const saved = { selection: get().selection, focus: get().focus, pinned: get().pinned };
    set(viewReset);
    const view = ctx.viewRequest(next.kind);
    let opened;
    try {
      opened = await client.request('open', {
        kind: next.kind,
        name: next.name,
        bytes: next.bytes,
        options: sessionOptions(next),
        view,
        ...(next.config ? { configText: next.config.text } : {}),
      });
    } catch (e) {
      if (!ctx.isCurrent(generation)) return;
      // The worker keeps the session it had: so does the page, with the error beside it.
      set({
        ...saved,
        status: hadFrame ? 'ready' : 'error',
        failure: asErrorInfo(e),
        failedFile: next.name,
        queued: undefined,
      });
      return;
    }
    if (!ctx.isCurrent(generation)) return;
    set({
      // Another local file opened instead of the one a link asked for: the request is void.
      ...(next.isExample ? {} : { awaitingFile: undefined }),
      loaded: next,
      program: opened.program ?? undefined,
      // What a notice said (an error further on, the step limit, a cancelled recording) was of the run before.
      notice: undefined,
      lesson: undefined,
      lessonEntry: undefined,
      quiz: null,
      cost: undefined,
      densities: undefined,
      lastStop: undefined,
      // Metering depends on the program, its input and its openvm.toml: a reopened run is metered afresh.
      meter: undefined,
      meterFor: undefined,
      meterScoped: undefined,
      meterHighlight: undefined,
      meterRange: undefined,
      ...(get().meterScope === 'range' ? { meterScope: 'run' as const } : {}),
    });
    ctx.apply(opened.frame);
    await record(generation, JSON.stringify(view));
  };

  return {
    examples: [],
    status: 'idle',
    options: {
      mode: 'persistent',
      alloc: 'off',
      maxSteps: DEFAULT_GUEST_MAX_STEPS,
      input: '',
      segments: 'openvm',
      segmentSettings: {},
    },
    recording: false,

    async init() {
      const url = parseUrlState(env.readSearch());
      set({
        status: 'loading',
        hidden: url.hidden ?? [],
        selection: url.sel,
        focus: url.sel ? { [url.sel.addressSpace]: url.sel.pointer } : {},
        options: {
          ...get().options,
          mode: url.mode ?? 'persistent',
          alloc: url.alloc ?? 'off',
          input: url.input ?? '',
          segments: url.segments ?? 'openvm',
          segmentSettings: url.segmentSettings ?? {},
        },
        showCost: url.panels?.includes('cost') ?? false,
        showLessons: url.panels?.includes('lessons') ?? false,
        showMeter: url.panels?.includes('meter') ?? false,
        pendingT: url.t,
      });
      try {
        const index = await env.loadExampleIndex();
        const lessons = await env.loadLessonIndex();
        set({ examples: index.examples, lessons });
        if (url.source !== undefined) return await get().openEditor(url.source.language, url.source.text);
        const lessonEntry = lessons.find((l) => l.id === url.lesson);
        if (lessonEntry) return await get().openLesson(lessonEntry);
        if (url.file !== undefined && url.example === undefined) {
          // A small script the link carries: open it, at the link's timestamp (pendingT).
          if (url.script !== undefined)
            return await get().openFiles([{ name: url.file, bytes: new TextEncoder().encode(url.script) }]);
          // Any other local file is not in the link: ask for it; meanwhile the default example, at its start.
          set({
            awaitingFile: { name: url.file, ...(url.t !== undefined ? { t: url.t } : {}) },
            pendingT: undefined,
          });
        }
        const file = index.examples.some((e) => e.file === url.example)
          ? (url.example as string)
          : index.default;
        await get().openExample(file);
      } catch (e) {
        ctx.fail(e);
      }
    },

    async openExample(file) {
      let bytes: Uint8Array;
      try {
        bytes = await env.loadExampleBytes(file);
      } catch (e) {
        set({ failure: asErrorInfo(e), failedFile: file, status: get().frame ? 'ready' : 'error' });
        return;
      }
      const role = fileRole(file, bytes);
      if (role.role !== 'program') {
        set({
          failure: { kind: 'request', message: `${file} is not a program`, location: {} },
          failedFile: file,
        });
        return;
      }
      // A built-in guest opens with the openvm.toml it was built for (its index entry names it).
      const configFile = get().examples.find((e) => e.file === file)?.config;
      let config: Loaded['config'];
      if (configFile !== undefined && role.kind === 'guest')
        try {
          config = { name: configFile, text: decode(await env.loadExampleBytes(configFile)) };
        } catch (e) {
          set({ failure: asErrorInfo(e), failedFile: configFile, status: get().frame ? 'ready' : 'error' });
          return;
        }
      // Switching programs starts with a fresh view (the first load keeps the URL's selection).
      await openProgram(
        { name: file, kind: role.kind, bytes, isExample: true, ...(config ? { config } : {}) },
        get().loaded === undefined,
      );
    },

    async openFiles(files) {
      const dropped = classifyDropped(files);
      if (dropped.sources.length > 0)
        get().addSources(dropped.sources.map((f) => ({ name: f.name, text: decode(f.bytes) })));
      const config = dropped.config
        ? { name: dropped.config.name, text: decode(dropped.config.bytes) }
        : undefined;
      if (dropped.input) set({ options: { ...get().options, input: decode(dropped.input.bytes).trim() } });
      // The file a link asked for: it opens at the link's timestamp.
      const awaited = get().awaitingFile;
      if (dropped.program && isAwaited(awaited, dropped.program.name))
        set({ pendingT: awaited?.t, awaitingFile: undefined });
      const loaded = get().loaded;
      // An assembly file alone (no ELF beside it, whose source it would be) is a program: the playground's.
      const asm = dropped.program ? undefined : dropped.sources.find((f) => /\.(s|S|asm)$/.test(f.name));
      if (asm !== undefined) return get().openEditor('asm', decode(asm.bytes), asm.name);
      if (dropped.program) {
        const { kind, name, bytes } = dropped.program;
        await openProgram(
          { name, kind, bytes, isExample: false, ...(kind === 'guest' && config ? { config } : {}) },
          false,
        );
      } else if ((dropped.input || config) && loaded?.kind === 'guest' && !get().lesson) {
        // An input or a config for the guest that is open: run it again with them.
        await openProgram({ ...loaded, ...(config ? { config } : {}) }, true);
      }
      if (dropped.rejected.length > 0)
        set({
          failure: { kind: 'request', message: dropped.rejected.map((r) => r.why).join('; '), location: {} },
          failedFile: dropped.rejected.map((r) => r.name).join(', '),
        });
    },

    openLoaded: openProgram,

    async reopen() {
      const loaded = get().loaded;
      if (loaded && !get().lesson) await openProgram(loaded, true);
    },

    setOptions(o) {
      set({ options: { ...get().options, ...o } });
      if (get().lesson && get().loaded) {
        // A lesson keeps its own session; Cost by function still meters with the options (a segment limit).
        ctx.syncUrl();
        set({ meter: undefined, meterFor: undefined, meterScoped: undefined, meterHighlight: undefined });
        if (get().showMeter) void get().computeMeter();
        return;
      }
      void get().reopen();
    },

    async cancel() {
      if (get().recording || get().status === 'running') await client.request('pause', {});
    },

    restored(frame, error) {
      if (frame) {
        ctx.apply(frame);
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
    },

    dismissAwaitingFile() {
      set({ awaitingFile: undefined });
      ctx.syncUrl();
    },

    dismissNotice() {
      set({ notice: undefined });
    },
  };
}

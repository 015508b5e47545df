// The lessons slice: the lessons gallery, the open lesson (its program is the session), its prediction
// quiz and completion, and the Cost view (both memory modes of the loaded program, fresh runs).
import { asErrorInfo } from './asErrorInfo';
import type { LessonSlice, StoreContext } from './storeTypes';

export function lessonSlice(ctx: StoreContext): LessonSlice {
  const { client, env, set, get } = ctx;
  return {
    lessons: [],
    completed: [],
    quiz: null,
    showLessons: false,
    costLoading: false,
    showCost: false,

    async openLesson(entry) {
      const generation = ctx.beginOpen();
      set({
        status: 'loading',
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
        const source = await env.loadLessonBytes(entry.file);
        const program = entry.program ? await env.loadExampleBytes(entry.program) : undefined;
        const kind = entry.kind === 'guest' ? 'guest' : 'mtrace';
        const opened = await client.request('openLesson', {
          file: entry.file,
          source,
          program,
          view: ctx.viewRequest(kind),
        });
        if (!ctx.isCurrent(generation)) return;
        set({
          lesson: opened.lesson,
          lessonEntry: entry,
          program: opened.program ?? undefined,
          densities: undefined,
          queued: undefined,
          loaded: {
            name: entry.file,
            kind,
            bytes: program ?? source,
            isExample: false,
            // A guest lesson's openvm.toml and input go with its program (the Cost view re-runs it).
            ...(opened.lesson.openvmToml !== undefined
              ? { config: { name: 'openvm.toml', text: opened.lesson.openvmToml } }
              : {}),
          },
          ...(kind === 'guest' ? { options: { ...get().options, input: opened.lesson.input ?? '' } } : {}),
        });
        ctx.apply(opened.frame);
        const t = get().pendingT;
        if (t !== undefined) {
          set({ pendingT: undefined });
          ctx.apply(
            await client.request('control', {
              control: { op: 'seek', timestamp: t },
              view: ctx.viewRequest(),
            }),
          );
        }
      } catch (e) {
        if (!ctx.isCurrent(generation)) return;
        set({ status: get().frame ? 'ready' : 'error', failure: asErrorInfo(e), failedFile: entry.file });
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
      ctx.syncUrl();
    },
    setShowCost(on) {
      set({ showCost: on });
      ctx.syncUrl();
      if (on && !get().cost) void get().computeCost();
    },

    async computeCost() {
      const loaded = get().loaded;
      if (!loaded || loaded.kind === 'alloc') return;
      const o = get().options;
      set({ costLoading: true });
      try {
        // A guest's openvm.toml goes with it: without its moduli and curves the algebra chips stop the run.
        const config = loaded.config;
        const options =
          loaded.kind === 'guest'
            ? {
                mode: o.mode,
                ...(o.input ? { input: o.input } : {}),
                ...(config ? { openvmToml: config.text, openvmTomlName: config.name } : {}),
              }
            : {};
        const cost = await client.request('cost', {
          kind: loaded.kind,
          bytes: loaded.bytes,
          options,
          stepCap: 5_000_000,
        });
        // Another program opened while this one was measured: its figures would be shown under the new
        // name. The new one is measured when its recording ends (programSlice).
        if (get().loaded !== loaded) return void set({ costLoading: false });
        set({ cost, costLoading: false });
      } catch (e) {
        set({ costLoading: false });
        ctx.fail(e);
      }
    },
  };
}

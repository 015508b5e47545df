// The "Cost by function" slice: the loaded guest metered and segmented as OpenVM v1.7 does (worker
// request `meter`, engine/metering, with the input, openvm.toml, allocator interposition and memory mode
// the guest was opened with: the run being debugged), the chosen measure and
// segment, the icicle's scope (the whole run, the chosen segment, or the range selected on the Timeline:
// worker request `meterRange`) and the function whose time is highlighted on the Timeline
// (`meterIntervals`). The view belongs to the program it was computed for (`meterFor`), so opening another
// program (or the same ELF with another config) needs no reset here; the scoped profile and the highlight
// belong to the meter view they were computed from.
import type { CostEntry, CostMeasure } from '../../engine/metering/attribution/costProfile';
import type { MeterView } from '../../engine/metering/meterView';
import type { Loaded, StoreContext } from './storeTypes';

export type MeterScope = 'run' | 'segment' | 'range';

export interface ScopedProfile {
  /** The meter view and scope it was computed for. */
  meter: MeterView;
  key: string;
  /** The instruction range [from, to). */
  from: number;
  to: number;
  profiles: Record<CostMeasure, CostEntry[]>;
}

export interface MeterHighlight {
  meter: MeterView;
  /** The icicle node: frames from the outermost. */
  path: string[];
  /** [t0, t1) timestamp pairs when it ran (itself or a callee); undefined while they are computed. */
  timestamps?: Float64Array;
  instructions?: number;
}

export interface MeterSlice {
  meter?: MeterView;
  /** The loaded program the meter view belongs to. */
  meterFor?: Loaded;
  meterLoading: boolean;
  showMeter: boolean;
  meterMeasure: CostMeasure;
  /** The segment of the AIR table (and of the 'segment' scope); -1: none chosen (the first). */
  meterSegment: number;
  meterScope: MeterScope;
  /** The timestamps selected on the Timeline (shift-drag), for the 'range' scope. */
  meterRange?: { t0: number; t1: number };
  meterScoped?: ScopedProfile;
  meterScopedLoading: boolean;
  meterHighlight?: MeterHighlight;
  setShowMeter(on: boolean): void;
  computeMeter(): Promise<void>;
  setMeterMeasure(m: CostMeasure): void;
  setMeterSegment(k: number): void;
  setMeterScope(scope: MeterScope): void;
  /** A range selected on the Timeline (undefined clears it). */
  setMeterRange(range: { t0: number; t1: number } | undefined): void;
  /** Highlights the time of an icicle node on the Timeline; the same path again (or undefined) clears it. */
  highlightFunction(path: string[] | undefined): Promise<void>;
}

/** What the current scope asks the worker for, and its cache key (undefined: the whole run, no request). */
function scopeRequest(
  s: Pick<MeterSlice, 'meter' | 'meterScope' | 'meterSegment' | 'meterRange'>,
): { key: string; params: { from: number; to: number } | { t0: number; t1: number } } | undefined {
  // A run over the attribution budget kept only the whole run's profile (MeterView.wholeRunOnly).
  if (!s.meter || s.meter.wholeRunOnly !== null) return undefined;
  if (s.meterScope === 'segment') {
    const k = Math.max(0, s.meterSegment);
    const seg = s.meter.segments[k];
    if (!seg) return undefined;
    return {
      key: `segment ${k}`,
      params: { from: seg.instret_start, to: seg.instret_start + seg.num_insns },
    };
  }
  if (s.meterScope === 'range' && s.meterRange) {
    const { t0, t1 } = s.meterRange;
    return { key: `range ${t0} ${t1}`, params: { t0, t1 } };
  }
  return undefined;
}

export function meterSlice(ctx: StoreContext): MeterSlice {
  const { client, set, get } = ctx;

  /** Fetches the scoped profile the state asks for (if not there yet). */
  const refreshScope = async () => {
    const s = get();
    const req = scopeRequest(s);
    if (req === undefined || !s.meter) return;
    if (s.meterScoped?.meter === s.meter && s.meterScoped.key === req.key) return;
    const meter = s.meter;
    set({ meterScopedLoading: true });
    try {
      const r = await client.request('meterRange', req.params);
      // Only the answer to what is still asked is kept.
      const now = get();
      if (now.meter !== meter || scopeRequest(now)?.key !== req.key) return;
      set({ meterScoped: { meter, key: req.key, ...r }, meterScopedLoading: false });
    } catch (e) {
      set({ meterScopedLoading: false });
      ctx.fail(e);
    }
  };

  return {
    meterLoading: false,
    showMeter: false,
    meterMeasure: 'instructions',
    meterSegment: -1,
    meterScope: 'run',
    meterScopedLoading: false,
    setShowMeter(on) {
      set({ showMeter: on });
      ctx.syncUrl();
      const s = get();
      if (on && s.loaded?.kind === 'guest' && s.meterFor !== s.loaded) void get().computeMeter();
    },
    async computeMeter() {
      const loaded = get().loaded;
      if (!loaded || loaded.kind !== 'guest') return;
      set({ meterLoading: true, meterHighlight: undefined, meterScoped: undefined });
      try {
        const { input, alloc, mode, segmentSettings } = get().options;
        // The run being debugged: its input, config, allocator interposition, memory mode (issue 22) and
        // segment settings (the run options, issue 23: one setting for the session and the panel).
        const meter = await client.request('meter', {
          bytes: loaded.bytes,
          input: input || undefined,
          allocator: alloc === 'off' ? 'none' : alloc,
          mode,
          segments: segmentSettings,
          ...(ctx.meterLogBudgetBytes !== undefined ? { logBudgetBytes: ctx.meterLogBudgetBytes } : {}),
          ...(loaded.config ? { config: loaded.config } : {}),
        });
        set({ meter, meterFor: loaded, meterLoading: false, meterSegment: -1 });
        await refreshScope();
      } catch (e) {
        set({ meterLoading: false });
        ctx.fail(e);
      }
    },
    setMeterMeasure: (m) => set({ meterMeasure: m }),
    setMeterSegment(k) {
      set({ meterSegment: k });
      void refreshScope();
    },
    setMeterScope(scope) {
      set({ meterScope: scope });
      void refreshScope();
    },
    setMeterRange(range) {
      const r = range && { t0: Math.min(range.t0, range.t1), t1: Math.max(range.t0, range.t1) };
      set(r ? { meterRange: r, meterScope: 'range' } : { meterRange: undefined });
      if (!r && get().meterScope === 'range') set({ meterScope: 'run' });
      void refreshScope();
    },
    async highlightFunction(path) {
      const s = get();
      const same =
        path !== undefined &&
        s.meterHighlight?.meter === s.meter &&
        s.meterHighlight?.path.join(';') === path.join(';');
      if (path === undefined || same || !s.meter || s.meter.wholeRunOnly !== null) {
        set({ meterHighlight: undefined });
        return;
      }
      const meter = s.meter;
      set({ meterHighlight: { meter, path } });
      try {
        const iv = await client.request('meterIntervals', { path });
        if (get().meterHighlight?.path !== path) return;
        let instructions = 0;
        for (let i = 0; i < iv.instret.length; i += 2) instructions += iv.instret[i + 1] - iv.instret[i];
        set({ meterHighlight: { meter, path, timestamps: iv.timestamps, instructions } });
      } catch (e) {
        set({ meterHighlight: undefined });
        ctx.fail(e);
      }
    },
  };
}

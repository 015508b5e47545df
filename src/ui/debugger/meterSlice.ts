// The "Cost by function" slice: the loaded guest metered and segmented as OpenVM v1.7 does (worker
// request `meter`, engine/metering, with the openvm.toml the guest was opened with), the chosen measure and
// segment. The view belongs to the program it was computed for (`meterFor`), so opening another program
// (or the same ELF with another config) needs no reset here.
import type { CostMeasure } from '../../engine/metering/costProfile';
import type { MeterView } from '../../engine/metering/meterView';
import type { Loaded, StoreContext } from './storeTypes';

export interface MeterSlice {
  meter?: MeterView;
  /** The loaded program the meter view belongs to. */
  meterFor?: Loaded;
  meterLoading: boolean;
  showMeter: boolean;
  meterMeasure: CostMeasure;
  /** -1: the whole run; else a segment index. */
  meterSegment: number;
  /** OpenVM's with_max_segment_len (undefined: the SDK default, 2^22). */
  meterMaxSegmentLength?: number;
  setMeterMaxSegmentLength(n: number | undefined): void;
  setShowMeter(on: boolean): void;
  computeMeter(): Promise<void>;
  setMeterMeasure(m: CostMeasure): void;
  setMeterSegment(k: number): void;
}

export function meterSlice(ctx: StoreContext): MeterSlice {
  const { client, set, get } = ctx;
  return {
    meterLoading: false,
    showMeter: false,
    meterMeasure: 'instructions',
    meterSegment: -1,
    setShowMeter(on) {
      set({ showMeter: on });
      const s = get();
      if (on && s.loaded?.kind === 'guest' && s.meterFor !== s.loaded) void get().computeMeter();
    },
    async computeMeter() {
      const loaded = get().loaded;
      if (!loaded || loaded.kind !== 'guest') return;
      set({ meterLoading: true });
      try {
        const input = get().options.input || undefined;
        const meter = await client.request('meter', {
          bytes: loaded.bytes,
          input,
          maxSegmentLength: get().meterMaxSegmentLength,
          ...(loaded.config ? { config: loaded.config } : {}),
        });
        set({ meter, meterFor: loaded, meterLoading: false, meterSegment: -1 });
      } catch (e) {
        set({ meterLoading: false });
        ctx.fail(e);
      }
    },
    setMeterMeasure: (m) => set({ meterMeasure: m }),
    setMeterSegment: (k) => set({ meterSegment: k }),
    setMeterMaxSegmentLength(n) {
      set({ meterMaxSegmentLength: n, meter: undefined, meterFor: undefined });
      void get().computeMeter();
    },
  };
}

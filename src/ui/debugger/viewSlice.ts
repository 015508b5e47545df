// The view slice: what the user looks at — the selected cell, where each lane's detail window is (and
// whether it follows the accesses), breakpoints and watchpoints, the timeline's densities, collapsed
// panels and the help overlay.
import type { Breakpoint } from '../../engine/timeline/sessionTypes';
import type { LaneSize, StoreContext, ViewSlice } from './storeTypes';

const sameBp = (a: Breakpoint, b: Breakpoint) => JSON.stringify(a) === JSON.stringify(b);

export function viewSlice(ctx: StoreContext): ViewSlice {
  const { client, set, get } = ctx;
  return {
    focus: {},
    pinned: [],
    laneSizes: {},
    breakpoints: [],
    watchpoints: [],
    hidden: [],
    help: false,
    byLine: true,
    sources: {},

    setByLine(on) {
      set({ byLine: on });
    },
    addSources(files) {
      const sources = { ...get().sources };
      for (const f of files) sources[f.name] = f.text;
      set({ sources });
    },

    async select(addressSpace, pointer) {
      set({ selection: { addressSpace, pointer } });
      await ctx.refresh();
    },

    async focusLane(addressSpace, pointer) {
      // null: follow the accesses again.
      const pinned = get().pinned.filter((a) => a !== addressSpace);
      if (pointer === null) set({ pinned });
      else set({ focus: { ...get().focus, [addressSpace]: pointer }, pinned: [...pinned, addressSpace] });
      await ctx.refresh();
    },

    async setLaneSizes(sizes) {
      const old = get().laneSizes;
      const same = (a: LaneSize | undefined, b: LaneSize | undefined) =>
        a?.len === b?.len && a?.row === b?.row;
      const keys = new Set([...Object.keys(old), ...Object.keys(sizes)].map(Number));
      if ([...keys].every((as) => same(old[as], sizes[as]))) return;
      set({ laneSizes: sizes });
      await ctx.refresh();
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
      client
        .request('densities', { t0, t1, buckets })
        .then((densities) => set({ densities }))
        .catch(() => {});
    },

    togglePanel(name) {
      const hidden = get().hidden;
      set({ hidden: hidden.includes(name) ? hidden.filter((h) => h !== name) : [...hidden, name] });
      ctx.syncUrl();
    },
    setHelp(on) {
      set({ help: on });
    },
  };
}

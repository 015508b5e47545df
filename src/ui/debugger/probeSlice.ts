// Breakpoints & watchpoints as a list the user manages (issue 22): each one enabled or disabled and with
// its hit count (a run that stops at it counts one hit, as gdb's "breakpoint already hit N times"). The
// lists themselves stay in the view slice (`breakpoints`, `watchpoints`: the gutters read them); this slice
// keeps their enabled flags and hits by key, picks what a run sends, counts the stop's `matched` ones,
// and asks the engine for a block's access history pages.
import type { AccessHistoryPage } from '../../engine/timeline/queries/accessHistory';
import type { ProbeHit } from '../../engine/timeline/queries/probes';
import type { ProgramListing } from '../../engine/views/programListing';
import type { Breakpoint, StopResult, Watchpoint } from '../../engine/timeline/sessionTypes';
import type { DebuggerState, StoreContext } from './storeTypes';

export interface ProbeEntry {
  enabled: boolean;
  hits: number;
}

export interface ProbeSlice {
  /** By key (bpKey / wpKey): enabled and hit count; absent = enabled, never hit. */
  probes: Record<string, ProbeEntry>;
  /** What the last run stopped at (a breakpoint's pc or a watched access), with the keys it matched. */
  lastHit?: { hit: ProbeHit; keys: string[] };
  setProbeEnabled(key: string, enabled: boolean): void;
  /** Adds a breakpoint (nothing when it is there already). */
  addBreakpoint(bp: Breakpoint): void;
  removeBreakpoint(bp: Breakpoint): void;
  /** Adds a watchpoint (nothing when the same one is there). */
  watch(w: Watchpoint): void;
  removeWatch(w: Watchpoint): void;
  /** Rows [from, from + count) of the whole program's disassembly (guests). */
  listing(from: number, count: number): Promise<ProgramListing>;
  /** A page of a block's access history (with pcs and functions) at the current position. */
  accessHistory(
    range: { addressSpace: number; addr: number; len: number },
    limit: number,
    before?: number,
  ): Promise<AccessHistoryPage>;
}

export const bpKey = (bp: Breakpoint) => `b${JSON.stringify(bp)}`;
export const wpKey = (w: Watchpoint) =>
  `w${JSON.stringify([w.addressSpace, w.addr, w.len, w.writesOnly === true, w.readsOnly === true])}`;

const entry = (s: Pick<DebuggerState, 'probes'>, key: string): ProbeEntry =>
  s.probes[key] ?? { enabled: true, hits: 0 };

/** The enabled breakpoints and watchpoints: what a run sends. */
export function enabledProbes(s: DebuggerState): { breakpoints: Breakpoint[]; watchpoints: Watchpoint[] } {
  return {
    breakpoints: s.breakpoints.filter((b) => entry(s, bpKey(b)).enabled),
    watchpoints: s.watchpoints.filter((w) => entry(s, wpKey(w)).enabled),
  };
}

/**
 * After a run: one more hit for each breakpoint / watchpoint (of those sent) the stop matched, and the
 * stop as `lastHit` (cleared when the run stopped at no probe).
 */
export function countHits(
  s: DebuggerState,
  sent: { breakpoints: Breakpoint[]; watchpoints: Watchpoint[] },
  stop: { hit?: ProbeHit; matched?: StopResult['matched'] },
): Pick<DebuggerState, 'probes' | 'lastHit'> {
  const { hit, matched } = stop;
  if (matched === undefined || hit === undefined) return { probes: s.probes, lastHit: undefined };
  const probes = { ...s.probes };
  const keys = [
    ...matched.breakpoints.map((i) => bpKey(sent.breakpoints[i])),
    ...matched.watchpoints.map((i) => wpKey(sent.watchpoints[i])),
  ];
  for (const k of keys) {
    const e = entry(s, k);
    probes[k] = { ...e, hits: e.hits + 1 };
  }
  return { probes, lastHit: { hit, keys } };
}

export function probeSlice(ctx: StoreContext): ProbeSlice {
  const { client, set, get } = ctx;
  const same = (a: Watchpoint, b: Watchpoint) => wpKey(a) === wpKey(b);
  return {
    probes: {},
    setProbeEnabled(key, enabled) {
      set({ probes: { ...get().probes, [key]: { ...entry(get(), key), enabled } } });
    },
    addBreakpoint(bp) {
      if (!get().breakpoints.some((b) => bpKey(b) === bpKey(bp)))
        set({ breakpoints: [...get().breakpoints, bp] });
    },
    removeBreakpoint(bp) {
      const { [bpKey(bp)]: _gone, ...probes } = get().probes;
      set({ breakpoints: get().breakpoints.filter((b) => bpKey(b) !== bpKey(bp)), probes });
    },
    watch(w) {
      if (!get().watchpoints.some((x) => same(x, w))) set({ watchpoints: [...get().watchpoints, w] });
    },
    removeWatch(w) {
      const { [wpKey(w)]: _gone, ...probes } = get().probes;
      set({ watchpoints: get().watchpoints.filter((x) => !same(x, w)), probes });
    },
    listing: (from, count) => client.request('listing', { from, count }),
    accessHistory: (range, limit, before) =>
      client.request('accessHistory', { ...range, limit, ...(before === undefined ? {} : { before }) }),
  };
}

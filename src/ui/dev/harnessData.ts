// TEMPORARY dev harness data (issue 6 panels; remove with PanelsHarness.tsx): runs a real `.alloc`
// example with the real engine in the page and keeps what the two panels need: per-step event counts
// (for the timeline densities), per-step metrics (for the history chart), error and stats markers, and
// the allocator view at any step (re-run from the start: a 1,600-line trace takes a few milliseconds).
import { createAllocator, type Allocator, type UserPtr } from '../../engine/alloc/allocator';
import { allocatorMetrics } from '../../engine/alloc/allocatorMetrics';
import { allocatorView, type AllocatorView } from '../../engine/alloc/allocatorView';
import { AllocEventLog, EVENT_KIND } from '../../engine/alloc/events';
import { parseAllocTrace, type AllocTrace } from '../../engine/scripts/allocTrace';
import { runDirective } from '../../engine/scripts/allocTraceRunner';

export const TRACK_KINDS = [
  { name: 'allocations', label: 'allocations', kind: EVENT_KIND.ALLOC },
  { name: 'frees', label: 'frees', kind: EVENT_KIND.FREE },
  { name: 'refills', label: 'refills', kind: EVENT_KIND.REFILL },
  { name: 'drains', label: 'drains', kind: EVENT_KIND.DRAIN },
  { name: 'errors', label: 'errors', kind: EVENT_KIND.ERROR },
] as const;

export interface HarnessRun {
  readonly trace: AllocTrace;
  /** Steps = directives; times run 0..steps (time t = the state after t directives). */
  readonly steps: number;
  /** counts[track][t]: events of the directive that led to time t (t >= 1). */
  readonly counts: Float64Array[];
  readonly history: { t: number[]; liveBytes: number[]; carvedBytes: number[]; internalFragBytes: number[] };
  readonly markers: Array<{ t: number; kind: 'breakpoint' | 'error' | 'end' | 'checkpoint'; label: string }>;
}

function fresh(trace: AllocTrace, events: AllocEventLog | null): Allocator {
  const created = createAllocator(trace.config, { events });
  if (!created.ok) throw new Error(created.error.message);
  return created.allocator;
}

export function recordRun(text: string): HarnessRun {
  const trace = parseAllocTrace(text);
  const events = new AllocEventLog();
  const a = fresh(trace, events);
  const bound = new Map<string, UserPtr>();
  const steps = trace.directives.length;
  const counts = TRACK_KINDS.map(() => new Float64Array(steps + 1));
  const history = { t: [0], liveBytes: [0], carvedBytes: [0], internalFragBytes: [0] };
  const markers: HarnessRun['markers'] = [];
  trace.directives.forEach((d, i) => {
    const before = events.length;
    runDirective(a, bound, d);
    for (let r = before; r < events.length; r++) {
      const k = TRACK_KINDS.findIndex((x) => x.kind === events.kind[r]);
      if (k >= 0) counts[k][i + 1]++;
      if (events.kind[r] === EVENT_KIND.ERROR) markers.push({ t: i + 1, kind: 'error', label: `line ${d.line}: ${d.op}` });
    }
    // The harness's own breakpoints: every `stats` directive of the trace (a real app sets them by line).
    if (d.op === 'stats') markers.push({ t: i + 1, kind: 'breakpoint', label: `stats at line ${d.line}` });
    const m = allocatorMetrics(a);
    history.t.push(i + 1);
    history.liveBytes.push(m.liveBytes);
    history.carvedBytes.push(m.carvedBytes);
    history.internalFragBytes.push(m.internalFragBytes);
  });
  markers.push({ t: steps, kind: 'end', label: 'end of the trace' });
  return { trace, steps, counts, history, markers };
}

/** The allocator view after `t` directives (the run's last error found in the event log). */
export function viewAt(run: HarnessRun, t: number, slabs: boolean, maxSpans?: number): AllocatorView {
  const a = fresh(run.trace, new AllocEventLog());
  const bound = new Map<string, UserPtr>();
  for (const d of run.trace.directives.slice(0, t)) runDirective(a, bound, d);
  return allocatorView(a, { slabs, maxSpans });
}

/** Density counts of every track over the request [t0, t1) at `buckets` buckets. */
export function densities(run: HarnessRun, t0: number, t1: number, buckets: number): Float64Array[] {
  const width = (t1 - t0) / buckets;
  return run.counts.map((perStep) => {
    const out = new Float64Array(buckets);
    const first = Math.max(0, Math.ceil(t0));
    const last = Math.min(perStep.length - 1, Math.ceil(t1) - 1);
    for (let t = first; t <= last; t++) {
      if (perStep[t] === 0) continue;
      out[Math.min(buckets - 1, Math.floor((t - t0) / width))] += perStep[t];
    }
    return out;
  });
}

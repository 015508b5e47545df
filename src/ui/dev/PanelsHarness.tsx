// TEMPORARY dev harness (issue 6 panels): `?harness=panels[&example=FILE.alloc][&t=STEP][&maxSpans=N]`
// renders the Allocator and Timeline panels alone, on a real example run by the real engine in the page,
// so their look can be checked in screenshots (light and dark) before the lead wires them into the app
// (`maxSpans` caps the view's span list, forcing the arena map's image path). Seeks are coalesced to the
// latest requested time once per animation frame, as the real app should do.
import { useEffect, useMemo, useRef, useState } from 'react';
import { AllocatorPanel } from '../panels/AllocatorPanel';
import { Timeline } from '../panels/Timeline';
import { loadExampleBytes } from '../examples';
import { densities, recordRun, TRACK_KINDS, viewAt, type HarnessRun } from './harnessData';

const params = new URLSearchParams(window.location.search);
const EXAMPLE = params.get('example') ?? 'mixed_size_churn.alloc';
const START_T = params.get('t');
/** `&maxSpans=N` caps the view's span list, forcing the arena map's image path. */
const MAX_SPANS = params.get('maxSpans') === null ? undefined : Number(params.get('maxSpans'));

export default function PanelsHarness() {
  const [run, setRun] = useState<HarnessRun | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [current, setCurrent] = useState(0);
  const [request, setRequest] = useState<{ t0: number; t1: number; buckets: number } | undefined>(undefined);
  const [selected, setSelected] = useState<number | null>(null);
  const pending = useRef<number | null>(null);

  useEffect(() => {
    loadExampleBytes(EXAMPLE)
      .then((bytes) => {
        const r = recordRun(new TextDecoder().decode(bytes));
        setRun(r);
        setCurrent(START_T === null ? r.steps : Math.min(r.steps, Math.max(0, Number(START_T))));
      })
      .catch((e: unknown) => setFailure(String(e)));
  }, []);

  const view = useMemo(() => (run === null ? null : viewAt(run, current, true, MAX_SPANS)), [run, current]);
  const tracks = useMemo(() => {
    if (run === null || request === undefined) return [];
    const counts = densities(run, request.t0, request.t1, request.buckets);
    return TRACK_KINDS.map((k, i) => ({ name: k.name, label: k.label, counts: counts[i] }));
  }, [run, request]);
  const history = useMemo(() => {
    if (run === null) return undefined;
    const n = current + 1;
    const h = run.history;
    return { t: h.t.slice(0, n), liveBytes: h.liveBytes.slice(0, n), carvedBytes: h.carvedBytes.slice(0, n), internalFragBytes: h.internalFragBytes.slice(0, n) };
  }, [run, current]);

  const seek = (t: number) => {
    const first = pending.current === null;
    pending.current = t;
    if (!first) return;
    requestAnimationFrame(() => {
      const latest = pending.current;
      pending.current = null;
      if (latest !== null) setCurrent(latest);
    });
  };

  if (failure !== null) return <p role="alert">{failure}</p>;
  if (run === null || view === null) return <p>loading {EXAMPLE}…</p>;
  return (
    <div className="harness" style={{ display: 'grid', gridTemplateRows: 'minmax(0, 1fr) auto', gap: 8, height: '100vh', padding: 8 }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 1fr)', gap: 8, minHeight: 0 }}>
        <AllocatorPanel view={view} history={history} onSelectBlock={setSelected} />
        <aside className="panel" aria-label="Harness">
          <h2>Harness</h2>
          <p style={{ fontSize: 12 }}>
            {EXAMPLE}: {run.steps} directives, at {current}.
          </p>
          <p style={{ fontSize: 12 }} data-testid="harness-selected">
            selected block: {selected ?? 'none'}
          </p>
        </aside>
      </div>
      <Timeline
        start={0}
        end={run.steps}
        current={current}
        window={request}
        tracks={tracks}
        markers={run.markers}
        unit="operation"
        onSeek={seek}
        onViewport={(t0, t1, buckets) => setRequest({ t0, t1, buckets })}
      />
    </div>
  );
}

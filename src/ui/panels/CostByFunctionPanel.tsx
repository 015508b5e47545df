// "Cost by function": the loaded guest metered and segmented as OpenVM v1.7 does (engine/metering, with the
// guest's openvm.toml): an icicle of the cost per call stack over the whole run, one segment or the range
// selected on the Timeline (shift-drag), switchable between instructions, trace cells and adapter rows;
// clicking a function shows when it ran as bands on the Timeline (again, or Escape, clears them); and the
// chosen segment's AIR table (rows, padded rows, main columns, cells, as OpenVM's metrics).
import { useEffect } from 'react';
import type { CostMeasure } from '../../engine/metering/attribution/costProfile';
import type { MeterScope } from '../debugger/meterSlice';
import { debuggerStore, useDebugger } from '../debugger/useDebugger';
import { CostExport } from './CostExport';
import { CostIcicle } from './CostIcicle';
import { meterSubject } from './meterSubject';

const MEASURES: { id: CostMeasure; label: string }[] = [
  { id: 'instructions', label: 'Instructions' },
  { id: 'cells', label: 'Trace cells' },
  { id: 'adapter-rows', label: 'Adapter rows' },
];
const SCOPES: { id: MeterScope; label: string }[] = [
  { id: 'run', label: 'Whole run' },
  { id: 'segment', label: 'Segment' },
  { id: 'range', label: 'Selected range' },
];
const n = (x: number) => x.toLocaleString('en-US');
/** with_max_segment_len choices: the SDK default, OpenVM's benchmark CI, and small ones to see cuts. */
const LIMITS: { value: string; label: string }[] = [
  { value: '', label: 'SDK default (4,194,304)' },
  { value: '1048476', label: 'OpenVM CI (1,048,476)' },
  { value: '65536', label: '65,536' },
  { value: '8192', label: '8,192' },
];

/** The choices, with the run option's own value when it is none of them (typed in Run ▾ or a link). */
function limitChoices(limit: number | undefined): { value: string; label: string }[] {
  if (limit === undefined || LIMITS.some((l) => l.value === String(limit))) return LIMITS;
  return [...LIMITS, { value: String(limit), label: n(limit) }];
}

export function CostByFunctionPanel() {
  const meter = useDebugger((s) => (s.meterFor === s.loaded ? s.meter : undefined));
  const loading = useDebugger((s) => s.meterLoading);
  const measure = useDebugger((s) => s.meterMeasure);
  const segment = useDebugger((s) => s.meterSegment);
  // The session's run option (Run ▾ in the header): the panel's choice sets it, so both cut the same.
  const limit = useDebugger((s) => s.options.segmentSettings.maxSegmentLength);
  const segmentSettings = useDebugger((s) => s.options.segmentSettings);
  // A run over the attribution budget kept only the whole run's profile: the scope is the whole run.
  const chosenScope = useDebugger((s) => s.meterScope);
  const wholeRunOnly = meter?.wholeRunOnly ?? null;
  const scope: MeterScope = wholeRunOnly !== null ? 'run' : chosenScope;
  const range = useDebugger((s) => s.meterRange);
  const scoped = useDebugger((s) => (s.meterScoped?.meter === meter ? s.meterScoped : undefined));
  const scopedLoading = useDebugger((s) => s.meterScopedLoading);
  const highlight = useDebugger((s) => (s.meterHighlight?.meter === meter ? s.meterHighlight : undefined));
  const options = useDebugger((s) => s.options);
  const loaded = useDebugger((s) => s.loaded);
  const subject = loaded ? meterSubject(loaded.name, options, loaded.config?.name, meter) : undefined;
  const programName = useDebugger((s) => s.loaded?.name ?? 'program.elf');
  const {
    computeMeter,
    setMeterMeasure,
    setMeterSegment,
    setOptions,
    setMeterScope,
    setMeterRange,
    highlightFunction,
  } = debuggerStore.getState();
  // Escape clears the highlighted function.
  useEffect(() => {
    if (!highlight) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void highlightFunction(undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [highlight, highlightFunction]);
  const seg = meter?.segments[Math.max(0, segment)];
  const entries =
    scope === 'run'
      ? meter?.profiles[measure]
      : scope === 'segment' && seg && scoped?.key === `segment ${Math.max(0, segment)}`
        ? scoped.profiles[measure]
        : scope === 'range' && range && scoped?.key === `range ${range.t0} ${range.t1}`
          ? scoped.profiles[measure]
          : undefined;
  return (
    <section className="panel cost-panel" role="region" aria-label="Cost by function">
      <h2>Cost by function</h2>
      {subject && (
        <div className="meter-subject" data-testid="meter-subject" data-same={subject.differs.length === 0}>
          <span className="muted">Measures: {subject.measures}.</span>
          {subject.differs.length > 0 && (
            <p className="missing-settings" role="note" data-testid="meter-differs">
              Not the run being debugged: {subject.differs.join('; ')}.
            </p>
          )}
        </div>
      )}
      <label>
        Max segment length{' '}
        <select
          aria-label="Max segment length"
          // A volatile run is one segment: OpenVM proves it without continuations, so no limit cuts it.
          disabled={meter?.mode === 'volatile'}
          title={meter?.mode === 'volatile' ? 'Volatile memory: one segment, never cut' : undefined}
          value={limit === undefined ? '' : String(limit)}
          onChange={(e) => {
            const { maxSegmentLength: _, ...rest } = segmentSettings;
            setOptions({
              segmentSettings:
                e.target.value === '' ? rest : { ...rest, maxSegmentLength: Number(e.target.value) },
            });
          }}
        >
          {limitChoices(limit).map((l) => (
            <option key={l.value} value={l.value}>
              {l.label}
            </option>
          ))}
        </select>
      </label>
      {meter && meter.missingSettings.length > 0 && (
        <div className="missing-settings" role="note" data-testid="meter-missing-settings">
          Settings missing from{' '}
          {meter.configSource === 'defaults'
            ? 'the defaults (no openvm.toml: drop the one it was built with)'
            : meter.configSource}{' '}
          — OpenVM would refuse to load this program:
          <ul>
            {meter.missingSettings.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </div>
      )}
      {meter?.unavailable && (
        <p className="muted" data-testid="meter-unavailable">
          Cannot meter this run: {meter.unavailable}.
        </p>
      )}
      {meter?.unavailable ? null : !meter ? (
        <p className="muted">
          {loading
            ? 'Metering the run as OpenVM cuts it into segments…'
            : "Meters the run as OpenVM v1.7 does: segments, every AIR's rows, and who caused them."}{' '}
          {!loading && (
            <button type="button" onClick={() => void computeMeter()}>
              Meter the run
            </button>
          )}
        </p>
      ) : (
        <>
          <p data-testid="meter-summary">
            {n(meter.instret)} instructions in {meter.segments.length} segment
            {meter.segments.length === 1 ? '' : 's'}
            {meter.error ? ` (stopped: ${meter.error})` : ''}
          </p>
          <div role="radiogroup" aria-label="Measure">
            {MEASURES.map((m) => (
              <label key={m.id}>
                <input
                  type="radio"
                  name="meter-measure"
                  checked={measure === m.id}
                  onChange={() => setMeterMeasure(m.id)}
                />{' '}
                {m.label}
              </label>
            ))}
          </div>
          {wholeRunOnly !== null && (
            <p className="muted" role="note" data-testid="meter-whole-run-only">
              Whole run only: {wholeRunOnly}.
            </p>
          )}
          <div role="radiogroup" aria-label="Scope">
            {SCOPES.map((sc) => (
              <label
                key={sc.id}
                title={
                  sc.id !== 'run' && wholeRunOnly !== null
                    ? `Not for this run: ${wholeRunOnly}`
                    : sc.id === 'range'
                      ? 'Shift-drag on the Timeline to select a range (shift-click clears it)'
                      : undefined
                }
              >
                <input
                  type="radio"
                  name="meter-scope"
                  checked={scope === sc.id}
                  disabled={(sc.id === 'range' && !range) || (sc.id !== 'run' && wholeRunOnly !== null)}
                  onChange={() => setMeterScope(sc.id)}
                />{' '}
                {sc.label}
              </label>
            ))}
          </div>
          <p className="muted" data-testid="meter-scope">
            {scope === 'run'
              ? `The whole run. Shift-drag on the Timeline to select a range.`
              : scope === 'segment'
                ? `Segment ${Math.max(0, segment)}: instructions ${n(seg?.instret_start ?? 0)} – ${n((seg?.instret_start ?? 0) + (seg?.num_insns ?? 0))}.`
                : scoped && entries
                  ? `Instructions ${n(scoped.from)} – ${n(scoped.to)} (timestamps ${n(range?.t0 ?? 0)} – ${n(range?.t1 ?? 0)}); [fixed] and [padding] only of segments it holds whole.`
                  : 'Computing the range…'}{' '}
            {range && (
              <button type="button" onClick={() => setMeterRange(undefined)}>
                Clear range
              </button>
            )}
          </p>
          <CostExport
            programName={programName}
            measure={measure}
            range={
              scope === 'run' ? null : entries && scoped ? { from: scoped.from, to: scoped.to } : undefined
            }
            scopeTag={
              scope === 'run'
                ? 'whole-run'
                : scope === 'segment'
                  ? `segment-${Math.max(0, segment)}`
                  : `range-${scoped?.from ?? 0}-${scoped?.to ?? 0}`
            }
          />
          {entries ? (
            <CostIcicle
              entries={entries}
              measure={measure}
              highlighted={highlight?.path.join(';')}
              onFrame={(path) => void highlightFunction(path)}
            />
          ) : (
            <p className="muted">{scopedLoading ? 'Computing…' : ''}</p>
          )}
          {highlight && (
            <p data-testid="meter-highlight">
              {highlight.path[highlight.path.length - 1]}:{' '}
              {highlight.timestamps
                ? `ran ${n(highlight.instructions ?? 0)} instructions in ${n(highlight.timestamps.length / 2)} interval${highlight.timestamps.length === 2 ? '' : 's'}, shown on the Timeline`
                : 'finding when it ran…'}{' '}
              <button type="button" onClick={() => void highlightFunction(undefined)}>
                Clear
              </button>
            </p>
          )}
          <label>
            Segment{' '}
            <select
              aria-label="Segment"
              value={segment < 0 ? 0 : segment}
              onChange={(e) => setMeterSegment(Number(e.target.value))}
            >
              {meter.segments.map((s, k) => (
                <option key={k} value={k}>
                  {k}: {n(s.instret_start)} + {n(s.num_insns)}
                </option>
              ))}
            </select>
          </label>
          <table className="cost-table" aria-label="AIR heights of the segment">
            <thead>
              <tr>
                <th>AIR</th>
                <th>rows</th>
                <th>padded</th>
                <th>main cols</th>
                <th>cells</th>
              </tr>
            </thead>
            <tbody>
              {(meter.segments[segment < 0 ? 0 : segment]?.airs ?? []).map((a) => (
                <tr key={a.air_id} data-testid="air-row" data-air={a.air_name}>
                  <td>{a.air_name}</td>
                  <td>{n(a.rows)}</td>
                  <td>{n(a.padded_rows)}</td>
                  <td>{a.main_cols}</td>
                  <td>{n(a.cells)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

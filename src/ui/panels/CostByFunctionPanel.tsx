// "Cost by function": the loaded guest metered and segmented as OpenVM v1.7 does (engine/metering): an
// icicle of the whole run's cost per call stack, switchable between instructions, trace cells and adapter
// rows, and the chosen segment's AIR table (rows, padded rows, main columns, cells, as OpenVM's metrics).
import { useMemo } from 'react';
import type { CostMeasure } from '../../engine/metering/costProfile';
import { debuggerStore, useDebugger } from '../debugger/useDebugger';
import { icicle } from './costIcicle';

const MEASURES: { id: CostMeasure; label: string }[] = [
  { id: 'instructions', label: 'Instructions' },
  { id: 'cells', label: 'Trace cells' },
  { id: 'adapter-rows', label: 'Adapter rows' },
];
const WIDTH = 360;
const ROW = 20;
const n = (x: number) => x.toLocaleString('en-US');
/** with_max_segment_len choices: the SDK default, OpenVM's benchmark CI, and small ones to see cuts. */
const LIMITS: { value: string; label: string }[] = [
  { value: '', label: 'SDK default (4,194,304)' },
  { value: '1048476', label: 'OpenVM CI (1,048,476)' },
  { value: '65536', label: '65,536' },
  { value: '8192', label: '8,192' },
];

export function CostByFunctionPanel() {
  const meter = useDebugger((s) => (s.meterFor === s.loaded ? s.meter : undefined));
  const loading = useDebugger((s) => s.meterLoading);
  const measure = useDebugger((s) => s.meterMeasure);
  const segment = useDebugger((s) => s.meterSegment);
  const limit = useDebugger((s) => s.meterMaxSegmentLength);
  const { computeMeter, setMeterMeasure, setMeterSegment, setMeterMaxSegmentLength } =
    debuggerStore.getState();
  const layout = useMemo(() => (meter ? icicle(meter.profiles[measure], WIDTH) : null), [meter, measure]);
  return (
    <section className="panel cost-panel" role="region" aria-label="Cost by function">
      <h2>Cost by function</h2>
      <label>
        Max segment length{' '}
        <select
          aria-label="Max segment length"
          value={limit === undefined ? '' : String(limit)}
          onChange={(e) =>
            setMeterMaxSegmentLength(e.target.value === '' ? undefined : Number(e.target.value))
          }
        >
          {LIMITS.map((l) => (
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
      {meter?.unavailable ? null : !meter || !layout ? (
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
          <svg
            role="img"
            aria-label={`Icicle of ${measure} by call stack, ${n(layout.total)} in all`}
            viewBox={`0 0 ${WIDTH} ${layout.depth * ROW}`}
            width="100%"
          >
            {layout.rects
              .filter((r) => r.depth > 0 && r.x1 - r.x0 >= 0.5)
              .map((r) => (
                <g
                  key={r.path.join(';')}
                  transform={`translate(${r.x0},${(r.depth - 1) * ROW})`}
                  data-testid="icicle-frame"
                  data-name={r.name}
                >
                  <rect
                    width={Math.max(0, r.x1 - r.x0 - 0.5)}
                    height={ROW - 1}
                    className={r.path[0]?.startsWith('[') ? 'icicle-overhead' : 'icicle-frame'}
                  />
                  <title>{`${r.path.join(' → ')}: ${n(r.value)} ${measure} (${((100 * r.value) / layout.total).toFixed(1)}%)`}</title>
                  {r.x1 - r.x0 > 40 && (
                    <text x={3} y={ROW - 5} fontSize={11}>
                      {r.name.length > (r.x1 - r.x0) / 6.5
                        ? `${r.name.slice(0, Math.floor((r.x1 - r.x0) / 6.5) - 1)}…`
                        : r.name}
                    </text>
                  )}
                </g>
              ))}
          </svg>
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

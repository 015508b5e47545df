// The run's totals: accesses, final timestamp, records, rows per AccessAdapterAir<N> and padded heights.
import { paddedAdapterHeight } from '../../engine/memory/adapterCost';
import { ADAPTER_SIZES } from '../../engine/memory/config';
import type { MtraceRunView } from '../../engine/scripts/mtraceView';

export function SummaryPanel({ view }: { view: MtraceRunView }) {
  const s = view.summary;
  return (
    <section className="panel summary" aria-label="Summary" data-testid="summary">
      <h2>Summary</h2>
      <dl>
        <dt>mode</dt>
        <dd data-testid="summary-mode">{view.mode}</dd>
        <dt>accesses</dt>
        <dd data-testid="summary-accesses">
          {s.accesses} ({s.reads} reads, {s.writes} writes)
        </dd>
        <dt>final timestamp</dt>
        <dd data-testid="summary-timestamp">{s.timestamp}</dd>
        <dt>records</dt>
        <dd data-testid="summary-records">
          {s.splits} splits, {s.merges} merges
        </dd>
        <dt>touched</dt>
        <dd data-testid="summary-touched">{s.touched}</dd>
      </dl>
      <table className="rows">
        <caption>rows per AccessAdapterAir&lt;N&gt;</caption>
        <thead>
          <tr>
            <th>N</th>
            {ADAPTER_SIZES.map((n) => (
              <th key={n}>{n}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>rows</th>
            {s.adapterRows.map((r, i) => (
              <td key={i} data-testid={`rows-${ADAPTER_SIZES[i]}`}>
                {r}
              </td>
            ))}
          </tr>
          <tr>
            <th>padded</th>
            {s.adapterRows.map((r, i) => (
              <td key={i}>{paddedAdapterHeight(r)}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

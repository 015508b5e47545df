// The guest's own heap, observed (allocator interposition 'observe'): calls so far, live blocks and bytes.
import type { ObservedHeapView } from '../../engine/timeline/queries/allocatorView';
import { fmtAddr, useNumberBase } from './numberBase';

export function ObservedHeapPanel({ view }: { view: ObservedHeapView }) {
  const rows = Math.min(view.livePointer.length, 64);
  const base = useNumberBase();
  return (
    <section className="panel observed-heap" aria-label="Allocator">
      <h2>Guest heap (observed)</h2>
      <dl
        className="meta"
        data-testid="observed-heap"
        data-live={view.livePointer.length}
        data-live-bytes={view.liveBytes}
      >
        <dt>calls</dt>
        <dd>
          {view.calls} ({view.allocations} allocations, {view.frees} frees
          {view.open > 0 ? `, ${view.open} in progress` : ''})
        </dd>
        <dt title="functions seen">functions</dt>
        <dd className="mono">{view.labels.join(', ') || '—'}</dd>
        <dt>live</dt>
        <dd>
          {view.livePointer.length} blocks, {view.liveBytes} bytes (peak {view.peakLiveBytes})
        </dd>
        <dt>requested</dt>
        <dd>{view.bytesRequested} bytes in all</dd>
      </dl>
      {rows > 0 && (
        <table className="live-blocks mono">
          <thead>
            <tr>
              <th>pointer</th>
              <th>size</th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: rows }, (_, i) => (
              <tr key={i}>
                <td>{fmtAddr(view.livePointer[i], base)}</td>
                <td>{view.liveSize[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {view.livePointer.length > rows && <p className="muted">… and {view.livePointer.length - rows} more</p>}
    </section>
  );
}

// Every access of the run, in order, with the records it appended; then finalize.
import type { MtraceRunView } from '../../engine/scripts/mtraceView';
import { useRunStore } from '../store';
import { RecordCard } from './RecordCard';

export function AccessList({ view }: { view: MtraceRunView }) {
  const selected = useRunStore((s) => s.selectedAccess);
  const select = useRunStore((s) => s.selectAccess);
  return (
    <section className="panel accesses" aria-label="Adapter records">
      <h2>Accesses and adapter records</h2>
      <ol className="access-list">
        {view.accesses.map((a, i) => (
          <li
            key={i}
            className={`access ${selected === i ? 'selected' : ''}`}
            data-testid="access"
            data-line={a.line}
            data-t={a.timestamp}
            data-tprev={a.tPrev}
          >
            <button className="access-head" onClick={() => select(selected === i ? undefined : i)} aria-pressed={selected === i}>
              <span className="t">t {a.timestamp}</span>
              <span className={`op op-${a.op}`}>{a.op}</span>
              <span>
                AS{a.addressSpace} [{a.pointer}..{a.pointer + a.size})
              </span>
              <span className="tprev">t_prev {a.tPrev}</span>
              <span className="line">line {a.line}</span>
              <span className="count">{a.records.length === 0 ? 'no records' : `${a.records.length} record${a.records.length > 1 ? 's' : ''}`}</span>
            </button>
            {a.records.length > 0 && (
              <ul className="records">
                {a.records.map((r, k) => (
                  <RecordCard key={k} record={r} />
                ))}
              </ul>
            )}
            {selected === i && (
              <div className="values">
                prev [{a.prev.join(' ')}] → now [{a.values.join(' ')}]
              </div>
            )}
          </li>
        ))}
        {view.finalize && (
          <li className="access finalize" data-testid="finalize" data-line={view.finalize.line}>
            <div className="access-head">
              <span className="op op-finalize">finalize</span>
              <span>{view.finalize.touched.length} touched entries</span>
              <span className="count">{view.finalize.records.length} records</span>
            </div>
            <ul className="records">
              {view.finalize.records.map((r, k) => (
                <RecordCard key={k} record={r} />
              ))}
            </ul>
          </li>
        )}
      </ol>
    </section>
  );
}

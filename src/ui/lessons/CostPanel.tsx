// What the loaded run costs in access adapters, in its mode and (what-if) in the other one, side by side:
// rows per AIR as bars (CostBars), what caused the adapter rows (CostCauses), and the exact figures in a
// table (records by block size, rows and padded heights per AccessAdapterAir<N>, the boundary chip, totals).
// Props only: the store asks the worker (`cost`) and passes the answer.
import type { CostComparison, ModeCost } from '../../engine/lessons/costComparison';
import { CostBars } from './CostBars';
import { CostCauses } from './CostCauses';
import { richText } from './richText';
import './lessons.css';

export interface CostPanelProps {
  cost: CostComparison | null;
  /** The engine is running both modes. */
  loading?: boolean;
  /** Asks for the comparison (shown as a button when there is none yet). */
  onCompute?(): void;
  /** The loaded file's name, for the sentences ("ecrecover: …"). */
  name?: string;
}

const n = (x: number) => x.toLocaleString('en-US');

function status(r: ModeCost): string {
  const ran =
    r.status === 'done' ? 'to the end' : r.status === 'capped' ? 'to the step cap' : 'until it failed';
  return `${n(r.steps)} steps ${ran}, final timestamp ${n(r.timestamp)}`;
}

/** "2.27× the padded rows of persistent". */
function ratio(a: ModeCost, b: ModeCost): string {
  if (a.total.padded === 0 || b.total.padded === 0) return '';
  return `: ${(b.total.padded / a.total.padded).toFixed(2)}× the padded rows of ${a.mode}`;
}

/** "ecrecover" for "ecrecover.elf". */
const programName = (file: string) => file.replace(/\.(elf|mtrace)$/i, '') || 'the program';

export function CostPanel({ cost, loading = false, onCompute, name = '' }: CostPanelProps) {
  return (
    <section className="panel cost-panel" role="region" aria-label="Cost">
      <h2>Cost: persistent vs volatile</h2>
      {cost === null ? (
        <p className="muted">
          {loading
            ? 'Running the program in both modes…'
            : 'Runs the program to its end in both memory modes and counts the adapter rows.'}{' '}
          {!loading && onCompute && (
            <button type="button" onClick={onCompute}>
              Compare modes
            </button>
          )}
        </p>
      ) : (
        <CostView cost={cost} program={programName(name)} />
      )}
    </section>
  );
}

function CostView({ cost, program }: { cost: CostComparison; program: string }) {
  const [a, b] = cost.runs;
  const cheaper = a.total.padded === b.total.padded ? null : a.total.padded < b.total.padded ? a : b;
  return (
    <>
      <p className="cost-summary" data-testid="cost-summary">
        {a.mode} (as loaded): {n(a.total.rows)} rows, {n(a.total.padded)} padded. {b.mode} (what-if):{' '}
        {n(b.total.rows)} rows, {n(b.total.padded)} padded{ratio(a, b)}.
        {cheaper !== null && <> The {cheaper.mode} run is cheaper.</>}
      </p>
      <h3 className="cost-h">Rows per AIR</h3>
      <CostBars cost={cost} />
      <h3 className="cost-h">What caused the adapter rows</h3>
      <CostCauses cost={cost} program={program} />
      <details className="cost-details" open>
        <summary>The figures</summary>
        <div className="cost-table-scroll">
          <CostTable cost={cost} />
        </div>
      </details>
      <ul className="cost-notes">
        {cost.runs.map((r) => (
          <li key={r.mode}>
            {r.mode}: {status(r)}.
          </li>
        ))}
        {cost.notes.map((t, k) => (
          <li key={`note-${k}`}>{richText(t)}</li>
        ))}
      </ul>
    </>
  );
}

function CostTable({ cost }: { cost: CostComparison }) {
  const [a, b] = cost.runs;
  return (
    <>
      <table className="rows cost-table">
        <caption>Records by block size, rows and padded trace heights per chip</caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={2} className="chip-head">
              chip
            </th>
            {cost.runs.map((r, k) => (
              <th scope="colgroup" colSpan={3} key={r.mode} className={`mode-${r.mode}`}>
                {r.mode} {k === 0 ? '(loaded)' : '(what-if)'}
              </th>
            ))}
          </tr>
          <tr>
            {cost.runs.map((r) => (
              <ModeHeads key={r.mode} />
            ))}
          </tr>
        </thead>
        <tbody>
          {a.adapters.map((line, k) => (
            <tr key={line.n}>
              <th scope="row">AccessAdapterAir&lt;{line.n}&gt;</th>
              {cost.runs.map((r) => {
                const l = r.adapters[k];
                return (
                  <Cells
                    key={r.mode}
                    first={l.splits + l.merges === 0 ? '–' : `${n(l.splits)} / ${n(l.merges)}`}
                    rows={l.rows}
                    padded={l.padded}
                  />
                );
              })}
            </tr>
          ))}
          <tr className="boundary-row">
            <th scope="row">boundary</th>
            {cost.runs.map((r) => (
              <Cells
                key={r.mode}
                first={`${n(r.boundary.entries)} ${r.mode === 'persistent' ? 'chunks' : 'cells'}`}
                rows={r.boundary.rows}
                padded={r.boundary.padded}
                title={r.boundary.air}
              />
            ))}
          </tr>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">total</th>
            {cost.runs.map((r) => (
              <Cells
                key={r.mode}
                first={`${n(r.records.splits)} / ${n(r.records.merges)}`}
                rows={r.total.rows}
                padded={r.total.padded}
              />
            ))}
          </tr>
        </tfoot>
      </table>
      <p className="muted cost-legend">
        Records are “splits / merges” of that block size; a record adds rows to every chip from twice its
        lowest size up to its block size. Orange: heights with padding rows. Boundary: {a.boundary.air} and{' '}
        {b.boundary.air}.
      </p>
    </>
  );
}

function ModeHeads() {
  return (
    <>
      <th scope="col">records</th>
      <th scope="col">rows</th>
      <th scope="col">padded</th>
    </>
  );
}

function Cells({
  first,
  rows,
  padded,
  title,
}: {
  first: string;
  rows: number;
  padded: number;
  title?: string;
}) {
  return (
    <>
      <td title={title}>{first}</td>
      <td>{rows === 0 ? '–' : n(rows)}</td>
      <td className={padded > rows ? 'padded' : undefined}>{padded === 0 ? '–' : n(padded)}</td>
    </>
  );
}

// What caused each AccessAdapterAir<N>'s rows (engine: lessons/adapterCauses.ts): per AIR with rows, one
// stacked bar per mode, each segment a cause's share (RV32IM instructions, each extension chip, finalize),
// with the sentences of causeShares.ts for the loaded mode. Shares on a linear 0..100 % axis (the rows
// chart above has the absolute heights); each segment's title has its exact rows.
import { causeSentences, isChipCause, percent } from '../../engine/lessons/causeShares';
import type { CostComparison } from '../../engine/lessons/costComparison';
import { useElementWidth } from '../panels/useElementWidth';

const n = (x: number) => x.toLocaleString('en-US');

/** One color per cause, readable on both themes. */
const CAUSE_COLORS: Record<string, string> = {
  RV32IM: '#64748b',
  'script accesses': '#64748b',
  'Keccak-256': '#a855f7',
  'SHA-256': '#db2777',
  Int256: '#ca8a04',
  modular: '#0d9488',
  Fp2: '#16a34a',
  ECC: '#ea580c',
  pairing: '#2563eb',
  finalize: '#cbd5e1',
};

const LABEL_W = 64;
const BAR_H = 12;
const HEAD_H = 14;
const GAP = 8;

export function CostCauses({ cost, program }: { cost: CostComparison; program: string }) {
  const [ref, width] = useElementWidth<HTMLDivElement>(360);
  const barW = Math.max(60, width - LABEL_W - 8);
  const airs = cost.runs[0].adapters
    .map((a, k) => ({ n: a.n, k }))
    .filter(({ k }) => cost.runs.some((r) => r.adapters[k].rows > 0));
  const present = new Set(cost.runs.flatMap((r) => r.causes.map((c) => c.cause)));
  const legend = Object.keys(CAUSE_COLORS).filter((c) => present.has(c));
  const groupH = HEAD_H + 2 * (BAR_H + 3) + GAP;
  const loaded = cost.runs[0];
  const sentences = causeSentences(loaded, program);
  const anyChip = cost.runs.some((r) => r.causes.some((c) => isChipCause(c.cause)));
  return (
    <div ref={ref} className="cost-causes">
      <ul className="cost-cause-sentences" data-testid="cause-sentences">
        {sentences.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <ul className="cost-cause-legend" aria-label="Causes">
        {legend.map((c) => (
          <li key={c}>
            <span className="swatch" style={{ background: CAUSE_COLORS[c] }} /> {c}
          </li>
        ))}
      </ul>
      {airs.length > 0 && (
        <svg
          width={width}
          height={airs.length * groupH}
          role="img"
          aria-label="What caused the adapter rows, per AIR and mode (shares)"
        >
          {airs.map(({ n: size, k }, g) => (
            <g key={size} transform={`translate(0,${g * groupH})`}>
              <text className="cost-air" x={0} y={HEAD_H - 3}>
                AccessAdapterAir&lt;{size}&gt;
              </text>
              {cost.runs.map((r, m) => {
                const total = r.adapters[k].rows;
                let at = 0;
                return (
                  <g
                    key={r.mode}
                    transform={`translate(0,${HEAD_H + m * (BAR_H + 3)})`}
                    data-testid={`causes AccessAdapterAir<${size}> ${r.mode}`}
                  >
                    <text className="cost-mode" x={LABEL_W - 4} y={BAR_H - 2} textAnchor="end">
                      {r.mode}
                    </text>
                    {total === 0 && (
                      <text className="cost-value" x={LABEL_W} y={BAR_H - 2}>
                        no rows
                      </text>
                    )}
                    {total > 0 &&
                      r.causes
                        .filter((c) => c.rows[k] > 0)
                        .map((c) => {
                          const w = (c.rows[k] / total) * barW;
                          const seg = (
                            <rect
                              key={c.cause}
                              x={LABEL_W + at}
                              width={w}
                              height={BAR_H}
                              fill={CAUSE_COLORS[c.cause] ?? '#888'}
                              data-cause={c.cause}
                              data-rows={c.rows[k]}
                            >
                              <title>
                                {`${c.cause}: ${n(c.rows[k])} of ${n(total)} AccessAdapterAir<${size}> rows (${percent(c.rows[k], total)}), ${r.mode}`}
                              </title>
                            </rect>
                          );
                          at += w;
                          return seg;
                        })}
                  </g>
                );
              })}
            </g>
          ))}
        </svg>
      )}
      <p className="muted cost-legend">
        Each split or merge record is charged to the instruction whose access appended it, and finalize’s
        records to finalize.
        {anyChip &&
          ' RV32IM rows in <16> and <32> are word accesses splitting blocks a chip left 16 or 32 cells wide.'}
      </p>
    </div>
  );
}

// Size-class occupancy: one d3-scaled stacked bar per class (live / cached reclaimed / cached shared /
// central / fresh blocks) with the class's live/carved count and an internal-fragmentation column
// (requested vs usable bytes of the live blocks). Every segment carries data-* values for the e2e tests
// and a <title> tooltip saying what it counts.
import { scaleLinear } from 'd3';
import { useState } from 'react';
import type { AllocatorClassView, AllocatorView } from '../../../engine/alloc/views/allocatorView';
import { useElementWidth } from '../useElementWidth';
import { EXPLAIN } from './explain';
import { bytesExact, bytesShort, count, percent } from './format';
import {
  SEGMENTS,
  SEGMENT_LABELS,
  internalFraction,
  stackSegments,
  visibleClasses,
  type OccupancyScale,
} from './occupancy';

const ROW = 22;
const BAR = 14;
const NAME_W = 58;
const COUNT_W = 92;
const FRAG_W = 176;
const FRAG_BAR = 56;
const NARROW = 500;

function classTitle(c: AllocatorClassView): string {
  return `${c.name}: requests up to ${bytesExact(c.payload)}; each block is ${bytesExact(c.blockSize)} (64-byte header + payload, aligned). Refill ${c.refillCount} blocks, local limit ${c.localLimit}, drain ${c.drainCount}. ${count(c.allocs)} allocations, ${count(c.frees)} frees; ${count(c.carvedSpans)} span(s) carved (${bytesExact(c.carvedBytes)}); utilization ${percent(c.utilization)}.`;
}

export function ClassOccupancy({ view }: { readonly view: AllocatorView }) {
  const [scaleMode, setScaleMode] = useState<OccupancyScale>('share');
  const [all, setAll] = useState(false);
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const rows = visibleClasses(view, all);
  const maxCarved = Math.max(0, ...view.classes.map((c) => c.carvedBytes));
  // Below NARROW px the internal-fragmentation column moves under each bar (two lines a class), so the
  // columns never overlap in a narrow dock panel.
  const narrow = width < NARROW;
  const line = narrow ? 2 * ROW : ROW;
  const barX0 = NAME_W;
  const barX1 = Math.max(barX0 + 60, width - COUNT_W - (narrow ? 0 : FRAG_W));
  const x = scaleLinear().domain([0, 1]).range([barX0, barX1]);
  const fragX = narrow ? barX0 : barX1 + COUNT_W;
  const fragY = narrow ? ROW : 0;
  const errorCls = view.lastError?.cls ?? null;
  const height = line * (rows.length + 1) + 4;

  if (view.classes.every((c) => c.carvedBlocks === 0) && errorCls === null) {
    return (
      <div className="alloc-classes" ref={ref}>
        <p className="alloc-empty">
          No size class has carved a block yet (requests above 16 MiB take the large path).
        </p>
      </div>
    );
  }
  return (
    <div className="alloc-classes" ref={ref}>
      <div className="alloc-toolbar">
        <div role="group" aria-label="Bar scale" className="alloc-seg-buttons">
          <button
            type="button"
            aria-pressed={scaleMode === 'share'}
            onClick={() => setScaleMode('share')}
            title="Every bar is its class's carved blocks: compare how each class's blocks are spread."
          >
            share of carved
          </button>
          <button
            type="button"
            aria-pressed={scaleMode === 'bytes'}
            onClick={() => setScaleMode('bytes')}
            title="Bar length is the class's carved bytes, on one scale for all classes: see where the arena went."
          >
            bytes
          </button>
        </div>
        <label title="Show the 12 classes, including those that never carved a block.">
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> all 12 classes
        </label>
      </div>
      <ul className="alloc-legend" aria-label="Occupancy legend">
        {SEGMENTS.map((kind) => (
          <li key={kind} title={EXPLAIN[kind]}>
            <span className={`swatch seg-${kind}`} />
            {SEGMENT_LABELS[kind]}
          </li>
        ))}
        <li title={EXPLAIN.internal}>
          <span className="swatch seg-internal" />
          internal fragmentation
        </li>
      </ul>
      {rows.length === 0 ? (
        <p className="alloc-empty">No size class has carved a block yet.</p>
      ) : (
        <svg
          className="alloc-chart"
          width={width}
          height={height}
          role="img"
          aria-label="Size-class occupancy"
        >
          <g className="col-heads">
            <text x={0} y={14}>
              class<title>Size class (orthotope's name: the largest payload it serves).</title>
            </text>
            <text x={barX0} y={14}>
              blocks by state
              <title>{`${EXPLAIN.live} ${EXPLAIN.reclaimed} ${EXPLAIN.shared} ${EXPLAIN.central} ${EXPLAIN.fresh}`}</title>
            </text>
            <text x={barX1 + 8} y={14}>
              live / carved<title>{`${EXPLAIN.live} ${EXPLAIN.carved}`}</title>
            </text>
            <text x={fragX} y={14 + fragY}>
              internal frag.<title>{EXPLAIN.internal}</title>
            </text>
          </g>
          {rows.map((c, i) => {
            const y = line * (i + 1) + 2;
            const segs = stackSegments(c, scaleMode, maxCarved);
            const frac = internalFraction(c);
            const reqW = c.usableBytes === 0 ? 0 : (c.requestedBytes / c.usableBytes) * FRAG_BAR;
            return (
              <g
                key={c.cls}
                transform={`translate(0, ${y})`}
                className={errorCls === c.cls ? 'class-row has-error' : 'class-row'}
                data-testid="class-bar"
                data-class={c.cls}
                data-name={c.name}
                data-live={c.live}
                data-reclaimed={c.cachedReclaimed}
                data-shared={c.cachedShared}
                data-central={c.central}
                data-fresh={c.fresh}
                data-carved={c.carvedBlocks}
                data-requested={c.requestedBytes}
                data-usable={c.usableBytes}
                data-internal={c.internalBytes}
              >
                {errorCls === c.cls && (
                  <rect className="row-error" x={-2} y={-2} width={width - 2} height={line - 2} rx={3} />
                )}
                <text className="cls-name" x={0} y={BAR - 2}>
                  {c.name}
                  <title>{classTitle(c)}</title>
                </text>
                <rect className="bar-bg" x={barX0} y={0} width={barX1 - barX0} height={BAR}>
                  <title>{`${c.name}: ${count(c.carvedBlocks)} carved blocks (${bytesExact(c.carvedBytes)}). ${EXPLAIN.carved}`}</title>
                </rect>
                {segs.map((s) => (
                  <rect
                    key={s.kind}
                    className={`seg seg-${s.kind}`}
                    data-testid="class-segment"
                    data-class={c.cls}
                    data-kind={s.kind}
                    data-value={s.blocks}
                    x={x(s.from)}
                    y={0}
                    width={Math.max(1, x(s.to) - x(s.from))}
                    height={BAR}
                  >
                    <title>{`${c.name} ${SEGMENT_LABELS[s.kind]}: ${count(s.blocks)} block${s.blocks === 1 ? '' : 's'} (${bytesExact(s.blocks * c.blockSize)}). ${EXPLAIN[s.kind]}`}</title>
                  </rect>
                ))}
                <text className="cls-count" x={barX1 + 8} y={BAR - 2}>
                  {count(c.live)} / {count(c.carvedBlocks)}
                  <title>{`${count(c.live)} live of ${count(c.carvedBlocks)} carved blocks. ${EXPLAIN.live}`}</title>
                </text>
                <g
                  transform={fragY ? `translate(0, ${fragY})` : undefined}
                  data-testid="class-internal"
                  data-class={c.cls}
                  data-value={c.internalBytes}
                  data-requested={c.requestedBytes}
                  data-usable={c.usableBytes}
                >
                  <title>{`${c.name}: ${bytesExact(c.internalBytes)} of ${bytesExact(c.usableBytes)} usable are unused (${percent(frac)}); requested ${bytesExact(c.requestedBytes)}, headers ${bytesExact(c.overheadBytes)}. ${EXPLAIN.internal}`}</title>
                  <rect
                    className={c.usableBytes === 0 ? 'frag-empty' : 'seg-internal'}
                    x={fragX}
                    y={2}
                    width={FRAG_BAR}
                    height={BAR - 4}
                  />
                  {reqW > 0 && (
                    <rect className="frag-requested" x={fragX} y={2} width={reqW} height={BAR - 4} />
                  )}
                  <text className="cls-frag" x={fragX + FRAG_BAR + 6} y={BAR - 2}>
                    {c.usableBytes === 0 ? '—' : `${bytesShort(c.internalBytes)} · ${percent(frac)}`}
                  </text>
                </g>
              </g>
            );
          })}
        </svg>
      )}
    </div>
  );
}

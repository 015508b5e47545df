// The arena: a usage bar (carved vs remaining of the whole arena) and a map of the carved part, spans
// colored by class, large blocks hatched (solid hatch live, faint hatch free in the pool, red hatch
// leaked). Detail as shapes, overview as an image (DESIGN.md): SVG rects when the view lists every span,
// otherwise the view's bucketed map on a canvas. With the slab census, a thin bar under each slab shows
// its live fraction. Clicking a span selects the block under the pointer (onSelectBlock(user pointer)).
import { axisBottom, scaleLinear, select } from 'd3';
import { useEffect, useId, useRef, type MouseEvent } from 'react';
import type { ArenaSpan } from '../../../engine/alloc/views/arenaLayout';
import type { AllocatorView } from '../../../engine/alloc/views/allocatorView';
import { useElementWidth } from '../useElementWidth';
import { blockPointerAt, spanPixels, xOfOffset, type ByteScale } from './arenaGeometry';
import { byteTicks } from './byteTicks';
import { classColor } from './classColors';
import { EXPLAIN } from './explain';
import { bytesExact, bytesShort, count, percent } from './format';
import { OverviewCanvas } from './OverviewCanvas';

const MAP_H = 30;
/** Above this many spans the map is drawn as an image of the view's buckets. */
const MAX_SHAPES = 400;

function spanTitle(s: ArenaSpan, view: AllocatorView): string {
  const range = `offsets ${count(s.start)}–${count(s.start + s.bytes - 1)} (${bytesExact(s.bytes)})`;
  if (s.kind === 'slab') {
    const name = view.classes[s.cls]?.name ?? `class ${s.cls}`;
    const fill = view.slabs?.find((x) => x.start === s.start && x.cls === s.cls);
    const detail = fill
      ? ` — ${fill.live} live, ${fill.reclaimed} reclaimed, ${fill.freeElsewhere} free elsewhere, ${fill.fresh} fresh`
      : '';
    return `${name} slab of thread ${s.thread}: ${count(s.blocks)} blocks of ${bytesExact(s.blockSize)}, ${range}${detail}. Click to select the block under the pointer.`;
  }
  if (s.kind === 'large-live')
    return `Large block, live: ${bytesExact(s.requested)} requested in a ${bytesExact(s.bytes)} block, ${range}. ${EXPLAIN.largeLive}`;
  if (s.kind === 'large-free') return `Large block, free in the pool: ${range}. ${EXPLAIN.largePool}`;
  return `Leaked: ${range}. ${EXPLAIN.largeLeaked}`;
}

/** The short in-map label of a span wide enough to carry one. */
function spanLabel(s: ArenaSpan, view: AllocatorView): string {
  if (s.kind === 'slab') return `${view.classes[s.cls]?.name ?? s.cls} · t${s.thread}`;
  if (s.kind === 'large-live') return `large ${bytesShort(s.requested)} / ${bytesShort(s.bytes)}`;
  return s.kind === 'large-free' ? `free ${bytesShort(s.bytes)}` : `leaked ${bytesShort(s.bytes)}`;
}

function ByteAxis({ scale }: { readonly scale: ByteScale }) {
  const ref = useRef<SVGGElement>(null);
  useEffect(() => {
    if (ref.current === null) return;
    const x = scaleLinear().domain([scale.start, scale.end]).range([0, scale.width]);
    const ticks = byteTicks(scale.start, scale.end, Math.max(2, Math.floor(scale.width / 90)));
    select(ref.current).call(
      axisBottom(x)
        .tickValues(ticks)
        .tickFormat((d) => bytesShort(Number(d)))
        .tickSizeOuter(0),
    );
  }, [scale]);
  return (
    <svg className="arena-axis" width={scale.width} height={20} aria-hidden="true">
      <g ref={ref} />
    </svg>
  );
}

interface Props {
  readonly view: AllocatorView;
  readonly onSelectBlock?: (offset: number) => void;
}

export function ArenaMap({ view, onSelectBlock }: Props) {
  const [ref, width] = useElementWidth<HTMLDivElement>(560);
  const uid = useId().replace(/:/g, '');
  const a = view.arena;
  const scale: ByteScale = { start: a.map.start, end: Math.max(a.map.end, a.map.start + 1), width };
  const asShapes = a.spansOmitted === 0 && a.spans.length <= MAX_SHAPES;
  const usedClasses = [...new Set(a.spans.filter((s) => s.kind === 'slab').map((s) => s.cls))].sort(
    (p, q) => p - q,
  );
  const err = view.lastError;
  const errX =
    err?.ptr != null && err.ptr - 64 >= scale.start && err.ptr - 64 < scale.end
      ? xOfOffset(scale, err.ptr - 64)
      : null;
  const carvedW =
    a.capacity === 0 ? 0 : Math.max(a.carvedBytes > 0 ? 2 : 0, (a.carvedBytes / a.capacity) * width);

  const select = (e: MouseEvent<SVGRectElement>, s: ArenaSpan) => {
    if (!onSelectBlock) return;
    const x = e.clientX - (e.currentTarget.ownerSVGElement?.getBoundingClientRect().left ?? 0);
    onSelectBlock(blockPointerAt(scale, s, x));
  };

  return (
    <div className="alloc-arena" ref={ref}>
      <div
        className="arena-usage"
        data-testid="arena-usage"
        data-capacity={a.capacity}
        data-remaining={a.remaining}
        data-carved={a.carvedBytes}
        data-cursor={a.cursor}
      >
        <svg width={width} height={10} aria-hidden="true">
          <rect className="usage-bg" x={0} y={0} width={width} height={10} rx={2} />
          <rect className="usage-carved" x={0} y={0} width={carvedW} height={10} rx={2} />
        </svg>
        <div className="arena-usage-text">
          <span
            title={`${EXPLAIN.carvedBytes} ${bytesExact(a.carvedBytes)}: small slabs ${bytesExact(a.carvedSmallBytes)}, large blocks ${bytesExact(a.carvedLargeBytes)}.`}
          >
            carved {bytesShort(a.carvedBytes)} ({percent(a.carvedFraction)})
          </span>
          <span title={`${EXPLAIN.capacity} ${bytesExact(a.capacity)}.`}>of {bytesShort(a.capacity)}</span>
          <span title={`${EXPLAIN.remaining} ${bytesExact(a.remaining)}.`}>
            remaining {bytesShort(a.remaining)}
          </span>
        </div>
      </div>
      {a.map.end <= a.map.start ? (
        <p className="alloc-empty">Nothing carved yet: the bump cursor is at 0.</p>
      ) : (
        <>
          <p
            className="arena-caption"
            title="The map below shows only the carved part of the arena, [0, cursor): everything past the cursor is unused."
          >
            carved part, offsets {count(scale.start)}–{count(a.map.end)} · {count(a.spanCount)} span
            {a.spanCount === 1 ? '' : 's'}
          </p>
          {asShapes ? (
            <svg className="arena-map" width={width} height={MAP_H + 6} role="img" aria-label="Arena map">
              <defs>
                <pattern
                  id={`hatch-${uid}`}
                  width={6}
                  height={6}
                  patternUnits="userSpaceOnUse"
                  patternTransform="rotate(45)"
                >
                  <rect className="hatch-bg" width={6} height={6} />
                  <line className="hatch-line" x1={0} y1={0} x2={0} y2={6} />
                </pattern>
              </defs>
              {a.spans.map((s) => {
                const { x, width: w } = spanPixels(scale, s);
                const fill =
                  s.kind === 'slab'
                    ? view.slabs?.find((q) => q.start === s.start && q.cls === s.cls)
                    : undefined;
                return (
                  <g key={s.start} className={`arena-span span-${s.kind}`}>
                    <rect
                      data-testid="arena-span"
                      data-kind={s.kind}
                      data-class={s.cls}
                      data-thread={s.thread}
                      data-start={s.start}
                      data-bytes={s.bytes}
                      x={x}
                      y={0}
                      width={w}
                      height={MAP_H}
                      fill={s.kind === 'slab' ? classColor(s.cls) : `url(#hatch-${uid})`}
                      onClick={(e) => select(e, s)}
                    >
                      <title>{spanTitle(s, view)}</title>
                    </rect>
                    {w >= 64 && (
                      <text className="span-label" x={x + 4} y={12} pointerEvents="none">
                        {spanLabel(s, view)}
                      </text>
                    )}
                    {fill !== undefined && fill.capacity > 0 && (
                      <rect
                        className="slab-live"
                        x={x}
                        y={MAP_H - 4}
                        width={(w * fill.live) / fill.capacity}
                        height={4}
                        pointerEvents="none"
                      />
                    )}
                  </g>
                );
              })}
              {errX !== null && (
                <path
                  className="arena-error"
                  d={`M${Math.max(5, errX)} ${MAP_H} l5 6 h-10 Z`}
                  data-testid="arena-error"
                >
                  <title>{`The block of the last error (${err?.kind}) starts here: offset ${count((err?.ptr ?? 64) - 64)}.`}</title>
                </path>
              )}
            </svg>
          ) : (
            <OverviewCanvas map={a.map} width={width} height={MAP_H} />
          )}
          <ByteAxis scale={scale} />
          {a.spansOmitted > 0 && (
            <p className="alloc-note">
              {count(a.spanCount)} spans: drawn as an image of {count(a.map.buckets)} buckets (each the kind
              covering most of its {bytesShort(a.map.bucketBytes)}).
            </p>
          )}
        </>
      )}
      <ul className="alloc-legend" aria-label="Arena legend">
        {usedClasses.map((cls) => (
          <li
            key={cls}
            title={`Slabs of ${view.classes[cls].name} (block ${bytesExact(view.classes[cls].blockSize)}).`}
          >
            <span className="swatch" style={{ background: classColor(cls) }} />
            {view.classes[cls].name}
          </li>
        ))}
        {view.large.liveBlocks > 0 && (
          <li title={EXPLAIN.largeLive}>
            <span className="swatch hatch span-large-live" />
            large live
          </li>
        )}
        {view.large.poolBlocks > 0 && (
          <li title={EXPLAIN.largePool}>
            <span className="swatch hatch span-large-free" />
            large free
          </li>
        )}
        {view.large.leakedBlocks > 0 && (
          <li title={EXPLAIN.largeLeaked}>
            <span className="swatch hatch span-leaked" />
            leaked
          </li>
        )}
        {view.slabs !== null && asShapes && (
          <li title="The thin bar under a slab: its live blocks / capacity.">
            <span className="swatch slab-live-swatch" />
            live fraction
          </li>
        )}
      </ul>
    </div>
  );
}

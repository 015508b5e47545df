// The arena map as an image when it has too many spans to draw as shapes: one column per bucket of the
// view's ArenaMap, in the dominant class's color (large kinds hatched like the SVG map); neighbouring
// buckets of the same kind and class are drawn as one rectangle.
import { useEffect, useRef } from 'react';
import { MAP_KIND, type ArenaMap } from '../../../engine/alloc/views/arenaLayout';
import { cssVar, useThemeVersion } from '../themeColors';
import { classColor } from './classColors';

function hatch(g: CanvasRenderingContext2D, color: string, background: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 6;
  tile.height = 6;
  const t = tile.getContext('2d');
  if (t === null) return color;
  t.fillStyle = background;
  t.fillRect(0, 0, 6, 6);
  t.strokeStyle = color;
  t.lineWidth = 1.5;
  t.beginPath();
  t.moveTo(0, 6);
  t.lineTo(6, 0);
  t.stroke();
  return g.createPattern(tile, 'repeat') ?? color;
}

export function OverviewCanvas({
  map,
  width,
  height,
}: {
  readonly map: ArenaMap;
  readonly width: number;
  readonly height: number;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useThemeVersion();
  useEffect(() => {
    const canvas = ref.current;
    if (canvas === null) return;
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(width * dpr));
    canvas.height = Math.round(height * dpr);
    const g = canvas.getContext('2d');
    if (g === null) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, width, height);
    const fg = cssVar(canvas, '--fg', '#1d1f23');
    const panel = cssVar(canvas, '--panel', '#ffffff');
    const muted = cssVar(canvas, '--muted', '#6b7078');
    const error = cssVar(canvas, '--error', '#b91c1c');
    const large = {
      [MAP_KIND.LARGE_LIVE]: hatch(g, fg, panel),
      [MAP_KIND.LARGE_FREE]: hatch(g, muted, panel),
      [MAP_KIND.LEAKED]: hatch(g, error, panel),
    } as Record<number, CanvasPattern | string>;
    // Runs of buckets with the same kind and class become one rectangle: no seams between columns.
    const w = width / map.buckets;
    let runStart = 0;
    for (let i = 1; i <= map.buckets; i++) {
      const same = i < map.buckets && map.kind[i] === map.kind[runStart] && map.cls[i] === map.cls[runStart];
      if (same) continue;
      const kind = map.kind[runStart];
      if (kind !== MAP_KIND.EMPTY) {
        g.fillStyle = kind === MAP_KIND.SLAB ? classColor(map.cls[runStart]) : large[kind];
        g.fillRect(
          Math.floor(runStart * w),
          0,
          Math.max(1, Math.ceil(i * w) - Math.floor(runStart * w)),
          height,
        );
      }
      runStart = i;
    }
  }, [map, width, height, theme]);
  return (
    <canvas
      ref={ref}
      className="arena-canvas"
      style={{ width, height }}
      role="img"
      aria-label="Arena map (overview image)"
      data-testid="arena-overview"
    />
  );
}

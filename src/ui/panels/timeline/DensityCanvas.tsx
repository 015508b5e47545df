// The density tracks as one canvas (DESIGN.md: overview as an image): per track a row of bars, one per
// bucket of the window the densities were computed for, placed with the *visible* scale so densities
// that lag behind a zoom or pan still line up with the axis. Heights use a square-root scale relative to
// the track's largest visible count, so a lone error next to thousands of accesses stays visible.
import { useEffect, useRef } from 'react';
import { bucketPixels, type TimeScale } from './hitTest';
import { MARKER_LANE, TRACK_HEIGHT, trackColorVar } from './layout';
import type { ViewportRequest } from './quantize';
import { cssVar, useThemeVersion } from '../themeColors';

export interface DensityTrack {
  readonly name: string;
  readonly label: string;
  readonly counts: ArrayLike<number>;
}

interface Props {
  readonly scale: TimeScale;
  readonly window: ViewportRequest | undefined;
  readonly tracks: readonly DensityTrack[];
}

export function DensityCanvas({ scale, window: w, tracks }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const theme = useThemeVersion();
  const height = MARKER_LANE + tracks.length * TRACK_HEIGHT;
  useEffect(() => {
    const canvas = ref.current;
    if (canvas === null) return;
    const dpr = globalThis.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(scale.width * dpr));
    canvas.height = Math.max(1, Math.round(height * dpr));
    const g = canvas.getContext('2d');
    if (g === null) return;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, scale.width, height);
    const border = cssVar(canvas, '--border', '#d9dbe0');
    tracks.forEach((_, row) => {
      const base = MARKER_LANE + (row + 1) * TRACK_HEIGHT - 0.5;
      g.fillStyle = border;
      g.fillRect(0, base, scale.width, 1);
    });
    if (w === undefined || w.buckets <= 0) return;
    const px = bucketPixels(w, scale);
    tracks.forEach((track, row) => {
      const n = Math.min(w.buckets, track.counts.length);
      let max = 0;
      for (let i = 0; i < n; i++) {
        if (px[2 * i + 1] > 0 && px[2 * i] < scale.width) max = Math.max(max, track.counts[i]);
      }
      if (max === 0) return;
      g.fillStyle = cssVar(canvas, trackColorVar(track.name), '#0f766e');
      const base = MARKER_LANE + (row + 1) * TRACK_HEIGHT - 1;
      const room = TRACK_HEIGHT - 4;
      for (let i = 0; i < n; i++) {
        const c = track.counts[i];
        if (c <= 0) continue;
        const x0 = Math.max(0, px[2 * i]);
        const x1 = Math.min(scale.width, px[2 * i + 1]);
        if (x1 <= x0) continue;
        const h = Math.max(2, Math.sqrt(c / max) * room);
        g.fillRect(x0, base - h, Math.max(1, x1 - x0 - (x1 - x0 > 3 ? 1 : 0)), h);
      }
    });
  }, [scale, w, tracks, height, theme]);
  return (
    <canvas
      ref={ref}
      className="tl-canvas"
      style={{ width: scale.width, height }}
      data-testid="timeline-densities"
      data-window={w === undefined ? '' : `${w.t0}:${w.t1}:${w.buckets}`}
      data-totals={tracks
        .map((t) => `${t.name}=${Array.from(t.counts).reduce((a, b) => a + b, 0)}`)
        .join(' ')}
      aria-hidden="true"
    />
  );
}

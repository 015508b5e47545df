// OpenVM's segments of a persistent run as bands under the time axis (issue 23): one band per segment over
// its span of the run's global timestamps, labelled with its index; a click zooms the Timeline to that
// segment, the current segment is marked. Bands narrower than a few pixels are drawn without a label.
import { xOfTime, type TimeScale } from './hitTest';

export interface SegmentBand {
  index: number;
  /** Global timestamps the segment spans. */
  t0: number;
  t1: number;
  /** Its instructions, for the tooltip. */
  startStep: number;
  numInsns: number;
}

interface Props {
  readonly scale: TimeScale;
  readonly segments: readonly SegmentBand[];
  readonly current: number | null;
  onZoom(t0: number, t1: number): void;
}

export function SegmentBands({ scale, segments, current, onZoom }: Props) {
  const visible = segments.filter((s) => s.t1 >= scale.t0 && s.t0 <= scale.t1);
  return (
    <div className="tl-segments" data-testid="timeline-segments" aria-label="Segments">
      {visible.map((s) => {
        const x0 = Math.max(0, xOfTime(scale, s.t0));
        const x1 = Math.min(scale.width, xOfTime(scale, s.t1));
        const width = Math.max(1, x1 - x0);
        const title = `Segment ${s.index}: instructions ${s.startStep.toLocaleString('en-US')}–${(s.startStep + s.numInsns).toLocaleString('en-US')}, run timestamps ${s.t0.toLocaleString('en-US')}–${s.t1.toLocaleString('en-US')}. Click to zoom into it.`;
        return (
          <button
            type="button"
            key={s.index}
            className={`tl-segment${s.index % 2 === 1 ? ' tl-segment-odd' : ''}${s.index === current ? ' tl-segment-current' : ''}`}
            style={{ left: x0, width }}
            title={title}
            aria-label={`Zoom into segment ${s.index}`}
            data-index={s.index}
            onClick={() => onZoom(s.t0, s.t1)}
          >
            {width >= 28 ? `seg ${s.index}` : ''}
          </button>
        );
      })}
    </div>
  );
}

// The progress of a long engine run (recording a freshly opened run, or Run): a bar, the step reached,
// the segment it is in (segmented guests: OpenVM's cuts are known at open), instructions per second, the
// action queued for when the recording ends, and Cancel (what was recorded is kept). Only this component reads the progress, so progress messages re-render nothing else.
import { formatNumber } from '../panels/timeline/format';
import { useDebugger } from '../debugger/useDebugger';
import { shortcutFor } from '../shortcuts';
import { segmentOfStep } from './segmentOfStep';

const fmt = formatNumber;

function rateText(rate: number): string {
  if (rate >= 1e6) return `${(rate / 1e6).toFixed(1)} M instr/s`;
  if (rate >= 1e3) return `${(rate / 1e3).toFixed(0)} k instr/s`;
  return `${Math.round(rate)} instr/s`;
}

/** log(1 + step) / log(1 + max), in [0, 1]. */
export function logFraction(step: number, max: number): number {
  if (max <= 0) return 0;
  return Math.min(1, Math.log1p(Math.max(0, step)) / Math.log1p(max));
}

export function RunProgress() {
  const progress = useDebugger((s) => s.progress);
  const queued = useDebugger((s) => s.queued);
  const cancel = useDebugger((s) => s.cancel);
  const maxSteps = useDebugger((s) => s.options.maxSteps);
  const segments = useDebugger((s) => s.frame?.info.segmentation?.segments);
  if (!progress) return null;
  const recording = progress.what === 'recording';
  return (
    <div
      className="run-progress"
      role="status"
      aria-label={recording ? 'Recording progress' : 'Run progress'}
      data-testid="run-progress"
      data-step={progress.step}
    >
      <span className="run-progress-label">{recording ? 'Recording the run' : 'Running'}</span>
      {/* The end of a run is unknown until it is reached; the step limit bounds it. The bar is logarithmic
          in the steps up to that limit, and static between progress messages (an animated indeterminate bar
          repaints the page every frame while the worker records). */}
      <span
        className="run-progress-bar"
        role="progressbar"
        aria-label={recording ? 'steps recorded' : 'steps run'}
        aria-valuemin={0}
        aria-valuemax={maxSteps}
        aria-valuenow={progress.step}
        title={`step ${fmt(progress.step)} of at most ${fmt(maxSteps)} (the step limit); logarithmic scale`}
      >
        <span
          className="run-progress-fill"
          style={{ width: `${(100 * logFraction(progress.step, maxSteps)).toFixed(1)}%` }}
        />
      </span>
      <span className="run-progress-steps" data-testid="progress-steps">
        step {fmt(progress.step)}
        <span className="muted"> of at most {fmt(maxSteps)}</span>
      </span>
      {segments !== undefined && segments.length > 1 && (
        <span className="run-progress-segment" data-testid="progress-segment">
          segment {fmt(segmentOfStep(segments, progress.step))}
          <span className="muted"> of {fmt(segments.length)}</span>
        </span>
      )}
      <span className="run-progress-rate muted" data-testid="progress-rate">
        {progress.rate > 0 ? rateText(progress.rate) : '…'}
      </span>
      {queued !== undefined && (
        <span className="run-progress-queued" data-testid="queued-action">
          then {shortcutFor(queued).label}
        </span>
      )}
      {recording && (
        <button
          type="button"
          onClick={() => void cancel()}
          title="Stop recording; what was recorded is kept (Run records the rest)"
        >
          Cancel
        </button>
      )}
    </div>
  );
}

// The scrubber's keys (WAI-ARIA slider pattern): ArrowLeft/ArrowRight (and Down/Up) move by one time
// unit, PageDown/PageUp by a tenth of the visible window, Home/End to the ends of the run. Returns the
// new time, or null for keys the slider does not handle (they then reach the app's shortcuts).
import type { TimeWindow } from './viewport';

export function nudge(
  key: string,
  current: number,
  w: TimeWindow,
  start: number,
  end: number,
): number | null {
  const page = Math.max(1, Math.round((w.t1 - w.t0) / 10));
  let next: number;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      next = current - 1;
      break;
    case 'ArrowRight':
    case 'ArrowUp':
      next = current + 1;
      break;
    case 'PageDown':
      next = current - page;
      break;
    case 'PageUp':
      next = current + page;
      break;
    case 'Home':
      next = start;
      break;
    case 'End':
      next = end;
      break;
    default:
      return null;
  }
  return Math.min(end, Math.max(start, Math.round(next)));
}

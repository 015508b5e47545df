// Which narration a lesson shows at a Session position, and where "Next step" / "Previous step" go.
// The learner may also move with the debugger's own controls: any position shows the last stop at or
// before it, marked not `exact`, and "Previous step" then returns to that stop.

import type { Lesson } from './lessonTypes';

export interface NarrationView {
  /** Index of the stop shown (0 = the intro). */
  stop: number;
  /** Number of stops (the progress "step k of n" is stop + 1 of count). */
  count: number;
  paragraphs: string[];
  /** Script lessons: the source lines the stop's directives are on. */
  lines?: { first: number; last: number };
  /** False when the position lies between stops (the learner stepped off the lesson's path). */
  exact: boolean;
  /** The lesson's question is asked at this position. */
  atCheck: boolean;
  /** The step "Next step" goes to (null at the last stop). */
  next: number | null;
  /** The step "Previous step" goes to (null at the intro). */
  previous: number | null;
  /** The last stop: the lesson is complete. */
  done: boolean;
}

/** The last stop at or before `step` (binary search: stops are ordered by `at`). */
export function stopIndexAt(lesson: Lesson, step: number): number {
  const stops = lesson.stops;
  let lo = 0;
  let hi = stops.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (stops[mid].at <= step) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(0, lo - 1);
}

export function narrationAt(lesson: Lesson, step: number): NarrationView {
  const stops = lesson.stops;
  const i = stopIndexAt(lesson, step);
  const s = stops[i];
  const exact = s.at === step;
  const view: NarrationView = {
    stop: i,
    count: stops.length,
    paragraphs: s.paragraphs,
    exact,
    atCheck: step === lesson.check.at,
    next: i + 1 < stops.length ? stops[i + 1].at : null,
    previous: exact ? (i > 0 ? stops[i - 1].at : null) : s.at,
    done: exact && i === stops.length - 1,
  };
  if (s.lines !== undefined) view.lines = { ...s.lines };
  return view;
}

// Which of OpenVM's segments a step of the recording is in, for the progress bar (RunProgress.tsx).

/** The segment holding the state after `step` instructions (segmentCursor.ts segmentOfStep). */
export function segmentOfStep(starts: readonly { startStep: number }[], step: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid].startStep <= step - 1) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// Run until something happens, in either direction, on top of the timeline.
// Forward ("continue"): the current step runs first without the probe (a breakpoint at the current pc or an
// access of the current step does not stop again), then the timeline advances in chunks with the probe
// attached; at the first hit it seeks back to the hit's step (the rest of the chunk is replayed away).
// Backward ("reverse continue", as rr does it): replay the checkpoint intervals before the current step,
// newest first, with the probe in 'last' mode; the first interval with a hit holds the latest one.
// Invariants: a search that finds nothing leaves the position where the forward run stopped (the end or
// the step budget) or, backward, where it started; the probe is always detached afterwards.

import type { MachineState } from '../machines/machine';
import type { AnyProbe, ProbeHit } from './probes';
import type { Timeline } from '../recording/timeline';

export interface SearchResult {
  /** 'hit': stopped at a probe hit; 'end': the run ended; 'budget': the step budget ran out; 'none': nothing found backward. */
  reason: 'hit' | 'end' | 'budget' | 'none';
  hit?: ProbeHit;
}

/** Steps per forward chunk with a probe attached (the overshoot a hit costs to replay away). */
const CHUNK = 4096;

function hitStep<S extends MachineState>(tl: Timeline<S>, hit: ProbeHit): number {
  return hit.step ?? tl.stepAtTimestamp(hit.timestamp as number);
}

export function searchForward<S extends MachineState>(
  tl: Timeline<S>,
  probe: AnyProbe,
  maxSteps: number,
): SearchResult {
  const limit = tl.step + maxSteps;
  if (maxSteps <= 0) return { reason: 'budget' };
  if (tl.forward(1) === 0) return { reason: 'end' };
  probe.install('first');
  try {
    while (tl.step < limit) {
      const done = tl.forward(Math.min(CHUNK, limit - tl.step));
      if (probe.hit !== null || done === 0) break;
    }
  } finally {
    probe.uninstall();
  }
  const hit = probe.pick((h) => hitStep(tl, h));
  if (hit !== null) {
    tl.seekStep(hitStep(tl, hit));
    return { reason: 'hit', hit };
  }
  return { reason: tl.end !== null && tl.step === tl.end.step ? 'end' : 'budget' };
}

export function searchBackward<S extends MachineState>(tl: Timeline<S>, probe: AnyProbe): SearchResult {
  const start = tl.step;
  let upper = start;
  while (upper > 0) {
    const from = tl.store.nearest(upper - 1).state.step;
    tl.seekStep(from);
    probe.install('last');
    try {
      tl.forward(upper - from);
    } finally {
      probe.uninstall();
    }
    const hit = probe.pick((h) => hitStep(tl, h));
    if (hit !== null) {
      tl.seekStep(hitStep(tl, hit));
      return { reason: 'hit', hit };
    }
    upper = from;
  }
  tl.seekStep(start);
  return { reason: 'none' };
}

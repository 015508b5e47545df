// The benchmark groups of `npm run bench [-- GROUP]`. Each prints `name=value` lines through `report`.
import type { BenchGroup } from './benchGroup';
import { mtraceBench } from './mtrace.bench';
import { allocBench } from './alloc.bench';
import { guestBench } from './guest.bench';
import { seekBench } from './seek.bench';
import { uiBench } from './ui.bench';
import { segmentsBench } from './segments.bench';
import { scaleBench } from './scale.bench';
import { sessionScaleBench } from './sessionScale.bench';
import { appScaleBench } from './appScale.bench';

export const groups: Record<string, BenchGroup> = {
  mtrace: mtraceBench,
  alloc: allocBench,
  guest: guestBench,
  seek: seekBench,
  ui: uiBench,
  segments: segmentsBench,
  scale: scaleBench,
  'scale-session': sessionScaleBench,
  'app-scale': appScaleBench,
};

/** Groups run only when named (`npm run bench -- scale`): they take many minutes. */
export const OPT_IN_GROUPS: readonly string[] = ['scale', 'scale-session', 'app-scale'];

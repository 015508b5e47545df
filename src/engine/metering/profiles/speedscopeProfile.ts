// A metered run's cost as a speedscope file (https://www.speedscope.app/file-format-schema.json, the
// schema shipped in the `speedscope` npm package): evented profiles whose time axis is the instruction
// index (unit "none": event `at` = instret), so speedscope's Time Order view shows what ran when — the
// range (the whole run by default) and each segment in it — then one sampled profile per cost measure
// (costProfile.ts's entries: instructions, cells, adapter rows), whose weights are the icicle's.
// Frames are the call-stack functions (demangled ELF symbols, as the icicle names them) and the synthetic
// "[fixed]"/"[padding]" frames of the cells profile. Evented profiles come from the attribution log's runs:
// when the node changes, the frames the two paths do not share are closed (innermost first) and the new
// ones opened, all at that instruction; every frame open at the end is closed at the range's end.
// Invariants: in each evented profile opens and closes nest (speedscope rejects anything else) and its
// span (endValue - startValue) is the range's instruction count. Cost: O(runs + depth changes) events;
// hashmap's 5.2 M instructions make about 1.4 M runs.

import { EngineError } from '../../errors';
import type { CostMeasure } from '../attribution/costProfile';
import { COST_MEASURES, frameName } from '../attribution/costProfile';
import type { RangeProfiler } from '../attribution/rangeProfile';

export interface SpeedscopeFrame {
  name: string;
}
export interface EventedProfile {
  type: 'evented';
  name: string;
  unit: 'none';
  startValue: number;
  endValue: number;
  events: { type: 'O' | 'C'; frame: number; at: number }[];
}
export interface SampledProfile {
  type: 'sampled';
  name: string;
  unit: 'none';
  startValue: number;
  endValue: number;
  samples: number[][];
  weights: number[];
}
export interface SpeedscopeFile {
  $schema: 'https://www.speedscope.app/file-format-schema.json';
  name: string;
  exporter: string;
  activeProfileIndex: number;
  shared: { frames: SpeedscopeFrame[] };
  profiles: (EventedProfile | SampledProfile)[];
}

const MEASURE_NAMES: Record<CostMeasure, string> = {
  instructions: 'instructions',
  cells: 'trace cells',
  'adapter-rows': 'adapter rows',
};

export function speedscopeFile(
  q: RangeProfiler,
  from: number,
  to: number,
  options: { name: string; exporter: string },
): SpeedscopeFile {
  if (q.log.folder !== null)
    throw new EngineError(
      'request',
      'a speedscope profile needs the full attribution log (attribution "log")',
    );
  const frames: SpeedscopeFrame[] = [];
  const frameIds = new Map<string, number>();
  const frame = (name: string): number => {
    let id = frameIds.get(name);
    if (id === undefined) {
      id = frames.length;
      frames.push({ name });
      frameIds.set(name, id);
    }
    return id;
  };
  const names = q.functions.names.map(frameName);
  const nodeFrame = (node: number) => frame(names[q.trie.func[node]]);
  const scope = from === 0 && to === q.instret ? 'whole run' : `instructions [${from}, ${to})`;
  const profiles: (EventedProfile | SampledProfile)[] = [
    evented(q, from, to, `${options.name}: ${scope}, in time order`, nodeFrame),
  ];
  const inside = q.segments.filter((s) => s.instretStart < to && s.instretStart + s.numInsns > from);
  if (inside.length > 1)
    for (const s of inside) {
      const a = Math.max(from, s.instretStart);
      const b = Math.min(to, s.instretStart + s.numInsns);
      profiles.push(evented(q, a, b, `${options.name}: segment ${s.index}, in time order`, nodeFrame));
    }
  for (const m of COST_MEASURES) {
    const entries = q.entries(from, to, m);
    const total = entries.reduce((t, e) => t + e.weight, 0);
    profiles.push({
      type: 'sampled',
      name: `${options.name}: ${scope}, ${MEASURE_NAMES[m]}`,
      unit: 'none',
      startValue: 0,
      endValue: total,
      samples: entries.map((e) => e.stack.map(frame)),
      weights: entries.map((e) => e.weight),
    });
  }
  return {
    $schema: 'https://www.speedscope.app/file-format-schema.json',
    name: `${options.name}: ${scope}`,
    exporter: options.exporter,
    activeProfileIndex: 0,
    shared: { frames },
    profiles,
  };
}

function evented(
  q: RangeProfiler,
  from: number,
  to: number,
  name: string,
  nodeFrame: (node: number) => number,
): EventedProfile {
  const log = q.log;
  const trie = q.trie;
  const events: EventedProfile['events'] = [];
  const open: number[] = []; // the open nodes, outermost first
  for (let r = Math.max(0, log.runAt(from)); r < log.runCount && log.runStart[r] < to; r++) {
    const at = Math.max(from, log.runStart[r]);
    if (log.runEnd(r) <= at) continue;
    const n = log.runNode[r];
    if (open.length > 0 && open[open.length - 1] === n) continue;
    const path: number[] = [];
    for (let m = n; m > 0; m = trie.parent[m]) path.push(m);
    path.reverse();
    let d = 0;
    while (d < open.length && d < path.length && open[d] === path[d]) d++;
    for (let k = open.length - 1; k >= d; k--) events.push({ type: 'C', frame: nodeFrame(open[k]), at });
    open.length = d;
    for (let k = d; k < path.length; k++) {
      events.push({ type: 'O', frame: nodeFrame(path[k]), at });
      open.push(path[k]);
    }
  }
  for (let k = open.length - 1; k >= 0; k--) events.push({ type: 'C', frame: nodeFrame(open[k]), at: to });
  return { type: 'evented', name, unit: 'none', startValue: from, endValue: to, events };
}

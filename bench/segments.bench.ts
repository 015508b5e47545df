// segments group (issue 23): a segmented session on OpenVM's fibonacci benchmark with n = 1,000,000
// (15,000,278 instructions, 3 segments at OpenVM's SDK default limits).
//   segment_plan_instr_per_sec          the metered pass that decides the session's cuts (the fast pass,
//                                       metering/segmentPlan.ts planCuts), instructions per second
//   segmented_session_open_15m_ms       Session.open (the metered pass) + the first segment recorded
//   segmented_seek_15m_p50_ms / _p95_ms seekStep to 100 random steps of the recorded run (any segment)
//   segmented_peak_rss_mb               the process's peak resident set while doing the above
// The 10^9-instruction figures are the opt-in `scale-session` group (sessionScale.bench.ts).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Random } from '../src/engine/random';
import { Session } from '../src/engine/session';
import { type BenchGroup, quantile } from './benchGroup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const elfPath = path.resolve(root, '../shared/guests/openvm-v1.7/fibonacci.elf');
const INPUT = '0x0140420f0000000000'; // n = 1,000,000
const SEEKS = 100;

export const segmentsBench: BenchGroup = (report) => {
  if (!existsSync(elfPath)) {
    process.stderr.write(`# segments: ${elfPath} not found, skipping\n`);
    return;
  }
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const elf = new Uint8Array(readFileSync(elfPath));
  const t0 = performance.now();
  const session = Session.open('guest', elf, { input: INPUT });
  const planned = performance.now();
  sample();
  const segs = session.segmentation().segments;
  const instret = segs.reduce((t, s) => t + s.numInsns, 0);
  session.seekStep(segs.length > 1 ? segs[1].startStep : segs[0].numInsns);
  const opened = performance.now();
  sample();
  report('segment_plan_instr_per_sec', Math.round(instret / ((planned - t0) / 1000)));
  report('segmented_session_open_15m_ms', Math.round(opened - t0));
  session.run();
  sample();
  const end = session.position().step;
  process.stderr.write(`# segments: ${segs.length} segments, ${end} instructions\n`);
  const rng = new Random(23);
  const times: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const step = Math.floor(rng.float() * end);
    const a = performance.now();
    session.seekStep(step);
    times.push(performance.now() - a);
    if (i % 10 === 0) sample();
  }
  report('segmented_seek_15m_p50_ms', Number(quantile(times, 0.5).toFixed(2)));
  report('segmented_seek_15m_p95_ms', Number(quantile(times, 0.95).toFixed(2)));
  report('segmented_peak_rss_mb', Math.round(peak / 2 ** 20));
};

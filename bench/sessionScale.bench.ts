// scale-session group (issue 23), opt-in — `npm run bench -- scale-session`: the debugger's session (what the
// app's worker runs) on OpenVM's fibonacci benchmark guest with n = 66,666,650
// (examples/inputs/fibonacci.1e9.input.json: 1,000,000,028 instructions, 144 segments at the SDK defaults),
// in this process:
//   guest_session_open_1e9_ms         Session.open (the fast metered pass: every cut) + the first segment recorded
//   session_record_1e9_ms             recording the rest to the end (checkpoints, samples)
//   seek_1e9_p50_ms / seek_1e9_p95_ms seekStep to 100 random steps of the recorded run (goal ≤ 100 / 500 ms)
//   session_1e9_peak_rss_mb           this process's resident set at its highest meanwhile (goal ≤ 1024 MB)
//   meter_1e9_ms                      then Cost by function as the app's worker meters it (meterRun with the
//                                     app's attribution budget: the log folds to the whole run past 256 MB)
//   meter_1e9_peak_rss_mb             the process's peak resident set (getrusage maxrss) with the session
//                                     and the metering both in it, as in the worker (goal ≤ 1024 MB)
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { METER_LOG_BUDGET_BYTES, meterRun } from '../src/engine/metering/meterView';
import { Random } from '../src/engine/random';
import { Session } from '../src/engine/session';
import { type BenchGroup, quantile } from './benchGroup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const elfPath = path.resolve(root, '../shared/guests/openvm-v1.7-benchmarks/fibonacci.elf');
const input = path.resolve(root, 'examples/inputs/fibonacci.1e9.input.json');

export const sessionScaleBench: BenchGroup = (report) => {
  if (!existsSync(elfPath)) throw new Error(`${elfPath} is missing (the bench needs ../shared)`);
  let peak = 0;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
  const { input: vectors } = JSON.parse(readFileSync(input, 'utf8')) as { input: string[] };
  const t0 = performance.now();
  const session = Session.open('guest', new Uint8Array(readFileSync(elfPath)), { input: vectors[0] });
  const segs = session.segmentation().segments;
  session.seekStep(segs.length > 1 ? segs[1].startStep : segs[0].numInsns);
  const opened = performance.now();
  sample();
  report('guest_session_open_1e9_ms', Math.round(opened - t0));
  const stop = session.run();
  if (stop.reason !== 'end' || stop.position.status !== 'done')
    throw new Error(`session: recording stopped (${stop.reason}, ${stop.position.status})`);
  report('session_record_1e9_ms', Math.round(performance.now() - opened));
  sample();
  const end = session.position().step;
  process.stderr.write(`# scale: session of ${end} instructions, ${segs.length} segments\n`);
  const rng = new Random(1_000_000_000);
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const step = Math.floor(rng.float() * end);
    const a = performance.now();
    session.seekStep(step);
    times.push(performance.now() - a);
    if (i % 10 === 0) sample();
  }
  report('seek_1e9_p50_ms', Number(quantile(times, 0.5).toFixed(2)));
  report('seek_1e9_p95_ms', Number(quantile(times, 0.95).toFixed(2)));
  report('session_1e9_peak_rss_mb', Math.round(peak / 2 ** 20));
  const m0 = performance.now();
  const { view } = meterRun(new Uint8Array(readFileSync(elfPath)), {
    input: vectors[0],
    logBudgetBytes: METER_LOG_BUDGET_BYTES,
  });
  if (view.instret !== end || view.exitCode !== 0 || view.wholeRunOnly === null)
    throw new Error(`meter: ${view.instret} instructions, exit ${view.exitCode}, ${view.unavailable ?? ''}`);
  report('meter_1e9_ms', Math.round(performance.now() - m0));
  report('meter_1e9_peak_rss_mb', Math.round(process.resourceUsage().maxRSS / 1024));
};

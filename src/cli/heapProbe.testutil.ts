// Test-only child process (scale.test.ts bundles it and runs it under `node --expose-gc`): what the CLI's
// long runs keep, in bytes, per run length. For each mode and each fibonacci n given, it runs the code
// path of that mode on the guest, then — the run's objects still referenced — collects garbage and
// reports heap + array buffers above the baseline before the run, and the process's peak resident set so far
// (maxRss, bytes: run the n in increasing order, one mode per process, and its growth is the peak's). Modes: exec (segmentedExec.ts: the segment
// plan, then the segmented machine to the end), segments (MeteredRun, attribution 'totals', as
// `exec --segments`), profile (attribution 'whole-run' and the pprof samples, as `exec --profile x.pb.gz`),
// log (attribution 'log', the app's: it grows with the run; the probe's control).
// Segments are cut at 2^16 rows (SEGMENT_ROWS), so that both lengths span many segments and what is kept
// per segment is the same. The first n is a warm-up (compiled code, caches), reported like the others.
// Usage: node --expose-gc probe.mjs ELF MODE[,MODE...] N[,N...]  ->  one JSON line
// {"results":[{"mode","n","instret","retained","peak","maxRss"}]} (peak: the most held after a segment, or at the end)
import { readFileSync } from 'node:fs';
import { parseInput } from '../engine/guest/io/input';
import { loadGuestProgram } from '../engine/guest/program/guestProgram';
import { MeteredRun } from '../engine/metering/meteredRun';
import { AttributionLog } from '../engine/metering/attribution/attributionLog';
import { RangeProfiler } from '../engine/metering/attribution/rangeProfile';
import { lineSamples } from '../engine/metering/profiles/lineSamples';
import { segmentedMachine } from './segmentedExec';

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) throw new Error('run with node --expose-gc');
const held = (): number => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const fibInput = (n: number) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(n));
  return parseInput(`0x01${b.toString('hex')}`);
};

const SEGMENT_ROWS = 1 << 16;
// The peak during a run: sampled after each segment (every metered run, the planner's too, settles its
// attribution log once per segment, whatever its attribution mode).
let base = 0;
let peak = 0;
const settle = AttributionLog.prototype.settle;
AttributionLog.prototype.settle = function (this: AttributionLog, end: number) {
  peak = Math.max(peak, held() - base);
  settle.call(this, end);
};
const [elfPath, modes, ns] = process.argv.slice(2);
const program = loadGuestProgram(new Uint8Array(readFileSync(elfPath)));
/** One line of the probe's report (scale.test.ts reads them). */
export interface ProbeResult {
  mode: string;
  n: number;
  instret: number;
  retained: number;
  peak: number;
  maxRss: number;
}
const results: ProbeResult[] = [];
for (const mode of modes.split(','))
  for (const n of ns.split(',').map(Number)) {
    const input = fibInput(n);
    const before = held();
    base = before;
    peak = 0;
    let keep: unknown;
    let instret: number;
    if (mode === 'exec') {
      const s = segmentedMachine(
        program,
        input,
        undefined,
        { maxSegmentLength: SEGMENT_ROWS },
        2 ** 31,
        false,
      );
      s.machine.run(2 ** 31);
      if (s.machine.run_.machine.status !== 'terminated') throw new Error(`exec: ${s.machine.run_.status}`);
      instret = s.machine.step;
      keep = s;
    } else {
      const attribution = mode === 'segments' ? 'totals' : mode === 'profile' ? 'whole-run' : 'log';
      const run = new MeteredRun(program, { input, attribution, maxSegmentLength: SEGMENT_ROWS });
      const r = run.run();
      if (r.exitCode !== 0) throw new Error(`${mode}: ${r.error?.message ?? `exit ${r.exitCode}`}`);
      instret = r.instret;
      if (mode === 'profile') {
        const q = new RangeProfiler(run);
        keep = [run, lineSamples(q, 0, q.instret)];
      } else keep = run;
    }
    const retained = held() - before;
    peak = Math.max(peak, retained);
    results.push({ mode, n, instret, retained, peak, maxRss: process.resourceUsage().maxRSS * 1024 });
    if (keep === null) throw new Error('unreachable'); // keeps `keep` alive until after the measurement
  }
process.stdout.write(`${JSON.stringify({ results })}\n`);

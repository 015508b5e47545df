// seek group: time travel on the real fibonacci guest with n = 800000 (../shared/guests/openvm-v1.7;
// input = the `read::<u64>()` vector `01` + 8 little-endian bytes, spec §6.3), about 12 million instructions.
//   record_overhead_pct  recording (Session.run to the end: checkpoints, samples) versus a plain GuestRun
//                        to the end with the same counters-only record log; best of 3 each, in CPU time
//                        of the process (process.cpuUsage: GC threads included), which equals wall time on
//                        an idle machine and, unlike it, does not measure the scheduler on a shared one
//                        (wall-clock figures go to stderr)
//   checkpoint_mb        bytes the checkpoints hold after recording (shared pages counted once)
//   seek_median_ms / seek_p95_ms   seek(T) to 200 random timestamps in random order
//   step_back_ms         one stepBack() after a seek to a random timestamp (median of 50)
// Progress and the secondary figures (budget, thinning, instruction count) go to stderr.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadGuestProgram } from '../src/engine/guest/program/guestProgram';
import { GuestRun } from '../src/engine/guest/guestRun';
import { parseInput } from '../src/engine/guest/io/input';
import { Random } from '../src/engine/random';
import { Session } from '../src/engine/session';
import { type BenchGroup, quantile } from './benchGroup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const elfPath = path.resolve(root, '../shared/guests/openvm-v1.7/fibonacci.elf');
const N = 800_000;
const SEEKS = 200;
const STEP_BACKS = 50;

/** `0x01` + the u64 as 8 little-endian bytes: one input vector for `read::<u64>()`. */
function u64Input(n: number): string {
  let hex = '';
  for (let i = 0; i < 8; i++)
    hex += Math.floor((n / 256 ** i) % 256)
      .toString(16)
      .padStart(2, '0');
  return `0x01${hex}`;
}

export const seekBench: BenchGroup = (report) => {
  if (!existsSync(elfPath)) {
    process.stderr.write(`# seek: ${elfPath} not found, skipping\n`);
    return;
  }
  const elf = new Uint8Array(readFileSync(elfPath));
  const input = u64Input(N);
  const program = loadGuestProgram(elf);
  const cpuMs = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let plainMs = Infinity;
  let recordMs = Infinity;
  let plainCpu = Infinity;
  let recordCpu = Infinity;
  let session: Session | undefined;
  for (let rep = 0; rep < 3; rep++) {
    const run = new GuestRun(program, { input: parseInput(input), keepRecords: false });
    let t0 = performance.now();
    let c0 = cpuMs();
    const status = run.run(Number.MAX_SAFE_INTEGER);
    plainCpu = Math.min(plainCpu, cpuMs() - c0);
    plainMs = Math.min(plainMs, performance.now() - t0);
    if (status !== 'terminated' || run.machine.exitCode !== 0) throw new Error(`fibonacci ended ${status}`);
    const s = Session.open('guest', elf, { input });
    t0 = performance.now();
    c0 = cpuMs();
    const stop = s.run();
    recordCpu = Math.min(recordCpu, cpuMs() - c0);
    recordMs = Math.min(recordMs, performance.now() - t0);
    if (stop.reason !== 'end' || stop.position.status !== 'done')
      throw new Error(`recording stopped: ${stop.reason}`);
    session = s;
  }
  const s = session as Session;
  const info = s.info();
  const end = info.end as { step: number; timestamp: number };
  process.stderr.write(
    `# fibonacci n=${N}: ${end.step} instructions, final timestamp ${end.timestamp}; plain ${plainMs.toFixed(1)} ms, recording ${recordMs.toFixed(1)} ms wall (overhead ${(((recordMs - plainMs) / plainMs) * 100).toFixed(1)} %); CPU ${plainCpu.toFixed(1)} / ${recordCpu.toFixed(1)} ms\n`,
  );
  report('record_overhead_pct', (((recordCpu - plainCpu) / plainCpu) * 100).toFixed(1));
  report('checkpoint_mb', (info.memory.bytes / 2 ** 20).toFixed(1));
  process.stderr.write(
    `# checkpoints ${info.memory.checkpoints}, thinned ${info.memory.thinnedCheckpoints} (k=${info.memory.thinningK}), max gap ${info.memory.maxGapSteps} steps, budget ${(info.memory.budgetBytes / 2 ** 20).toFixed(0)} MiB, samples ${(info.memory.sampleBytes / 2 ** 20).toFixed(1)} MiB\n`,
  );

  const rng = new Random(0x5eed);
  const seekMs: number[] = [];
  for (let i = 0; i < SEEKS; i++) {
    const t = 1 + rng.below(end.timestamp - 1);
    const t0 = performance.now();
    s.seek(t);
    seekMs.push(performance.now() - t0);
  }
  report('seek_median_ms', quantile(seekMs, 0.5).toFixed(2));
  report('seek_p95_ms', quantile(seekMs, 0.95).toFixed(2));
  process.stderr.write(`# seek max ${Math.max(...seekMs).toFixed(2)} ms\n`);

  const backMs: number[] = [];
  for (let i = 0; i < STEP_BACKS; i++) {
    s.seek(1 + rng.below(end.timestamp - 1));
    const t0 = performance.now();
    s.stepBack();
    backMs.push(performance.now() - t0);
  }
  report('step_back_ms', quantile(backMs, 0.5).toFixed(3));
  process.stderr.write(
    `# step back p95 ${quantile(backMs, 0.95).toFixed(3)} ms, max ${Math.max(...backMs).toFixed(3)} ms; checkpoint bytes after seeks ${(s.info().memory.bytes / 2 ** 20).toFixed(1)} MiB\n`,
  );
};

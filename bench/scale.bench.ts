// scale group (issue 23), opt-in — `npm run bench -- scale`, NOT part of the default `npm run bench`: it
// runs 3 × 10^9 instructions: 1–9 minutes per command on a shared 2-core machine (4–20 min in all).
// OpenVM's fibonacci benchmark guest with n = 66,666,650 (examples/inputs/fibonacci.1e9.input.json:
// 1,000,000,028 instructions, 144 segments at the SDK defaults), each command in its own `node` process
// through the CLI (scripts/memscope.mjs), which must exit 0:
//   exec_1e9_peak_rss_mb / exec_1e9_wall_s                    exec (persistent: planned, then run segmented)
//   exec_segments_1e9_peak_rss_mb / exec_segments_1e9_wall_s  exec --segments (one metered run)
//   exec_profile_1e9_peak_rss_mb / exec_profile_1e9_wall_s    exec --profile FILE.pb.gz (pprof)
// The peak resident set is the child's own (process.resourceUsage().maxRSS at its exit, printed by a
// --import hook); the goal is ≤ 1024 MB each. The flat-memory guard that runs in the test suite is
// src/cli/scale.test.ts.
// The debugger's session on the same run: the `scale-session` group (sessionScale.bench.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchGroup } from './benchGroup';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const elfPath = path.resolve(root, '../shared/guests/openvm-v1.7-benchmarks/fibonacci.elf');
const input = path.resolve(root, 'examples/inputs/fibonacci.1e9.input.json');
const MAXRSS_HOOK =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("\\nmemscope-maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))';

export const scaleBench: BenchGroup = (report) => {
  if (!existsSync(elfPath)) {
    process.stderr.write(`# scale: ${elfPath} not found, skipping\n`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'memscope-scale-'));
  const runs: [string, string[]][] = [
    ['exec_1e9', ['--max-steps', '1100000000']],
    ['exec_segments_1e9', ['--segments']],
    ['exec_profile_1e9', ['--profile', path.join(dir, 'fibonacci.pb.gz')]],
  ];
  try {
    for (const [name, args] of runs) {
      process.stderr.write(`# scale: ${name} ...\n`);
      const t0 = performance.now();
      const r = spawnSync(
        process.execPath,
        [
          '--import',
          MAXRSS_HOOK,
          path.join(root, 'scripts/memscope.mjs'),
          'exec',
          elfPath,
          '--input',
          input,
          ...args,
        ],
        { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
      );
      const wall = (performance.now() - t0) / 1000;
      const rss = /memscope-maxrss-kb=(\d+)/.exec(r.stderr);
      if (r.status !== 0 || rss === null)
        throw new Error(
          `${name}: exit ${r.status}${r.error ? ` (${r.error.message})` : ''}: ${r.stderr.slice(-500)}`,
        );
      report(`${name}_peak_rss_mb`, Math.round(Number(rss[1]) / 1024));
      report(`${name}_wall_s`, Math.round(wall));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

// Issue 23 (scale): `exec`, `exec --segments` and `exec --profile` run 10^9 instructions in bounded memory
// (the figures: bench/scale.bench.ts). This cheap guard runs fibonacci at ~10^6 and ~10^7 instructions in a
// child process under `node --expose-gc` (heapProbe.testutil.ts, bundled with esbuild) and asks that the
// most each mode holds (heap + array buffers after a GC at every segment's end and at the run's end) grow
// by less than 6 MB over the 10x — where the attribution log the app keeps (mode 'log', the control) grows
// by ~1.3 bytes per instruction (AttributionLog: 20 B per run, fibonacci runs 15 instructions per loop;
// measured +18 MB), so the probe can see growth. Idle, the three modes grow by -0.1 to +0.5 MB; one CI run
// under load measured +4.5 MB for exec (the peak is a maximum over ~150 samples, array buffers included),
// so the bound sits between that noise and the control's growth. The resident set is not compared: V8 sizes its heap to
// the garbage a run makes, so it grows ~20 MB over the 10x whatever is kept. Not timed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { needs, REPO_ROOT, SHARED, sharedFile } from '../engine/guest/fixtures.testutil';
import type { ProbeResult } from './heapProbe.testutil';

const ELF = path.join(SHARED, 'guests/openvm-v1.7-benchmarks/fibonacci.elf');
const SMALL = 66_667; // 1,000,283 instructions
const LARGE = 666_667; // 10,000,283 instructions
const MB = 2 ** 20;

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/fibonacci.elf')))(
  'memory stays flat from 10^6 to 10^7 instructions',
  () => {
    let dir: string;
    let probe: string;
    beforeAll(async () => {
      // Inside the repo: the bundle's packages (external) resolve from node_modules.
      mkdirSync(path.join(REPO_ROOT, '.cache'), { recursive: true });
      dir = mkdtempSync(path.join(REPO_ROOT, '.cache', 'scale-probe-'));
      probe = path.join(dir, 'probe.mjs');
      await build({
        entryPoints: [path.join(REPO_ROOT, 'src/cli/heapProbe.testutil.ts')],
        outfile: probe,
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'error',
      });
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    const run = (mode: string): ProbeResult[] => {
      const r = spawnSync(process.execPath, ['--expose-gc', probe, ELF, mode, `${SMALL},${SMALL},${LARGE}`], {
        cwd: REPO_ROOT,
        encoding: 'utf8',
      });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      const { results } = JSON.parse(r.stdout) as { results: ProbeResult[] };
      expect(results.map((x) => x.instret)).toEqual([1_000_283, 1_000_283, 10_000_283]);
      return results;
    };
    /** MB more held at the peak of the 10^7 run than at the 10^6 one (the first run warms up). */
    const growth = (rs: ProbeResult[]) => (rs[2].peak - rs[1].peak) / MB;

    it('the control: the full attribution log grows with the run (the probe sees growth)', () => {
      expect(growth(run('log'))).toBeGreaterThan(10);
    }, 300_000);

    for (const mode of ['exec', 'segments', 'profile'])
      it(`${mode}: the most it holds grows by less than 6 MB`, () => {
        expect(growth(run(mode))).toBeLessThan(6);
      }, 300_000);
  },
);

// `exec` in persistent mode runs segmented as OpenVM cuts the run: fibonacci (n = 100,000) at OpenVM's report
// setting (max segment length 1,048,476) ends in segment 1 at its own timestamp 1,714,547 (the issue's "near
// 1.7 M"), with per-segment rows equal to `exec --segments`' and the run's global timestamp in the total.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, SHARED, sharedFile } from '../engine/guest/fixtures.testutil';
import { captureIO } from './io';
import { runCli } from './main';

const BENCH = join(SHARED, 'guests/openvm-v1.7-benchmarks');

async function run(args: string[]) {
  const io = captureIO({});
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/fibonacci.elf')))('segmented exec', () => {
  const args = [
    'exec',
    join(BENCH, 'fibonacci.elf'),
    '--input',
    join(BENCH, 'fibonacci.input.json'),
    '--config',
    join(BENCH, 'fibonacci.openvm.toml'),
    '--max-segment-length',
    '1048476',
  ];
  it('summary per segment and in total, the rows of exec --segments', { timeout: 120_000 }, async () => {
    const r = await run(args);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s).toMatchObject({
      status: 'terminated',
      exitCode: 0,
      instructions: 1_500_278,
      finalTimestamp: 1_714_547,
    });
    expect(s.segments.map((x: { instret_start: number }) => x.instret_start)).toEqual([0, 873_000]);
    expect(s.total).toMatchObject({ segments: 2, instructions: 1_500_278, timestamp: 4_100_711 });
    const seg = JSON.parse((await run([...args, '--segments'])).stdout) as {
      segments: { airs: { air_name: string; rows: number }[] }[];
    };
    seg.segments.forEach((x, k) => {
      const rows = (name: string) => x.airs.find((a) => a.air_name === name)?.rows ?? 0;
      expect(s.segments[k].adapter_rows['8']).toBe(rows('AccessAdapterAir<8>'));
      expect(s.segments[k].boundary_rows).toBe(rows('PersistentBoundaryAir<8>'));
      expect(s.segments[k].merkle_rows).toBe(rows('MemoryMerkleAir<8>'));
    });
    // The last segment's own fields are its finalize: boundary rows = 2 per touched chunk.
    expect(s.boundaryRows).toBe(s.segments[1].boundary_rows);
  });
});

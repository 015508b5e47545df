// The worker's `meterExport` (the app's Cost by function Export): after `meter`, the whole run, a segment and
// a timestamp range come back as pprof (unzipped; decoded here by pprof-format), speedscope and folded
// bytes of exactly that scope — the same totals as `meterRange` for it; without a metered run it is refused.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Profile } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { COST_MEASURES } from '../engine/metering/attribution/costProfile';
import { InProcessClient } from './inProcessClient';

const example = (name: string) => resolve(__dirname, '../../public/examples', name);

describe('meterExport', () => {
  it('exports the scope shown in each format, with the totals of meterRange', async () => {
    const client = new InProcessClient();
    await expect(
      client.request('meterExport', {
        format: 'pprof',
        measure: 'instructions',
        programName: 'x',
        range: null,
      }),
    ).rejects.toThrow(/no metered run/);
    const bytes = new Uint8Array(readFileSync(example('matmul.elf')));
    const view = await client.request('meter', { bytes, segments: { maxSegmentLength: 8192 } });
    expect(view.segments.length).toBeGreaterThan(2);
    const seg = view.segments[1];
    const scopes = [
      null,
      { from: seg.instret_start, to: seg.instret_start + seg.num_insns },
      { from: 1000, to: 9000 },
    ];
    for (const range of scopes) {
      const expected = await client.request('meterRange', range ?? { from: 0, to: view.instret });
      const totals = COST_MEASURES.map((m) => expected.profiles[m].reduce((t, e) => t + e.weight, 0));
      const pprof = await client.request('meterExport', {
        format: 'pprof',
        measure: 'instructions',
        programName: 'matmul.elf',
        range,
      });
      expect(pprof.gzip).toBe(true);
      expect([pprof.from, pprof.to]).toEqual([expected.from, expected.to]);
      const p = Profile.decode(pprof.bytes);
      const sums = [0, 1, 2].map((k) => p.sample.reduce((t, x) => t + Number(x.value[k]), 0));
      expect({ range, sums }).toEqual({ range, sums: totals });
      const ss = await client.request('meterExport', {
        format: 'speedscope',
        measure: 'cells',
        programName: 'matmul.elf',
        range,
      });
      const doc = JSON.parse(new TextDecoder().decode(ss.bytes));
      expect(doc.profiles[0].endValue - doc.profiles[0].startValue).toBe(expected.to - expected.from);
      const folded = await client.request('meterExport', {
        format: 'folded',
        measure: 'cells',
        programName: 'matmul.elf',
        range,
      });
      const text = new TextDecoder().decode(folded.bytes);
      expect(
        text
          .split('\n')
          .filter(Boolean)
          .reduce((t, l) => t + Number(l.split(' ').at(-1)), 0),
      ).toBe(totals[1]);
    }
  }, 60_000);
});

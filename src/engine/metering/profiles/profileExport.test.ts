// The format a file name asks for, and the speedscope file of a run cut into segments: the whole run then
// one evented profile per segment, each spanning exactly its instructions and nesting its frames, and the
// folded export equal to costEntries.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, needs, repoFile } from '../../guest/fixtures.testutil';
import { loadGuestProgram } from '../../guest/program/guestProgram';
import { emptyInput } from '../../guest/io/input';
import { type CostMeasure, costEntries, frameName } from '../attribution/costProfile';
import { Profile } from 'pprof-format';
import { RangeProfiler } from '../attribution/rangeProfile';
import { MeteredRun } from '../meteredRun';
import { exportProfile, profileFormatOf } from './profileExport';
import type { SpeedscopeFile } from './speedscopeProfile';

describe('profileFormatOf', () => {
  it('reads the format from the file name; anything else is folded', () => {
    expect(['a.pb.gz', 'A.PB.GZ', 'x.pb', 'x.pprof'].map(profileFormatOf)).toEqual([
      'pprof',
      'pprof',
      'pprof',
      'pprof',
    ]);
    expect(profileFormatOf('run.speedscope.json')).toBe('speedscope');
    expect(['out.folded', 'out.txt', 'out.json', 'out'].map(profileFormatOf)).toEqual([
      'folded',
      'folded',
      'folded',
      'folded',
    ]);
  });
});

describe.runIf(needs(repoFile('public/examples/matmul.elf')))(
  'speedscope and folded of a segmented run',
  () => {
    it('one evented profile per segment after the whole run; folded = costEntries', () => {
      const program = loadGuestProgram(new Uint8Array(readFileSync(path.join(EXAMPLES, 'matmul.elf'))));
      const run = new MeteredRun(program, { input: emptyInput(), maxSegmentLength: 8192 });
      run.run();
      expect(run.segments.length).toBeGreaterThan(3);
      const q = new RangeProfiler(run);
      const out = exportProfile(q, 0, q.instret, 'speedscope', {
        programName: 'matmul.elf',
        measure: 'cells',
        exporter: 't',
      });
      const doc = JSON.parse(new TextDecoder().decode(out.bytes)) as SpeedscopeFile;
      const evented = doc.profiles.filter((p) => p.type === 'evented');
      expect(evented).toHaveLength(1 + run.segments.length);
      expect(evented[0].name).toBe('matmul.elf: whole run, in time order');
      run.segments.forEach((s, k) => {
        const p = evented[k + 1];
        expect(p.name).toBe(`matmul.elf: segment ${s.index}, in time order`);
        expect([p.startValue, p.endValue]).toEqual([s.instretStart, s.instretStart + s.numInsns]);
        const open: number[] = [];
        for (const e of p.events) {
          expect(e.at).toBeGreaterThanOrEqual(p.startValue);
          expect(e.at).toBeLessThanOrEqual(p.endValue);
          if (e.type === 'O') open.push(e.frame);
          else expect(open.pop()).toBe(e.frame);
        }
        expect(open).toEqual([]);
      });
      const folded = exportProfile(q, 0, q.instret, 'folded', {
        programName: 'm',
        measure: 'cells',
        exporter: 't',
      });
      const text = costEntries(run, 'cells')
        .map((e) => `${e.stack.join(';')} ${e.weight}\n`)
        .join('');
      expect(new TextDecoder().decode(folded.bytes)).toBe(text);
      expect(folded.summary).toBe(`${costEntries(run, 'cells').length} stacks (cells)`);
    });
  },
);

describe.runIf(needs(repoFile('public/examples/debug_calls.elf'), repoFile('public/examples/hashmap.elf')))(
  'pprof stacks',
  () => {
    for (const name of ['debug_calls.elf', 'hashmap.elf'])
      it(`${name}: summed by their functions (each location's containing one), they are the icicle's stacks`, () => {
        const program = loadGuestProgram(new Uint8Array(readFileSync(path.join(EXAMPLES, name))));
        const run = new MeteredRun(program, { input: emptyInput(), maxSegmentLength: 1 << 16 });
        run.run();
        const q = new RangeProfiler(run);
        const out = exportProfile(q, 0, q.instret, 'pprof', {
          programName: name,
          measure: 'cells',
          exporter: 't',
        });
        const p = Profile.decode(out.bytes);
        const s = p.stringTable.strings;
        const fn = new Map(p.function.map((f) => [Number(f.id), s[Number(f.name)]]));
        const loc = new Map(
          p.location.map((l) => [Number(l.id), fn.get(Number(l.line[l.line.length - 1].functionId))]),
        );
        ['instructions', 'cells', 'adapter-rows'].forEach((m, k) => {
          const ours = new Map<string, number>();
          for (const x of p.sample) {
            const key = x.locationId
              .map((id) => frameName(loc.get(Number(id)) as string))
              .reverse()
              .join(';');
            const v = Number(x.value[k]);
            if (v > 0) ours.set(key, (ours.get(key) ?? 0) + v);
          }
          const icicle = new Map<string, number>();
          for (const e of costEntries(run, m as CostMeasure)) {
            const key = e.stack.join(';');
            icicle.set(key, (icicle.get(key) ?? 0) + e.weight);
          }
          expect({ m, stacks: ours }).toEqual({ m, stacks: icicle });
        });
      }, 60_000);
  },
);

// `exec --profile` in pprof and speedscope against independent readers: `go tool pprof -top` (Google's
// pprof, Debian golang-go) reads memscope's .pb.gz of regex and hashmap, each sample type's total is the
// `exec --segments` total (instructions, cells, AccessAdapterAir rows) and its top function is the app's
// icicle's (meterView's cost entries, what Cost by function draws); debug_calls' pprof lines (DWARF, inlined
// calls) are llvm-symbolizer's; the speedscope file's evented profile spans the instruction count and nests.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { SYMBOLIZER, symbolize } from '../engine/guest/debuginfo/dwarf/symbolizer.testutil';
import {
  EXAMPLES,
  needs,
  repoFile,
  SHARED,
  sharedFile,
  tool,
  type Need,
} from '../engine/guest/fixtures.testutil';
import { COST_MEASURES, type CostEntry } from '../engine/metering/attribution/costProfile';
import { meterView } from '../engine/metering/meterView';
import type { SpeedscopeFile } from '../engine/metering/profiles/speedscopeProfile';
import type { SegmentJson } from '../engine/metering/segmentReport';
import { captureIO } from './io';
import { runCli } from './main';

const BENCH = join(SHARED, 'guests/openvm-v1.7-benchmarks');
const dir = mkdtempSync(join(tmpdir(), 'memscope-profiles-'));

function goPprof(): Need {
  let present = false;
  try {
    execFileSync('go', ['version'], { stdio: 'ignore' });
    present = true;
  } catch {
    /* absent */
  }
  return { what: 'the tool go (go tool pprof)', present, hint: 'apt-get install golang-go' };
}

async function cli(args: string[]) {
  const io = captureIO();
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

/**
 * `go tool pprof -top -sample_index=N -symbolize=none`: the total and the rows (flat, function), largest flat
 * first. -symbolize=none keeps the names as the profile has them: by default pprof's display shortens
 * demangled names (`alloc::vec::Vec<T,A>::extend_with` shows as `alloc::vec::Vec::extend_with`).
 */
function pprofTop(file: string, index: number): { total: number; top: { flat: number; name: string }[] } {
  const out = execFileSync(
    'go',
    ['tool', 'pprof', '-top', `-sample_index=${index}`, '-symbolize=none', file],
    {
      encoding: 'utf8',
      env: { ...process.env, PPROF_TMPDIR: dir, HOME: dir },
    },
  );
  const m = /of (\d+) total/.exec(out);
  expect(m, out).not.toBeNull();
  const top: { flat: number; name: string }[] = [];
  for (const line of out.split('\n')) {
    const r = /^\s*(\d+)\s+[\d.]+%\s+[\d.]+%\s+\d+\s+[\d.]+%\s+(.+)$/.exec(line);
    if (r) top.push({ flat: Number(r[1]), name: r[2].trim() });
  }
  return { total: Number((m as RegExpExecArray)[1]), top };
}

/** The icicle's heaviest function by its own cost (what pprof -top lists first). */
function icicleTop(entries: CostEntry[]): { name: string; self: number } {
  const self = new Map<string, number>();
  for (const e of entries)
    self.set(e.stack.at(-1) as string, (self.get(e.stack.at(-1) as string) ?? 0) + e.weight);
  const [name, w] = [...self].sort((a, b) => b[1] - a[1])[0];
  return { name, self: w };
}

const GUESTS = [
  {
    name: 'regex',
    need: () => sharedFile('guests/openvm-v1.7-benchmarks/regex.elf'),
    elf: join(BENCH, 'regex.elf'),
    args: ['--config', join(BENCH, 'regex.openvm.toml'), '--input', join(BENCH, 'regex.input.json')],
    view: () => ({
      input: readFileSync(join(BENCH, 'regex.input.json'), 'utf8'),
      config: { text: readFileSync(join(BENCH, 'regex.openvm.toml'), 'utf8'), name: 'regex.openvm.toml' },
    }),
  },
  {
    name: 'hashmap',
    need: () => repoFile('public/examples/hashmap.elf'),
    elf: join(EXAMPLES, 'hashmap.elf'),
    args: [],
    view: () => ({}),
  },
];

for (const g of GUESTS)
  describe.runIf(needs(g.need(), goPprof()))(`go tool pprof reads memscope's profile of ${g.name}`, () => {
    it('each sample type totals the --segments report; the top function is the icicle top', async () => {
      const file = join(dir, `${g.name}.pb.gz`);
      const r = await cli(['exec', g.elf, ...g.args, '--segments', '--profile', file]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toContain(`wrote pprof profile`);
      const { segments } = JSON.parse(r.stdout) as { segments: SegmentJson[] };
      const airs = segments.flatMap((s) => s.airs);
      const totals = [
        segments.reduce((t, s) => t + s.num_insns, 0),
        airs.reduce((t, a) => t + a.cells, 0),
        airs.filter((a) => a.air_name.startsWith('AccessAdapterAir')).reduce((t, a) => t + a.rows, 0),
      ];
      const view = meterView(new Uint8Array(readFileSync(g.elf)), g.view());
      for (let i = 0; i < 3; i++) {
        const top = pprofTop(file, i);
        expect({ sampleIndex: i, total: top.total }).toEqual({ sampleIndex: i, total: totals[i] });
        const icicle = icicleTop(view.profiles[COST_MEASURES[i]]);
        expect({ sampleIndex: i, top: top.top[0] }).toEqual({
          sampleIndex: i,
          top: { flat: icicle.self, name: icicle.name },
        });
      }
    }, 120_000);
  });

const symbolizer = tool(SYMBOLIZER, 'apt-get install llvm');
describe.runIf(needs(repoFile('public/examples/debug_calls.elf'), symbolizer))(
  'pprof locations of a DWARF guest',
  () => {
    it("names llvm-symbolizer's inlined frames and lines, innermost first", async () => {
      const elf = join(EXAMPLES, 'debug_calls.elf');
      const file = join(dir, 'debug_calls.pb.gz');
      expect((await cli(['exec', elf, '--profile', file])).code).toBe(0);
      const p = Profile.decode(gunzipSync(readFileSync(file)));
      const s = p.stringTable.strings;
      const fn = new Map(p.function.map((f) => [Number(f.id), f]));
      const located = p.location.filter((l) => Number(l.address) !== 0);
      expect(located.length).toBeGreaterThan(10);
      const refs = symbolize(
        elf,
        located.map((l) => Number(l.address)),
      );
      let inlined = 0;
      located.forEach((l, k) => {
        const ours = l.line.map((x) => ({
          function: s[Number(fn.get(Number(x.functionId))?.name)],
          line: Number(x.line),
        }));
        const ref = refs[k].map((f) => ({ function: f.function, line: f.line }));
        expect({ pc: Number(l.address), frames: ours }).toEqual({ pc: Number(l.address), frames: ref });
        if (l.line.length > 1) inlined++;
      });
      expect(inlined).toBeGreaterThan(0);
    });
  },
);

describe.runIf(needs(repoFile('public/examples/hashmap.elf')))('speedscope file of hashmap', () => {
  it('evented in instruction order over the whole run, nested; sampled weights are the icicle', async () => {
    const elf = join(EXAMPLES, 'hashmap.elf');
    const file = join(dir, 'hashmap.speedscope.json');
    const r = await cli(['exec', elf, '--profile', file]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(readFileSync(file, 'utf8')) as SpeedscopeFile;
    const view = meterView(new Uint8Array(readFileSync(elf)));
    const evented = doc.profiles[0];
    expect(evented.type).toBe('evented');
    expect([evented.startValue, evented.endValue]).toEqual([0, view.instret]);
    if (evented.type !== 'evented') return;
    const open: number[] = [];
    let at = 0;
    for (const e of evented.events) {
      expect(e.at).toBeGreaterThanOrEqual(at);
      at = e.at;
      if (e.type === 'O') open.push(e.frame);
      else expect(open.pop()).toBe(e.frame);
    }
    expect(open).toEqual([]);
    const names = doc.shared.frames.map((f) => f.name);
    expect(names).toContain('main');
    const sampled = doc.profiles.filter((p) => p.type === 'sampled');
    expect(sampled.map((p) => p.name.split(', ').at(-1))).toEqual([
      'instructions',
      'trace cells',
      'adapter rows',
    ]);
    sampled.forEach((p, i) => {
      if (p.type !== 'sampled') return;
      const entries = view.profiles[COST_MEASURES[i]];
      expect(p.samples.map((st) => st.map((f) => names[f]))).toEqual(entries.map((e) => e.stack));
      expect(p.weights).toEqual(entries.map((e) => e.weight));
    });
  }, 60_000);
});

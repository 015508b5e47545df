// `memscope diff` on constructed inputs (reports, folded, speedscope, pprof — built here by hand or by
// pprof-format, not by memscope's writers), its exit codes (1 over --fail-over, 2 naming file and field),
// and on real runs: fibonacci n = 100,000 vs 200,000 (`exec --segments`), +95% cells.
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { Profile, StringTable } from 'pprof-format';
import { describe, expect, it } from 'vitest';
import { needs, SHARED, sharedFile } from '../engine/guest/fixtures.testutil';
import { captureIO } from './io';
import { runCli } from './main';

const seg = (insns: number, airs: [string, number, number, number][]) => ({
  instret_start: 0,
  num_insns: insns,
  airs: airs.map(([air_name, rows, padded_rows, cells], i) => ({
    air_id: i,
    air_name,
    rows,
    padded_rows,
    main_cols: 1,
    cells,
  })),
});
const OLD = JSON.stringify({
  segments: [
    seg(100, [
      ['ProgramAir', 10, 16, 160],
      ['AluAir', 90, 128, 1280],
    ]),
  ],
});
const NEW = JSON.stringify({
  segments: [
    seg(100, [
      ['ProgramAir', 10, 16, 160],
      ['AluAir', 100, 128, 1280],
    ]),
    seg(80, [
      ['ProgramAir', 10, 16, 160],
      ['AluAir', 70, 128, 1280],
      ['AccessAdapterAir<8>', 4, 4, 40],
    ]),
  ],
});

async function diff(files: Record<string, Uint8Array | string>, args: string[]) {
  const io = captureIO(files);
  const code = await runCli(['diff', ...args], io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('memscope diff: --segments reports', () => {
  it('per-AIR deltas largest first, the total, markdown', async () => {
    const r = await diff({ 'a.json': OLD, 'b.json': NEW }, ['a.json', 'b.json']);
    expect(r.code).toBe(0);
    const rows = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('| ') && !l.startsWith('| AIR') && !l.startsWith('| ---'));
    expect(rows).toEqual([
      '| AluAir | 1,280 | 2,560 | +1,280 | +100.0% |',
      '| ProgramAir | 160 | 320 | +160 | +100.0% |',
      '| AccessAdapterAir<8> | 0 | 40 | +40 | new |',
      '| **total** | **1,440** | **2,920** | **+1,480** | **+102.8%** |',
    ]);
    expect(r.stdout).toContain(
      'old: a.json (1 segment, 100 instructions); new: b.json (2 segments, 180 instructions)',
    );
  });

  it('--measure rows / instructions / adapter-rows; --format json', async () => {
    const files = { 'a.json': OLD, 'b.json': NEW };
    const rows = await diff(files, ['a.json', 'b.json', '--measure', 'rows', '--format', 'json']);
    const j = JSON.parse(rows.stdout);
    expect(j.total).toEqual({ name: 'total', old: 100, new: 194, delta: 94, percent: 94 });
    expect(j.rows[0]).toEqual({ name: 'AluAir', old: 90, new: 170, delta: 80, percent: (80 / 90) * 100 });
    expect([j.failOver, j.failed, j.by]).toEqual([null, false, 'AIR']);
    const insns = JSON.parse(
      (await diff(files, ['a.json', 'b.json', '--measure', 'instructions', '--format', 'json'])).stdout,
    );
    expect(insns.total.percent).toBe(80);
    const adapters = JSON.parse(
      (await diff(files, ['a.json', 'b.json', '--measure', 'adapter-rows', '--format', 'json'])).stdout,
    );
    expect(adapters.total).toMatchObject({ old: 0, new: 4, percent: null });
  });

  it('--fail-over: exit 1 when the total grew more than PCT, 0 otherwise; from 0 always fails', async () => {
    const files = { 'a.json': OLD, 'b.json': NEW };
    const over = await diff(files, ['a.json', 'b.json', '--fail-over', '100']);
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('error: cells grew +102.8%, more than --fail-over 100%\n');
    expect((await diff(files, ['a.json', 'b.json', '--fail-over', '102.9'])).code).toBe(0);
    expect((await diff(files, ['b.json', 'a.json', '--fail-over', '0'])).code).toBe(0); // it shrank
    expect(
      (await diff(files, ['a.json', 'b.json', '--measure', 'adapter-rows', '--fail-over', '1000'])).code,
    ).toBe(1);
    const bad = await diff(files, ['a.json', 'b.json', '--fail-over', '-5']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--fail-over');
  });

  it('bad or mismatched files: exit 2 naming the file and the field', async () => {
    const broken = JSON.stringify({
      segments: [{ num_insns: 5, airs: [{ air_name: 'X', rows: 1, padded_rows: 1, cells: 'many' }] }],
    });
    const cases: [Record<string, string>, string][] = [
      [
        { 'c.json': broken },
        'error: c.json: segments[0].airs[0].cells: expected a count (a number ≥ 0), got "many"\n',
      ],
      [{ 'c.json': JSON.stringify({ segments: {} }) }, 'error: c.json: segments: expected an array\n'],
      [
        { 'c.json': JSON.stringify({ segments: [{ airs: [] }] }) },
        'error: c.json: segments[0].num_insns: expected a count (a number ≥ 0), got undefined\n',
      ],
      [{ 'c.json': '{"segments": [' }, 'error: c.json: not JSON'],
      [{ 'c.json': JSON.stringify({ hello: 1 }) }, 'error: c.json: segments: missing'],
      [
        { 'c.json': 'main;f 12\nnot a stack line\n' },
        'error: c.json: line 2: expected "frame;frame;… weight"',
      ],
      [
        { 'c.json': 'main;f 3\n' },
        'error: c.json: is a folded stacks but a.json is an exec --segments report',
      ],
    ];
    for (const [files, message] of cases) {
      const r = await diff({ 'a.json': OLD, ...files }, ['a.json', 'c.json']);
      expect({ code: r.code, stderr: r.stderr.slice(0, message.length) }).toEqual({
        code: 2,
        stderr: message,
      });
    }
    const rows = await diff({ 'a.txt': 'main 3\n', 'b.txt': 'main 4\n' }, [
      'a.txt',
      'b.txt',
      '--measure',
      'rows',
    ]);
    expect(rows.code).toBe(2);
    expect(rows.stderr).toContain('a.txt: rows: a folded stacks has no rows');
    const missing = await diff({ 'a.json': OLD }, ['a.json', 'nope.json']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read nope.json');
  });
});

/** A pprof profile built directly with pprof-format: main -> f (leaf) and main (leaf). */
function pprof(instr: [number, number], cells: [number, number]): Uint8Array {
  const st = new StringTable();
  const s = (x: string) => st.dedup(x);
  const p = new Profile({
    sampleType: [
      { type: s('instructions'), unit: s('count') },
      { type: s('cells'), unit: s('count') },
    ],
    function: [
      { id: 1, name: s('main') },
      { id: 2, name: s('f') },
      { id: 3, name: s('inlined_helper') },
    ],
    location: [
      { id: 1, address: 0x100, line: [{ functionId: 1, line: 3 }] },
      // f's instruction with a helper inlined into it: the containing function (last line) is charged.
      {
        id: 2,
        address: 0x200,
        line: [
          { functionId: 3, line: 9 },
          { functionId: 2, line: 7 },
        ],
      },
    ],
    sample: [
      { locationId: [1], value: [instr[0], cells[0]] },
      { locationId: [2, 1], value: [instr[1], cells[1]] },
    ],
    stringTable: st,
  });
  return p.encode();
}

describe('memscope diff: profiles', () => {
  it('pprof (gzipped or not): per-function deltas of the measure asked', async () => {
    const files = { 'a.pb.gz': gzipSync(pprof([10, 30], [100, 300])), 'b.pb': pprof([10, 60], [100, 900]) };
    const r = await diff(files, ['a.pb.gz', 'b.pb', '--measure', 'instructions', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.by).toBe('function');
    expect(j.rows.map((x: { name: string; delta: number }) => [x.name, x.delta])).toEqual([
      ['f', 30],
      ['main', 0],
    ]);
    expect(j.total).toMatchObject({ old: 40, new: 70, delta: 30, percent: 75 });
    const cells = await diff(files, ['a.pb.gz', 'b.pb', '--fail-over', '200']);
    expect(cells.code).toBe(0); // 400 -> 1000: +150%
    expect(cells.stdout).toContain('| f | 300 | 900 | +600 | +200.0% |');
    const adapters = await diff(files, ['a.pb.gz', 'b.pb', '--measure', 'adapter-rows']);
    expect(adapters.code).toBe(2);
    expect(adapters.stderr).toContain('a.pb.gz: adapter-rows:');
  });

  it('speedscope (sampled profiles by measure) and folded stacks', async () => {
    const ss = (w: number) =>
      JSON.stringify({
        shared: { frames: [{ name: 'main' }, { name: 'g' }] },
        profiles: [
          { type: 'evented', name: 'x: whole run, in time order', events: [] },
          { type: 'sampled', name: 'x: whole run, instructions', samples: [[0], [0, 1]], weights: [5, w] },
        ],
      });
    const r = await diff({ 'a.speedscope.json': ss(5), 'b.speedscope.json': ss(20) }, [
      'a.speedscope.json',
      'b.speedscope.json',
      '--measure',
      'instructions',
      '--fail-over',
      '100',
    ]);
    expect(r.code).toBe(1); // 10 -> 25: +150%
    expect(r.stdout).toContain('| g | 5 | 20 | +15 | +300.0% |');
    const noMeasure = await diff({ 'a.speedscope.json': ss(5), 'b.speedscope.json': ss(5) }, [
      'a.speedscope.json',
      'b.speedscope.json',
    ]);
    expect(noMeasure.code).toBe(2);
    expect(noMeasure.stderr).toContain('a.speedscope.json: cells:');
    const folded = await diff(
      { 'a.folded': 'main;f 10\nmain 5\n', 'b.folded': 'main;f 4\nmain 5\nmain;g 1\n' },
      ['a.folded', 'b.folded'],
    );
    expect(folded.code).toBe(0);
    expect(folded.stdout).toContain('| f | 10 | 4 | -6 | -60.0% |');
    expect(folded.stdout).toContain('| g | 0 | 1 | +1 | new |');
  });
});

const BENCH = join(SHARED, 'guests/openvm-v1.7-benchmarks');
describe.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/fibonacci.elf')))(
  'memscope diff on fibonacci n = 100,000 vs 200,000 (exec --segments)',
  () => {
    it('reports the growth per AIR; --fail-over 50 exits 1, --fail-over 150 exits 0', async () => {
      const exec = async (n: number) => {
        const io = captureIO();
        const hex = Buffer.alloc(8);
        hex.writeBigUInt64LE(BigInt(n));
        const args = ['exec', join(BENCH, 'fibonacci.elf'), '--config', join(BENCH, 'fibonacci.openvm.toml')];
        expect(await runCli([...args, '--input', `0x01${hex.toString('hex')}`, '--segments'], io)).toBe(0);
        return io.stdout;
      };
      const files = { 'fib100k.json': await exec(100_000), 'fib200k.json': await exec(200_000) };
      const over50 = await diff(files, ['fib100k.json', 'fib200k.json', '--fail-over', '50']);
      expect(over50.code).toBe(1);
      expect(over50.stderr).toBe('error: cells grew +95.0%, more than --fail-over 50%\n');
      expect(over50.stdout).toContain(
        '| VmAirWrapper<Rv32BaseAluAdapterAir, BaseAluCoreAir<4, 8> | 92,274,688 | 184,549,376 | +92,274,688 | +100.0% |',
      );
      expect(over50.stdout).toContain('| ProgramAir | 147,456 | 147,456 | 0 | 0.0% |');
      const over150 = await diff(files, ['fib100k.json', 'fib200k.json', '--fail-over', '150']);
      expect(over150.code).toBe(0);
      const insns = await diff(files, [
        'fib100k.json',
        'fib200k.json',
        '--measure',
        'instructions',
        '--format',
        'json',
      ]);
      expect(JSON.parse(insns.stdout).total).toMatchObject({ old: 1_500_278, new: 3_000_278 });
    }, 120_000);
  },
);

// `exec --segments` (the JSON shape and OpenVM's AIR names) and `exec --profile` (folded stacks as
// speedscope/flamegraph.pl read them: `frame;frame weight`, split at the last space).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needs, sharedFile } from '../engine/guest/fixtures.testutil';
import { meterView } from '../engine/metering/meterView';
import { captureIO } from './io';
import { runCli } from './main';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE = join(ROOT, 'public/examples/matmul.elf');
const SHARED = resolve(ROOT, '../shared/guests/openvm-v1.7');

async function run(args: string[]) {
  const io = captureIO();
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

interface AirRow {
  air_id: number;
  air_name: string;
  rows: number;
  padded_rows: number;
  main_cols: number;
  cells: number;
}
interface Segment {
  instret_start: number;
  num_insns: number;
  airs: AirRow[];
}

/** Parses folded stacks strictly: every line `stack weight` with non-empty frames and a positive integer weight. */
function parseFolded(text: string): { frames: string[]; weight: number }[] {
  expect(text.endsWith('\n')).toBe(true);
  return text
    .slice(0, -1)
    .split('\n')
    .map((line) => {
      const m = /^(.+) (\d+)$/.exec(line);
      expect(m, line).not.toBeNull();
      const frames = (m as RegExpExecArray)[1].split(';');
      for (const f of frames) expect(f.trim().length, line).toBeGreaterThan(0);
      const weight = Number((m as RegExpExecArray)[2]);
      expect(weight).toBeGreaterThan(0);
      return { frames, weight };
    });
}

describe('memscope exec --segments / --profile', () => {
  it('prints one JSON object of segments with OpenVM-named AIR rows', async () => {
    const r = await run(['exec', EXAMPLE, '--segments']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(2);
    const { segments } = JSON.parse(r.stdout) as { segments: Segment[] };
    expect(segments).toHaveLength(1);
    expect(segments[0].instret_start).toBe(0);
    const names = segments[0].airs.map((a) => a.air_name);
    expect(names).toContain('VmAirWrapper<Rv32BaseAluAdapterAir, BaseAluCoreAir<4, 8>');
    expect(names).toContain('AccessAdapterAir<8>');
    expect(names).toContain('MemoryMerkleAir<8>');
    for (const a of segments[0].airs) {
      expect(Object.keys(a).sort()).toEqual([
        'air_id',
        'air_name',
        'cells',
        'main_cols',
        'padded_rows',
        'rows',
      ]);
      expect(a.rows).toBeLessThanOrEqual(a.padded_rows);
      expect(a.padded_rows & (a.padded_rows - 1)).toBe(0);
    }
  });

  it('--profile writes folded stacks; instruction weights sum to the instructions, cell weights to the cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'memscope-profile-'));
    const seg = await run(['exec', EXAMPLE, '--segments', '--profile', join(dir, 'i.folded')]);
    expect(seg.code).toBe(0);
    const { segments } = JSON.parse(seg.stdout) as { segments: Segment[] };
    const instructions = segments.reduce((t, s) => t + s.num_insns, 0);
    const cells = segments.reduce((t, s) => t + s.airs.reduce((u, a) => u + a.cells, 0), 0);
    const byInstr = parseFolded(readFileSync(join(dir, 'i.folded'), 'utf8'));
    expect(byInstr.reduce((t, e) => t + e.weight, 0)).toBe(instructions);
    expect(byInstr.some((e) => e.frames.includes('main'))).toBe(true);
    expect(
      (await run(['exec', EXAMPLE, '--profile', join(dir, 'c.folded'), '--profile-measure', 'cells'])).code,
    ).toBe(0);
    const byCells = parseFolded(readFileSync(join(dir, 'c.folded'), 'utf8'));
    expect(byCells.reduce((t, e) => t + e.weight, 0)).toBe(cells);
    expect(byCells.some((e) => e.frames[0] === '[padding]')).toBe(true);
    expect(
      (await run(['exec', EXAMPLE, '--profile', join(dir, 'a.folded'), '--profile-measure', 'adapter-rows']))
        .code,
    ).toBe(0);
    const adapterRows = segments.reduce(
      (t, s) =>
        t + s.airs.filter((a) => a.air_name.startsWith('AccessAdapterAir')).reduce((u, a) => u + a.rows, 0),
      0,
    );
    expect(parseFolded(readFileSync(join(dir, 'a.folded'), 'utf8')).reduce((t, e) => t + e.weight, 0)).toBe(
      adapterRows,
    );
  });

  it("--mode volatile: one segment, VolatileBoundaryAir, the figures of the app's Cost by function", async () => {
    const r = await run([
      'exec',
      EXAMPLE,
      '--segments',
      '--mode',
      'volatile',
      '--max-segment-length',
      '1024',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/volatile run is one segment/);
    const { segments } = JSON.parse(r.stdout) as { segments: Segment[] };
    expect(segments).toHaveLength(1);
    const names = segments[0].airs.map((a) => a.air_name);
    expect(names).toContain('VolatileBoundaryAir');
    expect(names.filter((n) => /Merkle|Poseidon2|Persistent/.test(n))).toEqual([]);
    // The app meters the session in its mode through meterView: the same table.
    const view = meterView(new Uint8Array(readFileSync(EXAMPLE)), { mode: 'volatile' });
    expect(view.mode).toBe('volatile');
    expect(segments).toEqual(view.segments);
    // The profile weighs the same run: its instructions are the segment's.
    const dir = mkdtempSync(join(tmpdir(), 'memscope-volatile-'));
    expect(
      (await run(['exec', EXAMPLE, '--mode', 'volatile', '--profile', join(dir, 'v.folded')])).code,
    ).toBe(0);
    const folded = parseFolded(readFileSync(join(dir, 'v.folded'), 'utf8'));
    expect(folded.reduce((t, e) => t + e.weight, 0)).toBe(segments[0].num_insns);
  });

  it('rejects an unknown measure and an unwritable profile with exit 1', async () => {
    expect((await run(['exec', EXAMPLE, '--profile', 'x', '--profile-measure', 'rows'])).code).toBe(1);
    const r = await run(['exec', EXAMPLE, '--profile', '/nonexistent-dir/x.folded']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write/);
  });

  it.runIf(needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')))(
    'fibonacci with --max-segment-length 1048476: 873,000 then the rest',
    async () => {
      const r = await run([
        'exec',
        join(SHARED, 'fibonacci.elf'),
        '--input',
        join(SHARED, 'fibonacci.input.json'),
        '--segments',
        '--max-segment-length',
        '1048476',
      ]);
      expect(r.code).toBe(0);
      const { segments } = JSON.parse(r.stdout) as { segments: Segment[] };
      expect(segments.map((s) => s.num_insns)).toEqual([873_000, 627_278]);
      for (const s of segments) {
        const padded = (name: string) => s.airs.find((a) => a.air_name === name)?.padded_rows;
        expect([
          padded('AccessAdapterAir<8>'),
          padded('PersistentBoundaryAir<8>'),
          padded('MemoryMerkleAir<8>'),
        ]).toEqual([64, 64, 256]);
      }
    },
    60_000,
  );

  it.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/ecrecover.openvm.toml')))(
    "ecrecover with --config: the config's algebra / ECC chips are metered (without it: refused by name)",
    async () => {
      const bench = resolve(ROOT, '../shared/guests/openvm-v1.7-benchmarks');
      const args = [
        'exec',
        join(bench, 'ecrecover.elf'),
        '--input',
        join(ROOT, 'examples/inputs/ecrecover.input.json'),
      ];
      const r = await run([...args, '--config', join(bench, 'ecrecover.openvm.toml'), '--segments']);
      expect(r.code).toBe(0);
      const { segments } = JSON.parse(r.stdout) as { segments: Segment[] };
      expect(segments).toHaveLength(1);
      const double = segments[0].airs.find((a) => a.air_id === 9);
      expect(double?.air_name).toBe(
        'VmAirWrapper<Rv32VecHeapAdapterAir<1, 2, 2, 32, 32>, FieldExpressionCoreAir>',
      );
      expect(double?.rows).toBe(1271);
      const bare = await run([...args, '--segments']);
      expect(bare.code).toBe(2);
      expect(bare.stderr).toMatch(
        /without the guest's openvm\.toml .*\[app_vm_config\.modular\] supported_moduli/,
      );
    },
    60_000,
  );

  it.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/keccak256.elf')))(
    'a --config lacking a chip the program uses: exit 2 naming the missing setting, before any run',
    async () => {
      const bench = resolve(ROOT, '../shared/guests/openvm-v1.7-benchmarks');
      for (const flag of [
        ['--segments'],
        ['--profile', join(mkdtempSync(join(tmpdir(), 'airs-')), 'k.folded')],
      ]) {
        const r = await run([
          'exec',
          join(bench, 'keccak256.elf'),
          '--config',
          join(bench, 'fibonacci.openvm.toml'),
          ...flag,
        ]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(
          /error: cannot meter: the program needs settings missing from .*fibonacci\.openvm\.toml \(OpenVM would refuse to load it\): \[app_vm_config\.keccak\] \(first needed at pc 0x200b64, 4 words\)/,
        );
      }
    },
  );

  it.runIf(needs(sharedFile('guests/openvm-v1.7-benchmarks/kitchen-sink.elf')))(
    'kitchen-sink with its openvm.toml: --segments and --profile succeed with every extension metered',
    async () => {
      const bench = resolve(ROOT, '../shared/guests/openvm-v1.7-benchmarks');
      const folded = join(mkdtempSync(join(tmpdir(), 'airs-ks-')), 'ks.folded');
      const r = await run([
        'exec',
        join(bench, 'kitchen-sink.elf'),
        '--config',
        join(ROOT, 'examples/configs/kitchen-sink.elf.openvm.toml'),
        '--segments',
        '--profile',
        folded,
        '--profile-measure',
        'cells',
      ]);
      expect(r.code).toBe(0);
      const { segments } = JSON.parse(r.stdout) as { segments: Segment[] };
      expect(segments.map((s) => s.num_insns)).toEqual([121_000, 33_596]);
      const names = new Set(segments[0].airs.map((a) => a.air_name));
      for (const n of [
        'KeccakVmAir',
        'Sha256VmAir',
        'VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, BaseAluCoreAir<32, 8>',
        'VmAirWrapper<Rv32VecHeapAdapterAir<2, 3, 3, 16, 16>, FieldExpressionCoreAir>',
        'VmAirWrapper<Rv32VecHeapAdapterAir<1, 6, 6, 16, 16>, FieldExpressionCoreAir>',
      ])
        expect(names, n).toContain(n);
      const stacks = parseFolded(readFileSync(folded, 'utf8'));
      const cells = segments.reduce((t, s) => t + s.airs.reduce((u, a) => u + a.cells, 0), 0);
      expect(stacks.reduce((t, x) => t + x.weight, 0)).toBe(cells);
    },
    60_000,
  );
});

// exec/disasm --config: the guest's openvm.toml reaches the run (its chips, its memory mode) and a bad file
// is an invalid-input error naming the key. Fixtures from ../shared: a missing file fails the test.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureIO } from './io';
import { runCli } from './main';

const ROOT = resolve(__dirname, '../..');
const BENCH = resolve(ROOT, '../shared/guests/openvm-v1.7-benchmarks');
const file = (p: string) => new Uint8Array(readFileSync(p));

async function run(args: string[], files: Record<string, Uint8Array | string>) {
  const io = captureIO(files);
  const code = await runCli(args, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}

describe('--config', () => {
  const ecrecover = {
    'e.elf': file(resolve(BENCH, 'ecrecover.elf')),
    'e.toml': file(resolve(BENCH, 'ecrecover.openvm.toml')),
    'in.json': file(resolve(ROOT, 'examples/inputs/ecrecover.input.json')),
  };

  it('exec ecrecover --config --input: exit 0', async () => {
    const r = await run(['exec', 'e.elf', '--config', 'e.toml', '--input', 'in.json'], ecrecover);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ status: 'terminated', exitCode: 0, mode: 'persistent' });
  });

  it('continuation_enabled = false in the file runs volatile unless --mode says otherwise', async () => {
    const spaces = Array.from({ length: 9 }, (_, i) =>
      i === 0
        ? '{ num_cells = 0, min_block_size = 1, layout = "Null" }'
        : i < 4
          ? `{ num_cells = ${[0, 128, 536870912, 32][i]}, min_block_size = 4, layout = "U8" }`
          : '{ num_cells = 0, min_block_size = 1, layout = { Native = { size = 4 } } }',
    );
    const toml = `${new TextDecoder().decode(ecrecover['e.toml'])}
[app_vm_config.system.config]
max_constraint_degree = 3
continuation_enabled = false
num_public_values = 32
profiling = false
[app_vm_config.system.config.memory_config]
addr_space_height = 3
pointer_max_bits = 29
timestamp_max_bits = 29
decomp = 17
max_access_adapter_n = 32
addr_spaces = [${spaces.join(', ')}]
`;
    const files = { ...ecrecover, 'v.toml': toml };
    const volatile = await run(['exec', 'e.elf', '--config', 'v.toml', '--input', 'in.json'], files);
    expect(volatile.code).toBe(0);
    expect(JSON.parse(volatile.stdout).mode).toBe('volatile');
    const forced = await run(
      ['exec', 'e.elf', '--config', 'v.toml', '--input', 'in.json', '--mode', 'persistent'],
      files,
    );
    expect(JSON.parse(forced.stdout).mode).toBe('persistent');
    // --segments meters that volatile run: one segment, VolatileBoundaryAir after PublicValuesAir (id 2).
    const metered = await run(
      ['exec', 'e.elf', '--config', 'v.toml', '--input', 'in.json', '--segments'],
      files,
    );
    expect(metered.code).toBe(0);
    const { segments } = JSON.parse(metered.stdout) as {
      segments: { airs: { air_id: number; air_name: string }[] }[];
    };
    expect(segments).toHaveLength(1);
    expect(segments[0].airs.find((a) => a.air_name === 'VolatileBoundaryAir')?.air_id).toBe(3);
    expect(segments[0].airs.map((a) => a.air_name).filter((n) => /Merkle|Poseidon2/.test(n))).toEqual([]);
  });

  it('a bad file: exit 2 naming the key', async () => {
    const r = await run(['exec', 'e.elf', '--config', 'bad.toml'], {
      ...ecrecover,
      'bad.toml': '[app_vm_config.ecc]\nsupported_curves = 3\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^error: --config: bad\.toml: app_vm_config\.ecc\.supported_curves: invalid type: integer `3`, expected an array/,
    );
  });

  it('exec kitchen-sink without --config lists the settings it needs, then fails at the first one', async () => {
    const r = await run(['exec', 'k.elf'], { 'k.elf': file(resolve(BENCH, 'kitchen-sink.elf')) });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/warning: k\.elf needs settings missing from the defaults/);
    expect(r.stderr).toMatch(/\[app_vm_config\.keccak\] \(first needed at pc 0x/);
    expect(r.stderr).toMatch(
      /\[app_vm_config\.modular\] supported_moduli is not configured \(first needed at pc 0x/,
    );
    expect(r.stderr).toMatch(/\[app_vm_config\.fp2\] supported_moduli is not configured/);
  });

  it('disasm --config names the modulus and the curve', async () => {
    const r = await run(['disasm', 'e.elf', '--config', 'e.toml'], ecrecover);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/\tmulmod\[secp256k1_coord\] [a-z0-9]+, [a-z0-9]+, [a-z0-9]+/);
    expect(r.stdout).toMatch(/\tsw_add_ne\[Secp256k1Point\] /);
  });
});

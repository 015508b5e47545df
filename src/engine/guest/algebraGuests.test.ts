// The OpenVM v1.7 benchmark guests that need the algebra, ECC and pairing extensions, run whole with their
// openvm.toml (../shared/guests/openvm-v1.7-benchmarks). A missing fixture throws (readFileSync), so these
// tests fail rather than skip without ../shared.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Session } from '../session';
import { describeMissing, missingSettings } from './extensions/configCheck';
import { REPO_ROOT, SHARED } from './fixtures.testutil';
import { loadGuestProgram } from './program/guestProgram';
import { GuestRun } from './guestRun';
import { parseInput } from './io/input';
import { summarizeRun } from './runSummary';
import { defaultVmConfig, parseOpenVmToml } from './config/vmConfig';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const program = (name: string) =>
  loadGuestProgram(new Uint8Array(readFileSync(path.join(BENCH, `${name}.elf`))));
const config = (file: string) => parseOpenVmToml(readFileSync(file, 'utf8'), path.basename(file));
const benchConfig = (name: string) => config(path.join(BENCH, `${name}.openvm.toml`));
const input = (file: string) =>
  parseInput(readFileSync(path.join(REPO_ROOT, 'examples/inputs', file), 'utf8'));

function runToEnd(run: GuestRun) {
  run.run(50_000_000);
  return run;
}

describe('algebra / ECC / pairing benchmark guests', () => {
  it(
    'pairing (BN254 pairing check: modular, Fp2, ECC, final-exponentiation hint) exits 0',
    { timeout: 120_000 },
    () => {
      const run = runToEnd(new GuestRun(program('pairing'), { vmConfig: benchConfig('pairing') }));
      expect(run.machine.error).toBeNull();
      expect([run.status, run.machine.exitCode]).toEqual(['terminated', 0]);
      const s = summarizeRun(run);
      // The heaviest AccessAdapterAir<16> / <32> user (OpenVM's report: 131,072 and 65,536 per segment).
      expect(s.adapterRows['AccessAdapterAir<16>']).toBeGreaterThan(100_000);
      expect(s.adapterRows['AccessAdapterAir<32>']).toBeGreaterThan(50_000);
    },
  );

  it(
    "ecrecover with 5 recoverable signatures exits 0; adapter heights = OpenVM's v1.7.0 report",
    { timeout: 60_000 },
    () => {
      const run = runToEnd(
        new GuestRun(program('ecrecover'), {
          vmConfig: benchConfig('ecrecover'),
          input: input('ecrecover.input.json'),
        }),
      );
      expect(run.machine.error).toBeNull();
      expect([run.status, run.machine.exitCode]).toEqual(['terminated', 0]);
      const s = summarizeRun(run);
      // benchmarks/ecrecover-425913bd...md: one segment; <8> 16,384, <16> 4,096, <32> 2,048, boundary 4,096
      // (its key and messages differ from ours, its instruction count too: 126,560).
      expect([8, 16, 32].map((n) => s.adapterHeights[`AccessAdapterAir<${n}>`])).toEqual([16384, 4096, 2048]);
      expect(2 ** Math.ceil(Math.log2(s.boundaryRows))).toBe(4096);
    },
  );

  it(
    "ecrecover with a tampered signature ends with a non-zero exit code (the guest's assert_eq)",
    { timeout: 60_000 },
    () => {
      const run = runToEnd(
        new GuestRun(program('ecrecover'), {
          vmConfig: benchConfig('ecrecover'),
          input: input('ecrecover.bad-signature.input.json'),
        }),
      );
      expect(run.status).toBe('terminated');
      expect(run.machine.exitCode).not.toBe(0);
    },
  );

  it('the committed ecrecover inputs are what scripts/ecrecover-input.mjs generates', () => {
    const gen = (args: string[]) =>
      execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts/ecrecover-input.mjs'), ...args], {
        encoding: 'utf8',
      });
    const read = (f: string) => readFileSync(path.join(REPO_ROOT, 'examples/inputs', f), 'utf8');
    expect(gen([])).toBe(read('ecrecover.input.json'));
    expect(gen(['--bad-signature'])).toBe(read('ecrecover.bad-signature.input.json'));
  });

  it('kitchen-sink with the config its ELF was built with exits 0', { timeout: 60_000 }, () => {
    const run = runToEnd(
      new GuestRun(program('kitchen-sink'), {
        vmConfig: config(path.join(REPO_ROOT, 'examples/configs/kitchen-sink.elf.openvm.toml')),
      }),
    );
    expect(run.machine.error).toBeNull();
    expect([run.status, run.machine.exitCode]).toEqual(['terminated', 0]);
  });

  it("kitchen-sink with the shared openvm.toml stops at the first setup: its modulus 10^18 + 3 is not secp256k1's", () => {
    const run = runToEnd(new GuestRun(program('kitchen-sink'), { vmConfig: benchConfig('kitchen-sink') }));
    expect(run.status).toBe('failed');
    expect(run.machine.error?.message).toMatch(
      /sets up modulus 1000000000000000003, but kitchen-sink\.openvm\.toml configures 1157920/,
    );
  });

  it('kitchen-sink without a config: the missing settings are named', () => {
    const missing = describeMissing(missingSettings(program('kitchen-sink').decoded, defaultVmConfig()));
    expect(missing.map((m) => m.replace(/ \(first needed.*/, '')).sort()).toEqual([
      '[[app_vm_config.ecc.supported_curves]] is not configured',
      '[app_vm_config.bigint]',
      '[app_vm_config.fp2] supported_moduli is not configured',
      '[app_vm_config.keccak]',
      '[app_vm_config.modular] supported_moduli is not configured',
      '[app_vm_config.sha256]',
    ]);
    expect(
      missingSettings(program('kitchen-sink').decoded, benchConfig('kitchen-sink')).map((m) => m.setting),
    ).toEqual(['[app_vm_config.modular] supported_moduli needs at least 11 entries']);
  });

  it(
    "a session (the app's worker) opened with the openvm.toml text records ecrecover to a clean end",
    { timeout: 60_000 },
    () => {
      const session = Session.open('guest', new Uint8Array(readFileSync(path.join(BENCH, 'ecrecover.elf'))), {
        openvmToml: readFileSync(path.join(BENCH, 'ecrecover.openvm.toml'), 'utf8'),
        openvmTomlName: 'ecrecover.openvm.toml',
        input: readFileSync(path.join(REPO_ROOT, 'examples/inputs/ecrecover.input.json'), 'utf8'),
      });
      const end = session.runToEnd();
      expect(end.position.status).toBe('done');
      expect(session.error()).toBeNull();
      const opened = session.opened;
      expect(opened.kind === 'guest' && opened.machine.interpreter.exitCode).toBe(0);
    },
  );
});

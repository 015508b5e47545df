// guest group: RV32IM execution speed with full OpenVM tracing (TracingMemory with its record arena) on the
// real fibonacci guest, n = 100000 (../shared/guests/openvm-v1.7, its README input), best of 5: with the
// compiled tier (guest_instr_per_sec, the default) and the interpreter alone (guest_interpreter_instr_per_sec);
// the fast metered pass (guest_metered_pass_instr_per_sec: meteredCuts on fibonacci n = 7,000,000, 10^8
// instructions, best of 5; issue 23's goal ≥ 100 M/s, OpenVM's native metered execution: 164 M/s).
// Also: the same with the allocator observer's hooks installed, the fibonacci instruction count, the
// metered run (guest_metered_instr_per_sec, meteredGuest.ts), and whole runs (load, execute, finalize; full
// tracing, best of 3) of the precompile benchmarks keccak256_iter, sha256_iter, ecrecover and pairing with
// their openvm.toml (../shared/guests/openvm-v1.7-benchmarks; ecrecover's input from
// scripts/ecrecover-input.mjs).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AllocObserver } from '../src/engine/guest/alloc/allocObserver';
import { loadGuestProgram } from '../src/engine/guest/program/guestProgram';
import { GuestRun } from '../src/engine/guest/guestRun';
import { parseInput } from '../src/engine/guest/io/input';
import { parseOpenVmToml } from '../src/engine/guest/config/vmConfig';
import type { BenchGroup } from './benchGroup';
import { measureMetered } from './meteredGuest';
import { setCompiledTierDefault } from '../src/engine/guest/compiled/tierSwitch';
import { meteredCuts } from '../src/engine/metering/meteredPass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared/guests/openvm-v1.7');
const benchmarks = path.resolve(root, '../shared/guests/openvm-v1.7-benchmarks');

/** Best of 3 whole runs of a benchmark guest with full tracing: load, execute to the end, finalize. */
function wholeRunMs(name: string, inputFile?: string): number | undefined {
  const elf = path.join(benchmarks, `${name}.elf`);
  if (!existsSync(elf)) {
    process.stderr.write(`# guest: ${elf} not found, skipping\n`);
    return undefined;
  }
  const bytes = new Uint8Array(readFileSync(elf));
  const vmConfig = parseOpenVmToml(readFileSync(path.join(benchmarks, `${name}.openvm.toml`), 'utf8'));
  const input = inputFile === undefined ? undefined : parseInput(readFileSync(inputFile, 'utf8'));
  let best = Infinity;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    const run = new GuestRun(loadGuestProgram(bytes), { input, vmConfig, keepRecords: true });
    const status = run.run(Number.MAX_SAFE_INTEGER);
    run.finalize();
    const ms = performance.now() - t0;
    if (status !== 'terminated' || run.machine.exitCode !== 0)
      throw new Error(`${name} ended ${status}: ${run.machine.error?.message}`);
    if (rep === 0) process.stderr.write(`# ${name}: ${run.machine.instret} instructions\n`);
    best = Math.min(best, ms);
  }
  return best;
}

export const guestBench: BenchGroup = (report) => {
  const elf = path.join(shared, 'fibonacci.elf');
  if (!existsSync(elf)) {
    process.stderr.write(`# guest: ${elf} not found, skipping\n`);
    return;
  }
  const program = loadGuestProgram(new Uint8Array(readFileSync(elf)));
  const input = parseInput(readFileSync(path.join(shared, 'fibonacci.input.json'), 'utf8'));
  const measure = (observe: boolean, tier = true) => {
    let best = Infinity;
    let instructions = 0;
    for (let rep = 0; rep < 5; rep++) {
      setCompiledTierDefault(tier);
      const run = new GuestRun(program, { input, mode: 'persistent', keepRecords: true });
      setCompiledTierDefault(true);
      if (observe) new AllocObserver(run.machine);
      const t0 = performance.now();
      const status = run.run(Number.MAX_SAFE_INTEGER);
      const ms = performance.now() - t0;
      if (status !== 'terminated' || run.machine.exitCode !== 0)
        throw new Error(`fibonacci ended ${status}: ${run.machine.error?.message}`);
      instructions = run.machine.instret;
      best = Math.min(best, ms);
    }
    return { best, instructions };
  };
  const plain = measure(false);
  process.stderr.write(
    `# fibonacci n=100000: ${plain.instructions} instructions, best ${plain.best.toFixed(1)} ms\n`,
  );
  report('guest_instr_per_sec', Math.round(plain.instructions / (plain.best / 1000)));
  report('guest_fibonacci_instructions', plain.instructions);
  const interpreted = measure(false, false);
  report('guest_interpreter_instr_per_sec', Math.round(interpreted.instructions / (interpreted.best / 1000)));
  const pass = measurePass(program);
  process.stderr.write(
    `# metered pass, fibonacci n=7000000: ${pass.instructions} instructions, ${pass.segments} segments\n`,
  );
  report('guest_metered_pass_instr_per_sec', Math.round(pass.instructions / (pass.best / 1000)));
  const observed = measure(true);
  report('guest_instr_per_sec_alloc_observe', Math.round(observed.instructions / (observed.best / 1000)));
  const metered = measureMetered(program);
  report('guest_metered_instr_per_sec', Math.round(metered.instructions / (metered.best / 1000)));
  const wholeRuns: [string, string?][] = [
    ['keccak256_iter'],
    ['sha256_iter'],
    ['ecrecover', path.join(root, 'examples/inputs/ecrecover.input.json')],
    ['pairing'],
  ];
  for (const [name, inputFile] of wholeRuns) {
    const ms = wholeRunMs(name, inputFile);
    if (ms !== undefined) report(`guest_${name}_ms`, Math.round(ms));
  }
};

/** n = 7,000,000: 105,000,278 instructions (u64 LE after the 0x01 vector tag). */
const FIBONACCI_7M_INPUT = '0x01c0cf6a0000000000';

/** meteredCuts (the fast metered pass, no tracing) on fibonacci n = 7,000,000: best of 5. */
function measurePass(program: ReturnType<typeof loadGuestProgram>) {
  const input = parseInput(FIBONACCI_7M_INPUT);
  let best = Infinity;
  let instructions = 0;
  let segments = 0;
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    const r = meteredCuts(program, { input });
    const ms = performance.now() - t0;
    if (r.error !== null || r.exitCode !== 0) throw new Error(`metered pass failed: ${r.error?.message}`);
    instructions = r.instret;
    segments = r.segments.length;
    best = Math.min(best, ms);
  }
  return { best, instructions, segments };
}

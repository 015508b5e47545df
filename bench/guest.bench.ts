// guest group: RV32IM interpretation speed with full OpenVM tracing (TracingMemory with its record arena)
// on the real fibonacci guest, n = 100000 (../shared/guests/openvm-v1.7, its README input), best of 5.
// Also: the same with the allocator observer's hooks installed, and the fibonacci instruction count; and
// the whole runs (full tracing, finalize included) of ecrecover and pairing with their openvm.toml
// (../shared/guests/openvm-v1.7-benchmarks; ecrecover's input from scripts/ecrecover-input.mjs), best of 2.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AllocObserver } from '../src/engine/guest/allocObserver';
import { loadGuestProgram } from '../src/engine/guest/guestProgram';
import { GuestRun } from '../src/engine/guest/guestRun';
import { parseInput } from '../src/engine/guest/input';
import { parseOpenVmToml } from '../src/engine/guest/vmConfig';
import type { BenchGroup } from './groups';
import { measureMetered } from './meteredGuest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '../shared/guests/openvm-v1.7');

export const guestBench: BenchGroup = (report) => {
  const elf = path.join(shared, 'fibonacci.elf');
  if (!existsSync(elf)) {
    process.stderr.write(`# guest: ${elf} not found, skipping\n`);
    return;
  }
  const program = loadGuestProgram(new Uint8Array(readFileSync(elf)));
  const input = parseInput(readFileSync(path.join(shared, 'fibonacci.input.json'), 'utf8'));
  const measure = (observe: boolean) => {
    let best = Infinity;
    let instructions = 0;
    for (let rep = 0; rep < 5; rep++) {
      const run = new GuestRun(program, { input, mode: 'persistent', keepRecords: true });
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
  const observed = measure(true);
  report('guest_instr_per_sec_alloc_observe', Math.round(observed.instructions / (observed.best / 1000)));
  const metered = measureMetered(program);
  report('guest_metered_instr_per_sec', Math.round(metered.instructions / (metered.best / 1000)));
  algebraGuestBench(report);
};

/** guest_ecrecover_ms / guest_pairing_ms: the algebra, ECC and pairing chips' guests. */
const algebraGuestBench: BenchGroup = (report) => {
  const bench = path.resolve(root, '../shared/guests/openvm-v1.7-benchmarks');
  const cases: [string, string | undefined][] = [
    ['ecrecover', path.join(root, 'examples/inputs/ecrecover.input.json')],
    ['pairing', undefined],
  ];
  for (const [name, inputFile] of cases) {
    const elf = path.join(bench, `${name}.elf`);
    if (!existsSync(elf)) {
      process.stderr.write(`# guest: ${elf} not found, skipping\n`);
      continue;
    }
    const program = loadGuestProgram(new Uint8Array(readFileSync(elf)));
    const vmConfig = parseOpenVmToml(readFileSync(path.join(bench, `${name}.openvm.toml`), 'utf8'));
    const input = inputFile === undefined ? undefined : parseInput(readFileSync(inputFile, 'utf8'));
    let best = Infinity;
    for (let rep = 0; rep < 2; rep++) {
      const run = new GuestRun(program, { input, vmConfig, keepRecords: true });
      const t0 = performance.now();
      const status = run.run(Number.MAX_SAFE_INTEGER);
      run.finalize();
      best = Math.min(best, performance.now() - t0);
      if (status !== 'terminated' || run.machine.exitCode !== 0)
        throw new Error(`${name} ended ${status}: ${run.machine.error?.message}`);
      if (rep === 0) process.stderr.write(`# ${name}: ${run.machine.instret} instructions\n`);
    }
    report(`guest_${name}_ms`, Math.round(best));
  }
};

// Test-only: the guest runs the attribution tests meter (rangeProfile.test.ts, wholeRunFold.test.ts), one
// table so both check the same shapes — cuts at checkpoints and without, calls and returns, call-heavy
// code, precompile rows with the benchmark's openvm.toml.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EXAMPLES, needs, repoFile, SHARED, SHARED_GUESTS, sharedFile } from '../../guest/fixtures.testutil';
import { type GuestProgram, loadGuestProgram } from '../../guest/program/guestProgram';
import { type GuestInput, emptyInput, parseInput } from '../../guest/io/input';
import { parseOpenVmToml, type VmConfig } from '../../guest/config/vmConfig';
import type { MeteringOptions } from '../meteredRun';

const BENCH = path.join(SHARED, 'guests/openvm-v1.7-benchmarks');
const elf = (file: string) => () => loadGuestProgram(new Uint8Array(readFileSync(file)));

export interface MeteredCase {
  name: string;
  need: () => boolean;
  program: () => GuestProgram;
  input: () => GuestInput;
  vmConfig?: () => VmConfig;
  options: MeteringOptions;
}

const fibonacci3000 = {
  need: () => needs(sharedFile('guests/openvm-v1.7/fibonacci.elf')),
  program: elf(path.join(SHARED_GUESTS, 'fibonacci.elf')),
  input: () => parseInput('0x01b80b000000000000'),
};

export const FIBONACCI_CHECKPOINT_CUTS: MeteredCase = {
  name: 'fibonacci n = 3000, max 4096 rows (cuts at checkpoints, replays)',
  ...fibonacci3000,
  options: { maxSegmentLength: 4096 },
};

export const FIBONACCI_UNCHECKPOINTED_CUTS: MeteredCase = {
  name: 'fibonacci n = 3000, max 64 rows every 200 (cuts without a checkpoint)',
  ...fibonacci3000,
  options: { maxSegmentLength: 64, segmentCheckInsns: 200 },
};

export const DEBUG_CALLS: MeteredCase = {
  name: 'debug_calls (calls and returns), max 256 rows every 100',
  need: () => needs(repoFile('public/examples/debug_calls.elf')),
  program: elf(path.join(EXAMPLES, 'debug_calls.elf')),
  input: emptyInput,
  options: { maxSegmentLength: 256, segmentCheckInsns: 100 },
};

export const HASHMAP: MeteredCase = {
  name: 'hashmap (call-heavy), max 2^14 rows',
  need: () => needs(repoFile('public/examples/hashmap.elf')),
  program: elf(path.join(EXAMPLES, 'hashmap.elf')),
  input: emptyInput,
  options: { maxSegmentLength: 1 << 14 },
};

export const KECCAK256: MeteredCase = {
  name: 'keccak256 with its openvm.toml (precompile rows, 16/32-cell adapters), max 2^18 rows',
  need: () => needs(sharedFile('guests/openvm-v1.7-benchmarks/keccak256.elf')),
  program: elf(path.join(BENCH, 'keccak256.elf')),
  input: emptyInput,
  vmConfig: () =>
    parseOpenVmToml(readFileSync(path.join(BENCH, 'keccak256.openvm.toml'), 'utf8'), 'keccak256.openvm.toml'),
  options: { maxSegmentLength: 1 << 18 },
};

// guest_metered_instr_per_sec: fibonacci n = 800,000 (OpenVM input 0x01 + n as 8 LE bytes, 12 million
// instructions) metered, segmented (SDK default limits), preflighted per segment and attributed to call
// stacks (src/engine/metering), best of 3; compared with plain traced execution (guest_instr_per_sec).
import type { GuestProgram } from '../src/engine/guest/program/guestProgram';
import { parseInput } from '../src/engine/guest/io/input';
import { MeteredRun } from '../src/engine/metering/meteredRun';

export const FIBONACCI_800K_INPUT = '0x0100350c0000000000';

export function measureMetered(program: GuestProgram): {
  best: number;
  instructions: number;
  segments: number;
} {
  const input = parseInput(FIBONACCI_800K_INPUT);
  let best = Infinity;
  let instructions = 0;
  let segments = 0;
  for (let rep = 0; rep < 3; rep++) {
    const t0 = performance.now();
    const run = new MeteredRun(program, { input });
    const result = run.run();
    const ms = performance.now() - t0;
    if (result.error !== null || result.exitCode !== 0)
      throw new Error(`metered fibonacci failed: ${result.error?.message}`);
    instructions = result.instret;
    segments = result.segments.length;
    best = Math.min(best, ms);
  }
  return { best, instructions, segments };
}

// Test-only: the attribution invariant of a metered run — every row of every non-constant AIR is charged to
// exactly one call-stack node, and every instruction to one node (meteredRun.ts).
import type { MeteredRun, MeteringResult } from './meteredRun';

/** Per non-constant AIR name: [attributed rows, per-segment total]; plus [attributed instructions, instret]. */
export function attributionSums(run: MeteredRun, result: MeteringResult): Record<string, [number, number]> {
  const inv = run.inventory;
  const a = inv.length;
  const nodes = run.nodeInstructions.length;
  let instructions = 0;
  for (let n = 0; n < nodes; n++) instructions += run.nodeInstructions[n];
  const out: Record<string, [number, number]> = { instructions: [instructions, result.instret] };
  for (const air of inv.airs) {
    if (air.constantHeight !== undefined || air.kind === 'program') continue;
    let attributed = 0;
    for (let n = 0; n < nodes; n++) attributed += run.nodeRows[n * a + air.id];
    out[air.name] = [attributed, result.segments.reduce((t, s) => t + s.rows[air.id], 0)];
  }
  return out;
}

/** The AIRs (and `instructions`) whose attributed sum differs from the total: [] when the invariant holds. */
export function attributionMismatches(run: MeteredRun, result: MeteringResult): string[] {
  return Object.entries(attributionSums(run, result))
    .filter(([, [attributed, total]]) => attributed !== total)
    .map(([name, [attributed, total]]) => `${name}: attributed ${attributed}, total ${total}`);
}

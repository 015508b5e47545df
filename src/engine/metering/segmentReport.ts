// The per-segment AIR table of a metered run, named as OpenVM v1.7.0 names things: `Segment`'s
// instret_start / num_insns (segment_ctx.rs:13-18) and the metrics' air_name, rows (padded height in
// OpenVM's report; here `padded_rows`, with `rows` the unpadded height), main_cols and cells
// (= padded rows * (main_cols + perm_cols), the report's `cells`). AIRs with no padded rows are left out, as
// OpenVM's report leaves them out.

import type { MeteredRun, SegmentResult } from './meteredRun';

export interface AirRowJson {
  air_id: number;
  air_name: string;
  rows: number;
  padded_rows: number;
  main_cols: number;
  cells: number;
}

export interface SegmentJson {
  instret_start: number;
  num_insns: number;
  airs: AirRowJson[];
}

export function segmentJson(run: MeteredRun, s: SegmentResult): SegmentJson {
  const airs: AirRowJson[] = [];
  for (const a of run.inventory.airs) {
    const padded = s.padded[a.id];
    if (padded === 0) continue;
    airs.push({
      air_id: a.id,
      air_name: a.name,
      rows: s.rows[a.id],
      padded_rows: padded,
      main_cols: a.mainCols,
      cells: padded * (a.mainCols + a.permCols),
    });
  }
  return { instret_start: s.instretStart, num_insns: s.numInsns, airs };
}

export function segmentsJson(run: MeteredRun): { segments: SegmentJson[] } {
  return { segments: run.segments.map((s) => segmentJson(run, s)) };
}

// `exec --segments --format markdown`: the per-segment AIR tables OpenVM's benchmark report prints
// (openvm-prof's `| group | air_id | air_name | segment | rows | prep_cols | perm_cols | main_cols | cells |`,
// /work/shared/spec/openvm-v1.7-report), one per segment, then the run's total per AIR: air_id, air_name,
// rows (unpadded), padded_rows (OpenVM's `rows`), main_cols and cells (= padded_rows × (main + perm
// columns)), numbers with thousands separators as the report writes them, a bold total row per table.
import type { AirRowJson, SegmentJson } from '../engine/metering/segmentReport';

const n = (x: number) => x.toLocaleString('en-US');

function table(airs: readonly AirRowJson[]): string {
  const lines = [
    '| air_id | air_name | rows | padded_rows | main_cols | cells |',
    '| ---: | --- | ---: | ---: | ---: | ---: |',
  ];
  let rows = 0;
  let padded = 0;
  let cells = 0;
  for (const a of airs) {
    lines.push(
      `| ${a.air_id} | ${a.air_name} | ${n(a.rows)} | ${n(a.padded_rows)} | ${n(a.main_cols)} | ${n(a.cells)} |`,
    );
    rows += a.rows;
    padded += a.padded_rows;
    cells += a.cells;
  }
  lines.push(`| | **total** | **${n(rows)}** | **${n(padded)}** | | **${n(cells)}** |`);
  return `${lines.join('\n')}\n`;
}

/** Per AIR (by id), the segments' rows, padded rows and cells summed. */
export function totalAirs(segments: readonly SegmentJson[]): AirRowJson[] {
  const byId = new Map<number, AirRowJson>();
  for (const s of segments)
    for (const a of s.airs) {
      const t = byId.get(a.air_id);
      if (t === undefined) byId.set(a.air_id, { ...a });
      else {
        t.rows += a.rows;
        t.padded_rows += a.padded_rows;
        t.cells += a.cells;
      }
    }
  return [...byId.values()].sort((x, y) => x.air_id - y.air_id);
}

export function segmentsMarkdown(report: { segments: readonly SegmentJson[] }): string {
  const out: string[] = [];
  let insns = 0;
  for (const [i, s] of report.segments.entries()) {
    const last = s.instret_start + s.num_insns;
    out.push(
      `## Segment ${i}: instructions ${n(s.instret_start)} to ${n(last)} (${n(s.num_insns)})\n\n${table(s.airs)}`,
    );
    insns += s.num_insns;
  }
  const k = report.segments.length;
  out.push(
    `## Total: ${k} segment${k === 1 ? '' : 's'}, ${n(insns)} instructions\n\n${table(totalAirs(report.segments))}`,
  );
  return out.join('\n');
}

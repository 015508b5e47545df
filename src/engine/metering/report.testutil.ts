// Test-only: reads OpenVM's v1.7.0 benchmark report (../shared/spec/openvm-v1.7-report/NAME.md): the
// per-segment AIR table of the app proof (`NAME_program` group) and the interaction table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED, sharedFile } from '../guest/fixtures.testutil';
import type { AirInventory } from './airs/airs';
import type { SegmentResult } from './meteredRun';

export const REPORT_DIR = path.join(SHARED, 'spec/openvm-v1.7-report');
/** The `needs` item for tests that read the report. */
export const REPORT = sharedFile('spec/openvm-v1.7-report/fibonacci.md');

export interface ReportAirRow {
  airId: number;
  airName: string;
  segment: number;
  rows: number;
  prepCols: number;
  permCols: number;
  mainCols: number;
  cells: number;
}

const num = (s: string) => (s.trim() === '' ? 0 : Number(s.trim().replace(/,/g, '')));

/** The app proof's group: `NAME_program`, except pairing.md's, which is named `pairing`. */
const appGroup = (name: string) => (name === 'pairing' ? name : `${name}_program`);

function tableLines(name: string): string[][] {
  const text = readFileSync(path.join(REPORT_DIR, `${name}.md`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith(`| ${appGroup(name)} |`))
    .map((l) => l.split('|').slice(1, -1));
}

/** Every `| NAME_program | air_id | air_name | segment | rows | prep | perm | main | cells |` row. */
export function reportAirRows(name: string): ReportAirRow[] {
  return tableLines(name)
    .filter((c) => c.length === 9 && /^\s*\d+\s*$/.test(c[1]))
    .map((c) => ({
      airId: num(c[1]),
      airName: c[2].trim(),
      segment: num(c[3]),
      rows: num(c[4]),
      prepCols: num(c[5]),
      permCols: num(c[6]),
      mainCols: num(c[7]),
      cells: num(c[8]),
    }));
}

/** `| NAME_program | air_name | quotient_deg | interactions | constraints |` rows: air_name -> interactions. */
export function reportInteractions(name: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of tableLines(name))
    if (c.length === 5 && !/^\s*\d+\s*$/.test(c[1])) m.set(c[1].trim(), num(c[3]));
  return m;
}

/** One report row memscope does not reproduce: `segment:air_name` -> [ours padded, report rows]. */
export type Differences = Record<string, [number, number]>;

/**
 * Compares every report row (padded rows; cells and widths where the rows agree) with a metered run, and
 * lists the AIRs with rows that the report does not have. Returns the differing rows.
 */
export function reportDifferences(
  name: string,
  inventory: AirInventory,
  segments: readonly SegmentResult[],
): { differences: Differences; problems: string[] } {
  const differences: Differences = {};
  const problems: string[] = [];
  const seen = new Set<string>();
  // Chips of several moduli / curves share an air_name: those rows are keyed with their air_id too.
  const shared = (n: string) => inventory.airs.filter((a) => a.name === n).length > 1;
  const keyOf = (segment: number, id: number, n: string) =>
    shared(n) ? `${segment}:${id}:${n}` : `${segment}:${n}`;
  for (const r of reportAirRows(name)) {
    const air =
      inventory.airs.find((a) => a.name === r.airName && a.id === r.airId) ??
      inventory.airs.find((a) => a.name === r.airName);
    const key = keyOf(r.segment, r.airId, r.airName);
    if (air === undefined) {
      problems.push(`${key}: no such AIR here`);
      continue;
    }
    seen.add(keyOf(r.segment, air.id, air.name));
    if (air.id !== r.airId) problems.push(`${key}: air_id ${air.id}, report ${r.airId}`);
    if (air.mainCols !== r.mainCols || air.permCols !== r.permCols) problems.push(`${key}: widths differ`);
    const ours = segments[r.segment]?.padded[air.id] ?? 0;
    if (ours !== r.rows) differences[key] = [ours, r.rows];
    else if (ours * (air.mainCols + air.permCols) !== r.cells) problems.push(`${key}: cells differ`);
  }
  segments.forEach((s, k) =>
    inventory.airs.forEach((a) => {
      if (s.padded[a.id] > 0 && !seen.has(keyOf(k, a.id, a.name)))
        problems.push(`${keyOf(k, a.id, a.name)}: ${s.padded[a.id]} rows, not in the report`);
    }),
  );
  return { differences, problems };
}

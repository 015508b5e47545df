// Test-only: reads OpenVM's v1.7.0 benchmark report (../shared/spec/openvm-v1.7-report/NAME.md): the
// per-segment AIR table of the app proof (`NAME_program` group) and the interaction table.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED, sharedFile } from '../guest/fixtures.testutil';

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

function tableLines(name: string): string[][] {
  const text = readFileSync(path.join(REPORT_DIR, `${name}.md`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith(`| ${name}_program |`))
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
  for (const c of tableLines(name)) if (c.length === 5 && !/^\s*\d+\s*$/.test(c[1])) m.set(c[1].trim(), num(c[3]));
  return m;
}

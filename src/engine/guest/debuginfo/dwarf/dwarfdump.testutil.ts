// Test-only: the reference line tables, from `llvm-dwarfdump --debug-line` (LLVM's own DWARF reader, an
// independent implementation), parsed into units with their file tables and rows. When the tool is
// missing the tests that need it fail under CI=true (a missing reference is never a silent pass) and are
// skipped with a message otherwise.
import { execFileSync } from 'node:child_process';
import { hasTool } from '../../fixtures.testutil';

export const DWARFDUMP = 'llvm-dwarfdump';
export const hasDwarfdump = hasTool(DWARFDUMP);
/** True when a test needing `tool` must run (it is installed, or CI demands it and the test then fails). */
export const mustRun = (have: boolean) => have || process.env.CI === 'true';

export interface RefRow {
  address: number;
  line: number;
  column: number;
  file: number;
  isa: number;
  discriminator: number;
  flags: string[];
}

export interface RefUnit {
  offset: number;
  version: number;
  dirs: Map<number, string>;
  files: Map<number, { name: string; dirIndex: number }>;
  rows: RefRow[];
}

export function dwarfdumpLines(file: string): RefUnit[] {
  const text = execFileSync(DWARFDUMP, ['--debug-line', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const units: RefUnit[] = [];
  let unit: RefUnit | null = null;
  let pendingFile: number | null = null;
  for (const line of text.split('\n')) {
    let m = /^debug_line\[0x([0-9a-f]+)\]/.exec(line);
    if (m) {
      unit = { offset: parseInt(m[1], 16), version: 0, dirs: new Map(), files: new Map(), rows: [] };
      units.push(unit);
      continue;
    }
    if (unit === null) continue;
    if ((m = /^\s+version: (\d+)/.exec(line))) unit.version = Number(m[1]);
    else if ((m = /^include_directories\[\s*(\d+)\] = "(.*)"$/.exec(line))) unit.dirs.set(Number(m[1]), m[2]);
    else if ((m = /^file_names\[\s*(\d+)\]:/.exec(line))) pendingFile = Number(m[1]);
    else if (pendingFile !== null && (m = /^\s+name: "(.*)"$/.exec(line)))
      unit.files.set(pendingFile, { name: m[1], dirIndex: -1 });
    else if (pendingFile !== null && (m = /^\s+dir_index: (\d+)$/.exec(line)))
      unit.files.get(pendingFile)!.dirIndex = Number(m[1]);
    else if ((m = /^0x([0-9a-f]{16})\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*(.*)$/.exec(line))) {
      unit.rows.push({
        address: parseInt(m[1], 16),
        line: Number(m[2]),
        column: Number(m[3]),
        file: Number(m[4]),
        isa: Number(m[5]),
        discriminator: Number(m[6]),
        flags: m[7].trim() === '' ? [] : m[7].trim().split(/\s+/),
      });
    }
  }
  return units;
}

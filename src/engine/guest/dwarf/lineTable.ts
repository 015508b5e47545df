// Address -> source line, and source line -> addresses, over every line-number program of an ELF
// (lineProgram.ts). Each row that is not an end_sequence covers [its address, the next row's address) in its
// sequence; of several rows at one address the last one wins (as llvm-dwarfdump's lookup and gdb do).
// Invariants: entries are sorted by address and do not overlap within a sequence; lookups are O(log n);
// rows with line 0 (compiler-generated code with no source line) are kept: `at` reports them as line 0.

import { filePath, type LineUnit } from './lineProgram';

export interface LineEntry {
  /** [address, end) is the code this row covers. */
  address: number;
  end: number;
  file: string;
  line: number;
  column: number;
  isStmt: boolean;
}

export class LineTable {
  readonly entries: LineEntry[] = [];
  private readonly starts: Float64Array;
  /** Every file that has at least one row, sorted. */
  readonly files: string[];

  /** `compDirs`: the compilation directory of the CU whose DW_AT_stmt_list is each unit's offset (DWARF 2-4). */
  constructor(units: readonly LineUnit[], compDirs: ReadonlyMap<number, string> = new Map()) {
    const paths = new Set<string>();
    for (const unit of units) {
      const names = new Map<number, string>();
      const nameOf = (i: number): string => {
        let n = names.get(i);
        if (n === undefined) {
          n = filePath(unit, i, compDirs.get(unit.offset)) ?? `(file ${i})`;
          names.set(i, n);
        }
        return n;
      };
      const rows = unit.rows;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k];
        if (row.endSequence) continue;
        const next = rows[k + 1];
        if (next === undefined || next.address <= row.address) continue; // zero-length: a later row at the same address wins
        const file = nameOf(row.file);
        paths.add(file);
        this.entries.push({
          address: row.address,
          end: next.address,
          file,
          line: row.line,
          column: row.column,
          isStmt: row.isStmt,
        });
      }
    }
    this.entries.sort((a, b) => a.address - b.address);
    this.starts = Float64Array.from(this.entries, (e) => e.address);
    this.files = [...paths].sort();
  }

  /** The row covering `pc`, or null when no line program describes it. */
  at(pc: number): LineEntry | null {
    const s = this.starts;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] <= pc) lo = mid + 1;
      else hi = mid;
    }
    const e = this.entries[lo - 1];
    return e !== undefined && pc < e.end ? e : null;
  }

  /**
   * Where a breakpoint on file:line goes: the first address of every block of statement rows of that line
   * (a line split over several places, e.g. a loop header, has several). `file` matches a path exactly or
   * by its last components (`debug_loop.c` matches `examples/guests/debug_loop.c`).
   */
  addressesOf(file: string, line: number): number[] {
    const out: number[] = [];
    let previous: LineEntry | null = null;
    for (const e of this.entries) {
      const here = e.line === line && e.isStmt && sameFile(e.file, file);
      const continues =
        previous !== null &&
        previous.end === e.address &&
        previous.line === line &&
        sameFile(previous.file, file);
      if (here && !continues) out.push(e.address);
      previous = e;
    }
    return out;
  }
}

export function sameFile(path: string, query: string): boolean {
  return path === query || path.endsWith(`/${query}`) || query.endsWith(`/${path}`);
}

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
  prologueEnd: boolean;
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
          prologueEnd: row.prologueEnd,
        });
      }
    }
    this.entries.sort((a, b) => a.address - b.address);
    this.starts = Float64Array.from(this.entries, (e) => e.address);
    this.files = [...paths].sort();
  }

  /** The row covering `pc`, or null when no line program describes it. */
  at(pc: number): LineEntry | null {
    const i = this.indexAt(pc);
    return i < 0 ? null : this.entries[i];
  }

  /**
   * Where code after a function's prologue starts (where gdb puts `break FUNCTION` and where stepping into
   * it stops): the first prologue_end row in [start, end), else the first statement row of another line
   * than the function's first row, else start.
   */
  afterPrologue(start: number, end: number): number {
    let i = this.indexAt(start);
    if (i < 0) return start;
    const first = this.entries[i];
    let other = -1;
    for (; i < this.entries.length && this.entries[i].address < end; i++) {
      const e = this.entries[i];
      if (e.prologueEnd) return e.address;
      if (other < 0 && e.isStmt && e.line !== 0 && e.line !== first.line) other = e.address;
    }
    return other >= 0 ? other : start;
  }

  private indexAt(pc: number): number {
    const s = this.starts;
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (s[mid] <= pc) lo = mid + 1;
      else hi = mid;
    }
    const e = this.entries[lo - 1];
    return e !== undefined && pc < e.end ? lo - 1 : -1;
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

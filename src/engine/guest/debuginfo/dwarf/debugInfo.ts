// A guest's source-level debug information, read from its DWARF sections: source lines (lineTable.ts over
// every line program), functions and inlined calls (infoUnits.ts), and from them the frames at a pc
// (innermost inlined call first, like `llvm-symbolizer --inlining` and gdb's inline frames).
// Invariants: reading never throws — an ELF without DWARF (the OpenVM benchmarks) gives an empty result,
// and a malformed section is reported in `problems` (section, offset, what) while everything that could
// be read is kept (a broken .debug_info leaves the line table usable and vice versa); cost is linear in
// the sections' sizes, lookups are O(log n) plus the inlined calls of one function.

import { EngineError } from '../../../errors';
import { demangle } from '../demangle';
import type { GuestProgram } from '../../program/guestProgram';
import type { ElfSection } from '../../program/sections';
import { CallFrameInfo } from './callFrameInfo';
import { type CompileUnit, readInfoUnits, type Scope } from './infoUnits';
import { type LineUnit, readLineUnits } from './lineProgram';
import { type LineEntry, LineTable } from './lineTable';
import { dwarfSections } from './sections';

export interface SourceFrame {
  /** The function (demangled) whose code this frame is in. */
  function: string;
  file: string | null;
  line: number;
  column: number;
  /** True when the function was inlined into the next frame (no call instruction, no stack frame). */
  inlined: boolean;
}

export class DebugInfo {
  private readonly roots: { lo: number; hi: number; scope: number }[] = [];
  private readonly starts: Float64Array;
  private readonly children = new Map<number, number[]>();

  constructor(
    readonly lines: LineTable,
    readonly scopes: readonly Scope[],
    readonly units: readonly CompileUnit[],
    /** .debug_frame's rules, for walking the return-address chain (empty without the section). */
    readonly callFrames: CallFrameInfo,
    /** What could not be read, one message per problem (section, offset, what); empty when all is well. */
    readonly problems: readonly string[],
  ) {
    const rootOf = (i: number): number => {
      let k = i;
      for (let hops = 0; scopes[k].parent >= 0 && hops < 1000; hops++) k = scopes[k].parent;
      return k;
    };
    for (let i = 0; i < scopes.length; i++) {
      const s = scopes[i];
      if (s.parent < 0) for (const [lo, hi] of s.ranges) this.roots.push({ lo, hi, scope: i });
      else {
        const root = rootOf(i);
        const list = this.children.get(root) ?? [];
        list.push(i);
        this.children.set(root, list);
      }
    }
    this.roots.sort((a, b) => a.lo - b.lo);
    this.starts = Float64Array.from(this.roots, (r) => r.lo);
  }

  /** True when the ELF has line information (a source view is possible). */
  get hasLines(): boolean {
    return this.lines.entries.length > 0;
  }

  lineAt(pc: number): LineEntry | null {
    return this.lines.at(pc);
  }

  /** The function scope (not inlined) whose code contains pc, or -1. */
  private rootAt(pc: number): number {
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.starts[mid] <= pc) lo = mid + 1;
      else hi = mid;
    }
    // Ranges of different functions do not overlap in linked code; look back a little for safety.
    for (let k = lo - 1; k >= 0 && k >= lo - 4; k--) if (pc < this.roots[k].hi) return this.roots[k].scope;
    return -1;
  }

  /** The scopes containing pc, innermost first (inlined calls, then their function); [] when unknown. */
  scopesAt(pc: number): number[] {
    const root = this.rootAt(pc);
    if (root < 0) return [];
    const contains = (i: number) => this.scopes[i].ranges.some(([lo, hi]) => lo <= pc && pc < hi);
    let innermost = root;
    let depth = 0;
    for (const i of this.children.get(root) ?? []) {
      if (!contains(i)) continue;
      let d = 0;
      for (let k = i; k !== root && k >= 0 && d < 1000; k = this.scopes[k].parent) d++;
      if (d > depth) {
        depth = d;
        innermost = i;
      }
    }
    const chain: number[] = [];
    for (let k = innermost; k >= 0 && chain.length < 1000; k = this.scopes[k].parent) chain.push(k);
    return chain;
  }

  /** The source frames at pc: the innermost at the line of pc, each outer one at the call of the inner. */
  framesAt(pc: number): SourceFrame[] {
    const line = this.lines.at(pc);
    const chain = this.scopesAt(pc);
    if (chain.length === 0)
      return line === null
        ? []
        : [{ function: '??', file: line.file, line: line.line, column: line.column, inlined: false }];
    const frames: SourceFrame[] = [];
    let file = line?.file ?? null;
    let lineNo = line?.line ?? 0;
    let column = line?.column ?? 0;
    for (const k of chain) {
      const s = this.scopes[k];
      frames.push({ function: demangle(s.name), file, line: lineNo, column, inlined: s.kind === 'inlined' });
      file = s.callFile;
      lineNo = s.callLine;
      column = s.callColumn;
    }
    return frames;
  }

  /** The [start, end) of the function (not inlined) whose code contains pc, or null. */
  functionRangeAt(pc: number): [number, number] | null {
    const root = this.rootAt(pc);
    if (root < 0) return null;
    return this.scopes[root].ranges.find(([lo, hi]) => lo <= pc && pc < hi) ?? null;
  }

  /**
   * How many inlined calls begin exactly at pc (innermost first in scopesAt): a debugger stopping there
   * first shows the outermost one's call site (gdb's stop at an inlined call), 0 elsewhere.
   */
  inlineEntriesAt(pc: number): number {
    const chain = this.scopesAt(pc);
    let n = 0;
    while (
      n < chain.length &&
      this.scopes[chain[n]].kind === 'inlined' &&
      this.scopes[chain[n]].ranges.some(([lo]) => lo === pc)
    )
      n++;
    return n;
  }

  /** The source line a debugger shows at pc: the call site when pc begins inlined calls, else the row's. */
  presentedLine(pc: number): { file: string | null; line: number } | null {
    const n = this.inlineEntriesAt(pc);
    if (n > 0) {
      const outer = this.scopes[this.scopesAt(pc)[n - 1]];
      return { file: outer.callFile, line: outer.callLine };
    }
    const e = this.lines.at(pc);
    return e === null ? null : { file: e.file, line: e.line };
  }

  /** The innermost function name at pc (an inlined one if pc is in inlined code), or null. */
  functionAt(pc: number): string | null {
    const chain = this.scopesAt(pc);
    return chain.length === 0 ? null : demangle(this.scopes[chain[0]].name);
  }
}

function problem(e: unknown): string {
  if (e instanceof EngineError) return e.message;
  throw e;
}

const cache = new WeakMap<GuestProgram, DebugInfo>();

/** The debug information of a loaded program, read on first use and kept with it. */
export function debugInfoOf(program: GuestProgram): DebugInfo {
  let info = cache.get(program);
  if (info === undefined) {
    info = readDebugInfo(program.bytes, program.elf.sections);
    cache.set(program, info);
  }
  return info;
}

/** Reads the DWARF of an ELF (its bytes and section headers). Never throws for bad DWARF. */
export function readDebugInfo(bytes: Uint8Array, sections: readonly ElfSection[]): DebugInfo {
  const { sections: s, problems } = dwarfSections(bytes, sections);
  let lineUnits: LineUnit[] = [];
  try {
    lineUnits = readLineUnits(s, problems);
  } catch (e) {
    problems.push(problem(e));
  }
  const byOffset = new Map(lineUnits.map((u) => [u.offset, u]));
  let units: CompileUnit[] = [];
  let scopes: Scope[] = [];
  try {
    ({ units, scopes } = readInfoUnits(s, byOffset, problems));
  } catch (e) {
    problems.push(problem(e));
  }
  let callFrames = new CallFrameInfo(undefined);
  try {
    callFrames = new CallFrameInfo(s.frame);
  } catch (e) {
    problems.push(problem(e));
  }
  const compDirs = new Map<number, string>();
  for (const u of units) if (u.stmtList !== null) compDirs.set(u.stmtList, u.compDir);
  return new DebugInfo(new LineTable(lineUnits, compDirs), scopes, units, callFrames, problems);
}

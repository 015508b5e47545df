// .debug_info (DWARF 2-5, section 7.5): the compilation units and, in their DIE trees, the functions with
// code (DW_TAG_subprogram with pc ranges) and the inlined calls (DW_TAG_inlined_subroutine, with their
// call site), nested as the tree nests them. Names come from DW_AT_name, DW_AT_linkage_name, or through
// DW_AT_abstract_origin / DW_AT_specification (resolved after every unit is read: an origin may be in
// another unit). Strings: inline, .debug_str (strp), .debug_str_offsets (strx*, through the unit's
// DW_AT_str_offsets_base); addresses: inline or .debug_addr (addrx*, through DW_AT_addr_base).
// Invariants: a malformed unit throws EngineError('dwarf') naming the section and offset; units other
// than compile/partial units (type units, skeletons) are skipped by their length; cost is linear in the
// section's bytes plus the origin chains (bounded at 16 links).

import { EngineError } from '../../../errors';
import { ByteReader, stringAt } from './byteReader';
import { type AbbrevTable, readAbbrevTable } from './abbrev';
import * as C from './constants';
import { DW_FORM as F } from './constants';
import { type FormContext, type FormValue, isConstantForm, isUnitRefForm, readForm } from './forms';
import { filePath, type LineUnit } from './lineProgram';
import { addrAt, type Range, type RangeContext, readRangeList, rnglistxOffset } from './ranges';
import type { DwarfSections } from './sections';

export interface CompileUnit {
  offset: number;
  version: number;
  name: string;
  compDir: string;
  /** DW_AT_stmt_list: the offset of the unit's line program in .debug_line, or null. */
  stmtList: number | null;
}

/** A function's code or an inlined call's code, with the scope that contains it. */
export interface Scope {
  kind: 'function' | 'inlined';
  name: string;
  ranges: Range[];
  /** Index of the enclosing scope in the list (-1 for functions at the top). */
  parent: number;
  /** Inlined calls: where the call is (file, line, column of the call in the enclosing scope). */
  callFile: string | null;
  callLine: number;
  callColumn: number;
}

interface NameRecord {
  name?: string;
  linkage?: string;
  /** Section offset of the DIE named by DW_AT_abstract_origin or DW_AT_specification. */
  origin?: number;
}

interface UnitContext extends FormContext, RangeContext {
  unitOffset: number;
  strOffsetsBase: number;
  lineUnit: LineUnit | null;
  compDir: string;
}

const ATTRS_OF_INTEREST = new Set([
  C.DW_AT_name,
  C.DW_AT_linkage_name,
  C.DW_AT_MIPS_linkage_name,
  C.DW_AT_low_pc,
  C.DW_AT_high_pc,
  C.DW_AT_ranges,
  C.DW_AT_abstract_origin,
  C.DW_AT_specification,
  C.DW_AT_call_file,
  C.DW_AT_call_line,
  C.DW_AT_call_column,
  C.DW_AT_stmt_list,
  C.DW_AT_comp_dir,
  C.DW_AT_str_offsets_base,
  C.DW_AT_addr_base,
  C.DW_AT_rnglists_base,
]);

/**
 * Reads every unit of .debug_info. With `problems`, a malformed unit is reported there and the next unit is
 * read (what the broken one gave before the error is kept); without, it throws.
 */
export function readInfoUnits(
  s: DwarfSections,
  lineUnits: ReadonlyMap<number, LineUnit>,
  problems?: string[],
): { units: CompileUnit[]; scopes: Scope[] } {
  const units: CompileUnit[] = [];
  const scopes: Scope[] = [];
  const names = new Map<number, NameRecord>();
  /** Scope index -> the DIE offset its name comes from. */
  const scopeDie: number[] = [];
  if (s.info === undefined) return { units, scopes };
  const r = new ByteReader('.debug_info', s.info);
  const abbrevCache = new Map<number, AbbrevTable>();
  while (!r.atEnd) {
    const unitOffset = r.pos;
    const { length, offsetSize } = r.initialLength();
    const unit = r.sub(r.pos, length);
    r.pos = unit.end;
    try {
      readUnit(unit, unitOffset, offsetSize);
    } catch (e) {
      if (problems === undefined || !(e instanceof EngineError)) throw e;
      problems.push(e.message);
    }
  }
  for (let i = 0; i < scopes.length; i++) scopes[i].name = nameOf(names, scopeDie[i]);
  return { units, scopes };

  function readUnit(unit: ByteReader, unitOffset: number, offsetSize: 4 | 8): void {
    const version = unit.u16();
    if (version < 2 || version > 5) throw unit.fail(`unsupported unit version ${version}`, unitOffset);
    let unitType: number = C.DW_UT_compile;
    let addressSize: number;
    let abbrevOffset: number;
    if (version >= 5) {
      unitType = unit.u8();
      addressSize = unit.u8();
      abbrevOffset = unit.uint(offsetSize);
    } else {
      abbrevOffset = unit.uint(offsetSize);
      addressSize = unit.u8();
    }
    if (unitType !== C.DW_UT_compile && unitType !== C.DW_UT_partial) return;
    if (addressSize !== 4 && addressSize !== 8)
      throw unit.fail(`unsupported address size ${addressSize}`, unitOffset);
    let abbrevs = abbrevCache.get(abbrevOffset);
    if (abbrevs === undefined) {
      abbrevs = readAbbrevTable(s.abbrev, abbrevOffset);
      abbrevCache.set(abbrevOffset, abbrevs);
    }
    const ctx: UnitContext = {
      version,
      addressSize,
      offsetSize,
      unitOffset,
      base: 0,
      addrBase: 8,
      rnglistsBase: 0,
      strOffsetsBase: 8,
      lineUnit: null,
      compDir: '',
    };
    const stack: { scope: number }[] = [];
    let first = true;
    while (!unit.atEnd) {
      const dieOffset = unit.pos;
      const code = unit.uleb();
      if (code === 0) {
        stack.pop();
        continue;
      }
      const abbrev = abbrevs.get(code);
      if (abbrev === undefined)
        throw unit.fail(
          `abbreviation code ${code} is not in the table at 0x${abbrevOffset.toString(16)}`,
          dieOffset,
        );
      const values = new Map<number, FormValue>();
      for (const spec of abbrev.attrs) {
        const v = readForm(unit, spec.form, ctx, spec.implicitConst);
        if (ATTRS_OF_INTEREST.has(spec.attr)) values.set(spec.attr, v);
      }
      const str = (v: FormValue | undefined) => (v === undefined ? undefined : stringOf(s, ctx, v));
      const ref = (v: FormValue | undefined) =>
        v === undefined
          ? undefined
          : isUnitRefForm(v.form)
            ? unitOffset + v.value
            : v.form === F.ref_addr
              ? v.value
              : undefined;
      if (first) {
        first = false;
        const num = (a: number, d: number) => values.get(a)?.value ?? d;
        ctx.strOffsetsBase = num(C.DW_AT_str_offsets_base, 8);
        ctx.addrBase = num(C.DW_AT_addr_base, 8);
        ctx.rnglistsBase = num(C.DW_AT_rnglists_base, 0);
        const low = values.get(C.DW_AT_low_pc);
        ctx.base = low === undefined ? 0 : addressOf(s, ctx, low);
        ctx.compDir = str(values.get(C.DW_AT_comp_dir)) ?? '';
        const stmt = values.get(C.DW_AT_stmt_list);
        ctx.lineUnit = stmt === undefined ? null : (lineUnits.get(stmt.value) ?? null);
        units.push({
          offset: unitOffset,
          version,
          name: str(values.get(C.DW_AT_name)) ?? '',
          compDir: ctx.compDir,
          stmtList: stmt?.value ?? null,
        });
      }
      const record: NameRecord = {
        name: str(values.get(C.DW_AT_name)),
        linkage: str(values.get(C.DW_AT_linkage_name) ?? values.get(C.DW_AT_MIPS_linkage_name)),
        origin: ref(values.get(C.DW_AT_abstract_origin) ?? values.get(C.DW_AT_specification)),
      };
      if (record.name !== undefined || record.linkage !== undefined || record.origin !== undefined)
        names.set(dieOffset, record);
      let scope = -1;
      if (abbrev.tag === C.DW_TAG_subprogram || abbrev.tag === C.DW_TAG_inlined_subroutine) {
        const ranges = rangesOf(s, ctx, values);
        if (ranges.length > 0) {
          let parent = -1;
          for (let i = stack.length - 1; i >= 0 && parent < 0; i--) parent = stack[i].scope;
          const inlined = abbrev.tag === C.DW_TAG_inlined_subroutine;
          const callFile = values.get(C.DW_AT_call_file);
          scope = scopes.length;
          scopes.push({
            kind: inlined ? 'inlined' : 'function',
            name: '',
            ranges,
            parent,
            callFile:
              inlined && callFile !== undefined && ctx.lineUnit !== null
                ? filePath(ctx.lineUnit, callFile.value, ctx.compDir)
                : null,
            callLine: values.get(C.DW_AT_call_line)?.value ?? 0,
            callColumn: values.get(C.DW_AT_call_column)?.value ?? 0,
          });
          scopeDie.push(dieOffset);
        }
      }
      if (abbrev.hasChildren) stack.push({ scope });
    }
  }
}

function stringOf(s: DwarfSections, ctx: UnitContext, v: FormValue): string {
  if (v.text !== undefined) return v.text;
  switch (v.form) {
    case F.strp:
      return stringAt('.debug_str', s.str, v.value);
    case F.line_strp:
      return stringAt('.debug_line_str', s.lineStr, v.value);
    case F.strx:
    case F.strx1:
    case F.strx2:
    case F.strx3:
    case F.strx4:
    case F.GNU_str_index: {
      const r = new ByteReader('.debug_str_offsets', s.strOffsets ?? new Uint8Array(0));
      if (s.strOffsets === undefined)
        throw r.fail(`string index ${v.value} but the ELF has no .debug_str_offsets section`, 0);
      r.pos = ctx.strOffsetsBase + v.value * ctx.offsetSize;
      if (r.pos + ctx.offsetSize > r.end)
        throw r.fail(`string index ${v.value} is past the end of the offsets`, r.pos);
      return stringAt('.debug_str', s.str, r.uint(ctx.offsetSize));
    }
    default:
      return `(string in form 0x${v.form.toString(16)})`;
  }
}

function addressOf(s: DwarfSections, ctx: UnitContext, v: FormValue): number {
  if (v.form === F.addr) return v.value;
  if (v.form === F.addrx || (v.form >= F.addrx1 && v.form <= F.addrx4) || v.form === F.GNU_addr_index)
    return addrAt(s, ctx, v.value);
  return v.value;
}

function rangesOf(s: DwarfSections, ctx: UnitContext, values: Map<number, FormValue>): Range[] {
  const low = values.get(C.DW_AT_low_pc);
  const high = values.get(C.DW_AT_high_pc);
  if (low !== undefined && high !== undefined) {
    const lo = addressOf(s, ctx, low);
    const hi = isConstantForm(high.form) ? lo + high.value : addressOf(s, ctx, high);
    return hi > lo ? [[lo, hi]] : [];
  }
  const ranges = values.get(C.DW_AT_ranges);
  if (ranges === undefined) return [];
  const offset = ranges.form === F.rnglistx ? rnglistxOffset(s, ctx, ranges.value) : ranges.value;
  return readRangeList(s, ctx, offset);
}

/** A DIE's name: its own (linkage name first, for demangling), else its origin's, following at most 16 links. */
function nameOf(names: Map<number, NameRecord>, die: number): string {
  let at: number | undefined = die;
  for (let hops = 0; at !== undefined && hops < 16; hops++) {
    const rec = names.get(at);
    if (rec === undefined) break;
    if (rec.linkage !== undefined) return rec.linkage;
    if (rec.name !== undefined) return rec.name;
    at = rec.origin;
  }
  return '(anonymous)';
}

// The DWARF line-number program (DWARF 5 section 6.2; versions 2 to 5): the unit header with its directory
// and file tables (v5: entry formats, paths in .debug_line_str or .debug_str; v2-4: NUL-terminated lists
// and DW_LNE_define_file), and the state machine that turns the opcodes into rows — exactly the rows
// `llvm-dwarfdump --debug-line` prints (the unit test compares them, row by row, on both example ELFs).
// Invariants: rows of one sequence have non-decreasing addresses up to its end_sequence row; a malformed
// header or opcode throws EngineError('dwarf') naming .debug_line and the offset; cost is linear in the
// program's bytes (every opcode consumes at least one byte, at most one row per opcode).

import { EngineError } from '../../../errors';
import { ByteReader, stringAt } from './byteReader';
import * as C from './constants';
import { DW_FORM } from './constants';
import { readForm } from './forms';
import type { DwarfSections } from './sections';

export interface LineRow {
  address: number;
  opIndex: number;
  file: number;
  line: number;
  column: number;
  isStmt: boolean;
  basicBlock: boolean;
  endSequence: boolean;
  prologueEnd: boolean;
  epilogueBegin: boolean;
  isa: number;
  discriminator: number;
}

export interface LineFile {
  name: string;
  dirIndex: number;
}

export interface LineUnit {
  /** Offset of the unit in .debug_line (what a CU's DW_AT_stmt_list names). */
  offset: number;
  version: number;
  addressSize: number;
  /** Directory table as written (v5: entry 0 is the compilation directory; v2-4: entry 0 is implied, ''). */
  dirs: string[];
  /** File table indexed by the program's file numbers (v2-4: entry 0 is a placeholder, files start at 1). */
  files: (LineFile | null)[];
  rows: LineRow[];
}

/**
 * Reads every line-number program of .debug_line, in section order. With `problems`, a malformed program
 * is reported there and skipped (its length still leads to the next one); without, it throws.
 */
export function readLineUnits(s: DwarfSections, problems?: string[]): LineUnit[] {
  const bytes = s.line;
  if (bytes === undefined) return [];
  const units: LineUnit[] = [];
  const r = new ByteReader('.debug_line', bytes);
  while (!r.atEnd) {
    const offset = r.pos;
    const { length, offsetSize } = r.initialLength();
    const unit = r.sub(r.pos, length);
    r.pos = unit.end;
    try {
      units.push(readLineUnit(unit, offset, offsetSize, s));
    } catch (e) {
      if (problems === undefined || !(e instanceof EngineError)) throw e;
      problems.push(e.message);
    }
  }
  return units;
}

function readLineUnit(r: ByteReader, offset: number, offsetSize: 4 | 8, s: DwarfSections): LineUnit {
  const versionAt = r.pos;
  const version = r.u16();
  if (version < 2 || version > 5) throw r.fail(`unsupported line table version ${version}`, versionAt);
  let addressSize = 4;
  if (version >= 5) {
    addressSize = r.u8();
    const segSize = r.u8();
    if (addressSize !== 4 && addressSize !== 8) throw r.fail(`unsupported address size ${addressSize}`);
    if (segSize !== 0) throw r.fail(`segment selectors are not supported (size ${segSize})`);
  }
  const headerLength = r.uint(offsetSize);
  const programStart = r.pos + headerLength;
  if (programStart > r.end) throw r.fail(`header_length ${headerLength} runs past the end of the unit`);
  const minInst = r.u8();
  const maxOps = version >= 4 ? r.u8() : 1;
  if (maxOps === 0) throw r.fail('maximum_operations_per_instruction is 0');
  const defaultIsStmt = r.u8() !== 0;
  const lineBase = (r.u8() << 24) >> 24;
  const lineRange = r.u8();
  if (lineRange === 0) throw r.fail('line_range is 0');
  const opcodeBase = r.u8();
  if (opcodeBase === 0) throw r.fail('opcode_base is 0');
  const opLengths = [0];
  for (let i = 1; i < opcodeBase; i++) opLengths.push(r.u8());
  const dirs: string[] = [];
  const files: (LineFile | null)[] = [];
  const ctx = { addressSize, offsetSize, version };
  if (version >= 5) {
    for (const e of readEntryTable(r, s, ctx, 'directory')) dirs.push(e.name);
    for (const e of readEntryTable(r, s, ctx, 'file')) files.push(e);
  } else {
    dirs.push('');
    for (let d = r.cstring(); d !== ''; d = r.cstring()) dirs.push(d);
    files.push(null);
    for (let name = r.cstring(); name !== ''; name = r.cstring()) {
      const dirIndex = r.uleb();
      r.uleb(); // modification time
      r.uleb(); // length
      files.push({ name, dirIndex });
    }
  }
  if (r.pos > programStart)
    throw r.fail(`the header's tables run past header_length (program at 0x${programStart.toString(16)})`);
  r.pos = programStart;
  const rows = runProgram(
    r,
    { version, addressSize, minInst, maxOps, defaultIsStmt, lineBase, lineRange, opcodeBase, opLengths },
    files,
  );
  return { offset, version, addressSize, dirs, files, rows };
}

function readEntryTable(
  r: ByteReader,
  s: DwarfSections,
  ctx: { addressSize: number; offsetSize: 4 | 8; version: number },
  what: string,
): LineFile[] {
  const formatCount = r.u8();
  const format: [number, number][] = [];
  for (let i = 0; i < formatCount; i++) format.push([r.uleb(), r.uleb()]);
  const count = r.uleb();
  const out: LineFile[] = [];
  for (let i = 0; i < count; i++) {
    const at = r.pos;
    let name: string | null = null;
    let dirIndex = 0;
    for (const [content, form] of format) {
      const v = readForm(r, form, ctx);
      if (content === C.DW_LNCT_path) {
        if (v.text !== undefined) name = v.text;
        else if (form === DW_FORM.line_strp) name = stringAt('.debug_line_str', s.lineStr, v.value);
        else if (form === DW_FORM.strp) name = stringAt('.debug_str', s.str, v.value);
        else name = `(${what} name in form 0x${form.toString(16)})`;
      } else if (content === C.DW_LNCT_directory_index) dirIndex = v.value;
    }
    if (name === null) throw r.fail(`${what} entry ${i} has no DW_LNCT_path`, at);
    out.push({ name, dirIndex });
  }
  return out;
}

interface Params {
  version: number;
  addressSize: number;
  minInst: number;
  maxOps: number;
  defaultIsStmt: boolean;
  lineBase: number;
  lineRange: number;
  opcodeBase: number;
  opLengths: number[];
}

function runProgram(r: ByteReader, p: Params, files: (LineFile | null)[]): LineRow[] {
  const rows: LineRow[] = [];
  const wrap = p.addressSize === 4 ? 2 ** 32 : 2 ** 64;
  const fresh = (): LineRow => ({
    address: 0,
    opIndex: 0,
    file: 1,
    line: 1,
    column: 0,
    isStmt: p.defaultIsStmt,
    basicBlock: false,
    endSequence: false,
    prologueEnd: false,
    epilogueBegin: false,
    isa: 0,
    discriminator: 0,
  });
  let st = fresh();
  const emit = () => {
    rows.push({ ...st });
    st.discriminator = 0;
    st.basicBlock = false;
    st.prologueEnd = false;
    st.epilogueBegin = false;
  };
  const advance = (operations: number) => {
    const ops = st.opIndex + operations;
    st.address = (st.address + p.minInst * Math.floor(ops / p.maxOps)) % wrap;
    st.opIndex = ops % p.maxOps;
  };
  while (!r.atEnd) {
    const opAt = r.pos;
    const op = r.u8();
    if (op >= p.opcodeBase) {
      const adjusted = op - p.opcodeBase;
      advance(Math.floor(adjusted / p.lineRange));
      st.line = (st.line + p.lineBase + (adjusted % p.lineRange)) >>> 0;
      emit();
    } else if (op === 0) {
      const len = r.uleb();
      if (len === 0) throw r.fail('extended opcode of length 0', opAt);
      const end = r.pos + len;
      if (end > r.end) throw r.fail(`extended opcode of length ${len} runs past the end of the unit`, opAt);
      const sub = r.u8();
      if (sub === C.DW_LNE_end_sequence) {
        st.endSequence = true;
        emit();
        st = fresh();
      } else if (sub === C.DW_LNE_set_address) {
        st.address = r.uint(len - 1);
        st.opIndex = 0;
      } else if (sub === C.DW_LNE_define_file && p.version <= 4) {
        const name = r.cstring();
        const dirIndex = r.uleb();
        files.push({ name, dirIndex });
      } else if (sub === C.DW_LNE_set_discriminator) {
        st.discriminator = r.uleb();
      }
      r.pos = end; // unknown (vendor) extended opcodes are skipped by their length
    } else if (op === C.DW_LNS_copy) emit();
    else if (op === C.DW_LNS_advance_pc) advance(r.uleb());
    else if (op === C.DW_LNS_advance_line) st.line = (st.line + r.sleb()) >>> 0;
    else if (op === C.DW_LNS_set_file) st.file = r.uleb();
    else if (op === C.DW_LNS_set_column) st.column = r.uleb();
    else if (op === C.DW_LNS_negate_stmt) st.isStmt = !st.isStmt;
    else if (op === C.DW_LNS_set_basic_block) st.basicBlock = true;
    else if (op === C.DW_LNS_const_add_pc) advance(Math.floor((255 - p.opcodeBase) / p.lineRange));
    else if (op === C.DW_LNS_fixed_advance_pc) {
      st.address = (st.address + r.u16()) % wrap;
      st.opIndex = 0;
    } else if (op === C.DW_LNS_set_prologue_end) st.prologueEnd = true;
    else if (op === C.DW_LNS_set_epilogue_begin) st.epilogueBegin = true;
    else if (op === C.DW_LNS_set_isa) st.isa = r.uleb();
    else for (let i = 0; i < p.opLengths[op]; i++) r.uleb(); // an opcode this reader does not know
  }
  return rows;
}

/** The path of file `index` of a unit: its directory joined to its name (absolute names stand alone). */
export function filePath(unit: LineUnit, index: number, compDir = ''): string | null {
  const f = unit.files[index];
  if (f === undefined || f === null) return null;
  if (f.name.startsWith('/')) return f.name;
  const dir = unit.version < 5 && f.dirIndex === 0 ? compDir : (unit.dirs[f.dirIndex] ?? '');
  return joinPath(dir, f.name);
}

export function joinPath(dir: string, name: string): string {
  if (dir === '' || dir === '.' || name.startsWith('/')) return name;
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

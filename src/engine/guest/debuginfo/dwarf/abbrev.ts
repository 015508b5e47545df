// Abbreviation tables (.debug_abbrev, DWARF 5 section 7.5.3): per code, a DIE's tag, whether it has
// children, and its attribute specifications (attribute, form, and DW_FORM_implicit_const's value).
// Invariant: a table ends at its 0 code; a malformed table throws EngineError('dwarf'). Tables are cached
// by offset (units usually share one).

import { ByteReader } from './byteReader';
import { DW_FORM } from './constants';

export interface AttrSpec {
  attr: number;
  form: number;
  implicitConst: number;
}

export interface Abbrev {
  tag: number;
  hasChildren: boolean;
  attrs: AttrSpec[];
}

export type AbbrevTable = Map<number, Abbrev>;

export function readAbbrevTable(bytes: Uint8Array | undefined, offset: number): AbbrevTable {
  const r = new ByteReader('.debug_abbrev', bytes ?? new Uint8Array(0));
  if (bytes === undefined) throw r.fail('the ELF has a .debug_info but no .debug_abbrev section', offset);
  if (offset >= bytes.length)
    throw r.fail(`abbreviation table offset is past the end of the ${bytes.length}-byte section`, offset);
  r.pos = offset;
  const table: AbbrevTable = new Map();
  for (;;) {
    const at = r.pos;
    const code = r.uleb();
    if (code === 0) break;
    const tag = r.uleb();
    const hasChildren = r.u8() !== 0;
    const attrs: AttrSpec[] = [];
    for (;;) {
      const attr = r.uleb();
      const form = r.uleb();
      if (attr === 0 && form === 0) break;
      attrs.push({ attr, form, implicitConst: form === DW_FORM.implicit_const ? r.sleb() : 0 });
    }
    if (table.has(code)) throw r.fail(`abbreviation code ${code} is defined twice`, at);
    table.set(code, { tag, hasChildren, attrs });
  }
  return table;
}

// Call frame information from .debug_frame (DWARF 5 section 6.4; CIE versions 1, 3 and 4): per function
// (FDE) the rules that say, at any pc inside it, where the caller's frame is (the CFA: a register plus an
// offset) and where the caller's registers were saved (at CFA + N). Used to walk the return-address chain.
// Supported rules are the ones compilers emit for RV32 (def_cfa*, offset*, restore*, same_value, undefined,
// register, remember/restore_state, advance_loc*); an expression rule (DW_CFA_*expression) ends the
// interpretation at that point (the rows before it stay usable).
// Invariants: malformed entries throw EngineError('dwarf') (the reader is used behind a try); the row at
// pc costs the FDE's instruction bytes; nothing here reads guest memory.

import { ByteReader } from './byteReader';

export type RegisterRule =
  | { kind: 'offset'; offset: number }
  | { kind: 'register'; register: number }
  | { kind: 'same' }
  | { kind: 'undefined' };

export interface FrameRow {
  cfaRegister: number;
  cfaOffset: number;
  /** Rules by register number (absent: same value, as RISC-V's callee-saved convention implies). */
  rules: Map<number, RegisterRule>;
}

interface Cie {
  codeAlign: number;
  dataAlign: number;
  returnRegister: number;
  addressSize: number;
  initial: ByteReader;
}

export interface Fde {
  start: number;
  end: number;
  cie: Cie;
  instructions: ByteReader;
}

export class CallFrameInfo {
  /** Sorted by start address. */
  readonly fdes: Fde[] = [];

  constructor(bytes: Uint8Array | undefined) {
    if (bytes === undefined) return;
    const r = new ByteReader('.debug_frame', bytes);
    const cies = new Map<number, Cie>();
    const entries: { at: number; body: ByteReader; offsetSize: 4 | 8 }[] = [];
    while (!r.atEnd) {
      const at = r.pos;
      const { length, offsetSize } = r.initialLength();
      if (length === 0) continue;
      const body = r.sub(r.pos, length);
      r.pos = body.end;
      entries.push({ at, body, offsetSize });
    }
    for (const e of entries) {
      const idAt = e.body.pos;
      const lo = e.body.u32();
      const hi = e.offsetSize === 8 ? e.body.u32() : 0xffffffff;
      if (lo === 0xffffffff && hi === 0xffffffff) cies.set(e.at, readCie(e.body));
      else e.body.pos = idAt;
    }
    for (const e of entries) {
      if (cies.has(e.at)) continue;
      const cieOffset = e.body.uint(e.offsetSize);
      const cie = cies.get(cieOffset);
      if (cie === undefined)
        throw e.body.fail(`FDE at 0x${e.at.toString(16)} names no CIE (0x${cieOffset.toString(16)})`);
      const start = e.body.uint(cie.addressSize);
      const range = e.body.uint(cie.addressSize);
      this.fdes.push({
        start,
        end: start + range,
        cie,
        instructions: e.body.sub(e.body.pos, e.body.end - e.body.pos),
      });
    }
    this.fdes.sort((a, b) => a.start - b.start);
  }

  fdeAt(pc: number): Fde | null {
    let lo = 0;
    let hi = this.fdes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.fdes[mid].start <= pc) lo = mid + 1;
      else hi = mid;
    }
    const f = this.fdes[lo - 1];
    return f !== undefined && pc < f.end ? f : null;
  }

  /** The rules in effect at pc, or null when no FDE covers it. */
  rowAt(pc: number): FrameRow | null {
    const fde = this.fdeAt(pc);
    if (fde === null) return null;
    const row: FrameRow = { cfaRegister: 2, cfaOffset: 0, rules: new Map() };
    execute(fde.cie.initial, fde.cie, row, fde.start, Infinity, null);
    const initial: FrameRow = { ...row, rules: new Map(row.rules) };
    execute(fde.instructions, fde.cie, row, fde.start, pc, initial);
    return row;
  }
}

function readCie(r: ByteReader): Cie {
  const version = r.u8();
  if (version !== 1 && version !== 3 && version !== 4) throw r.fail(`unsupported CIE version ${version}`);
  const augmentation = r.cstring();
  if (augmentation !== '') throw r.fail(`unsupported CIE augmentation "${augmentation}"`);
  let addressSize = 4;
  if (version === 4) {
    addressSize = r.u8();
    r.u8(); // segment selector size
  }
  const codeAlign = r.uleb();
  const dataAlign = r.sleb();
  const returnRegister = version === 1 ? r.u8() : r.uleb();
  return { codeAlign, dataAlign, returnRegister, addressSize, initial: r.sub(r.pos, r.end - r.pos) };
}

/** Runs CFA instructions from `code` while the location stays <= pc (rows for later locations are not needed). */
function execute(
  code: ByteReader,
  cie: Cie,
  row: FrameRow,
  start: number,
  pc: number,
  initial: FrameRow | null,
): void {
  const r = new ByteReader(code.section, code.bytes, code.pos, code.end);
  const stack: FrameRow[] = [];
  let loc = start;
  const advance = (delta: number): boolean => {
    loc += delta * cie.codeAlign;
    return loc <= pc;
  };
  const restore = (reg: number) => {
    const rule = initial?.rules.get(reg);
    if (rule === undefined) row.rules.delete(reg);
    else row.rules.set(reg, rule);
  };
  while (!r.atEnd) {
    const op = r.u8();
    const high = op >> 6;
    const low = op & 0x3f;
    if (high === 1) {
      if (!advance(low)) return;
      continue;
    }
    if (high === 2) {
      row.rules.set(low, { kind: 'offset', offset: r.uleb() * cie.dataAlign });
      continue;
    }
    if (high === 3) {
      restore(low);
      continue;
    }
    switch (op) {
      case 0x00: // nop
        break;
      case 0x01: // set_loc
        loc = r.uint(cie.addressSize);
        if (loc > pc) return;
        break;
      case 0x02:
        if (!advance(r.u8())) return;
        break;
      case 0x03:
        if (!advance(r.u16())) return;
        break;
      case 0x04:
        if (!advance(r.u32())) return;
        break;
      case 0x05: // offset_extended
        row.rules.set(r.uleb(), { kind: 'offset', offset: r.uleb() * cie.dataAlign });
        break;
      case 0x06: // restore_extended
        restore(r.uleb());
        break;
      case 0x07: // undefined
        row.rules.set(r.uleb(), { kind: 'undefined' });
        break;
      case 0x08: // same_value
        row.rules.set(r.uleb(), { kind: 'same' });
        break;
      case 0x09: {
        const reg = r.uleb();
        row.rules.set(reg, { kind: 'register', register: r.uleb() });
        break;
      }
      case 0x0a: // remember_state
        if (stack.length > 64) throw r.fail('remember_state nested too deeply');
        stack.push({ ...row, rules: new Map(row.rules) });
        break;
      case 0x0b: {
        const saved = stack.pop();
        if (saved === undefined) throw r.fail('restore_state without remember_state');
        row.cfaRegister = saved.cfaRegister;
        row.cfaOffset = saved.cfaOffset;
        row.rules = saved.rules;
        break;
      }
      case 0x0c: // def_cfa
        row.cfaRegister = r.uleb();
        row.cfaOffset = r.uleb();
        break;
      case 0x0d:
        row.cfaRegister = r.uleb();
        break;
      case 0x0e:
        row.cfaOffset = r.uleb();
        break;
      case 0x11: // offset_extended_sf
        row.rules.set(r.uleb(), { kind: 'offset', offset: r.sleb() * cie.dataAlign });
        break;
      case 0x12: // def_cfa_sf
        row.cfaRegister = r.uleb();
        row.cfaOffset = r.sleb() * cie.dataAlign;
        break;
      case 0x13: // def_cfa_offset_sf
        row.cfaOffset = r.sleb() * cie.dataAlign;
        break;
      default:
        return; // expressions and vendor opcodes: stop here, keep the rules so far
    }
  }
}

// Address ranges of a DIE (DWARF 5 section 2.17): DW_AT_low_pc with DW_AT_high_pc (an address, or an
// offset from low_pc when it is a constant), or DW_AT_ranges into .debug_ranges (DWARF 2-4: address pairs,
// base-address selection entries, 0/0 ends) or .debug_rnglists (DWARF 5: DW_RLE_* entries, indices into
// .debug_addr, DW_FORM_rnglistx through the unit's DW_AT_rnglists_base).
// Invariants: ranges are half-open [lo, hi) with lo < hi (empty ones dropped); malformed lists throw
// EngineError('dwarf'); work is bounded by the section's bytes.

import { ByteReader } from './byteReader';
import * as C from './constants';
import type { DwarfSections } from './sections';

export type Range = [lo: number, hi: number];

export interface RangeContext {
  version: number;
  addressSize: number;
  offsetSize: 4 | 8;
  /** The unit's base address (its DW_AT_low_pc, 0 when absent). */
  base: number;
  addrBase: number;
  rnglistsBase: number;
}

/** Entry `index` of .debug_addr for a unit with DW_AT_addr_base `addrBase`. */
export function addrAt(
  s: DwarfSections,
  ctx: { addressSize: number; addrBase: number },
  index: number,
): number {
  const r = new ByteReader('.debug_addr', s.addr ?? new Uint8Array(0));
  if (s.addr === undefined) throw r.fail(`address index ${index} but the ELF has no .debug_addr section`, 0);
  r.pos = ctx.addrBase + index * ctx.addressSize;
  if (r.pos + ctx.addressSize > r.end)
    throw r.fail(`address index ${index} (base 0x${ctx.addrBase.toString(16)}) is past the end`, r.pos);
  return r.uint(ctx.addressSize);
}

/** The offset a DW_FORM_rnglistx index stands for (relative to .debug_rnglists). */
export function rnglistxOffset(s: DwarfSections, ctx: RangeContext, index: number): number {
  const r = new ByteReader('.debug_rnglists', s.rnglists ?? new Uint8Array(0));
  if (s.rnglists === undefined)
    throw r.fail(`range list index ${index} but the ELF has no .debug_rnglists section`, 0);
  r.pos = ctx.rnglistsBase + index * ctx.offsetSize;
  if (r.pos + ctx.offsetSize > r.end)
    throw r.fail(`range list index ${index} is past the end of the offsets table`, r.pos);
  return ctx.rnglistsBase + r.uint(ctx.offsetSize);
}

const MAX = (size: number) => (size === 4 ? 0xffffffff : Number.MAX_SAFE_INTEGER);

/** The ranges of a DW_AT_ranges list at `offset` (already resolved from rnglistx for DWARF 5). */
export function readRangeList(s: DwarfSections, ctx: RangeContext, offset: number): Range[] {
  const out: Range[] = [];
  const push = (lo: number, hi: number) => {
    if (hi > lo) out.push([lo, hi]);
  };
  if (ctx.version < 5) {
    const r = new ByteReader('.debug_ranges', s.ranges ?? new Uint8Array(0));
    if (s.ranges === undefined) throw r.fail('DW_AT_ranges but the ELF has no .debug_ranges section', offset);
    r.pos = offset;
    let base = ctx.base;
    for (;;) {
      const a = r.uint(ctx.addressSize);
      const b = r.uint(ctx.addressSize);
      if (a === 0 && b === 0) break;
      if (a === MAX(ctx.addressSize)) base = b;
      else push(base + a, base + b);
    }
    return out;
  }
  const r = new ByteReader('.debug_rnglists', s.rnglists ?? new Uint8Array(0));
  if (s.rnglists === undefined)
    throw r.fail('DW_AT_ranges but the ELF has no .debug_rnglists section', offset);
  r.pos = offset;
  let base = ctx.base;
  const addr = (i: number) => addrAt(s, ctx, i);
  for (;;) {
    const at = r.pos;
    const kind = r.u8();
    if (kind === C.DW_RLE_end_of_list) break;
    if (kind === C.DW_RLE_base_addressx) base = addr(r.uleb());
    else if (kind === C.DW_RLE_startx_endx) push(addr(r.uleb()), addr(r.uleb()));
    else if (kind === C.DW_RLE_startx_length) {
      const lo = addr(r.uleb());
      push(lo, lo + r.uleb());
    } else if (kind === C.DW_RLE_offset_pair) {
      const a = r.uleb();
      push(base + a, base + r.uleb());
    } else if (kind === C.DW_RLE_base_address) base = r.uint(ctx.addressSize);
    else if (kind === C.DW_RLE_start_end) {
      const lo = r.uint(ctx.addressSize);
      push(lo, r.uint(ctx.addressSize));
    } else if (kind === C.DW_RLE_start_length) {
      const lo = r.uint(ctx.addressSize);
      push(lo, lo + r.uleb());
    } else throw r.fail(`unknown range list entry kind ${kind}`, at);
  }
  return out;
}

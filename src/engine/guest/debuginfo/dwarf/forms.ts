// Reading one attribute value by its form (DWARF 5 section 7.5.6, with DWARF 4 and the GNU extensions
// GCC and clang emit), for .debug_info DIEs and the DWARF 5 line-table entry formats.
// A value is the form plus one number (a constant, an address, an offset or an index, to be interpreted by
// the caller by form class) or, for DW_FORM_string, the inline text; blocks and 16-byte data are skipped.
// Invariant: an unknown form throws EngineError('dwarf') (the rest of the unit cannot be decoded without it).

import type { ByteReader } from './byteReader';
import { DW_FORM as F } from './constants';

export interface FormContext {
  addressSize: number;
  offsetSize: 4 | 8;
  version: number;
}

export interface FormValue {
  form: number;
  value: number;
  text?: string;
}

export function readForm(
  r: ByteReader,
  form: number,
  ctx: FormContext,
  implicitConst = 0,
  depth = 0,
): FormValue {
  const v = (value: number): FormValue => ({ form, value });
  switch (form) {
    case F.addr:
      return v(r.uint(ctx.addressSize));
    case F.data1:
    case F.ref1:
    case F.flag:
    case F.strx1:
    case F.addrx1:
      return v(r.u8());
    case F.data2:
    case F.ref2:
    case F.strx2:
    case F.addrx2:
      return v(r.u16());
    case F.strx3:
    case F.addrx3:
      return v(r.u24());
    case F.data4:
    case F.ref4:
    case F.ref_sup4:
    case F.strx4:
    case F.addrx4:
      return v(r.u32());
    case F.data8:
    case F.ref8:
    case F.ref_sig8:
    case F.ref_sup8: {
      const lo = r.u32();
      const hi = r.u32();
      return v(hi * 2 ** 32 + lo); // may lose precision for signatures: only used as an opaque value
    }
    case F.data16:
      r.skip(16);
      return v(0);
    case F.sdata:
      return v(r.sleb());
    case F.udata:
    case F.ref_udata:
    case F.strx:
    case F.addrx:
    case F.loclistx:
    case F.rnglistx:
    case F.GNU_addr_index:
    case F.GNU_str_index:
      return v(r.uleb());
    case F.string:
      return { form, value: 0, text: r.cstring() };
    case F.strp:
    case F.line_strp:
    case F.strp_sup:
    case F.sec_offset:
    case F.GNU_ref_alt:
    case F.GNU_strp_alt:
      return v(r.uint(ctx.offsetSize));
    case F.ref_addr:
      // DWARF 2 made ref_addr address-sized; DWARF 3 and later use the offset size.
      return v(r.uint(ctx.version <= 2 ? ctx.addressSize : ctx.offsetSize));
    case F.block1: {
      const n = r.u8();
      r.skip(n);
      return v(n);
    }
    case F.block2: {
      const n = r.u16();
      r.skip(n);
      return v(n);
    }
    case F.block4: {
      const n = r.u32();
      r.skip(n);
      return v(n);
    }
    case F.block:
    case F.exprloc: {
      const n = r.uleb();
      r.skip(n);
      return v(n);
    }
    case F.flag_present:
      return v(1);
    case F.implicit_const:
      return v(implicitConst);
    case F.indirect: {
      if (depth > 4) throw r.fail('DW_FORM_indirect nested too deeply');
      const actual = r.uleb();
      return readForm(r, actual, ctx, implicitConst, depth + 1);
    }
    default:
      throw r.fail(`unknown attribute form 0x${form.toString(16)}`);
  }
}

/** Forms whose value is a constant (a DW_AT_high_pc of this class is an offset from low_pc). */
export function isConstantForm(form: number): boolean {
  return (
    form === F.data1 ||
    form === F.data2 ||
    form === F.data4 ||
    form === F.data8 ||
    form === F.sdata ||
    form === F.udata ||
    form === F.implicit_const
  );
}

/** Unit-relative reference forms (the others, ref_addr, are section offsets). */
export function isUnitRefForm(form: number): boolean {
  return form === F.ref1 || form === F.ref2 || form === F.ref4 || form === F.ref8 || form === F.ref_udata;
}

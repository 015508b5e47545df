// The DWARF constants memscope reads (DWARF 5 standard, section 7; DWARF 4 where it differs). Only the
// names used by this folder; values as the standard lists them.

// Tags (7.5.3)
export const DW_TAG_inlined_subroutine = 0x1d;
export const DW_TAG_compile_unit = 0x11;
export const DW_TAG_subprogram = 0x2e;
export const DW_TAG_partial_unit = 0x3c;
export const DW_TAG_skeleton_unit = 0x4a;

// Attributes (7.5.4)
export const DW_AT_name = 0x03;
export const DW_AT_stmt_list = 0x10;
export const DW_AT_low_pc = 0x11;
export const DW_AT_high_pc = 0x12;
export const DW_AT_comp_dir = 0x1b;
export const DW_AT_abstract_origin = 0x31;
export const DW_AT_specification = 0x47;
export const DW_AT_ranges = 0x55;
export const DW_AT_call_column = 0x57;
export const DW_AT_call_file = 0x58;
export const DW_AT_call_line = 0x59;
export const DW_AT_linkage_name = 0x6e;
export const DW_AT_str_offsets_base = 0x72;
export const DW_AT_addr_base = 0x73;
export const DW_AT_rnglists_base = 0x74;
export const DW_AT_MIPS_linkage_name = 0x2007;

// Forms (7.5.6)
export const DW_FORM = {
  addr: 0x01,
  block2: 0x03,
  block4: 0x04,
  data2: 0x05,
  data4: 0x06,
  data8: 0x07,
  string: 0x08,
  block: 0x09,
  block1: 0x0a,
  data1: 0x0b,
  flag: 0x0c,
  sdata: 0x0d,
  strp: 0x0e,
  udata: 0x0f,
  ref_addr: 0x10,
  ref1: 0x11,
  ref2: 0x12,
  ref4: 0x13,
  ref8: 0x14,
  ref_udata: 0x15,
  indirect: 0x16,
  sec_offset: 0x17,
  exprloc: 0x18,
  flag_present: 0x19,
  strx: 0x1a,
  addrx: 0x1b,
  ref_sup4: 0x1c,
  strp_sup: 0x1d,
  data16: 0x1e,
  line_strp: 0x1f,
  ref_sig8: 0x20,
  implicit_const: 0x21,
  loclistx: 0x22,
  rnglistx: 0x23,
  ref_sup8: 0x24,
  strx1: 0x25,
  strx2: 0x26,
  strx3: 0x27,
  strx4: 0x28,
  addrx1: 0x29,
  addrx2: 0x2a,
  addrx3: 0x2b,
  addrx4: 0x2c,
  GNU_addr_index: 0x1f01,
  GNU_str_index: 0x1f02,
  GNU_ref_alt: 0x1f20,
  GNU_strp_alt: 0x1f21,
} as const;

// Unit types (7.5.1)
export const DW_UT_compile = 0x01;
export const DW_UT_partial = 0x03;

// Line number program (7.22)
export const DW_LNS_copy = 1;
export const DW_LNS_advance_pc = 2;
export const DW_LNS_advance_line = 3;
export const DW_LNS_set_file = 4;
export const DW_LNS_set_column = 5;
export const DW_LNS_negate_stmt = 6;
export const DW_LNS_set_basic_block = 7;
export const DW_LNS_const_add_pc = 8;
export const DW_LNS_fixed_advance_pc = 9;
export const DW_LNS_set_prologue_end = 10;
export const DW_LNS_set_epilogue_begin = 11;
export const DW_LNS_set_isa = 12;
export const DW_LNE_end_sequence = 1;
export const DW_LNE_set_address = 2;
export const DW_LNE_define_file = 3;
export const DW_LNE_set_discriminator = 4;
export const DW_LNCT_path = 1;
export const DW_LNCT_directory_index = 2;

// Range list entries (7.25)
export const DW_RLE_end_of_list = 0;
export const DW_RLE_base_addressx = 1;
export const DW_RLE_startx_endx = 2;
export const DW_RLE_startx_length = 3;
export const DW_RLE_offset_pair = 4;
export const DW_RLE_base_address = 5;
export const DW_RLE_start_end = 6;
export const DW_RLE_start_length = 7;

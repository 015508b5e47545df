// The RV32 ABI names of the 32 integer registers (x0 = zero … x31 = t6), as GNU objdump prints them. One
// home for the disassembler, the algebra decoder, the heap adapters' operand views and the UI: kept here,
// below all of them, so that none of them imports another only for these names.

// prettier-ignore
export const REG_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7',
  's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

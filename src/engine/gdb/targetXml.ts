// The target description gdb reads with qXfer:features:read:target.xml (gdb/doc "Target Descriptions",
// "RISC-V Features"): architecture riscv:rv32 and the org.gnu.gdb.riscv.cpu feature — x0..x31 under their
// ABI names, then pc — so gdb-multiarch treats the target as 32-bit RISC-V with no FPU (RV32IM) and lays
// out the `g` packet as 33 little-endian 32-bit registers.

const ABI_NAMES = [
  'zero',
  'ra',
  'sp',
  'gp',
  'tp',
  't0',
  't1',
  't2',
  'fp',
  's1',
  'a0',
  'a1',
  'a2',
  'a3',
  'a4',
  'a5',
  'a6',
  'a7',
  's2',
  's3',
  's4',
  's5',
  's6',
  's7',
  's8',
  's9',
  's10',
  's11',
  't3',
  't4',
  't5',
  't6',
];

/** Register numbers of the description: x0..x31 are 0..31, pc is 32. */
export const PC_REGNUM = 32;
export const REGISTER_COUNT = 33;

function typeOf(name: string): string {
  if (name === 'ra') return 'code_ptr';
  if (name === 'sp' || name === 'gp' || name === 'tp' || name === 'fp') return 'data_ptr';
  return 'int';
}

export const TARGET_XML = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE target SYSTEM "gdb-target.dtd">',
  '<target version="1.0">',
  '  <architecture>riscv:rv32</architecture>',
  '  <feature name="org.gnu.gdb.riscv.cpu">',
  ...ABI_NAMES.map((n, i) => `    <reg name="${n}" bitsize="32" type="${typeOf(n)}" regnum="${i}"/>`),
  `    <reg name="pc" bitsize="32" type="code_ptr" regnum="${PC_REGNUM}"/>`,
  '  </feature>',
  '</target>',
  '',
].join('\n');

/** A qXfer read of [offset, offset + length) of a document: `m` + data when more follows, `l` + data at the end. */
export function xferChunk(doc: string, offset: number, length: number): string {
  const part = doc.slice(offset, offset + length);
  return (offset + length >= doc.length ? 'l' : 'm') + part;
}

// ELF32 section headers, as the `elf` crate's minimal_parse reads them for OpenVM's transpiler
// (crates/toolchain/transpiler/src/elf.rs): a section table that lies past the end of the file is a parse
// error; everything else about sections (names, types) is only used for display and symbols, so it is
// read leniently: a bad name offset gives an empty name, never an exception.

import { EngineError } from '../../errors';

export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHF_EXECINSTR = 4;
const ELF32_SHDR_SIZE = 40;

export interface ElfSection {
  index: number;
  name: string;
  type: number;
  flags: number;
  addr: number;
  offset: number;
  size: number;
  link: number;
  entsize: number;
}

const hex = (n: number) => `0x${n.toString(16)}`;

/** Reads the section header table at e_shoff (0 = none). Throws EngineError('elf') if it is out of bounds. */
export function parseSections(bytes: Uint8Array, shoff: number): ElfSection[] {
  if (shoff === 0) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shentsize = view.getUint16(46, true);
  let shnum = view.getUint16(48, true);
  const shstrndx = view.getUint16(50, true);
  if (shoff + ELF32_SHDR_SIZE > bytes.length) {
    throw new EngineError(
      'elf',
      `Elf parse error: section header table at file offset ${hex(shoff)} lies past the end of the ${bytes.length}-byte file`,
      { offset: shoff },
    );
  }
  if (shentsize !== ELF32_SHDR_SIZE) {
    throw new EngineError(
      'elf',
      `Elf parse error: e_shentsize is ${shentsize}, expected ${ELF32_SHDR_SIZE} for ELF32`,
      { offset: 46 },
    );
  }
  // e_shnum = 0 with a table present: the real count is in section 0's sh_size (extended numbering).
  if (shnum === 0) shnum = view.getUint32(shoff + 20, true);
  const end = shoff + shnum * ELF32_SHDR_SIZE;
  if (end > bytes.length) {
    throw new EngineError(
      'elf',
      `Elf parse error: section header table (${shnum} entries at file offset ${hex(shoff)}) ends at ${hex(end)}, past the end of the ${bytes.length}-byte file`,
      {
        offset: shoff,
      },
    );
  }
  const sections: ElfSection[] = [];
  for (let i = 0; i < shnum; i++) {
    const o = shoff + i * ELF32_SHDR_SIZE;
    sections.push({
      index: i,
      name: '',
      type: view.getUint32(o + 4, true),
      flags: view.getUint32(o + 8, true),
      addr: view.getUint32(o + 12, true),
      offset: view.getUint32(o + 16, true),
      size: view.getUint32(o + 20, true),
      link: view.getUint32(o + 24, true),
      entsize: view.getUint32(o + 36, true),
    });
  }
  const names = sections[shstrndx];
  if (names !== undefined && names.type === SHT_STRTAB) {
    for (let i = 0; i < shnum; i++) {
      const nameOffset = view.getUint32(shoff + i * ELF32_SHDR_SIZE, true);
      sections[i].name = readCString(bytes, names.offset, names.size, nameOffset);
    }
  }
  return sections;
}

/** A NUL-terminated string inside the table [tableOffset, tableOffset + tableSize) of the file, or ''. */
export function readCString(bytes: Uint8Array, tableOffset: number, tableSize: number, at: number): string {
  const tableEnd = Math.min(tableOffset + tableSize, bytes.length);
  let i = tableOffset + at;
  if (at >= tableSize || i >= tableEnd) return '';
  const start = i;
  while (i < tableEnd && bytes[i] !== 0) i++;
  let s = '';
  for (let k = start; k < i; k++) s += String.fromCharCode(bytes[k]);
  return s;
}

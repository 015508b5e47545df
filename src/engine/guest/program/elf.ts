// ELF32 loader mirroring OpenVM v1.7 `Elf::decode(input, MEM_SIZE)` (crates/toolchain/transpiler/src/elf.rs)
// and the `elf` crate's `ElfBytes::<LittleEndian>::minimal_parse` it relies on.
// Invariants: every rejection OpenVM makes is an EngineError('elf') naming what is wrong and where (file
// offset, segment index, address); PT_LOAD segments are processed in ascending vaddr (stable for equal
// vaddr); an executable segment contributes its file-backed words to the instruction list, in order, and
// the program's instruction k lives at pcBase + 4k; the memory image is a list of writes applied in order
// (later segments overwrite earlier ones), with bss kept as zero ranges so a huge memsz costs no memory.

import { EngineError } from '../../errors';
import { parseSections, type ElfSection } from './sections';

/** MEM_SIZE = GUEST_MAX_MEM = 2^29: addresses, sizes and the entry point must stay below it. */
export const MAX_MEM = 2 ** 29;
/** openvm_instructions::program::MAX_ALLOWED_PC = 2^PC_BITS - 1 (PC_BITS = 30). */
export const MAX_ALLOWED_PC = 2 ** 30 - 1;
const MAX_PROGRAM_HEADERS = 256;

export const PT_LOAD = 1;
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;
const EM_RISCV = 243;
const ET_EXEC = 2;
const ELF32_HEADER_SIZE = 52;
const ELF32_PHDR_SIZE = 32;

export interface ProgramHeader {
  index: number;
  type: number;
  offset: number;
  vaddr: number;
  filesz: number;
  memsz: number;
  flags: number;
}

/** One write of the initial AS2 image: words (file-backed) or zeros (bss), at a 4-aligned address. */
export type ImageWrite =
  | { kind: 'words'; address: number; words: Uint32Array }
  | { kind: 'zeros'; address: number; byteLength: number };

export interface LoadedElf {
  /** e_entry (OpenVM pc_start). */
  entry: number;
  /** Lowest executable vaddr (OpenVM pc_base); 0xFFFFFFFF when there is no executable segment. */
  pcBase: number;
  /** Words of the executable segments (file-backed part only), instruction k at pcBase + 4k. */
  instructions: Uint32Array;
  /** Writes of every PT_LOAD segment into AS2, in application order. */
  image: ImageWrite[];
  programHeaders: ProgramHeader[];
  sections: ElfSection[];
  flags: number;
}

function elfError(message: string, offset?: number): EngineError {
  return new EngineError('elf', message, offset === undefined ? {} : { offset });
}

const hex = (n: number) => `0x${n.toString(16).padStart(8, '0')}`;

/** Parses and validates an ELF the way OpenVM's transpiler does. Throws EngineError('elf'). */
export function loadElf(bytes: Uint8Array): LoadedElf {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 16)
    throw elfError(
      `Elf parse error: file is ${bytes.length} bytes, too short for the 16-byte ELF identification`,
      0,
    );
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) {
    throw elfError('Elf parse error: bad magic (the file does not start with 7f 45 4c 46 "\\x7fELF")', 0);
  }
  const elfClass = bytes[4];
  if (elfClass === 2) throw elfError('Not a 32-bit ELF (EI_CLASS = 2, ELF64)', 4);
  if (elfClass !== 1)
    throw elfError(`Elf parse error: invalid EI_CLASS ${elfClass} (expected 1 for ELF32)`, 4);
  if (bytes[5] === 2)
    throw elfError('Elf parse error: big-endian ELF (EI_DATA = 2); RISC-V guests are little-endian', 5);
  if (bytes[5] !== 1)
    throw elfError(`Elf parse error: invalid EI_DATA ${bytes[5]} (expected 1, little-endian)`, 5);
  if (bytes[6] !== 1) throw elfError(`Elf parse error: unsupported EI_VERSION ${bytes[6]} (expected 1)`, 6);
  if (bytes.length < ELF32_HEADER_SIZE) {
    throw elfError(
      `Elf parse error: file is ${bytes.length} bytes, too short for the 52-byte ELF32 header`,
      0,
    );
  }
  const u16 = (o: number) => view.getUint16(o, true);
  const u32 = (o: number) => view.getUint32(o, true);
  const type = u16(16);
  const machine = u16(18);
  const entry = u32(24);
  const phoff = u32(28);
  const shoff = u32(32);
  const flags = u32(36);
  const phentsize = u16(42);
  const phnum = u16(44);

  // The elf crate parses the segment and section tables before OpenVM looks at the header fields.
  if (phnum > 0) {
    if (phentsize !== ELF32_PHDR_SIZE)
      throw elfError(
        `Elf parse error: e_phentsize is ${phentsize}, expected ${ELF32_PHDR_SIZE} for ELF32`,
        42,
      );
    const end = phoff + phnum * ELF32_PHDR_SIZE;
    if (end > bytes.length) {
      throw elfError(
        `Elf parse error: program header table (${phnum} entries at file offset ${hex(phoff)}) ends at ${hex(end)}, past the end of the ${bytes.length}-byte file`,
        phoff,
      );
    }
  }
  const sections = parseSections(bytes, shoff);

  if (machine !== EM_RISCV)
    throw elfError(`Invalid machine type, must be RISC-V (e_machine = ${machine}, expected 243)`, 18);
  if (type !== ET_EXEC)
    throw elfError(`Invalid ELF type, must be executable (e_type = ${type}, expected 2 ET_EXEC)`, 16);
  if (entry >= MAX_MEM || entry % 4 !== 0) {
    throw elfError(`Invalid entrypoint ${hex(entry)}: must be 4-byte aligned and below ${hex(MAX_MEM)}`, 24);
  }
  if (phnum === 0) throw elfError('Missing segment table (e_phnum = 0)', 44);
  if (phnum > MAX_PROGRAM_HEADERS)
    throw elfError(`Too many program headers (${phnum} > ${MAX_PROGRAM_HEADERS})`, 44);

  const programHeaders: ProgramHeader[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = phoff + i * ELF32_PHDR_SIZE;
    programHeaders.push({
      index: i,
      type: u32(o),
      offset: u32(o + 4),
      vaddr: u32(o + 8),
      filesz: u32(o + 16),
      memsz: u32(o + 20),
      flags: u32(o + 24),
    });
  }
  // Array.prototype.sort is stable, like Rust's sort_by_key.
  const loads = programHeaders.filter((p) => p.type === PT_LOAD).sort((a, b) => a.vaddr - b.vaddr);

  const image: ImageWrite[] = [];
  const instructionParts: Uint32Array[] = [];
  let pcBase = 0xffffffff;
  let lastExecEnd: number | undefined;
  for (const seg of loads) {
    const where = `PT_LOAD segment ${seg.index} (vaddr ${hex(seg.vaddr)})`;
    const headerOffset = phoff + seg.index * ELF32_PHDR_SIZE;
    if (seg.filesz >= MAX_MEM)
      throw elfError(
        `invalid segment file_size: ${where} has p_filesz ${hex(seg.filesz)} >= ${hex(MAX_MEM)}`,
        headerOffset + 16,
      );
    if (seg.memsz >= MAX_MEM)
      throw elfError(
        `Invalid segment mem_size: ${where} has p_memsz ${hex(seg.memsz)} >= ${hex(MAX_MEM)}`,
        headerOffset + 20,
      );
    if (seg.vaddr % 4 !== 0)
      throw elfError(
        `vaddr ${seg.vaddr.toString(16).padStart(8, '0')} is unaligned (${where}; segments must be 4-byte aligned)`,
        headerOffset + 8,
      );
    const exec = (seg.flags & PF_X) !== 0;
    if (exec) {
      if (lastExecEnd !== undefined && seg.vaddr !== lastExecEnd) {
        throw elfError(
          `Non-contiguous executable segments are not supported: previous segment ended at ${hex(lastExecEnd)}, next segment starts at ${hex(seg.vaddr)}`,
          headerOffset + 8,
        );
      }
      if (pcBase > seg.vaddr) pcBase = seg.vaddr;
      const end = seg.vaddr + seg.memsz;
      if (end > 0xffffffff)
        throw elfError(
          `executable segment end address overflow (${where}, p_memsz ${hex(seg.memsz)})`,
          headerOffset + 20,
        );
      lastExecEnd = end;
    }
    loadSegment(bytes, seg, exec, where, image, instructionParts);
  }

  let total = 0;
  for (const part of instructionParts) total += part.length;
  const instructions = new Uint32Array(total);
  let at = 0;
  for (const part of instructionParts) {
    instructions.set(part, at);
    at += part.length;
  }
  return { entry, pcBase, instructions, image, programHeaders, sections, flags };
}

/** The per-word loop of Elf::decode for one PT_LOAD segment, with its address and offset checks. */
function loadSegment(
  bytes: Uint8Array,
  seg: ProgramHeader,
  exec: boolean,
  where: string,
  image: ImageWrite[],
  instructionParts: Uint32Array[],
): void {
  const totalWords = Math.ceil(seg.memsz / 4);
  if (totalWords === 0) return;
  const fileWords = Math.ceil(Math.min(seg.filesz, seg.memsz) / 4);
  // OpenVM checks word by word (address first, then the file bytes of that word): report the first failure.
  // (MAX_ALLOWED_PC > MAX_MEM, so an executable word below MAX_MEM never exceeds the pc limit.)
  const firstBadAddress = seg.vaddr >= MAX_MEM ? 0 : Math.ceil((MAX_MEM - seg.vaddr) / 4);
  let firstBadOffset = Infinity;
  if (fileWords > 0) {
    const fileBytes = Math.min(seg.filesz, fileWords * 4);
    if (seg.offset + fileBytes > bytes.length)
      firstBadOffset = Math.max(0, Math.floor((bytes.length - seg.offset) / 4));
  }
  if (firstBadAddress < totalWords && firstBadAddress <= firstBadOffset) {
    const addr = seg.vaddr + firstBadAddress * 4;
    throw elfError(
      `address [${hex(addr)}] exceeds maximum address for guest programs [${hex(MAX_MEM)}] (${where}, p_memsz ${hex(seg.memsz)})`,
    );
  }
  if (firstBadOffset < fileWords) {
    const missing = Math.max(seg.offset + firstBadOffset * 4, bytes.length);
    throw elfError(
      `Invalid segment offset: ${where} reads file bytes ${hex(seg.offset)}..${hex(seg.offset + Math.min(seg.filesz, fileWords * 4))} but the file has only ${bytes.length} bytes (first missing byte at ${hex(missing)})`,
      seg.offset,
    );
  }
  if (fileWords > 0) {
    const words = new Uint32Array(fileWords);
    for (let w = 0; w < fileWords; w++) {
      let word = 0;
      const base = seg.offset + w * 4;
      const len = Math.min(seg.filesz - w * 4, 4);
      for (let j = 0; j < len; j++) word |= bytes[base + j] << (j * 8);
      words[w] = word >>> 0;
    }
    image.push({ kind: 'words', address: seg.vaddr, words });
    if (exec) instructionParts.push(words);
  }
  if (totalWords > fileWords) {
    image.push({
      kind: 'zeros',
      address: seg.vaddr + fileWords * 4,
      byteLength: (totalWords - fileWords) * 4,
    });
  }
}

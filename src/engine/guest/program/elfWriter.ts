// ELF32 writer: little-endian RISC-V executables with the given PT_LOAD segments and an optional .symtab,
// laid out so that qemu-user can map them too (file offset = vaddr mod 4096). The assembler (../asm) emits
// its programs through it, so an assembled program loads exactly like a linked guest; tests build ELFs
// with it and override fields afterwards with `patch` to build malformed files.

export interface SegmentSpec {
  vaddr: number;
  data: Uint8Array;
  memsz?: number;
  /** PF_* (default R+X when exec, else R+W). */
  flags: number;
}

export interface SymbolSpec {
  name: string;
  value: number;
  size?: number;
  /** STT_* (default FUNC). */
  type?: number;
}

export function wordsToBytes(words: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(words.length * 4);
  const v = new DataView(out.buffer);
  for (let i = 0; i < words.length; i++) v.setUint32(4 * i, words[i] >>> 0, true);
  return out;
}

/**
 * `headerAt`: also map the ELF and program headers (file offset 0) with a read-only PT_LOAD at that address,
 * as lld and OpenVM's own guests do (R @0x10000); qemu-user needs the program headers mapped.
 */
export function buildElf(
  entry: number,
  segments: SegmentSpec[],
  symbols: SymbolSpec[] = [],
  headerAt?: number,
): Uint8Array {
  const phoff = 52;
  const phnum = segments.length + (headerAt === undefined ? 0 : 1);
  let offset = phoff + 32 * phnum;
  const headerBytes = offset;
  const placed = segments.map((seg) => {
    // congruent to vaddr modulo the page size, after everything before
    const page = 4096;
    let off = Math.ceil(offset / page) * page + (seg.vaddr % page);
    if (off - page >= offset) off -= page;
    offset = off + seg.data.length;
    return { seg, off };
  });
  // .symtab + .strtab + .shstrtab
  const strtab: number[] = [0];
  const nameOffsets = symbols.map((s) => {
    const at = strtab.length;
    for (const ch of s.name) strtab.push(ch.charCodeAt(0));
    strtab.push(0);
    return at;
  });
  const shstr = '\0.symtab\0.strtab\0.shstrtab\0';
  const symtabOff = Math.ceil(offset / 4) * 4;
  const symtabSize = 16 * (symbols.length + 1);
  const strtabOff = symtabOff + symtabSize;
  const shstrOff = strtabOff + strtab.length;
  const shoff = Math.ceil((shstrOff + shstr.length) / 4) * 4;
  const total = shoff + 40 * 4;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  out.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1], 0);
  v.setUint16(16, 2, true); // ET_EXEC
  v.setUint16(18, 243, true); // EM_RISCV
  v.setUint32(20, 1, true);
  v.setUint32(24, entry, true);
  v.setUint32(28, phoff, true);
  v.setUint32(32, shoff, true);
  v.setUint16(40, 52, true);
  v.setUint16(42, 32, true);
  v.setUint16(44, phnum, true);
  v.setUint16(46, 40, true);
  v.setUint16(48, 4, true);
  v.setUint16(50, 3, true);
  const first = headerAt === undefined ? 0 : 1; // the header segment comes first (PT_LOADs sorted by vaddr)
  if (headerAt !== undefined) {
    const p = phoff;
    v.setUint32(p, 1, true);
    v.setUint32(p + 8, headerAt, true);
    v.setUint32(p + 12, headerAt, true);
    v.setUint32(p + 16, headerBytes, true);
    v.setUint32(p + 20, headerBytes, true);
    v.setUint32(p + 24, 4, true);
    v.setUint32(p + 28, 4096, true);
  }
  placed.forEach(({ seg, off }, k) => {
    const p = phoff + 32 * (k + first);
    v.setUint32(p, 1, true);
    v.setUint32(p + 4, off, true);
    v.setUint32(p + 8, seg.vaddr, true);
    v.setUint32(p + 12, seg.vaddr, true);
    v.setUint32(p + 16, seg.data.length, true);
    v.setUint32(p + 20, seg.memsz ?? seg.data.length, true);
    v.setUint32(p + 24, seg.flags, true);
    v.setUint32(p + 28, 4096, true);
    out.set(seg.data, off);
  });
  symbols.forEach((s, k) => {
    const o = symtabOff + 16 * (k + 1);
    v.setUint32(o, nameOffsets[k], true);
    v.setUint32(o + 4, s.value, true);
    v.setUint32(o + 8, s.size ?? 0, true);
    out[o + 12] = (1 << 4) | (s.type ?? 2); // GLOBAL
    v.setUint16(o + 14, 1, true);
  });
  out.set(strtab, strtabOff);
  for (let k = 0; k < shstr.length; k++) out[shstrOff + k] = shstr.charCodeAt(k);
  const section = (
    idx: number,
    name: number,
    type: number,
    off: number,
    size: number,
    link: number,
    entsize: number,
  ) => {
    const o = shoff + 40 * idx;
    v.setUint32(o, name, true);
    v.setUint32(o + 4, type, true);
    v.setUint32(o + 16, off, true);
    v.setUint32(o + 20, size, true);
    v.setUint32(o + 24, link, true);
    v.setUint32(o + 36, entsize, true);
  };
  section(1, 1, 2, symtabOff, symtabSize, 2, 16);
  section(2, 9, 3, strtabOff, strtab.length, 0, 0);
  section(3, 17, 3, shstrOff, shstr.length, 0, 0);
  return out;
}

/** A copy of `bytes` with a little-endian field overwritten. */
export function patch(bytes: Uint8Array, offset: number, value: number, size: 1 | 2 | 4): Uint8Array {
  const out = bytes.slice();
  const v = new DataView(out.buffer);
  if (size === 1) out[offset] = value;
  else if (size === 2) v.setUint16(offset, value, true);
  else v.setUint32(offset, value >>> 0, true);
  return out;
}

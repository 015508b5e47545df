// Symbols from the ELF `.symtab` (SHT_SYMTAB with its linked SHT_STRTAB), for the disassembler's
// `<symbol+offset>` annotations, the call-stack view and allocator interposition (finding __rust_alloc,
// malloc, ...). Invariants: only defined symbols (st_shndx != SHN_UNDEF) with a non-empty name are kept,
// minus RISC-V mapping symbols ($x, $d); the table is sorted by address, functions before other kinds at
// the same address; reading never throws: a malformed symbol table gives fewer (or no) symbols.

import { demangle } from '../debuginfo/demangle';
import { readCString, SHT_SYMTAB, type ElfSection } from './sections';

export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
const SHN_UNDEF = 0;
const SYM_SIZE = 16;

export class ElfSymbol {
  private demangled: string | undefined;
  constructor(
    /** The raw (mangled) name. */
    readonly name: string,
    readonly address: number,
    readonly size: number,
    /** STT_* */
    readonly type: number,
    /** STB_* (0 local, 1 global, 2 weak) */
    readonly bind: number,
  ) {}

  /** Demangled for display (Rust legacy and v0, Itanium C++), or the raw name; computed on first use. */
  get displayName(): string {
    if (this.demangled === undefined) this.demangled = demangle(this.name);
    return this.demangled;
  }
}

export class SymbolTable {
  /** Sorted by address (functions first among equal addresses). */
  readonly symbols: readonly ElfSymbol[];
  private readonly byName = new Map<string, ElfSymbol>();
  private readonly addresses: Float64Array;

  constructor(symbols: ElfSymbol[]) {
    const rank = (s: ElfSymbol) => (s.type === STT_FUNC ? 0 : s.type === STT_OBJECT ? 1 : 2);
    this.symbols = [...symbols].sort(
      (a, b) => a.address - b.address || rank(a) - rank(b) || (b.bind === 1 ? 1 : 0) - (a.bind === 1 ? 1 : 0),
    );
    this.addresses = Float64Array.from(this.symbols, (s) => s.address);
    for (const s of this.symbols) {
      const existing = this.byName.get(s.name);
      if (existing === undefined || (existing.bind !== 1 && s.bind === 1)) this.byName.set(s.name, s);
    }
  }

  static empty(): SymbolTable {
    return new SymbolTable([]);
  }

  get(name: string): ElfSymbol | undefined {
    return this.byName.get(name);
  }

  /** The symbol at or below `address` (objdump's choice for `<sym+off>`), preferring functions. */
  lookup(address: number): { symbol: ElfSymbol; offset: number } | undefined {
    const a = this.addresses;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (a[mid] <= address) lo = mid + 1;
      else hi = mid;
    }
    if (lo === 0) return undefined;
    // Go to the first symbol at that address (the sort put the preferred one first).
    let i = lo - 1;
    const at = a[i];
    while (i > 0 && a[i - 1] === at) i--;
    const symbol = this.symbols[i];
    return { symbol, offset: address - symbol.address };
  }

  /** The function containing `address` (within its st_size when it has one). */
  functionAt(address: number): { symbol: ElfSymbol; offset: number } | undefined {
    const hit = this.lookup(address);
    if (hit === undefined || hit.symbol.type !== STT_FUNC) return undefined;
    if (hit.symbol.size > 0 && hit.offset >= hit.symbol.size) return undefined;
    return hit;
  }

  /** `name` or `name+0x1c`, with the display (demangled) name. */
  describe(address: number): string | undefined {
    const hit = this.lookup(address);
    if (hit === undefined) return undefined;
    return hit.offset === 0
      ? hit.symbol.displayName
      : `${hit.symbol.displayName}+0x${hit.offset.toString(16)}`;
  }
}

/** Reads `.symtab`. Never throws. */
export function readSymbols(bytes: Uint8Array, sections: readonly ElfSection[]): SymbolTable {
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (symtab === undefined) return SymbolTable.empty();
  const strtab = sections[symtab.link];
  if (strtab === undefined) return SymbolTable.empty();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = Math.min(symtab.offset + symtab.size, bytes.length);
  const symbols: ElfSymbol[] = [];
  for (let o = symtab.offset; o + SYM_SIZE <= end; o += SYM_SIZE) {
    const nameOffset = view.getUint32(o, true);
    const info = bytes[o + 12];
    const shndx = view.getUint16(o + 14, true);
    const type = info & 0xf;
    if (shndx === SHN_UNDEF || type > STT_FUNC) continue; // undefined, or a section/file/TLS symbol
    const name = readCString(bytes, strtab.offset, strtab.size, nameOffset);
    if (name === '' || name.startsWith('$')) continue; // RISC-V mapping symbols $x / $d
    symbols.push(
      new ElfSymbol(name, view.getUint32(o + 4, true), view.getUint32(o + 8, true), type, info >> 4),
    );
  }
  return new SymbolTable(symbols);
}

// A loaded guest program: the ELF as OpenVM's transpiler reads it, its pre-decoded instructions and its
// symbols; and the initial memory of a run (elf_memory_image_to_openvm_memory_image + set_from_sparse:
// every loaded word -> 4 byte cells of AS2; AS1 (registers) and AS3 (public values) start zero).
// Invariant: loading a program never touches a TracingMemory; applyImage writes untraced (timestamp 0 is
// the time of the initial image).

import { decodeProgram, type DecodedProgram } from '../isa/decoder';
import { loadElf, type LoadedElf } from './elf';
import { readSymbols, type SymbolTable } from './symbols';

export interface GuestProgram {
  elf: LoadedElf;
  decoded: DecodedProgram;
  symbols: SymbolTable;
  /** The ELF file itself (its DWARF is read on demand: debuginfo/dwarf/debugInfo.ts debugInfoOf). */
  bytes: Uint8Array;
}

/** Parses, validates and pre-decodes an ELF. Throws EngineError('elf'). */
export function loadGuestProgram(bytes: Uint8Array): GuestProgram {
  const elf = loadElf(bytes);
  return {
    elf,
    decoded: decodeProgram(elf.instructions, elf.pcBase),
    symbols: readSymbols(bytes, elf.sections),
    bytes,
  };
}

/** The untraced word writes a memory must offer to receive an image. */
export interface ImageTarget {
  pokeWord(as: number, ptr: number, value: number): void;
}

const AS_MEMORY = 2;

/**
 * Writes the ELF image into AS2 of a fresh (all-zero) memory, in segment order. Zero ranges (bss) only need
 * to clear words an earlier segment wrote, since everything else is already zero.
 */
export function applyImage(program: GuestProgram, memory: ImageTarget): void {
  const written: { start: number; end: number }[] = [];
  for (const w of program.elf.image) {
    if (w.kind === 'words') {
      for (let i = 0; i < w.words.length; i++) memory.pokeWord(AS_MEMORY, w.address + 4 * i, w.words[i]);
      written.push({ start: w.address, end: w.address + 4 * w.words.length });
    } else {
      const end = w.address + w.byteLength;
      for (const r of written) {
        const from = Math.max(r.start, w.address);
        const to = Math.min(r.end, end);
        for (let a = from; a < to; a += 4) memory.pokeWord(AS_MEMORY, a, 0);
      }
    }
  }
}

/** The heap start OpenVM's allocator uses: the `_end` symbol (end of bss), or the end of the image. */
export function heapStart(program: GuestProgram): number {
  const end = program.symbols.get('_end');
  if (end !== undefined) return end.address;
  let top = 0;
  for (const w of program.elf.image)
    top = Math.max(top, w.address + (w.kind === 'words' ? 4 * w.words.length : w.byteLength));
  return top;
}

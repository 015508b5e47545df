// Paged storage of one address space: cell data and AccessMetadata, allocated 4096 entries at a time on
// first touch, so a 2^29-cell space costs memory only where it is used (OpenVM: online/paged_vec.rs for
// metadata; the data itself is one mmap there, which the OS pages in lazily — the same effect).
// Data of byte spaces is a Uint8Array page with a Uint32Array view of the same bytes (little-endian host),
// so aligned 4-byte words — every RV32 access — are one load. Native spaces hold canonical field values.

import type { AddressSpaceConfig } from './config';

export const PAGE_BITS = 12;
export const PAGE_SIZE = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE_SIZE - 1;

export class SpaceStore {
  readonly config: AddressSpaceConfig;
  readonly align: number;
  readonly alignShift: number;
  /** Cells the host allocation holds (bounds for accesses). */
  readonly hostCells: number;
  readonly native: boolean;
  /** Data pages: Uint8Array (byte spaces) or Uint32Array (native), PAGE_SIZE cells each. */
  dataPages: (Uint8Array | Uint32Array | undefined)[];
  /** Byte spaces: a Uint32Array view of each data page (PAGE_SIZE / 4 words). */
  wordPages: (Uint32Array | undefined)[];
  /** Metadata, one entry per ALIGN unit: the packed word and offset_to_start. */
  metaPages: (Uint32Array | undefined)[];
  offsetPages: (Uint8Array | undefined)[];

  constructor(config: AddressSpaceConfig) {
    this.config = config;
    this.align = config.minBlockSize;
    this.alignShift = config.minBlockSize === 4 ? 2 : 0;
    this.hostCells = config.hostCells;
    this.native = config.cellType === 'native';
    const dataPageCount = Math.ceil(config.hostCells / PAGE_SIZE);
    const metaPageCount = Math.ceil(config.hostCells / config.minBlockSize / PAGE_SIZE);
    this.dataPages = new Array(dataPageCount).fill(undefined);
    this.wordPages = new Array(dataPageCount).fill(undefined);
    this.metaPages = new Array(metaPageCount).fill(undefined);
    this.offsetPages = new Array(metaPageCount).fill(undefined);
  }

  dataPage(page: number): Uint8Array | Uint32Array {
    let p = this.dataPages[page];
    if (p === undefined) {
      if (this.native) p = new Uint32Array(PAGE_SIZE);
      else {
        const bytes = new Uint8Array(PAGE_SIZE);
        this.wordPages[page] = new Uint32Array(bytes.buffer);
        p = bytes;
      }
      this.dataPages[page] = p;
    }
    return p;
  }

  wordPage(page: number): Uint32Array {
    let w = this.wordPages[page];
    if (w === undefined) {
      this.dataPage(page);
      w = this.wordPages[page] as Uint32Array;
    }
    return w;
  }

  getCell(ptr: number): number {
    const p = this.dataPages[ptr >>> PAGE_BITS];
    return p === undefined ? 0 : p[ptr & PAGE_MASK];
  }

  setCell(ptr: number, value: number): void {
    this.dataPage(ptr >>> PAGE_BITS)[ptr & PAGE_MASK] = value;
  }

  /** Copies `count` cells starting at ptr into out[0..count). */
  readCells(ptr: number, count: number, out: Uint32Array): void {
    const page = this.dataPages[ptr >>> PAGE_BITS];
    const off = ptr & PAGE_MASK;
    if (off + count <= PAGE_SIZE) {
      if (page === undefined) out.fill(0, 0, count);
      else for (let i = 0; i < count; i++) out[i] = page[off + i];
    } else {
      for (let i = 0; i < count; i++) out[i] = this.getCell(ptr + i);
    }
  }

  writeCells(ptr: number, count: number, values: ArrayLike<number>): void {
    const off = ptr & PAGE_MASK;
    if (off + count <= PAGE_SIZE) {
      const page = this.dataPage(ptr >>> PAGE_BITS);
      for (let i = 0; i < count; i++) page[off + i] = values[i];
    } else {
      for (let i = 0; i < count; i++) this.setCell(ptr + i, values[i]);
    }
  }

  metaPage(page: number): Uint32Array {
    let p = this.metaPages[page];
    if (p === undefined) {
      p = new Uint32Array(PAGE_SIZE);
      this.metaPages[page] = p;
      this.offsetPages[page] = new Uint8Array(PAGE_SIZE);
    }
    return p;
  }

  metaWord(unit: number): number {
    const p = this.metaPages[unit >>> PAGE_BITS];
    return p === undefined ? 0 : p[unit & PAGE_MASK];
  }

  metaOffset(unit: number): number {
    const p = this.offsetPages[unit >>> PAGE_BITS];
    return p === undefined ? 0 : p[unit & PAGE_MASK];
  }

  setMeta(unit: number, word: number, offset: number): void {
    const page = unit >>> PAGE_BITS;
    this.metaPage(page)[unit & PAGE_MASK] = word;
    (this.offsetPages[page] as Uint8Array)[unit & PAGE_MASK] = offset;
  }

  /** Bytes held by allocated pages (for the memory figures). */
  bytesAllocated(): number {
    let bytes = 0;
    for (const p of this.dataPages) if (p !== undefined) bytes += p.byteLength;
    for (const p of this.metaPages) if (p !== undefined) bytes += p.byteLength + PAGE_SIZE;
    return bytes;
  }
}

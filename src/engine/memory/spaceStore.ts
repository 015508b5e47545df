// Paged storage of one address space: cell data and AccessMetadata, allocated 4096 entries at a time on
// first touch, so a 2^29-cell space costs memory only where it is used (OpenVM: online/paged_vec.rs for
// metadata; the data itself is one mmap there, which the OS pages in lazily — the same effect).
// Data of byte spaces is a Uint8Array page with a Uint32Array view of the same bytes (little-endian host),
// so aligned 4-byte words — every RV32 access — are one load. Native spaces hold canonical field values.
//
// Copy-on-write for time travel (src/engine/timeline): the `*Pages` arrays are what reads see; every write
// goes through the `*PagesW` twins, which hold a page only while this store may write it in place. A
// checkpoint `freeze()`s the store (the written pages become shared with the checkpoint and leave the W
// arrays), so the next write to such a page copies it first. The hot path pays nothing for this: a write
// already looks its page up once; it now looks it up in the W array, and a miss takes the slow path that
// used to allocate. Invariants: `xPagesW[p]` is either undefined or the very object `xPages[p]`; it is
// defined exactly for the page indexes listed in `dirtyData` / `dirtyMeta` (pages written since the last
// freeze or restore); `allocatedData` / `allocatedMeta` list every index whose page exists.

import type { AddressSpaceConfig } from './config';

export const PAGE_BITS = 12;
export const PAGE_SIZE = 1 << PAGE_BITS;
export const PAGE_MASK = PAGE_SIZE - 1;

/** The pages of one store at one moment, as sparse lists (index ascending not required). */
export interface SpacePages {
  dataIndex: Uint32Array;
  data: (Uint8Array | Uint32Array)[];
  metaIndex: Uint32Array;
  meta: Uint32Array[];
  offsets: Uint8Array[];
}

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
  /** Writable twins (see the top comment): a page this store may write in place, else undefined. */
  dataPagesW: (Uint8Array | Uint32Array | undefined)[];
  wordPagesW: (Uint32Array | undefined)[];
  metaPagesW: (Uint32Array | undefined)[];
  offsetPagesW: (Uint8Array | undefined)[];
  /** Page indexes written since the last freeze/restore, and every existing page index. */
  dirtyData: number[] = [];
  dirtyMeta: number[] = [];
  allocatedData: number[] = [];
  allocatedMeta: number[] = [];
  /** Pages the space can have (the tables may be shorter: see the constructor). */
  readonly dataPageCount: number;
  readonly metaPageCount: number;
  /** Entries of a metadata (and offset) page: PAGE_SIZE, or the space's whole unit count when smaller —
   *  the register space AS1 has 1024 units, and its metadata page is copied after every checkpoint of a
   *  recording (copy-on-write), so a 4096-entry page would copy 15 KiB of never-used entries each time. */
  readonly metaPageEntries: number;

  constructor(config: AddressSpaceConfig) {
    this.config = config;
    this.align = config.minBlockSize;
    this.alignShift = config.minBlockSize === 4 ? 2 : 0;
    this.hostCells = config.hostCells;
    this.native = config.cellType === 'native';
    this.dataPageCount = Math.ceil(config.hostCells / PAGE_SIZE);
    this.metaPageCount = Math.ceil(config.hostCells / config.minBlockSize / PAGE_SIZE);
    this.metaPageEntries = Math.max(1, Math.min(PAGE_SIZE, config.hostCells / config.minBlockSize));
    // The tables start empty and grow up to the highest page written (growData/growMeta): a 2^29-cell
    // space has 2^17 pages, and eight full tables per space cost ~8 ms per TracingMemory to allocate.
    // Reading past the end gives undefined, like an absent page.
    this.dataPages = [];
    this.wordPages = [];
    this.metaPages = [];
    this.offsetPages = [];
    this.dataPagesW = [];
    this.wordPagesW = [];
    this.metaPagesW = [];
    this.offsetPagesW = [];
  }

  /** Makes the data tables long enough to hold `page` (doubling, so growth costs O(pages) in all). */
  private growData(page: number): void {
    const n = Math.min(this.dataPageCount, Math.max(page + 1, 2 * this.dataPages.length));
    while (this.dataPages.length < n) {
      this.dataPages.push(undefined);
      this.wordPages.push(undefined);
      this.dataPagesW.push(undefined);
      this.wordPagesW.push(undefined);
    }
  }

  private growMeta(page: number): void {
    const n = Math.min(this.metaPageCount, Math.max(page + 1, 2 * this.metaPages.length));
    while (this.metaPages.length < n) {
      this.metaPages.push(undefined);
      this.offsetPages.push(undefined);
      this.metaPagesW.push(undefined);
      this.offsetPagesW.push(undefined);
    }
  }

  /** The data page for writing (allocated, or copied if shared with a checkpoint). */
  dataPage(page: number): Uint8Array | Uint32Array {
    const p = this.dataPagesW[page];
    return p === undefined ? this.writableData(page) : p;
  }

  wordPage(page: number): Uint32Array {
    const w = this.wordPagesW[page];
    if (w !== undefined) return w;
    this.writableData(page);
    return this.wordPagesW[page] as Uint32Array;
  }

  /** Slow path of a write: allocate a missing page or copy a shared one. */
  private writableData(page: number): Uint8Array | Uint32Array {
    if (page >= this.dataPages.length) this.growData(page);
    const old = this.dataPages[page];
    if (old === undefined) this.allocatedData.push(page);
    let p: Uint8Array | Uint32Array;
    if (this.native) p = old === undefined ? new Uint32Array(PAGE_SIZE) : (old as Uint32Array).slice();
    else {
      const bytes = old === undefined ? new Uint8Array(PAGE_SIZE) : (old as Uint8Array).slice();
      const words = new Uint32Array(bytes.buffer);
      this.wordPages[page] = words;
      this.wordPagesW[page] = words;
      p = bytes;
    }
    this.dataPages[page] = p;
    this.dataPagesW[page] = p;
    this.dirtyData.push(page);
    return p;
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
      // One loop per page type: each copy loop then sees one typed-array kind (no polymorphic load).
      if (page === undefined) out.fill(0, 0, count);
      else if (this.native) {
        const words = page as Uint32Array;
        for (let i = 0; i < count; i++) out[i] = words[off + i];
      } else {
        const bytes = page as Uint8Array;
        for (let i = 0; i < count; i++) out[i] = bytes[off + i];
      }
    } else {
      for (let i = 0; i < count; i++) out[i] = this.getCell(ptr + i);
    }
  }

  writeCells(ptr: number, count: number, values: ArrayLike<number>): void {
    const off = ptr & PAGE_MASK;
    if (off + count <= PAGE_SIZE) {
      const page = this.dataPage(ptr >>> PAGE_BITS);
      if (this.native) {
        const words = page as Uint32Array;
        for (let i = 0; i < count; i++) words[off + i] = values[i];
      } else {
        const bytes = page as Uint8Array;
        for (let i = 0; i < count; i++) bytes[off + i] = values[i];
      }
    } else {
      for (let i = 0; i < count; i++) this.setCell(ptr + i, values[i]);
    }
  }

  /** The metadata page for writing (its offset page becomes writable with it). */
  metaPage(page: number): Uint32Array {
    const p = this.metaPagesW[page];
    return p === undefined ? this.writableMeta(page) : p;
  }

  private writableMeta(page: number): Uint32Array {
    if (page >= this.metaPages.length) this.growMeta(page);
    const old = this.metaPages[page];
    let p: Uint32Array;
    let o: Uint8Array;
    if (old === undefined) {
      this.allocatedMeta.push(page);
      p = new Uint32Array(this.metaPageEntries);
      o = new Uint8Array(this.metaPageEntries);
    } else {
      p = old.slice();
      o = (this.offsetPages[page] as Uint8Array).slice();
    }
    this.metaPages[page] = p;
    this.offsetPages[page] = o;
    this.metaPagesW[page] = p;
    this.offsetPagesW[page] = o;
    this.dirtyMeta.push(page);
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
    (this.offsetPagesW[page] as Uint8Array)[unit & PAGE_MASK] = offset;
  }

  /** Bytes held by allocated pages (for the memory figures). */
  bytesAllocated(): number {
    let bytes = 0;
    for (const p of this.dataPages) if (p !== undefined) bytes += p.byteLength;
    for (const p of this.metaPages) if (p !== undefined) bytes += p.byteLength + p.length;
    return bytes;
  }

  // ---------- checkpoints (copy-on-write) ----------

  /** Shares every page with whoever holds them now: the next write to any page copies it. */
  freeze(): void {
    for (const p of this.dirtyData) {
      this.dataPagesW[p] = undefined;
      this.wordPagesW[p] = undefined;
    }
    for (const p of this.dirtyMeta) {
      this.metaPagesW[p] = undefined;
      this.offsetPagesW[p] = undefined;
    }
    this.dirtyData = [];
    this.dirtyMeta = [];
  }

  /** Freezes the store and lists its pages (they are then shared, never written in place again). */
  capture(): SpacePages {
    this.freeze();
    const dataIndex = Uint32Array.from(this.allocatedData);
    const metaIndex = Uint32Array.from(this.allocatedMeta);
    const data: (Uint8Array | Uint32Array)[] = new Array(dataIndex.length);
    const meta: Uint32Array[] = new Array(metaIndex.length);
    const offsets: Uint8Array[] = new Array(metaIndex.length);
    for (let i = 0; i < dataIndex.length; i++) data[i] = this.dataPages[dataIndex[i]] as Uint8Array | Uint32Array;
    for (let i = 0; i < metaIndex.length; i++) {
      meta[i] = this.metaPages[metaIndex[i]] as Uint32Array;
      offsets[i] = this.offsetPages[metaIndex[i]] as Uint8Array;
    }
    return { dataIndex, data, metaIndex, meta, offsets };
  }

  /** Makes the store hold exactly `pages` (shared: the first write to each copies it). */
  restore(pages: SpacePages): void {
    this.freeze();
    for (const p of this.allocatedData) {
      this.dataPages[p] = undefined;
      this.wordPages[p] = undefined;
    }
    for (const p of this.allocatedMeta) {
      this.metaPages[p] = undefined;
      this.offsetPages[p] = undefined;
    }
    const { dataIndex, data, metaIndex, meta, offsets } = pages;
    for (let i = 0; i < dataIndex.length; i++) {
      const p = dataIndex[i];
      if (p >= this.dataPages.length) this.growData(p);
      const page = data[i];
      this.dataPages[p] = page;
      if (!this.native) this.wordPages[p] = new Uint32Array(page.buffer);
    }
    for (let i = 0; i < metaIndex.length; i++) {
      if (metaIndex[i] >= this.metaPages.length) this.growMeta(metaIndex[i]);
      this.metaPages[metaIndex[i]] = meta[i];
      this.offsetPages[metaIndex[i]] = offsets[i];
    }
    this.allocatedData = Array.from(dataIndex);
    this.allocatedMeta = Array.from(metaIndex);
  }
}

// The arena's bytes: what orthotope 0.1.7's anonymous mapping (`src/arena.rs`, `MmapMut::map_anon`) holds.
// The allocator only ever writes 64-byte headers at block starts and free-list links over their first
// bytes, so a sparse, paged store is enough: untouched pages read as zero, exactly like fresh anonymous
// memory. `ArenaBytes` is the seam for issue 4 (an arena backed by guest memory): any store with these
// methods can back the allocator. `PagedArenaBytes.clone()` is copy-on-write, so checkpoints for time
// travel cost one map copy plus a page copy on the first later write to each shared page.
// Invariants: offsets are arena offsets (0 = arena base) within [0, size); little-endian, as on the
// targets orthotope runs on.

/** A byte store for one arena. Reads of never-written bytes return 0. */
export interface ArenaBytes {
  readonly size: number;
  readU8(offset: number): number;
  readU32(offset: number): number;
  writeU8(offset: number, value: number): void;
  writeU32(offset: number, value: number): void;
  /** A copy of `length` bytes starting at `offset`. */
  readBytes(offset: number, length: number): Uint8Array;
  writeBytes(offset: number, data: Uint8Array): void;
  /** An independent store with the same contents (later writes to either do not show in the other). */
  clone(): ArenaBytes;
}

export const PAGE_SIZE = 4096;
const PAGE_SHIFT_DIVISOR = PAGE_SIZE;

interface Page {
  readonly data: Uint8Array;
  /** The store that may write this page in place; any other store copies it first. */
  owner: object;
}

/** Arenas up to this many pages (4 GiB) index a plain array of pages; larger ones use a Map. */
const DENSE_PAGE_LIMIT = 1 << 20;

/** Page table: a dense array for ordinary arenas (fast lookups), a Map for huge sparse ones. */
type PageTable = Array<Page | undefined> | Map<number, Page>;

/** Sparse copy-on-write implementation of `ArenaBytes` with 4 KiB pages. */
export class PagedArenaBytes implements ArenaBytes {
  readonly size: number;
  private pages: PageTable;
  private materialised: number;
  private token: object = {};
  // One-entry lookup cache: allocator traffic is strongly local (a header read, then a link write).
  private lastIndex = -1;
  private lastPage: Page | undefined = undefined;

  constructor(size: number, pages?: PageTable, materialised = 0) {
    this.size = size;
    const count = Math.ceil(size / PAGE_SIZE);
    this.pages =
      pages ?? (count <= DENSE_PAGE_LIMIT ? new Array<Page | undefined>(count).fill(undefined) : new Map());
    this.materialised = materialised;
  }

  /** Number of materialised pages (pages written at least once), for memory accounting. */
  get pageCount(): number {
    return this.materialised;
  }

  private getPage(index: number): Page | undefined {
    return Array.isArray(this.pages) ? this.pages[index] : this.pages.get(index);
  }

  private setPage(index: number, page: Page): void {
    if (Array.isArray(this.pages)) this.pages[index] = page;
    else this.pages.set(index, page);
  }

  private check(offset: number, length: number): void {
    if (!(offset >= 0 && offset + length <= this.size)) {
      throw new RangeError(`arena access [${offset}, ${offset + length}) outside [0, ${this.size})`);
    }
  }

  private pageForRead(index: number): Page | undefined {
    if (index === this.lastIndex) return this.lastPage;
    const page = this.getPage(index);
    this.lastIndex = index;
    this.lastPage = page;
    return page;
  }

  private pageForWrite(index: number): Page {
    let page = index === this.lastIndex ? this.lastPage : this.getPage(index);
    if (page === undefined) {
      page = { data: new Uint8Array(PAGE_SIZE), owner: this.token };
      this.setPage(index, page);
      this.materialised++;
    } else if (page.owner !== this.token) {
      page = { data: page.data.slice(), owner: this.token };
      this.setPage(index, page);
    }
    this.lastIndex = index;
    this.lastPage = page;
    return page;
  }

  readU8(offset: number): number {
    this.check(offset, 1);
    const index = Math.floor(offset / PAGE_SHIFT_DIVISOR);
    const page = this.pageForRead(index);
    return page === undefined ? 0 : page.data[offset - index * PAGE_SIZE];
  }

  readU32(offset: number): number {
    this.check(offset, 4);
    const index = Math.floor(offset / PAGE_SHIFT_DIVISOR);
    const at = offset - index * PAGE_SIZE;
    if (at > PAGE_SIZE - 4) {
      return (
        (this.readU8(offset) |
          (this.readU8(offset + 1) << 8) |
          (this.readU8(offset + 2) << 16) |
          (this.readU8(offset + 3) << 24)) >>>
        0
      );
    }
    const page = this.pageForRead(index);
    if (page === undefined) return 0;
    const d = page.data;
    return (d[at] | (d[at + 1] << 8) | (d[at + 2] << 16) | (d[at + 3] << 24)) >>> 0;
  }

  writeU8(offset: number, value: number): void {
    this.check(offset, 1);
    const index = Math.floor(offset / PAGE_SHIFT_DIVISOR);
    this.pageForWrite(index).data[offset - index * PAGE_SIZE] = value;
  }

  writeU32(offset: number, value: number): void {
    this.check(offset, 4);
    const index = Math.floor(offset / PAGE_SHIFT_DIVISOR);
    const at = offset - index * PAGE_SIZE;
    if (at > PAGE_SIZE - 4) {
      for (let i = 0; i < 4; i++) this.writeU8(offset + i, (value >>> (8 * i)) & 0xff);
      return;
    }
    const d = this.pageForWrite(index).data;
    d[at] = value & 0xff;
    d[at + 1] = (value >>> 8) & 0xff;
    d[at + 2] = (value >>> 16) & 0xff;
    d[at + 3] = (value >>> 24) & 0xff;
  }

  readBytes(offset: number, length: number): Uint8Array {
    this.check(offset, length);
    const out = new Uint8Array(length);
    for (let i = 0; i < length;) {
      const index = Math.floor((offset + i) / PAGE_SHIFT_DIVISOR);
      const at = offset + i - index * PAGE_SIZE;
      const n = Math.min(PAGE_SIZE - at, length - i);
      const page = this.pageForRead(index);
      if (page !== undefined) out.set(page.data.subarray(at, at + n), i);
      i += n;
    }
    return out;
  }

  writeBytes(offset: number, data: Uint8Array): void {
    this.check(offset, data.length);
    for (let i = 0; i < data.length;) {
      const index = Math.floor((offset + i) / PAGE_SHIFT_DIVISOR);
      const at = offset + i - index * PAGE_SIZE;
      const n = Math.min(PAGE_SIZE - at, data.length - i);
      this.pageForWrite(index).data.set(data.subarray(i, i + n), at);
      i += n;
    }
  }

  clone(): PagedArenaBytes {
    // Both stores give up ownership of every page, so whichever writes first copies: copy-on-write.
    this.token = {};
    this.lastIndex = -1;
    this.lastPage = undefined;
    const pages = Array.isArray(this.pages) ? this.pages.slice() : new Map(this.pages);
    return new PagedArenaBytes(this.size, pages, this.materialised);
  }
}

// The allocator's view of memory: the arena bytes plus the machine facts orthotope's pointer code relies
// on (`header.rs` header writes and reads, `free_list.rs` intrusive links). A free block's first
// `pointerBytes` bytes hold the address of the next free block (base + offset), or 0 at the end of a list,
// exactly as orthotope 0.1.7's `FreeBlock { next: Option<NonNull<FreeBlock>> }` overlays the header: that
// overwrites the magic, which is why a small double free is a CorruptHeader there and here.
// Invariants: the base address is a multiple of the alignment (and of 64), so "absolute address % 64"
// equals "offset % 64"; block addresses are multiples of 64 while the magic is 8 mod 64, so a link can
// never be mistaken for an intact magic. Memory outside the arena exists only where a caller placed a
// copy of a header (`placeForeign`, used by the trace's `free_forged`).
import type { ArenaBytes } from './arenaBytes';
import { HEADER_FIELDS, HEADER_MAGIC, KIND_LARGE, KIND_SMALL, U32_MAX, type HeaderFields } from './header';
import { CLASS_PAYLOADS, HEADER_SIZE, LARGE_CLASS } from '../sizeClasses';

/** Offset of a list's end marker in the model (the link value 0 in memory). */
export const NIL = -1;

/** Where the arena lives in the simulated address space, and how wide a pointer is. */
export interface Addressing {
  /** Absolute address of arena offset 0; a multiple of the alignment. */
  readonly baseAddress: number;
  /** 8 on the 64-bit targets the golden recordings come from; 4 for an RV32 guest (issue 4). */
  readonly pointerBytes: 4 | 8;
}

/** Default base: 2^47, a multiple of every alignment the model accepts, with base + offset < 2^48. */
export const DEFAULT_ADDRESSING: Addressing = { baseAddress: 2 ** 47, pointerBytes: 8 };

/** Called after every header or link write with the arena offset and the bytes written (for mirroring). */
export type ArenaWriteObserver = (offset: number, bytes: Uint8Array) => void;

/** Thrown when a free-list link read back from memory is not a block start of this arena. */
export class CorruptLinkFault extends Error {
  constructor(
    readonly block: number,
    readonly value: number,
  ) {
    super(`free-list link at arena offset ${block} holds ${value}, which is not a block in this arena`);
  }
}

export class ArenaMemory {
  observer: ArenaWriteObserver | null = null;

  constructor(
    readonly bytes: ArenaBytes,
    readonly addressing: Addressing,
    /** 64-aligned blocks placed outside the arena (block-start offset -> 64 header bytes). */
    private readonly foreign: Map<number, Uint8Array> = new Map(),
  ) {}

  get size(): number {
    return this.bytes.size;
  }

  /**
   * A copy over `bytes`: by default a clone of this store (nothing shared); an owner that checkpoints the
   * bytes itself (a guest's memory) passes its live store instead.
   */
  clone(bytes: ArenaBytes = this.bytes.clone()): ArenaMemory {
    return new ArenaMemory(bytes, this.addressing, new Map(this.foreign));
  }

  private notify(offset: number, length: number): void {
    if (this.observer !== null) this.observer(offset, this.bytes.readBytes(offset, length));
  }

  /** Writes `block`'s link to `next` (`NIL` for the end of a list). */
  writeLink(block: number, next: number): void {
    const value = next === NIL ? 0 : this.addressing.baseAddress + next;
    this.bytes.writeU32(block, value % 2 ** 32);
    if (this.addressing.pointerBytes === 8) this.bytes.writeU32(block + 4, Math.floor(value / 2 ** 32));
    this.notify(block, this.addressing.pointerBytes);
  }

  /** The raw link value stored at `block` (an absolute address or 0). */
  rawLink(block: number): number {
    const low = this.bytes.readU32(block);
    return this.addressing.pointerBytes === 8 ? low + this.bytes.readU32(block + 4) * 2 ** 32 : low;
  }

  /** Reads `block`'s link as an arena offset (`NIL` at the end). Throws `CorruptLinkFault` on garbage. */
  readLink(block: number): number {
    const value = this.rawLink(block);
    if (value === 0) return NIL;
    const offset = value - this.addressing.baseAddress;
    if (!this.isBlockStartOffset(offset)) throw new CorruptLinkFault(block, value);
    return offset;
  }

  private isBlockStartOffset(offset: number): boolean {
    return offset >= 0 && offset + HEADER_SIZE <= this.size && offset % HEADER_SIZE === 0;
  }

  /** True when the first bytes at `block` (in the arena or a foreign copy) decode as a free-list link. */
  holdsLink(block: number): boolean {
    const bytes = this.readHeaderBytes(block);
    const view = new DataView(bytes.buffer);
    const low = view.getUint32(0, true);
    const value = this.addressing.pointerBytes === 8 ? low + view.getUint32(4, true) * 2 ** 32 : low;
    return value === 0 || this.isBlockStartOffset(value - this.addressing.baseAddress);
  }

  private writeFields(block: number, kind: number, cls: number, requested: number, usable: number): void {
    const b = this.bytes;
    b.writeU32(block + HEADER_FIELDS.magic, HEADER_MAGIC);
    b.writeU8(block + HEADER_FIELDS.kind, kind);
    b.writeU8(block + HEADER_FIELDS.classIndex, cls);
    b.writeU8(block + HEADER_FIELDS.reserved, 0);
    b.writeU8(block + HEADER_FIELDS.reserved + 1, 0);
    b.writeU32(block + HEADER_FIELDS.requested, requested);
    b.writeU32(block + HEADER_FIELDS.usable, usable);
    this.notify(block, HEADER_FIELDS.padding);
  }

  /** `write_small_to_block`: rewrites bytes 0..16 in place (small sizes always fit u32). */
  writeSmallHeader(block: number, cls: number, requested: number): void {
    this.writeFields(block, KIND_SMALL, cls, requested, CLASS_PAYLOADS[cls]);
  }

  /** `write_large_to_block`; false (nothing written) when a size does not fit the u32 fields. */
  writeLargeHeader(block: number, requested: number, usable: number): boolean {
    if (requested > U32_MAX || usable > U32_MAX) return false;
    this.writeFields(block, KIND_LARGE, LARGE_CLASS, requested, usable);
    return true;
  }

  /** Header fields of the block at `block` (in or outside the arena), or null when that memory is unmapped. */
  readHeader(block: number): HeaderFields | null {
    if (block >= 0 && block + HEADER_SIZE <= this.size) {
      const b = this.bytes;
      return {
        magic: b.readU32(block + HEADER_FIELDS.magic),
        kind: b.readU8(block + HEADER_FIELDS.kind),
        classIndex: b.readU8(block + HEADER_FIELDS.classIndex),
        requested: b.readU32(block + HEADER_FIELDS.requested),
        usable: b.readU32(block + HEADER_FIELDS.usable),
      };
    }
    const copy = this.foreign.get(block);
    if (copy === undefined) return null;
    const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength);
    return {
      magic: view.getUint32(HEADER_FIELDS.magic, true),
      kind: copy[HEADER_FIELDS.kind],
      classIndex: copy[HEADER_FIELDS.classIndex],
      requested: view.getUint32(HEADER_FIELDS.requested, true),
      usable: view.getUint32(HEADER_FIELDS.usable, true),
    };
  }

  /** A copy of the 64 header bytes at `block` (zeros where never written). */
  readHeaderBytes(block: number): Uint8Array {
    if (block >= 0 && block + HEADER_SIZE <= this.size) return this.bytes.readBytes(block, HEADER_SIZE);
    return (this.foreign.get(block) ?? new Uint8Array(HEADER_SIZE)).slice();
  }

  /**
   * Places a copy of 64 header bytes in a 64-aligned buffer outside the arena (just past its end, rounded to
   * a 4 KiB page as a heap buffer would be) and returns that buffer's block-start offset. The user pointer
   * to free is that offset + 64.
   */
  placeForeign(header: Uint8Array): number {
    let block = Math.ceil((this.size + 4096) / 4096) * 4096;
    while (this.foreign.has(block)) block += HEADER_SIZE;
    this.foreign.set(block, header.slice(0, HEADER_SIZE));
    return block;
  }

  releaseForeign(block: number): void {
    this.foreign.delete(block);
  }
}

// The orthotope arena's bytes living in guest memory (AS2 from the arena base), through the `ArenaBytes`
// seam of src/engine/alloc: the allocator's header and free-list writes become real guest memory, visible
// in the memory views and readable by the guest.
// Cost model (what interposition adds to the run's timestamps): every write the model makes is done the way
// RV32 guest code would store it in OpenVM v1.7 — one traced 4-byte TracingMemory write of the aligned word
// per u32 store and per byte store (a byte store is a read-modify-write of its word, like STOREB: the old
// word is read untraced, then the whole word written, +1 timestamp each). Reads are untraced (like the
// model looking at its own metadata; they cost nothing).

import type { ArenaBytes } from '../../alloc/orthotope/arena/arenaBytes';
import { PagedArenaBytes } from '../../alloc/orthotope/arena/arenaBytes';
import { PAGE_SIZE } from '../../memory/spaceStore';
import type { TracingMemory } from '../../memory/tracingMemory';

const AS_MEMORY = 2;

export class GuestArenaBytes implements ArenaBytes {
  /** Traced 4-byte writes made so far (each one timestamp). */
  writes = 0;

  constructor(
    private readonly memory: TracingMemory,
    /** Guest address of arena offset 0 (a multiple of 64). */
    readonly base: number,
    readonly size: number,
  ) {}

  readU8(offset: number): number {
    return this.memory.getCell(AS_MEMORY, this.base + offset);
  }

  readU32(offset: number): number {
    const a = this.base + offset;
    if ((a & 3) === 0) return this.memory.peekWord(AS_MEMORY, a);
    return (
      (this.readU8(offset) |
        (this.readU8(offset + 1) << 8) |
        (this.readU8(offset + 2) << 16) |
        (this.readU8(offset + 3) << 24)) >>>
      0
    );
  }

  writeU8(offset: number, value: number): void {
    const a = this.base + offset;
    const aligned = a & ~3;
    const shift = (a & 3) * 8;
    const prev = this.memory.peekWord(AS_MEMORY, aligned);
    this.writeWord(aligned, (prev & ~(0xff << shift)) | ((value & 0xff) << shift));
  }

  writeU32(offset: number, value: number): void {
    const a = this.base + offset;
    if ((a & 3) === 0) this.writeWord(a, value);
    else for (let i = 0; i < 4; i++) this.writeU8(offset + i, (value >>> (8 * i)) & 0xff);
  }

  readBytes(offset: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.readU8(offset + i);
    return out;
  }

  writeBytes(offset: number, data: Uint8Array): void {
    for (let i = 0; i < data.length; i++) this.writeU8(offset + i, data[i]);
  }

  /** A detached copy (for allocator snapshots); later writes to it do not reach guest memory. */
  clone(): ArenaBytes {
    const copy = new PagedArenaBytes(this.size);
    // Only pages the guest memory has allocated can hold non-zero bytes.
    const pages = this.memory.space(AS_MEMORY).dataPages;
    pages.forEach((page, p) => {
      if (page === undefined) return;
      const start = Math.max(p * PAGE_SIZE, this.base);
      const end = Math.min((p + 1) * PAGE_SIZE, this.base + this.size);
      for (let a = start; a < end; a++)
        if (page[a - p * PAGE_SIZE] !== 0) copy.writeU8(a - this.base, page[a - p * PAGE_SIZE]);
    });
    return copy;
  }

  private writeWord(address: number, value: number): void {
    this.memory.writeWord(AS_MEMORY, address, value);
    this.writes++;
  }
}

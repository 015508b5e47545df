// The default orthotope arena store (alloc/orthotope/arena/arenaBytes.ts PagedArenaBytes, copy-on-write) wrapped to count
// the distinct pages written since the last clone(): after a checkpoint (a clone) each of them costs one
// 4 KiB page copy, which is what the checkpoint store charges against its memory budget. It also keeps the
// pages ever written by this store or any of its clones (shared, grow-only), so a state hash reads only
// those instead of the whole arena.
// Invariant: behaves exactly like PagedArenaBytes (every call is forwarded unchanged); a page outside
// `everWritten` reads as zeros in every clone.

import { type ArenaBytes, PAGE_SIZE, PagedArenaBytes } from '../../alloc/orthotope/arena/arenaBytes';

export class CountingArenaBytes implements ArenaBytes {
  private written = new Set<number>();

  constructor(
    readonly size: number,
    private readonly inner: ArenaBytes = new PagedArenaBytes(size),
    readonly everWritten: Set<number> = new Set(),
  ) {}

  /** Distinct pages written since the last clone() (or since creation). */
  get pagesWrittenSinceClone(): number {
    return this.written.size;
  }

  private touch(offset: number, length: number): void {
    const last = Math.floor((offset + Math.max(length, 1) - 1) / PAGE_SIZE);
    for (let p = Math.floor(offset / PAGE_SIZE); p <= last; p++) {
      this.written.add(p);
      this.everWritten.add(p);
    }
  }

  readU8(offset: number): number {
    return this.inner.readU8(offset);
  }

  readU32(offset: number): number {
    return this.inner.readU32(offset);
  }

  writeU8(offset: number, value: number): void {
    this.inner.writeU8(offset, value);
    this.touch(offset, 1);
  }

  writeU32(offset: number, value: number): void {
    this.inner.writeU32(offset, value);
    this.touch(offset, 4);
  }

  readBytes(offset: number, length: number): Uint8Array {
    return this.inner.readBytes(offset, length);
  }

  writeBytes(offset: number, data: Uint8Array): void {
    this.inner.writeBytes(offset, data);
    this.touch(offset, data.length);
  }

  clone(): CountingArenaBytes {
    this.written = new Set();
    return new CountingArenaBytes(this.size, this.inner.clone(), this.everWritten);
  }
}

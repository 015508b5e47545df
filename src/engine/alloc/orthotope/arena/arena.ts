// Mirrors orthotope 0.1.7 `src/arena.rs` (`Arena`): the bump cursor over one arena of `arena_size` bytes.
// Invariants: `next` only grows (spans are never returned); every reservation starts at
// align_up(next, alignment), and since block sizes are multiples of the alignment `next` stays aligned;
// `remaining = arena_size - next`. Bytes live in `ArenaMemory`; this file only decides where spans go.
import { alignUp } from '../sizeClasses';

/** Result of `reserve_block_span`: `count` blocks starting at `start` (count >= 1). */
export interface BlockSpan {
  readonly start: number;
  readonly count: number;
}

export class Arena {
  constructor(
    readonly capacity: number,
    readonly alignment: number,
    private next = 0,
    /** Bytes carved for small-class spans and for large blocks (for the arena accounting identity). */
    public carvedSmallBytes = 0,
    public carvedLargeBytes = 0,
  ) {}

  clone(): Arena {
    return new Arena(this.capacity, this.alignment, this.next, this.carvedSmallBytes, this.carvedLargeBytes);
  }

  /** The bump cursor: offset of the next reservation (before alignment). */
  get cursor(): number {
    return this.next;
  }

  /** `remaining()`: arena_size - next. Freed memory never increases it. */
  get remaining(): number {
    return Math.max(0, this.capacity - this.next);
  }

  /**
   * `reserve_block_span(block, target)`: up to `target` whole blocks, as many as fit (partial refills are
   * allowed); null when not even one fits.
   */
  reserveBlockSpan(blockSize: number, target: number): BlockSpan | null {
    const aligned = alignUp(this.next, this.alignment);
    const available = Math.floor(Math.max(0, this.capacity - aligned) / blockSize);
    const count = Math.min(target, available);
    if (count === 0) return null;
    this.next = aligned + count * blockSize;
    this.carvedSmallBytes += count * blockSize;
    return { start: aligned, count };
  }

  /** `reserve_span(size)` for a large block: its start, or -1 when it does not fit (no partial reservation). */
  reserveSpan(size: number): number {
    const aligned = alignUp(this.next, this.alignment);
    if (aligned + size > this.capacity) return -1;
    this.next = aligned + size;
    this.carvedLargeBytes += size;
    return aligned;
  }

  /** `contains_block_start`: inside [0, arena_size) and a multiple of the alignment from the base. */
  containsBlockStart(start: number): boolean {
    return start >= 0 && start < this.capacity && start % this.alignment === 0;
  }
}

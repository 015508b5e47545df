// The allocator's event stream: one row per alloc, free, refill, drain, carve or error, stored as columns
// (struct of arrays in typed arrays) so that 1,000,000 operations record in a few tens of MB with no
// per-event objects. Rows are in the order the allocator did things (a refill or carve row precedes the
// alloc row it served; a drain row follows the free row that triggered it). Each allocate/deallocate call
// produces exactly one primary row (alloc, free or error), so the operation index of a row is the number
// of primary rows before it, less one for a drain row (which follows its own free row): `opIndexOf`.
// Column meaning per kind (unused cells are 0):
//   kind    thread  cls                offset                  size                 count      code
//   ALLOC   cache   class / 255 large  user pointer            requested bytes      usable     1 = large block reused from the pool
//   FREE    cache   class / 255        user pointer            header requested     usable     0
//   REFILL  cache   class              0                       bytes moved          blocks     0   (central -> cache)
//   DRAIN   cache   class              0                       bytes moved          blocks     0   (cache -> central)
//   CARVE   cache   class / 255        span start              span bytes           blocks     0   (arena -> cache slab, or a large block)
//   ERROR   cache   class / 255 / 254  user pointer (frees)    requested/provided   see below  ERROR_CODES value
// For ERROR rows `op` tells which call failed; OutOfMemory puts `remaining` in `offset`; SizeMismatch puts
// `recorded` in `count`; CorruptHeader puts the CORRUPT_REASONS index + 1 in `count`.

export const EVENT_KIND = { ALLOC: 1, FREE: 2, REFILL: 3, DRAIN: 4, CARVE: 5, ERROR: 6 } as const;
export type EventKind = (typeof EVENT_KIND)[keyof typeof EVENT_KIND];
/** The allocator call a row belongs to. */
export const EVENT_OP = { ALLOCATE: 1, DEALLOCATE: 2, DEALLOCATE_SIZED: 3 } as const;
/** `cls` of rows with no class (an error before the class was known, e.g. ZeroSize or a bad header). */
export const NO_CLASS = 254;

const INITIAL_CAPACITY = 1024;

export class AllocEventLog {
  private cap: number;
  private n = 0;
  kind: Uint8Array;
  op: Uint8Array;
  cls: Uint8Array;
  code: Uint8Array;
  thread: Uint32Array;
  count: Uint32Array;
  offset: Float64Array;
  size: Float64Array;

  /** Bytes stored per row, summed over the columns. */
  static readonly BYTES_PER_EVENT = 4 * 1 + 2 * 4 + 2 * 8;

  constructor(capacity = INITIAL_CAPACITY) {
    this.cap = Math.max(1, capacity);
    this.kind = new Uint8Array(this.cap);
    this.op = new Uint8Array(this.cap);
    this.cls = new Uint8Array(this.cap);
    this.code = new Uint8Array(this.cap);
    this.thread = new Uint32Array(this.cap);
    this.count = new Uint32Array(this.cap);
    this.offset = new Float64Array(this.cap);
    this.size = new Float64Array(this.cap);
  }

  get length(): number {
    return this.n;
  }

  /** Bytes reserved by the columns (capacity, not just the rows in use). */
  get byteLength(): number {
    return this.cap * AllocEventLog.BYTES_PER_EVENT;
  }

  private grow(): void {
    const cap = this.cap * 2;
    const grow = <T extends Uint8Array | Uint32Array | Float64Array>(old: T, make: (n: number) => T): T => {
      const next = make(cap);
      next.set(old);
      return next;
    };
    this.kind = grow(this.kind, (k) => new Uint8Array(k));
    this.op = grow(this.op, (k) => new Uint8Array(k));
    this.cls = grow(this.cls, (k) => new Uint8Array(k));
    this.code = grow(this.code, (k) => new Uint8Array(k));
    this.thread = grow(this.thread, (k) => new Uint32Array(k));
    this.count = grow(this.count, (k) => new Uint32Array(k));
    this.offset = grow(this.offset, (k) => new Float64Array(k));
    this.size = grow(this.size, (k) => new Float64Array(k));
    this.cap = cap;
  }

  push(
    kind: EventKind,
    op: number,
    thread: number,
    cls: number,
    offset: number,
    size: number,
    count: number,
    code: number,
  ): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.kind[i] = kind;
    this.op[i] = op;
    this.thread[i] = thread;
    this.cls[i] = cls;
    this.offset[i] = offset;
    this.size[i] = size;
    this.count[i] = count;
    this.code[i] = code;
  }

  /** Drops rows from `length` on (time travel: restoring a checkpoint taken when the log had that length). */
  truncate(length: number): void {
    if (length < this.n) this.n = Math.max(0, length);
  }

  /** True for the one row every allocate/deallocate call records (alloc, free or error). */
  isPrimary(i: number): boolean {
    const k = this.kind[i];
    return k === EVENT_KIND.ALLOC || k === EVENT_KIND.FREE || k === EVENT_KIND.ERROR;
  }

  /** Operation index of row `i` (O(i); build a prefix index for repeated queries). */
  opIndexOf(i: number): number {
    let ops = 0;
    for (let j = 0; j < i; j++) if (this.isPrimary(j)) ops++;
    return this.kind[i] === EVENT_KIND.DRAIN ? ops - 1 : ops;
  }
}

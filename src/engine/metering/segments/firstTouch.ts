// Who first touched each CHUNK (8 cells) of memory in the current segment: the owner (an id of the caller's;
// metering's names the first-touching instruction) that pays for the chunk's boundary rows, its finalize
// adapter records and its share of the Merkle/Poseidon2 rows. A paged bitset per address space (4096 chunks
// per page) and the touches in order.
// Invariant: `length` entries, each chunk at most once per segment.

const PAGE_CHUNKS_BITS = 12;

export class FirstTouch {
  private pages: (Uint32Array | undefined)[][] = [];
  /** Fast path for the 16 register chunks (AS1 holds 128 cells, 4096 with OpenVM's page rounding). */
  readonly registers = new Uint8Array(512);
  private lastAs = -1;
  private lastPage = -1;
  private lastBits: Uint32Array = new Uint32Array(0);
  space: number[] = [];
  chunk: number[] = [];
  owner: number[] = [];

  get length(): number {
    return this.space.length;
  }

  /** Marks the chunks of [ptr, ptr + size) of `as`; new ones are charged to `owner`. True if any was new. */
  touch(as: number, ptr: number, size: number, owner: number): boolean {
    if (as === 1 && this.registers[ptr >>> 3] !== 0) return false;
    let fresh = false;
    const first = ptr >>> 3;
    const last = (ptr + size - 1) >>> 3;
    for (let c = first; c <= last; c++) {
      const p = c >>> PAGE_CHUNKS_BITS;
      let bits: Uint32Array | undefined;
      if (as === this.lastAs && p === this.lastPage) bits = this.lastBits;
      else {
        let table = this.pages[as];
        if (table === undefined) table = this.pages[as] = [];
        bits = table[p];
        if (bits === undefined) bits = table[p] = new Uint32Array(1 << (PAGE_CHUNKS_BITS - 5));
        this.lastAs = as;
        this.lastPage = p;
        this.lastBits = bits;
      }
      const i = (c >>> 5) & ((1 << (PAGE_CHUNKS_BITS - 5)) - 1);
      const m = 1 << (c & 31);
      if ((bits[i] & m) !== 0) continue;
      bits[i] |= m;
      fresh = true;
      if (as === 1) this.registers[c] = 1;
      this.space.push(as);
      this.chunk.push(c);
      this.owner.push(owner);
    }
    return fresh;
  }

  clear(): void {
    this.lastAs = -1;
    this.registers.fill(0);
    this.pages = [];
    this.space = [];
    this.chunk = [];
    this.owner = [];
  }

  /** Owner of chunk `c` of `as`, by a map built once per finalize. */
  ownerMap(): Map<number, number> {
    const m = new Map<number, number>();
    for (let k = 0; k < this.space.length; k++) m.set(this.space[k] * 2 ** 27 + this.chunk[k], this.owner[k]);
    return m;
  }
}

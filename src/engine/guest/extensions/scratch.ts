// A reusable byte buffer that grows to the largest size asked for (the chips' input records), so a
// precompile allocates only when a message is longer than every earlier one.

export class ScratchBytes {
  private buf = new Uint8Array(256);

  /** A view of at least `n` bytes (contents unspecified). */
  get(n: number): Uint8Array {
    if (n > this.buf.length) this.buf = new Uint8Array(Math.max(n, 2 * this.buf.length));
    return this.buf;
  }
}

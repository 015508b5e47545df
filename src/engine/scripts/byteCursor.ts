// A cursor over the raw bytes of an ASCII .mtrace script (shared/spec/mtrace-format.md), for the one-pass
// summary (mtraceFastSummary.ts). It only ever answers "this is exactly what the spec allows" or "not
// sure": every doubt (a non-ASCII byte, a token that is not a number, a stray `\r`) is a `false` / -1 and
// the caller hands the whole script to the reference parser, which produces the exact error. So this file
// never needs to know an error message, only the token grammar (outside comments, every byte it accepts is
// ASCII, and the text is then its own UTF-8 decoding):
//   - tokens are separated by spaces/tabs; `#` starts a comment anywhere; lines end at `\n`;
//   - one `\r` right before the `\n` (or the end of the text) is ignored, any other `\r` is part of a token;
//   - a number is `[0-9]+` or `0x`/`0X` + `[0-9a-fA-F]+` (numberToken.ts).

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const HASH = 35;

export class ByteCursor {
  pos = 0;
  /** A comment held a non-ASCII byte: the caller must still check that the whole text is UTF-8. */
  nonAscii = false;
  readonly bytes: Uint8Array;
  readonly end: number;

  constructor(bytes: Uint8Array) {
    // A plain Uint8Array view: a Node Buffer is a subclass, and one element kind keeps the loops monomorphic.
    this.bytes = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    this.end = bytes.length;
  }

  /** Skips spaces/tabs; false when there is none (a next token would not be separated from the last one). */
  blanks(): boolean {
    const b = this.bytes;
    const start = this.pos;
    let p = start;
    while (p < this.end) {
      const c = b[p];
      if (c !== SPACE && c !== TAB) break;
      p++;
    }
    this.pos = p;
    return p > start;
  }

  /** True when a token ends before p: the end of the text, a blank, a comment or the end of the line. */
  private delimiterAt(p: number): boolean {
    if (p >= this.end) return true;
    const c = this.bytes[p];
    if (c === SPACE || c === TAB || c === LF || c === HASH) return true;
    return c === CR && (p + 1 === this.end || this.bytes[p + 1] === LF);
  }

  /**
   * The number token at pos (parseNumberAt's grammar), which must end at a delimiter; -1 when the token is
   * missing or is not a number. Huge numbers lose precision but never drop below any limit they exceed.
   */
  number(): number {
    const b = this.bytes;
    const end = this.end;
    let p = this.pos;
    let value = 0;
    if (p + 2 < end && b[p] === 48 && (b[p + 1] | 32) === 120) {
      p += 2;
      const first = p;
      while (p < end) {
        const c = b[p];
        let d: number;
        if (c >= 48 && c <= 57) d = c - 48;
        else if ((c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
        else break;
        value = value * 16 + d;
        p++;
      }
      if (p === first) return -1;
    } else {
      const first = p;
      while (p < end) {
        const d = b[p] - 48;
        if (d < 0 || d > 9) break;
        value = value * 10 + d;
        p++;
      }
      if (p === first) return -1;
    }
    this.pos = p;
    return this.delimiterAt(p) ? value : -1;
  }

  /**
   * `count` numbers <= max, each after at least one blank, into out[0..count): the values of a `write`,
   * which are most of a generated script's bytes, so decimal digits are read here in one local loop
   * (hex goes through number()). False on anything else.
   */
  values(out: Uint32Array, count: number, max: number): boolean {
    const b = this.bytes;
    const end = this.end;
    let p = this.pos;
    for (let k = 0; k < count; k++) {
      if (p >= end) return false;
      let c = b[p];
      if (c !== SPACE && c !== TAB) return false;
      do {
        p++;
        c = p < end ? b[p] : LF;
      } while (c === SPACE || c === TAB);
      let value = c - 48;
      if (value < 0 || value > 9) return false;
      if (value === 0 && p + 1 < end && (b[p + 1] | 32) === 120) {
        this.pos = p;
        value = this.number();
        p = this.pos;
        if (value < 0) return false;
      } else {
        p++;
        while (p < end) {
          const d = b[p] - 48;
          if (d < 0 || d > 9) break;
          value = value * 10 + d;
          p++;
        }
        if (p < end && b[p] !== SPACE && !this.delimiterAt(p)) return false;
      }
      if (value > max) return false;
      out[k] = value;
    }
    this.pos = p;
    return true;
  }

  /** The word `w` (a directive or mode name) at pos, ending at a delimiter; consumed when it matches. */
  word(w: string): boolean {
    const p = this.pos;
    const n = w.length;
    if (p + n > this.end) return false;
    for (let k = 0; k < n; k++) if (this.bytes[p + k] !== w.charCodeAt(k)) return false;
    if (!this.delimiterAt(p + n)) return false;
    this.pos = p + n;
    return true;
  }

  /**
   * The end of the current line: blanks, an optional comment, an optional `\r`, then `\n` or the end of
   * the text; consumed when found. False when another token follows. A comment may hold any UTF-8 text
   * (no UTF-8 sequence contains a `\n` byte), so a non-ASCII byte there only sets `nonAscii`.
   */
  lineEnd(): boolean {
    this.blanks();
    const b = this.bytes;
    const end = this.end;
    let p = this.pos;
    if (p >= end) return true;
    let c = b[p];
    if (c === HASH) {
      while (p < end) {
        c = b[p];
        if (c === LF) break;
        if (c >= 0x80) this.nonAscii = true;
        p++;
      }
      this.pos = p + 1;
      return true;
    }
    if (c === CR) {
      if (p + 1 === end) {
        this.pos = end;
        return true;
      }
      if (b[p + 1] !== LF) return false;
      p++;
      c = LF;
    }
    if (c !== LF) return false;
    this.pos = p + 1;
    return true;
  }

  atEnd(): boolean {
    return this.pos >= this.end;
  }

  /** The byte at pos (pos < end). */
  peek(): number {
    return this.bytes[this.pos];
  }
}

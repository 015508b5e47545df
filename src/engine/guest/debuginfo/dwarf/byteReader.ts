// A bounds-checked little-endian cursor over one DWARF section (DWARF 5 section 7.5/7.6: fixed-size
// integers, ULEB128/SLEB128, NUL-terminated strings, 32- and 64-bit "offset size").
// Invariant: every read past `end` throws EngineError('dwarf') naming the section and the offset; nothing
// else is thrown, and no read allocates more than the bytes it consumes (so a lying length cannot make a
// huge array). Values above 2^53 are reported as errors, never silently rounded.

import { EngineError } from '../../../errors';

const hex = (n: number) => `0x${n.toString(16)}`;

export class ByteReader {
  pos: number;
  readonly end: number;

  constructor(
    readonly section: string,
    readonly bytes: Uint8Array,
    start = 0,
    end = bytes.length,
  ) {
    if (start < 0 || end > bytes.length || start > end)
      throw dwarfError(
        section,
        start,
        `range ${hex(start)}..${hex(end)} is outside the ${bytes.length}-byte section`,
      );
    this.pos = start;
    this.end = end;
  }

  /** A reader over [start, start + length) of the same section, checked against this reader's bytes. */
  sub(start: number, length: number): ByteReader {
    if (!Number.isSafeInteger(length) || length < 0 || start + length > this.bytes.length)
      throw this.fail(
        `length ${length} at ${hex(start)} runs past the end of the ${this.bytes.length}-byte section`,
        start,
      );
    return new ByteReader(this.section, this.bytes, start, start + length);
  }

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  fail(message: string, at = this.pos): EngineError {
    return dwarfError(this.section, at, message);
  }

  private need(n: number): number {
    const at = this.pos;
    if (at + n > this.end)
      throw this.fail(`${n}-byte read at ${hex(at)} runs past the end (${hex(this.end)})`);
    this.pos = at + n;
    return at;
  }

  u8(): number {
    return this.bytes[this.need(1)];
  }

  u16(): number {
    const at = this.need(2);
    return this.bytes[at] | (this.bytes[at + 1] << 8);
  }

  u24(): number {
    const at = this.need(3);
    return this.bytes[at] | (this.bytes[at + 1] << 8) | (this.bytes[at + 2] << 16);
  }

  u32(): number {
    const at = this.need(4);
    const b = this.bytes;
    return (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
  }

  /** A u64 that must fit in a JS number (offsets, lengths, addresses of a 32-bit guest). */
  u64(): number {
    const at = this.pos;
    const lo = this.u32();
    const hi = this.u32();
    if (hi >= 0x200000)
      throw this.fail(`64-bit value ${hex(hi)}${lo.toString(16).padStart(8, '0')} is too large`, at);
    return hi * 2 ** 32 + lo;
  }

  /** An unsigned integer of `size` bytes (1, 2, 4 or 8). */
  uint(size: number): number {
    if (size === 1) return this.u8();
    if (size === 2) return this.u16();
    if (size === 4) return this.u32();
    if (size === 8) return this.u64();
    throw this.fail(`unsupported integer size ${size}`);
  }

  uleb(): number {
    const at = this.pos;
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = this.u8();
      result += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) break;
      scale *= 128;
      if (scale > 2 ** 56) throw this.fail('ULEB128 value is too large', at);
    }
    if (!Number.isSafeInteger(result)) throw this.fail('ULEB128 value is too large', at);
    return result;
  }

  sleb(): number {
    const at = this.pos;
    let result = 0;
    let scale = 1;
    let byte: number;
    do {
      byte = this.u8();
      result += (byte & 0x7f) * scale;
      scale *= 128;
      if (scale > 2 ** 63) throw this.fail('SLEB128 value is too large', at);
    } while (byte & 0x80);
    if (byte & 0x40) result -= scale;
    if (!Number.isSafeInteger(result)) throw this.fail('SLEB128 value is too large', at);
    return result;
  }

  skip(n: number): void {
    if (!Number.isSafeInteger(n) || n < 0) throw this.fail(`bad length ${n}`);
    this.need(n);
  }

  /** A NUL-terminated string (UTF-8). */
  cstring(): string {
    const start = this.pos;
    let i = start;
    while (i < this.end && this.bytes[i] !== 0) i++;
    if (i >= this.end) throw this.fail(`string at ${hex(start)} has no terminating NUL`, start);
    this.pos = i + 1;
    return utf8(this.bytes.subarray(start, i));
  }

  /**
   * An initial length field (DWARF 7.4): 32-bit, or 0xffffffff followed by a 64-bit length. Returns the
   * length and the offset size (4 or 8) it implies for the unit's offsets.
   */
  initialLength(): { length: number; offsetSize: 4 | 8 } {
    const at = this.pos;
    const l = this.u32();
    if (l === 0xffffffff) return { length: this.u64(), offsetSize: 8 };
    if (l >= 0xfffffff0) throw this.fail(`reserved initial length ${hex(l)}`, at);
    return { length: l, offsetSize: 4 };
  }
}

const decoder = new TextDecoder('utf-8');
export function utf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

export function dwarfError(section: string, offset: number, message: string): EngineError {
  return new EngineError('dwarf', `${section} at offset 0x${offset.toString(16)}: ${message}`, { offset });
}

/** A NUL-terminated string at `offset` of a string section (.debug_str, .debug_line_str). */
export function stringAt(section: string, bytes: Uint8Array | undefined, offset: number): string {
  if (bytes === undefined) throw dwarfError(section, offset, `the ELF has no ${section} section`);
  if (offset >= bytes.length)
    throw dwarfError(section, offset, `string offset is past the end of the ${bytes.length}-byte section`);
  const r = new ByteReader(section, bytes, offset);
  return r.cstring();
}

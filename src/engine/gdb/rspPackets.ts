// The GDB Remote Serial Protocol's framing layer (gdb/doc "Overview" of the remote protocol): packets
// `$data#cs` with a two-hex-digit modulo-256 checksum, `+`/`-` acknowledgements until QStartNoAckMode, the
// `}` escape (byte ^ 0x20) for `$`, `#`, `}` and `*` in binary data, run-length encoding `X*n` (n + 29 as a
// printable repeat count, never `#` or `$`), and the out-of-band interrupt byte 0x03.
// Data is handled as "binary strings" (one char per byte, 0..255), never decoded as UTF-8.
// Invariants: the decoder is a pure state machine fed with arbitrary chunks (a packet may be split
// anywhere); garbage between packets is ignored; a packet longer than MAX_PACKET bytes is dropped and
// reported, never buffered without bound; nothing here throws on any input.

export const MAX_PACKET = 1 << 16;

export type RspEvent =
  | { kind: 'packet'; data: string }
  | { kind: 'bad-checksum'; data: string; expected: number; got: string }
  | { kind: 'too-long' }
  | { kind: 'ack' }
  | { kind: 'nack' }
  | { kind: 'interrupt' };

export function checksum(data: string): number {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum = (sum + data.charCodeAt(i)) & 0xff;
  return sum;
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** Frames a reply: `$` + escaped (and optionally run-length encoded) data + `#` + checksum. */
export function frame(data: string, runLength = false): string {
  const body = runLength ? runLengthEncode(escapeBinary(data)) : escapeBinary(data);
  return `$${body}#${hex2(checksum(body))}`;
}

/** Escapes the four bytes that cannot appear raw inside a packet. */
export function escapeBinary(data: string): string {
  return data.replace(/[$#}*]/g, (c) => `}${String.fromCharCode(c.charCodeAt(0) ^ 0x20)}`);
}

export function unescapeBinary(data: string): string {
  if (!data.includes('}')) return data;
  let out = '';
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === '}' && i + 1 < data.length) out += String.fromCharCode(data.charCodeAt(++i) ^ 0x20);
    else out += c;
  }
  return out;
}

/**
 * Run-length encodes runs of 4 or more equal characters as `c*n` (n + 29 the repeat count, 3..97 more);
 * counts whose character would be `#` (6) or `$` (7) are avoided by shortening the run.
 */
export function runLengthEncode(data: string): string {
  let out = '';
  let i = 0;
  while (i < data.length) {
    const c = data[i];
    let run = 1;
    while (i + run < data.length && data[i + run] === c && run < 98) run++;
    // `*` after an escape character would be ambiguous: never encode runs of '}' (or of '*' itself).
    if (run < 4 || c === '}' || c === '*') {
      out += c;
      i++;
      continue;
    }
    let repeat = run - 1;
    if (repeat === 6 || repeat === 7) repeat = 5;
    out += `${c}*${String.fromCharCode(repeat + 29)}`;
    i += repeat + 1;
  }
  return out;
}

export function runLengthDecode(data: string): string {
  if (!data.includes('*')) return data;
  let out = '';
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (c === '*' && out.length > 0 && i + 1 < data.length) {
      const n = data.charCodeAt(++i) - 29;
      out += out[out.length - 1].repeat(Math.max(0, n));
    } else out += c;
  }
  return out;
}

/** Hex of a binary string (gdb's hex-encoded arguments and replies, e.g. qRcmd). */
export function toHex(data: string): string {
  let out = '';
  for (let i = 0; i < data.length; i++) out += hex2(data.charCodeAt(i) & 0xff);
  return out;
}

export function fromHex(hex: string): string | null {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) return null;
  let out = '';
  for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
  return out;
}

/** Text (UTF-8) as a binary string, for console output and monitor replies. */
export function utf8Binary(text: string): string {
  let out = '';
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out += ch;
    else if (c < 0x800) out += String.fromCharCode(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000)
      out += String.fromCharCode(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else
      out += String.fromCharCode(
        0xf0 | (c >> 18),
        0x80 | ((c >> 12) & 63),
        0x80 | ((c >> 6) & 63),
        0x80 | (c & 63),
      );
  }
  return out;
}

/**
 * The receiving half: feed it bytes as they arrive, get the events they complete. Packets come back
 * unescaped and run-length decoded; with a bad checksum they come back as 'bad-checksum' (the server then
 * answers `-` in ack mode, and ignores them in no-ack mode).
 */
export class RspDecoder {
  private state: 'idle' | 'data' | 'sum' = 'idle';
  private data = '';
  private sum = '';
  private overflow = false;

  push(chunk: Uint8Array | string): RspEvent[] {
    const events: RspEvent[] = [];
    for (let i = 0; i < chunk.length; i++) {
      const code = typeof chunk === 'string' ? chunk.charCodeAt(i) & 0xff : chunk[i];
      const c = String.fromCharCode(code);
      if (this.state === 'idle') {
        if (c === '$') {
          this.state = 'data';
          this.data = '';
          this.overflow = false;
        } else if (c === '+') events.push({ kind: 'ack' });
        else if (c === '-') events.push({ kind: 'nack' });
        else if (code === 0x03) events.push({ kind: 'interrupt' });
        // anything else between packets is noise and is ignored
      } else if (this.state === 'data') {
        if (c === '#') {
          this.state = 'sum';
          this.sum = '';
        } else if (c === '$') {
          // a new packet starts before the old one ended: the old one is lost
          this.data = '';
          this.overflow = false;
        } else if (this.data.length < MAX_PACKET) this.data += c;
        else this.overflow = true;
      } else {
        this.sum += c;
        if (this.sum.length === 2) {
          this.state = 'idle';
          events.push(this.finish());
        }
      }
    }
    return events;
  }

  private finish(): RspEvent {
    if (this.overflow) {
      this.data = '';
      return { kind: 'too-long' };
    }
    const raw = this.data;
    this.data = '';
    const expected = checksum(raw);
    if (!/^[0-9a-fA-F]{2}$/.test(this.sum) || parseInt(this.sum, 16) !== expected)
      return { kind: 'bad-checksum', data: raw, expected, got: this.sum };
    return { kind: 'packet', data: unescapeBinary(runLengthDecode(raw)) };
  }
}

// The RSP framing layer on its own: checksums and frames as gdb writes them, escaping and run-length
// encoding round trips (and the protocol document's own example), a decoder fed in arbitrary splits, bad
// checksums, acks, interrupts, overlong packets, and random garbage that must never throw.
import { describe, expect, it } from 'vitest';
import { Random } from '../random';
import {
  checksum,
  escapeBinary,
  frame,
  fromHex,
  MAX_PACKET,
  RspDecoder,
  runLengthDecode,
  runLengthEncode,
  toHex,
  unescapeBinary,
} from './rspPackets';

describe('RSP packets', () => {
  it('checksums and frames as gdb writes them', () => {
    expect(frame('OK')).toBe('$OK#9a');
    expect(frame('')).toBe('$#00');
    expect(frame('qSupported:multiprocess+')).toBe(
      `$qSupported:multiprocess+#${checksum('qSupported:multiprocess+').toString(16).padStart(2, '0')}`,
    );
    expect(checksum('g')).toBe(0x67);
  });

  it('escapes $ # } * as } then the byte xor 0x20, and back', () => {
    expect(escapeBinary('a$b#c}d*e')).toBe('a}\x04b}\x03c}]d}\x0ae');
    const rnd = new Random(7);
    for (let n = 0; n < 200; n++) {
      const s = Array.from({ length: rnd.below(64) }, () => String.fromCharCode(rnd.below(256))).join('');
      expect(unescapeBinary(escapeBinary(s))).toBe(s);
      expect(escapeBinary(s)).not.toMatch(/[$#*]/);
    }
  });

  it('run-length encoding: the manual example, no # or $ counts, round trips', () => {
    expect(runLengthDecode('0* ')).toBe('0000'); // "0* " means the same as "0000"
    expect(runLengthEncode('0000')).toBe('0* ');
    expect(runLengthEncode('000')).toBe('000');
    const seven = runLengthEncode('x'.repeat(8)); // a repeat of 7 would be '$', of 6 '#'
    expect(seven).not.toMatch(/[#$]/);
    expect(runLengthDecode(seven)).toBe('x'.repeat(8));
    const rnd = new Random(11);
    for (let n = 0; n < 300; n++) {
      let s = '';
      while (s.length < 200) s += String.fromCharCode(32 + rnd.below(4)).repeat(1 + rnd.below(120));
      const enc = runLengthEncode(escapeBinary(s));
      expect(unescapeBinary(runLengthDecode(enc))).toBe(s);
      expect(enc.length).toBeLessThanOrEqual(escapeBinary(s).length);
    }
  });

  it('the decoder takes packets split anywhere, with acks, noise and interrupts between them', () => {
    const wire = `+garbage$qC#b4-\x03${frame('X1000,2:#$')}${frame('m0,4', true)}`;
    for (let cut = 0; cut < wire.length; cut++) {
      const d = new RspDecoder();
      const events = [...d.push(wire.slice(0, cut)), ...d.push(wire.slice(cut))];
      expect(events).toEqual([
        { kind: 'ack' },
        { kind: 'packet', data: 'qC' },
        { kind: 'nack' },
        { kind: 'interrupt' },
        { kind: 'packet', data: 'X1000,2:#$' },
        { kind: 'packet', data: 'm0,4' },
      ]);
    }
  });

  it('reports bad checksums (wrong digits, non-hex digits) and overlong packets, and recovers', () => {
    const d = new RspDecoder();
    expect(d.push('$g#00')).toEqual([{ kind: 'bad-checksum', data: 'g', expected: 0x67, got: '00' }]);
    expect(d.push('$g#zz')).toEqual([{ kind: 'bad-checksum', data: 'g', expected: 0x67, got: 'zz' }]);
    expect(d.push(`$${'a'.repeat(MAX_PACKET + 10)}#00`)).toEqual([{ kind: 'too-long' }]);
    expect(d.push('$half$g#67')).toEqual([{ kind: 'packet', data: 'g' }]); // a packet restarted by '$'
    expect(d.push(new Uint8Array([0x24, 0x67, 0x23, 0x36, 0x37]))).toEqual([{ kind: 'packet', data: 'g' }]);
  });

  it('never throws on random bytes', () => {
    const rnd = new Random(3);
    const d = new RspDecoder();
    let packets = 0;
    for (let n = 0; n < 2000; n++) {
      const bytes = Uint8Array.from({ length: rnd.below(100) }, () =>
        rnd.pick([0x24, 0x23, 0x2b, 0x2d, 0x03, 0x7d, 0x2a, rnd.below(256)]),
      );
      packets += d.push(bytes).filter((e) => e.kind === 'packet').length;
    }
    expect(packets).toBeGreaterThanOrEqual(0);
  });

  it('hex helpers', () => {
    expect(toHex('timestamp')).toBe('74696d657374616d70');
    expect(fromHex('74696d657374616d70')).toBe('timestamp');
    expect(fromHex('7')).toBeNull();
    expect(fromHex('zz')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { parseInput } from '../engine/guest/io/input';
import { formatUrlState, MAX_URL_INPUT, parseUrlState } from './urlState';

describe('URL state', () => {
  it('round-trips every field', () => {
    const s = {
      example: 'hello.elf',
      input: '0x01ff',
      mode: 'volatile' as const,
      alloc: 'observe' as const,
      segments: 'off' as const,
      segmentSettings: { maxSegmentLength: 8192, segmentMaxCells: 1_000_000 },
      t: 1234,
      sel: { addressSpace: 2, pointer: 0x2000 },
      hidden: ['Allocator'],
      panels: ['cost'],
    };
    expect(parseUrlState(formatUrlState(s))).toEqual(s);
  });
  it('ignores malformed values instead of failing', () => {
    expect(parseUrlState('?t=abc&mode=fast&sel=x&input=zz&seg=maybe&seglen=-1&segbits=x')).toEqual({});
  });
  it('carries the segment options (issue 23): seg=off, seglen, segbits, segcells; defaults stay out', () => {
    expect(formatUrlState({ segments: 'openvm', segmentSettings: {} })).toBe('');
    expect(formatUrlState({ segments: 'openvm', segmentSettings: { segmentMaxHeightBits: 20 } })).toBe(
      '?segbits=20',
    );
    expect(parseUrlState('?seglen=4096&segcells=99')).toEqual({
      segmentSettings: { maxSegmentLength: 4096, segmentMaxCells: 99 },
    });
  });
  // issue 13 defect 3: a JSON input used to be dropped from the URL (a shared link then hit EndOfInputStream).
  it.each([
    ['one hex string', '0x01a086010000000000'],
    ['a JSON list of hex strings', '{"input": ["0x0101020304", "0x01ff"]}'],
    ['a JSON list without 0x prefixes', '{"input":["0101020304","02aabbccdd"]}'],
    ['an empty JSON list', '{"input": []}'],
    ['JSON with a kv_store', '{"input": ["0x01ff"], "kv_store": {"0a0b": "0x0c"}}'],
  ])('round-trips %s: the same input vectors come back', (_, input) => {
    const back = parseUrlState(formatUrlState({ example: 'sum_input.elf', input })).input;
    expect(back).toBeDefined();
    expect(parseInput(back!)).toEqual(parseInput(input));
  });
  it('writes a JSON list as a compact list of hex strings', () => {
    expect(formatUrlState({ input: '{"input": ["0x0101020304", "0x01ff"]}' })).toBe(
      '?inputs=0101020304%2C01ff',
    );
  });
  it('keeps text the engine will reject verbatim, so the shared link shows the same error', () => {
    const input = '{"input": [1, 2]}';
    expect(parseUrlState(formatUrlState({ input })).input).toBe(input);
  });
  it('leaves out inputs too long for a URL', () => {
    expect(
      parseUrlState(formatUrlState({ input: `0x01${'ab'.repeat(MAX_URL_INPUT)}` })).input,
    ).toBeUndefined();
  });
  it('issue 22: names a local file, and carries a small script verbatim', () => {
    const script = 'mode persistent\nwrite 2 0 4 1 2 3 4  # t=1 & more\n';
    const back = parseUrlState(formatUrlState({ file: 'my.mtrace', script, t: 4 }));
    expect(back).toEqual({ file: 'my.mtrace', script, t: 4 });
    expect(parseUrlState('?script=x').script).toBeUndefined(); // a script without its name is ignored
  });
});

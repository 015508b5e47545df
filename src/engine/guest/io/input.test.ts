import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { BABYBEAR_P, parseInput } from './input';

describe('OpenVM CLI input format', () => {
  it('JSON with 01 (bytes) and 02 (LE u32 field elements, reduced mod p) vectors', () => {
    const input = parseInput('{"input": ["0x01a086010000000000", "0x0201000000ffffffff", "0x01"]}');
    expect(input.vectors.map((v) => Array.from(v))).toEqual([
      [0xa0, 0x86, 0x01, 0, 0, 0, 0, 0],
      [1, 0xffffffff % BABYBEAR_P],
      [],
    ]);
  });
  it('one hex string, with or without 0x', () => {
    expect(Array.from(parseInput('01ff00').vectors[0])).toEqual([0xff, 0]);
    expect(Array.from(parseInput('0x0102').vectors[0])).toEqual([2]);
  });
  it('rejects what the OpenVM CLI rejects, with the entry named', () => {
    const msg = (text: string) => {
      try {
        parseInput(text);
      } catch (e) {
        expect(e).toBeInstanceOf(EngineError);
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(msg('0x011')).toMatch(/even length/);
    expect(msg('0x03ff')).toMatch(/must start with 01 \(bytes\) or 02/);
    expect(msg('{"input": ["0x0201"]}')).toMatch(/^input: input\[0\]: .*whole number of 32-bit elements/);
    expect(msg('{"input": [1]}')).toMatch(/input\[0\]: each value must be a hex string/);
    expect(msg('{"inputs": []}')).toMatch(/array under the "input" key/);
    expect(msg('{"input": ')).toMatch(/not valid JSON/);
    expect(msg('0x01zz')).toMatch(/hex digits/);
  });
  it('kv_store (memscope extension for hint_load_by_key)', () => {
    const input = parseInput('{"input": [], "kv_store": {"6b6579": "0x01000000020000000500000006000000"}}');
    expect(Array.from(input.kvStore.get('6b6579') ?? [])).toEqual([
      1, 0, 0, 0, 2, 0, 0, 0, 5, 0, 0, 0, 6, 0, 0, 0,
    ]);
  });
});

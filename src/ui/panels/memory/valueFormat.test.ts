import { describe, expect, it } from 'vitest';
import { BABYBEAR_P, fromMontgomery } from '../../../engine/memory/babybear';
import {
  addressBase,
  addressDigits,
  asciiChar,
  cellKindOf,
  effectiveFormat,
  fieldParts,
  formatAddress,
  formatCell,
  formatSpaceSize,
  formatWord,
  wordOf,
} from './valueFormat';

describe('address spaces value formats', () => {
  it('tells byte from field spaces by min_block_size', () => {
    expect(cellKindOf(4)).toBe('byte');
    expect(cellKindOf(1)).toBe('native');
  });

  it('falls back to decimal where a format means nothing', () => {
    expect(effectiveFormat('ascii', 'native')).toBe('dec');
    expect(effectiveFormat('field', 'byte')).toBe('dec');
    expect(effectiveFormat('ascii', 'byte')).toBe('ascii');
    expect(effectiveFormat('field', 'native')).toBe('field');
    expect(effectiveFormat('hex', 'native')).toBe('hex');
  });

  it('formats byte cells', () => {
    expect(formatCell(10, 'hex', 'byte')).toBe('0a');
    expect(formatCell(255, 'dec', 'byte')).toBe('255');
    expect(formatCell(65, 'ascii', 'byte')).toBe('A');
    expect(formatCell(0, 'ascii', 'byte')).toBe('·');
    expect(formatCell(200, 'ascii', 'byte')).toBe('.');
    expect(formatCell(7, 'field', 'byte')).toBe('7');
    expect(asciiChar(0x7f)).toBe('.');
    expect(asciiChar(0x20)).toBe(' ');
  });

  it('formats native cells canonical', () => {
    expect(formatCell(BABYBEAR_P - 1, 'field', 'native')).toBe('2013265920');
    expect(formatCell(BABYBEAR_P - 1, 'hex', 'native')).toBe('78000000');
    expect(formatCell(16, 'ascii', 'native')).toBe('16');
  });

  it('reads four bytes as a little-endian word', () => {
    expect(wordOf(1, 2, 3, 4)).toBe(0x04030201);
    expect(wordOf(0xff, 0xff, 0xff, 0xff)).toBe(0xffffffff);
    expect(formatWord([1, 2, 3, 4], 'hex')).toBe('04030201');
    expect(formatWord([0xff, 0xff, 0xff, 0xff], 'dec')).toBe('4294967295');
    expect(formatWord([0x68, 0x69, 0, 0x21], 'ascii')).toBe('hi·!');
  });

  it('gives the Montgomery word and the signed representative of a field element', () => {
    const f = fieldParts(BABYBEAR_P - 1);
    expect(f.signed).toBe(-1);
    expect(fromMontgomery(f.montgomery)).toBe(BABYBEAR_P - 1);
    expect(fieldParts(1).montgomery).toBe(Number((1n << 32n) % BigInt(BABYBEAR_P)));
    expect(fieldParts(0)).toEqual({ canonical: 0, montgomery: 0, signed: 0 });
    expect(fieldParts((BABYBEAR_P - 1) / 2).signed).toBe((BABYBEAR_P - 1) / 2);
  });

  it('formats addresses in the base of the value format, padded to the space', () => {
    expect(addressDigits(128)).toBe(2);
    expect(addressDigits(32)).toBe(2);
    expect(addressDigits(2 ** 29)).toBe(8);
    expect(formatAddress(0x40, 'hex', 2)).toBe('0x40');
    expect(formatAddress(0x2000, 'hex', 8)).toBe('0x00002000');
    expect(formatAddress(64, 'dec', 2)).toBe('64');
    expect(addressBase('field')).toBe('dec');
    expect(addressBase('ascii')).toBe('hex');
  });

  it('names the size of each space', () => {
    expect(formatSpaceSize(128, 'byte')).toBe('128 cells');
    expect(formatSpaceSize(32, 'byte')).toBe('32 cells');
    expect(formatSpaceSize(2 ** 29, 'byte')).toBe('2^29 cells (512 MiB)');
    expect(formatSpaceSize(2 ** 29, 'native')).toBe('2^29 field cells (2 GiB)');
  });
});

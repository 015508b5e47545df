import { describe, expect, it } from 'vitest';
import { BABYBEAR_P, toMontgomery } from '../../../engine/memory/babybear';
import { READ, WRITE } from './accessMarks';
import { cellTooltip } from './cellTooltip';

describe('cell tooltip', () => {
  it('spells out a register byte: register, value, word, block, metadata, access', () => {
    const raw = ((3 << 29) | 105) >>> 0;
    const text = cellTooltip(
      {
        addr: 41,
        value: 0x2a,
        blockStart: 40,
        blockSize: 4,
        timestamp: 105,
        raw,
        offsetToStart: 0,
        unitAddr: 40,
      },
      { laneName: 'registers', addressSpace: 1, kind: 'byte', word: [0, 0x2a, 0, 0], mark: READ | WRITE },
    );
    expect(text.split('\n')).toEqual([
      'registers (AS1) cell 0x29 (41) · x10 (a0) byte 1',
      "value 0x2a = 42 = '*'",
      'word (LE32 at 0x28 (40)): 0x00002a00 = 10752 = 10752 signed',
      'block [0x28 (40), 0x2c (44)) · 4 cells · last access t 105',
      'metadata of unit 0x28 (40): raw 0x60000069 · offset_to_start 0',
      'this step: read and written',
    ]);
  });

  it('gives a native cell canonical, signed and Montgomery', () => {
    const text = cellTooltip(
      {
        addr: 5,
        value: BABYBEAR_P - 1,
        blockStart: 5,
        blockSize: 2,
        timestamp: 1,
        raw: 0x40000001,
        offsetToStart: 0,
        unitAddr: 5,
      },
      { laneName: 'native', addressSpace: 4, kind: 'native', mark: WRITE },
    );
    expect(text).toContain('value 2013265920 (canonical) = 0x78000000 = -1 in the field');
    expect(text).toContain(
      `raw Montgomery word 0x${toMontgomery(BABYBEAR_P - 1)
        .toString(16)
        .padStart(8, '0')}`,
    );
    expect(text).toContain('this step: written');
    expect(text).not.toContain('byte');
  });

  it('says when a cell was never touched', () => {
    const text = cellTooltip(
      {
        addr: 0,
        value: 0,
        blockStart: -1,
        blockSize: 0,
        timestamp: 0,
        raw: 0,
        offsetToStart: 0,
        unitAddr: 0,
      },
      { laneName: 'memory', addressSpace: 2, kind: 'byte', mark: 0 },
    );
    expect(text).toContain('untouched');
    expect(text).not.toContain('this step');
  });
});

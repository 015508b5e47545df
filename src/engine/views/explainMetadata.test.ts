import { describe, expect, it } from 'vitest';
import { packMetadataWord } from '../memory/accessMetadata';
import { defaultMemoryConfig } from '../memory/config';
import { TracingMemory } from '../memory/tracingMemory';
import { explainMetadataWord, explainTPrev } from './explainMetadata';

describe('explain metadata words and timestamps', () => {
  it('decodes a real block start written by set_meta_block', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    m.incrementTimestampBy(10);
    m.write(2, 16, 8, [1, 2, 3, 4, 5, 6, 7, 8]); // t 11: a block of 8 at 16
    const s = m.space(2);
    const raw = s.metaWord(4);
    expect(raw).toBe(packMetadataWord(11, 8));
    const text = explainMetadataWord(raw, s.metaOffset(4), 4, 16);
    expect(text).toContain('timestamp in bits 0..28 (11)');
    expect(text).toContain('the block is 2^(4−1) = 8 cells');
    expect(text).toContain('[16, 24)');
  });
  it('explains a non-start unit by its offset and an untouched unit as initial memory', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    m.write(2, 16, 8, [1, 2, 3, 4, 5, 6, 7, 8]);
    const s = m.space(2);
    expect(explainMetadataWord(s.metaWord(5), s.metaOffset(5), 4, 20)).toContain(
      'after the start of its block, at 16',
    );
    expect(explainMetadataWord(s.metaWord(100), s.metaOffset(100), 4, 400)).toContain(
      'no access has reached',
    );
  });
  it('a first-touch piece has timestamp 0 and says so', () => {
    const m = new TracingMemory(defaultMemoryConfig(), 8);
    m.read(2, 0, 4); // first touch splits chunk 0: unit 1 = (t 0, size 4)
    const s = m.space(2);
    expect(explainMetadataWord(s.metaWord(1), s.metaOffset(1), 4, 4)).toContain('first-touch split');
  });
  it('t_prev: first access, merged pieces, a plain block', () => {
    expect(explainTPrev(0, 5, [], { pointer: 0, size: 4 })).toContain('first');
    expect(
      explainTPrev(3, 5, [{ kind: 'merge', pointer: 0, blockSize: 16, prevTimestamps: [2, 3, 0, 0] }], {
        pointer: 0,
        size: 16,
      }),
    ).toContain('newest timestamp of the pieces this access merged ([2, 3, 0, 0])');
    expect(explainTPrev(4, 5, [], { pointer: 8, size: 4 })).toContain('last accessed at t 4');
  });
});

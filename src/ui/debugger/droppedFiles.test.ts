import { describe, expect, it } from 'vitest';
import { classifyDropped } from './droppedFiles';

const f = (name: string, bytes: number[] = [0x23]) => ({ name, bytes: new Uint8Array(bytes) });

describe('a dropped set of files', () => {
  it('keeps a program, its input and its openvm.toml together (issue 13 defect 6)', () => {
    const set = classifyDropped([
      f('bincode.input.json'),
      f('bincode.elf', [0x7f, 0x45, 0x4c, 0x46]),
      f('openvm.toml'),
    ]);
    expect(set.program?.name).toBe('bincode.elf');
    expect(set.program?.kind).toBe('guest');
    expect(set.input?.name).toBe('bincode.input.json');
    expect(set.config?.name).toBe('openvm.toml');
    expect(set.rejected).toEqual([]);
  });
  it('names what it cannot use, and why', () => {
    const set = classifyDropped([f('a.mtrace'), f('b.alloc'), f('notes.txt')]);
    expect(set.program?.name).toBe('a.mtrace');
    expect(set.rejected.map((r) => r.name)).toEqual(['b.alloc', 'notes.txt']);
    expect(set.rejected[0].why).toMatch(/only one program/);
    expect(set.rejected[1].why).toMatch(/notes\.txt: not an ELF/);
  });
});

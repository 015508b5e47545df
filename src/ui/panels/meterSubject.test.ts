// Issue 22: Cost by function says which run it measures, and how the debugged run differs from it.
import { describe, expect, it } from 'vitest';
import { meterSubject } from './meterSubject';

describe('meterSubject', () => {
  it('names the program, input, config, allocator and memory mode metered', () => {
    const s = meterSubject('hashmap.elf', { mode: 'persistent', alloc: 'off', input: '' }, undefined);
    expect(s.measures).toBe(
      "hashmap.elf · no input · default VM config (no openvm.toml) · the guest's own allocator · persistent memory",
    );
    expect(s.differs).toEqual([]);
    expect(
      meterSubject('x.elf', { mode: 'persistent', alloc: 'observe', input: '0x01' }, 'openvm.toml').measures,
    ).toBe("x.elf · input 0x01 · openvm.toml · the guest's own allocator · persistent memory");
  });

  it('says how the debugged run differs: orthotope interposition, volatile mode', () => {
    const s = meterSubject('hashmap.elf', { mode: 'volatile', alloc: 'orthotope', input: '' }, undefined);
    expect(s.differs).toHaveLength(2);
    expect(s.differs[0]).toMatch(/allocator: orthotope/);
    expect(s.differs[1]).toMatch(/volatile/);
  });
});

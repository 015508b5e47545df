// Issue 22: Cost by function says which run it measures — the run being debugged, allocator interposition
// included — and names exactly what it cannot reproduce.
import { describe, expect, it } from 'vitest';
import { meterSubject } from './meterSubject';

const oneSegment = { mode: 'persistent' as const, segments: [{}] as never[] };

describe('meterSubject', () => {
  it('names the program, input, config, allocator and memory mode metered', () => {
    const s = meterSubject('hashmap.elf', { mode: 'persistent', alloc: 'off', input: '' }, undefined);
    expect(s.measures).toBe(
      "hashmap.elf · no input · default VM config (no openvm.toml) · the guest's own allocator · persistent memory",
    );
    expect(s.differs).toEqual([]);
    expect(
      meterSubject('x.elf', { mode: 'persistent', alloc: 'observe', input: '0x01' }, 'openvm.toml').measures,
    ).toBe("x.elf · input 0x01 · openvm.toml · the guest's own allocator (observed) · persistent memory");
  });

  it('orthotope: the metered run is the debugged one (served calls), nothing differs', () => {
    const s = meterSubject(
      'hashmap.elf',
      { mode: 'persistent', alloc: 'orthotope', input: '' },
      undefined,
      oneSegment,
    );
    expect(s.measures).toMatch(/allocator calls served by orthotope · persistent memory$/);
    expect(s.differs).toEqual([]);
  });

  it('a volatile session is metered volatile (one segment, VolatileBoundaryAir): nothing differs', () => {
    const s = meterSubject('hashmap.elf', { mode: 'volatile', alloc: 'orthotope', input: '' }, undefined, {
      mode: 'volatile',
      segments: [{}] as never[],
    });
    expect(s.measures).toMatch(
      /allocator calls served by orthotope · volatile memory \(one segment: VolatileBoundaryAir, no Merkle tree\)$/,
    );
    expect(s.measures).not.toMatch(/persistent/);
    expect(s.differs).toEqual([]);
  });

  it('names what differs: a view of the other memory mode, an orthotope run metered in several segments', () => {
    const s = meterSubject('hashmap.elf', { mode: 'volatile', alloc: 'orthotope', input: '' }, undefined, {
      mode: 'persistent',
      segments: [{}, {}, {}] as never[],
    });
    expect(s.differs).toHaveLength(2);
    expect(s.differs[0]).toMatch(/volatile memory mode, the metered one in persistent mode/);
    expect(s.differs[1]).toMatch(/one segment .*into 3 segments/);
  });

  it('a persistent session with segments off (Run ▾) is one TracingMemory: metering cuts it, and says so', () => {
    const meter = { mode: 'persistent' as const, segments: [{}, {}] as never[] };
    const off = meterSubject(
      'fibonacci.elf',
      { mode: 'persistent', alloc: 'off', input: '', segments: 'off' },
      undefined,
      meter,
    );
    expect(off.differs).toEqual([expect.stringMatching(/one TracingMemory .*into 2 segments/)]);
    const on = { mode: 'persistent' as const, alloc: 'off' as const, input: '', segments: 'openvm' as const };
    expect(meterSubject('fibonacci.elf', on, undefined, meter).differs).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import {
  HEADER_MAGIC,
  KIND_LARGE,
  KIND_SMALL,
  decodeHeader,
  encodeHeader,
  validateHeader,
  type HeaderFields,
} from './header';

const small = (over: Partial<HeaderFields> = {}): HeaderFields => ({
  magic: HEADER_MAGIC,
  kind: KIND_SMALL,
  classIndex: 1,
  requested: 144,
  usable: 256,
  ...over,
});
const large = (over: Partial<HeaderFields> = {}): HeaderFields => ({
  magic: HEADER_MAGIC,
  kind: KIND_LARGE,
  classIndex: 255,
  requested: 16_777_217,
  usable: 16_777_280,
  ...over,
});

describe('AllocationHeader (orthotope 0.1.7 header.rs)', () => {
  it('encodes the C layout little-endian: magic, kind, class, reserved, requested, usable', () => {
    const bytes = encodeHeader(KIND_SMALL, 1, 144, 256) as Uint8Array;
    expect([...bytes]).toEqual([0x48, 0x54, 0x52, 0x4f, 1, 1, 0, 0, 144, 0, 0, 0, 0, 1, 0, 0]);
    expect(decodeHeader(bytes)).toEqual(small());
  });

  it('refuses to encode sizes that do not fit u32, or requested 0 / above usable', () => {
    expect(encodeHeader(KIND_LARGE, 255, 2 ** 32, 2 ** 32 + 64)).toBeNull();
    expect(encodeHeader(KIND_LARGE, 255, 100, 2 ** 32)).toBeNull();
    expect(encodeHeader(KIND_SMALL, 0, 0, 64)).toBeNull();
    expect(encodeHeader(KIND_SMALL, 0, 65, 64)).toBeNull();
  });

  it('accepts valid small and large headers', () => {
    expect(validateHeader(small())).toEqual({ ok: true, cls: 1 });
    expect(validateHeader(large())).toEqual({ ok: true, cls: 255 });
  });

  const bad: Array<[string, HeaderFields, string]> = [
    ['wrong magic', small({ magic: HEADER_MAGIC ^ 1 }), 'magic'],
    ['a free-list link over the magic', small({ magic: 0 }), 'magic'],
    ['requested 0', small({ requested: 0 }), 'sizes'],
    ['usable < requested', large({ usable: 100, requested: 101 }), 'sizes'],
    ['small class index above 11', small({ classIndex: 12, usable: 300 }), 'classIndex'],
    ['usable not the class payload', small({ classIndex: 1, usable: 64, requested: 10 }), 'usableMismatch'],
    ['large class byte not 255', large({ classIndex: 3 }), 'largeClassByte'],
    ['kind neither 1 nor 2', small({ kind: 7 }), 'kindByte'],
  ];
  it.each(bad)('CorruptHeader for %s', (_, h, reason) => {
    expect(validateHeader(h)).toEqual({ ok: false, reason });
  });

  it('checks magic first, then sizes, then the kind-specific checks', () => {
    expect(validateHeader(small({ magic: 0, requested: 0, classIndex: 99 }))).toEqual({
      ok: false,
      reason: 'magic',
    });
    expect(validateHeader(small({ requested: 0, classIndex: 99 }))).toEqual({ ok: false, reason: 'sizes' });
  });
});

import { describe, expect, it } from 'vitest';
import { PAGE_SIZE, PagedArenaBytes } from './arenaBytes';

describe('PagedArenaBytes', () => {
  it('reads zeros where nothing was written, like fresh anonymous memory', () => {
    const b = new PagedArenaBytes(1 << 30);
    expect(b.readU32(123_456_788)).toBe(0);
    expect(b.readBytes(1000, 16)).toEqual(new Uint8Array(16));
    expect(b.pageCount).toBe(0);
  });

  it('round-trips u8, u32 (also across a page boundary) and byte ranges', () => {
    const b = new PagedArenaBytes(4 * PAGE_SIZE);
    b.writeU32(8, 0x4f525448);
    expect(b.readU32(8)).toBe(0x4f525448);
    expect(b.readU8(8)).toBe(0x48);
    b.writeU32(PAGE_SIZE - 2, 0xdeadbeef);
    expect(b.readU32(PAGE_SIZE - 2)).toBe(0xdeadbeef);
    const data = Uint8Array.from({ length: PAGE_SIZE + 10 }, (_, i) => i & 0xff);
    b.writeBytes(PAGE_SIZE + 5, data);
    expect(b.readBytes(PAGE_SIZE + 5, data.length)).toEqual(data);
  });

  it('throws on accesses outside the arena', () => {
    const b = new PagedArenaBytes(128);
    expect(() => b.readU32(126)).toThrow(RangeError);
    expect(() => b.writeU8(-1, 0)).toThrow(RangeError);
  });

  it("clones copy-on-write: neither side sees the other one's later writes", () => {
    const a = new PagedArenaBytes(3 * PAGE_SIZE);
    a.writeU32(0, 1);
    a.writeU32(PAGE_SIZE, 2);
    const b = a.clone();
    a.writeU32(0, 10);
    b.writeU32(PAGE_SIZE, 20);
    b.writeU32(2 * PAGE_SIZE, 30);
    expect([a.readU32(0), a.readU32(PAGE_SIZE), a.readU32(2 * PAGE_SIZE)]).toEqual([10, 2, 0]);
    expect([b.readU32(0), b.readU32(PAGE_SIZE), b.readU32(2 * PAGE_SIZE)]).toEqual([1, 20, 30]);
    const c = b.clone();
    c.writeU32(0, 99);
    expect([a.readU32(0), b.readU32(0), c.readU32(0)]).toEqual([10, 1, 99]);
  });

  it('uses a sparse page map for arenas above 4 GiB, with the same copy-on-write behaviour', () => {
    const a = new PagedArenaBytes(2 ** 40);
    a.writeU32(2 ** 39, 7);
    const b = a.clone();
    b.writeU32(2 ** 39, 8);
    expect([a.readU32(2 ** 39), b.readU32(2 ** 39), a.pageCount, b.pageCount]).toEqual([7, 8, 1, 1]);
  });
});

// The one decoding of allocator calls (allocCalls.ts), against the C and Rust signatures, and calloc's size
// against the guest's own calloc: the hashmap example links examples/guests/runtime/malloc.c, whose calloc
// computes `count * size` with the RV32 `mul` and passes it to its malloc — the nested malloc call shows
// what the guest really allocates, independently of our decoding.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEADER_FIELDS } from '../../alloc/orthotope/arena/header';
import { HEADER_SIZE } from '../../alloc/orthotope/sizeClasses';
import { GuestAllocCalls } from '../../timeline/machines/guestAllocCalls';
import {
  ALLOC_REGS,
  callocSize,
  decodeAllocArgs,
  isFree,
  LiveHeap,
  releasesPointer,
  summarizeAllocCalls,
  zeroesBlock,
  type AllocCall,
} from './allocCalls';
import { AllocInterposer } from './allocInterposer';
import { AllocObserver } from './allocObserver';
import type { Interpreter } from '../isa/executor';
import { EXAMPLES } from '../fixtures.testutil';
import { loadGuestProgram } from '../program/guestProgram';
import { GuestRun } from '../guestRun';

describe('argument decoding (RISC-V ilp32: a0..a3 = x10..x13)', () => {
  it('follows each signature', () => {
    expect(ALLOC_REGS).toEqual({ ra: 1, sp: 2, a0: 10, a1: 11, a2: 12, a3: 13 });
    const [a0, a1, a2, a3] = [0x1000, 24, 8, 96];
    expect(decodeAllocArgs('__rust_alloc', a0, a1, a2, a3)).toEqual({ size: 0x1000, align: 24, ptr: 0 }); // (size, align)
    expect(decodeAllocArgs('__rust_alloc_zeroed', a0, a1, a2, a3)).toEqual({
      size: 0x1000,
      align: 24,
      ptr: 0,
    });
    expect(decodeAllocArgs('__rust_dealloc', a0, a1, a2, a3)).toEqual({ size: 24, align: 8, ptr: 0x1000 }); // (ptr, size, align)
    expect(decodeAllocArgs('__rust_realloc', a0, a1, a2, a3)).toEqual({ size: 96, align: 8, ptr: 0x1000 }); // (ptr, old, align, new)
    expect(decodeAllocArgs('malloc', a0, a1, a2, a3)).toEqual({ size: 0x1000, align: 0, ptr: 0 }); // (size)
    expect(decodeAllocArgs('calloc', a0, a1, a2, a3)).toEqual({ size: 0x18000, align: 0, ptr: 0 }); // (count, size)
    expect(decodeAllocArgs('realloc', a0, a1, a2, a3)).toEqual({ size: 24, align: 0, ptr: 0x1000 }); // (ptr, size)
    expect(decodeAllocArgs('free', a0, a1, a2, a3)).toEqual({ size: 0, align: 0, ptr: 0x1000 }); // (ptr)
  });

  it('frees, releases and zeroes', () => {
    expect(['__rust_dealloc', 'free'].every((f) => isFree(f as never))).toBe(true);
    expect(
      ['__rust_alloc', 'malloc', 'calloc', 'realloc', '__rust_realloc'].some((f) => isFree(f as never)),
    ).toBe(false);
    expect(
      releasesPointer('realloc') && releasesPointer('__rust_realloc') && !releasesPointer('malloc'),
    ).toBe(true);
    expect(zeroesBlock(['calloc'])).toBe(true);
    expect(zeroesBlock(['__rust_alloc', '__rust_alloc_zeroed'])).toBe(true); // folded: cannot be told apart
    expect(zeroesBlock(['__rust_alloc'])).toBe(false);
  });

  it("calloc's size is count x size modulo 2^32, as the guest's 32-bit size_t product", () => {
    expect(callocSize(3, 5)).toBe(15);
    expect(callocSize(0x10000, 0x10001)).toBe(0x10000);
    expect(callocSize(0xffffffff, 2)).toBe(0xfffffffe);
    expect(callocSize(0x80000000, 2)).toBe(0);
  });

  it('the live heap: realloc moves a block, free releases it, nested calls are not fed', () => {
    const heap = new LiveHeap();
    heap.call('malloc', { size: 10, align: 0, ptr: 0 }, 0x100);
    heap.call('realloc', { size: 30, align: 0, ptr: 0x100 }, 0x200);
    expect([heap.liveBytes, heap.peakLiveBytes, heap.bytesRequested]).toEqual([30, 30, 40]);
    heap.call('free', { size: 0, align: 0, ptr: 0x200 }, 0);
    heap.call('malloc', { size: 5, align: 0, ptr: 0 }, 0); // failed: nothing live
    expect([heap.liveBytes, heap.live.size]).toEqual([0, 0]);
  });
});

/** The hashmap example with its first calloc's arguments replaced by (0x10000, 0x10001), whose product
 *  overflows 32 bits; runs until that call returned (`atReturn` sees the machine right then, before the
 *  program frees or reuses the block). `attach` adds the mode under test after the patch. */
function overflowingCalloc<T>(
  attach: (machine: Interpreter) => T,
  atReturn: (m: Interpreter, result: number) => void = () => {},
) {
  const program = loadGuestProgram(new Uint8Array(readFileSync(path.join(EXAMPLES, 'hashmap.elf'))));
  const run = new GuestRun(program);
  const calloc = program.symbols.get('calloc')?.address as number;
  let returnedTo = -1;
  let result = -1;
  const patch = (m: Interpreter) => {
    m.removeHook(calloc, patch);
    m.memory.pokeWord(1, 4 * ALLOC_REGS.a0, 0x10000);
    m.memory.pokeWord(1, 4 * ALLOC_REGS.a1, 0x10001);
    returnedTo = m.memory.peekWord(1, 4 * ALLOC_REGS.ra);
    const back = (mm: Interpreter) => {
      mm.removeHook(returnedTo, back);
      result = mm.memory.peekWord(1, 4 * ALLOC_REGS.a0);
      atReturn(mm, result);
      return false;
    };
    m.addHook(returnedTo, back);
    return false;
  };
  run.machine.addHook(calloc, patch); // before the mode's own hooks: they see the patched arguments
  const mode = attach(run.machine);
  for (let n = 0; result < 0 && n < 1000 && run.status !== 'failed'; n++) run.run(1000);
  expect(result).toBeGreaterThan(0);
  return { run, mode, result };
}

describe("calloc's overflowing size, in every mode, equals what the guest's own calloc allocates", () => {
  it('observe: the guest calloc passes count*size (mod 2^32) to its malloc, our decoding says the same', () => {
    let header = -1;
    // the guest's first-fit block header (8 bytes before the payload) holds the payload size it reserved
    const { mode } = overflowingCalloc(
      (m) => new AllocObserver(m),
      (m, result) => (header = m.memory.peekWord(2, result - 8)),
    );
    const [outer, inner] = mode.calls;
    expect(outer).toMatchObject({ function: 'calloc', size: 0x10000, depth: 0 });
    expect(inner).toMatchObject({ function: 'malloc', size: 0x10000, depth: 1 }); // the guest's own product
    expect(header).toBe(0x10000);
  });

  it('the time-travel columns decode it the same', () => {
    const { mode } = overflowingCalloc((m) => new GuestAllocCalls(m));
    expect(mode.labels[mode.fn[0]]).toBe('calloc');
    expect(mode.size[0]).toBe(0x10000);
  });

  it('orthotope serves the same request: 0x10000 bytes, zeroed, recorded in its header', () => {
    let requested = -1;
    let nonZero = -1;
    let served: AllocInterposer | undefined;
    const { mode, result } = overflowingCalloc(
      (m) => (served = new AllocInterposer(m)),
      (m, p) => {
        const ip = served as AllocInterposer;
        requested = ip.arena.readU32(p - ip.base - HEADER_SIZE + HEADER_FIELDS.requested);
        nonZero = 0;
        for (let a = p; a < p + 0x10000; a += 4) if (m.memory.peekWord(2, a) !== 0) nonZero++;
      },
    );
    expect(mode.calls[0]).toMatchObject({ function: 'calloc', size: 0x10000, result });
    expect([requested, nonZero]).toEqual([0x10000, 0]);
  });

  it('the summaries count it once', () => {
    const { mode } = overflowingCalloc((m) => new AllocObserver(m));
    const first = mode.calls.slice(0, 2); // calloc and its nested malloc
    expect(first.map((c: AllocCall) => c.exitInstret !== null)).toEqual([true, true]);
    const s = summarizeAllocCalls(first);
    expect([s.bytesRequested, s.liveBytes]).toEqual([0x10000, 0x10000]);
  });
});

import { describe, expect, it } from 'vitest';
import { createAllocator, type Allocator } from './allocator';
import { DEFAULT_CONFIG } from './config';
import { ERROR_CODES } from './errors';
import { AllocEventLog, EVENT_KIND, EVENT_OP, NO_CLASS } from './events';
import { LARGE_CLASS } from './sizeClasses';

function make(events: AllocEventLog, over = {}): Allocator {
  const r = createAllocator({ ...DEFAULT_CONFIG, arenaSize: 64 << 20, ...over }, { events });
  if (!r.ok) throw new Error('init');
  return r.allocator;
}
const rows = (log: AllocEventLog) =>
  Array.from({ length: log.length }, (_, i) => [
    log.kind[i],
    log.op[i],
    log.thread[i],
    log.cls[i],
    log.offset[i],
    log.size[i],
    log.count[i],
    log.code[i],
  ]);

describe('AllocEventLog', () => {
  it('stores one row per event in typed-array columns and reports its bytes per event', () => {
    const log = new AllocEventLog(2);
    for (let i = 0; i < 5; i++) log.push(EVENT_KIND.ALLOC, EVENT_OP.ALLOCATE, 7, 1, 64 + i, 10, 256, 0);
    expect(log.length).toBe(5);
    expect([...log.offset.subarray(0, 5)]).toEqual([64, 65, 66, 67, 68]);
    const columns = [log.kind, log.op, log.cls, log.code, log.thread, log.count, log.offset, log.size];
    expect(AllocEventLog.BYTES_PER_EVENT).toBe(columns.reduce((n, c) => n + c.BYTES_PER_ELEMENT, 0));
    expect(log.byteLength).toBe(8 * AllocEventLog.BYTES_PER_EVENT);
    log.truncate(2);
    expect(log.length).toBe(2);
  });

  it('records carve, alloc, free, drain, refill and error rows with their details', () => {
    const log = new AllocEventLog();
    const a = make(log, { refillTargetBytes: 256, localCacheTargetBytes: 256 }); // B64: refill 2, limit 2, drain 1
    const p = a.allocate(0, 10) as number;
    const q = a.allocate(0, 20) as number;
    a.deallocate(1, p as never);
    a.deallocate(1, q as never);
    a.deallocateWithSize(1, p as never, 10);
    a.allocate(2, 5);
    a.allocate(0, 0);
    a.allocate(0, 20 << 20);
    expect(rows(log)).toEqual([
      [EVENT_KIND.CARVE, EVENT_OP.ALLOCATE, 0, 0, 0, 256, 2, 0],
      [EVENT_KIND.ALLOC, EVENT_OP.ALLOCATE, 0, 0, 64, 10, 64, 0],
      [EVENT_KIND.ALLOC, EVENT_OP.ALLOCATE, 0, 0, 192, 20, 64, 0],
      [EVENT_KIND.FREE, EVENT_OP.DEALLOCATE, 1, 0, 64, 10, 64, 0],
      [EVENT_KIND.FREE, EVENT_OP.DEALLOCATE, 1, 0, 192, 20, 64, 0],
      [EVENT_KIND.ERROR, EVENT_OP.DEALLOCATE_SIZED, 1, NO_CLASS, 64, 10, 2, ERROR_CODES.CorruptHeader], // reason 'magic'
      [EVENT_KIND.CARVE, EVENT_OP.ALLOCATE, 2, 0, 256, 256, 2, 0],
      [EVENT_KIND.ALLOC, EVENT_OP.ALLOCATE, 2, 0, 320, 5, 64, 0],
      [EVENT_KIND.ERROR, EVENT_OP.ALLOCATE, 0, NO_CLASS, 0, 0, 0, ERROR_CODES.ZeroSize],
      [EVENT_KIND.CARVE, EVENT_OP.ALLOCATE, 0, LARGE_CLASS, 512, (20 << 20) + 64, 1, 0],
      [EVENT_KIND.ALLOC, EVENT_OP.ALLOCATE, 0, LARGE_CLASS, 576, 20 << 20, 20 << 20, 0],
    ]);
    // a third block freed through cache 1 takes it above its limit of 2: one drain of 1 follows the free
    a.deallocate(1, 320 as never);
    expect(rows(log).slice(-2)).toEqual([
      [EVENT_KIND.FREE, EVENT_OP.DEALLOCATE, 1, 0, 320, 5, 64, 0],
      [EVENT_KIND.DRAIN, EVENT_OP.DEALLOCATE, 1, 0, 0, 128, 1, 0],
    ]);
    a.allocate(3, 7);
    expect(rows(log).slice(-2)).toEqual([
      [EVENT_KIND.REFILL, EVENT_OP.ALLOCATE, 3, 0, 0, 128, 1, 0],
      [EVENT_KIND.ALLOC, EVENT_OP.ALLOCATE, 3, 0, 320, 7, 64, 0],
    ]);
    expect(log.opIndexOf(0)).toBe(0);
    expect(log.opIndexOf(2)).toBe(1);
    expect(log.opIndexOf(log.length - 4)).toBe(8); // the 9th call: the free...
    expect(log.opIndexOf(log.length - 3)).toBe(8); // ...and the drain it triggered
    expect(log.opIndexOf(log.length - 2)).toBe(9); // the refill belongs to the alloc after it
    expect(log.opIndexOf(log.length - 1)).toBe(9);
  });

  it('records OutOfMemory with requested and remaining', () => {
    const log = new AllocEventLog();
    const a = make(log, { arenaSize: 1024 });
    a.allocate(0, 17 << 20);
    expect(rows(log)).toEqual([
      [EVENT_KIND.ERROR, EVENT_OP.ALLOCATE, 0, LARGE_CLASS, 1024, 17 << 20, 0, ERROR_CODES.OutOfMemory],
    ]);
  });

  it('records SizeMismatch with provided in size and recorded in count', () => {
    const log = new AllocEventLog();
    const a = make(log);
    const p = a.allocate(0, 10) as number;
    a.deallocateWithSize(4, p as never, 11);
    expect(rows(log).at(-1)).toEqual([
      EVENT_KIND.ERROR,
      EVENT_OP.DEALLOCATE_SIZED,
      4,
      0,
      p,
      11,
      10,
      ERROR_CODES.SizeMismatch,
    ]);
  });
});

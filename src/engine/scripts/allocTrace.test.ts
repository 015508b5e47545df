import { describe, expect, it } from 'vitest';
import { DEFAULT_TRACE_CONFIG, parseAllocTrace } from './allocTrace';

const errorOf = (text: string) => {
  const t = parseAllocTrace(text);
  return t.error === null ? null : `line ${t.error.location.line}: ${t.error.message}`;
};

describe('.alloc parser', () => {
  it('parses every directive with its defaults, skipping blanks and comments', () => {
    const t = parseAllocTrace(
      '# comment\n\nconfig arena=1024 refill=256\nalloc a 10\nalloc b 20 3\nfree a\nfree b 2\nfree_sized a 10\nfree_sized a 10 1\nfree_forged a\nfree_forged a 4\nfree_offset 64\nfree_offset 1024 5\n  # indented comment\nstats\r\n',
    );
    expect(t.error).toBeNull();
    expect(t.config).toEqual({ ...DEFAULT_TRACE_CONFIG, arenaSize: 1024, refillTargetBytes: 256 });
    expect(t.directives).toEqual([
      { op: 'alloc', line: 4, id: 'a', size: 10, thread: 0 },
      { op: 'alloc', line: 5, id: 'b', size: 20, thread: 3 },
      { op: 'free', line: 6, id: 'a', thread: 0 },
      { op: 'free', line: 7, id: 'b', thread: 2 },
      { op: 'free_sized', line: 8, id: 'a', size: 10, thread: 0 },
      { op: 'free_sized', line: 9, id: 'a', size: 10, thread: 1 },
      { op: 'free_forged', line: 10, id: 'a', thread: 0 },
      { op: 'free_forged', line: 11, id: 'a', thread: 4 },
      { op: 'free_offset', line: 12, offset: 64, thread: 0 },
      { op: 'free_offset', line: 13, offset: 1024, thread: 5 },
      { op: 'stats', line: 15 },
    ]);
  });

  it('uses the default trace config (64 MiB arena, default tuning) without a config line', () => {
    expect(parseAllocTrace('alloc a 1').config).toEqual({
      arenaSize: 67_108_864,
      alignment: 64,
      refillTargetBytes: 32_768,
      localCacheTargetBytes: 65_536,
    });
  });

  it('accepts configs that the allocator will reject (they are results, not syntax errors)', () => {
    expect(parseAllocTrace('config arena=0 align=96\nalloc a 1').error).toBeNull();
  });

  it.each([
    ['unknown directive', 'alloc a 1\nmalloc b 2', 'line 2: unknown directive `malloc`'],
    ['too few arguments', 'alloc a', 'line 1: `alloc` takes ID SIZE [THREAD], got 1 argument'],
    ['too many arguments', 'free a 1 2', 'line 1: `free` takes ID [THREAD], got 3 arguments'],
    ['stats with an argument', 'stats now', 'line 1: `stats` takes no arguments, got 1 argument'],
    ['a negative size', 'alloc a -5', 'line 1: SIZE must be a decimal number, got `-5`'],
    ['a hex size', 'free_sized a 0x10', 'line 1: SIZE must be a decimal number, got `0x10`'],
    ['a size above 2^53 - 1', 'alloc a 9007199254740993', 'line 1: SIZE 9007199254740993 is too large'],
    ['a thread above u32', 'alloc a 1 4294967296', 'line 1: THREAD 4294967296 is too large'],
    [
      'config after a directive',
      'alloc a 1\nconfig arena=1024',
      'line 2: `config` must come before every other directive',
    ],
    ['a second config', 'config arena=1024\nconfig align=64', 'line 2: a second `config` line'],
    [
      'an unknown config key',
      'config size=1024',
      'line 1: `config` expects arena=N align=N refill=N local=N, got `size=1024`',
    ],
    ['a config key twice', 'config arena=1 arena=2', 'line 1: `config` sets `arena` twice'],
    ['free_offset below 64', 'free_offset 63', 'line 1: OFF must be in 64..=67108864'],
    [
      'free_offset beyond the arena',
      'config arena=1024\nfree_offset 1088',
      'line 2: OFF must be in 64..=1024',
    ],
  ])('reports %s with its line', (_, text, expected) => {
    expect(errorOf(text)).toContain(expected);
  });

  it('keeps every directive before the malformed line', () => {
    const t = parseAllocTrace('alloc a 1\n\nfree a\nbogus\nalloc b 2');
    expect(t.directives.map((d) => d.line)).toEqual([1, 3]);
    expect(t.error).toMatchObject({ kind: 'MalformedTrace', location: { line: 4 } });
  });
});

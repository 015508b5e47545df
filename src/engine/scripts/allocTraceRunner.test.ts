import { describe, expect, it } from 'vitest';
import { AllocEventLog } from '../alloc/orthotope/events';
import { parseAllocTrace } from './allocTrace';
import { runAllocTrace } from './allocTraceRunner';

function run(text: string) {
  let out = '';
  const r = runAllocTrace(parseAllocTrace(text), (t) => (out += t));
  return { out, ...r };
}
const ops = (out: string) => out.split('\n').filter((l) => /^(alloc|free|init)/.test(l));

describe('.alloc runner', () => {
  it('prints the preamble, one line per operation and the final block', () => {
    const { out } = run('alloc a 10\nfree a');
    const lines = out.split('\n');
    expect(lines[0]).toBe(
      'config arena_size=67108864 alignment=64 refill_target_bytes=32768 local_cache_target_bytes=65536',
    );
    expect(lines[1]).toBe(
      'class name=B64 payload=64 block=128 refill_count=256 local_limit=512 drain_count=128',
    );
    expect(lines[13]).toBe('alloc id=a size=10 t=0 -> ok off=64 class=B64');
    expect(lines[14]).toBe('free id=a t=0 off=64 -> ok');
    expect(lines[15]).toBe('final begin');
    expect(out.endsWith('final end\n')).toBe(true);
  });

  it('a failed alloc unbinds its ID; frees never unbind; unknown IDs make no call but create the cache', () => {
    const { out, allocator } = run(
      'config arena=1024\nalloc a 10\nalloc a 5000\nfree a\nfree_sized x 3 9\nalloc b 0 4',
    );
    expect(ops(out)).toEqual([
      'alloc id=a size=10 t=0 -> ok off=64 class=B64',
      'alloc id=a size=5000 t=0 -> err OutOfMemory requested=5000 remaining=0',
      'free id=a t=0 -> skip unknown-id',
      'free_sized id=x size=3 t=9 -> skip unknown-id',
      'alloc id=b size=0 t=4 -> err ZeroSize',
    ]);
    expect(allocator?.threads()).toEqual([0, 4, 9]);
    expect(out).toContain('stats.cache t=9 bound=false');
    expect(out).toContain('stats.cache t=4 bound=true');
  });

  it('free_forged reports the original offset and probes ownership with a copy outside the arena', () => {
    const { out } = run('alloc a 10\nfree_forged a\nfree a\nfree_forged a');
    expect(ops(out).slice(1)).toEqual([
      'free_forged id=a t=0 off=64 -> err ForeignPointer',
      'free id=a t=0 off=64 -> ok',
      'free_forged id=a t=0 off=64 -> err CorruptHeader',
    ]);
  });

  it('prints a single init line for an invalid config and nothing else', () => {
    expect(run('config align=32\nalloc a 1\nstats').out).toBe(
      'init -> err InvalidConfig message="allocator alignment must be at least 64 bytes"\n',
    );
  });

  it('an empty trace still creates the allocator: preamble and final block', () => {
    const { out } = run('# nothing\n');
    expect(out.startsWith('config arena_size=')).toBe(true);
    expect(out).toContain('final begin\nstats.arena capacity=67108864 remaining=67108864\n');
    expect(out).not.toContain('stats.cache');
  });

  it('after a malformed line: the output of earlier directives, no final block', () => {
    const { out } = run('alloc a 1\nstats\nnonsense\nalloc b 2');
    expect(ops(out)).toEqual(['alloc id=a size=1 t=0 -> ok off=64 class=B64']);
    expect(out).toContain('stats begin');
    expect(out).not.toContain('final begin');
    expect(run('nonsense').out).toBe('');
  });

  it('records events into the given log', () => {
    const events = new AllocEventLog();
    runAllocTrace(parseAllocTrace('alloc a 1\nfree a'), () => undefined, { events });
    expect(events.length).toBe(3); // carve, alloc, free
  });
});

describe('.alloc runner with alignment 256 (spec golden 06_alignment256)', () => {
  it('prints the rounded block table and lets an in-arena forged pointer free a live block', () => {
    const { out } = run(
      'config align=256\nalloc a 1\nalloc b 1\nfree_offset 320\nfree b\nfree_offset 128\nfree_offset 96',
    );
    expect(out.split('\n')[1]).toBe(
      'class name=B64 payload=64 block=256 refill_count=128 local_limit=256 drain_count=64',
    );
    expect(out).toContain(
      'class name=B16M payload=16777216 block=16777472 refill_count=1 local_limit=2 drain_count=1',
    );
    expect(ops(out)).toEqual([
      'alloc id=a size=1 t=0 -> ok off=64 class=B64',
      'alloc id=b size=1 t=0 -> ok off=320 class=B64',
      'free_offset off=320 t=0 -> ok',
      'free id=b t=0 off=320 -> err CorruptHeader',
      'free_offset off=128 t=0 -> err CorruptHeader', // inside a's payload: a zero header
      'free_offset off=96 t=0 -> err CorruptHeader', // misaligned
    ]);
  });
});

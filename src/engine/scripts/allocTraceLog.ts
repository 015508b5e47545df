// The allocator log format of ../shared/spec/alloc-trace-format.md ("Output format"): the preamble (config
// and the 12 derived class lines) and the stats block, rendered byte for byte as the orthotope 0.1.7
// reference recordings print them. Pure functions of the allocator's state.
import type { Allocator } from '../alloc/orthotope/allocator';
import type { AllocatorConfig } from '../alloc/orthotope/config';
import { allocatorStats, threadCacheStats, totals } from '../alloc/views/stats';
import { CLASS_NAMES, CLASS_PAYLOADS, LARGE_CLASS, NUM_CLASSES } from '../alloc/orthotope/sizeClasses';

export function formatPreamble(config: AllocatorConfig, allocator: Allocator): string {
  const t = allocator.table;
  let out = `config arena_size=${config.arenaSize} alignment=${config.alignment} refill_target_bytes=${config.refillTargetBytes} local_cache_target_bytes=${config.localCacheTargetBytes}\n`;
  for (let c = 0; c < NUM_CLASSES; c++) {
    out += `class name=${CLASS_NAMES[c]} payload=${CLASS_PAYLOADS[c]} block=${t.blockSize[c]} refill_count=${t.refillCount[c]} local_limit=${t.localLimit[c]} drain_count=${t.drainCount[c]}\n`;
  }
  return out;
}

/** The log's class column: `B64` … `B16M`, or `large`. */
export const classLabel = (cls: number): string => (cls === LARGE_CLASS ? 'large' : CLASS_NAMES[cls]);

/** A stats block between `<tag> begin` and `<tag> end` (`stats` after a directive, `final` at the end). */
export function formatStatsBlock(allocator: Allocator, tag: 'stats' | 'final'): string {
  const s = allocatorStats(allocator);
  const lines: string[] = [`${tag} begin`];
  lines.push(`stats.arena capacity=${s.arenaCapacity} remaining=${s.arenaRemaining}`);
  lines.push(
    `stats.large live_allocations=${s.largeLiveAllocations} live_bytes=${s.largeLiveBytes} free_blocks=${s.largeFreeBlocks} free_bytes=${s.largeFreeBytes}`,
  );
  for (const c of s.smallCentral)
    lines.push(`stats.central class=${c.name} blocks=${c.blocks} bytes=${c.bytes}`);
  const central = totals(s.smallCentral);
  lines.push(`stats.central_total blocks=${central.blocks} bytes=${central.bytes}`);
  for (const thread of allocator.threads()) {
    const cs = threadCacheStats(allocator, thread);
    lines.push(`stats.cache t=${thread} bound=${cs.isBound}`);
    for (const c of cs.local)
      lines.push(`stats.cache t=${thread} class=${c.name} blocks=${c.blocks} bytes=${c.bytes}`);
    const local = totals(cs.local);
    lines.push(`stats.cache_total t=${thread} blocks=${local.blocks} bytes=${local.bytes}`);
  }
  lines.push(`${tag} end`);
  return lines.join('\n') + '\n';
}

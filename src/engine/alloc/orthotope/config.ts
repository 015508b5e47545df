// Mirrors orthotope 0.1.7 `src/config.rs` (`AllocatorConfig` and its derived per-class helpers) and the
// config validation of `Allocator::new` (`validate_allocator_config` in allocator.rs, then `validate_config`
// and the mapping-size check in arena.rs): validation lives in configValidation.ts.
// Invariants: every per-class number derives from the four fields (there are no per-class overrides); the
// two target fields are never validated (0 gives refill 1, limit 2, drain 1).
import { NUM_CLASSES, classBlockSize, type ClassIndex } from './sizeClasses';

/** The four fields of orthotope's `AllocatorConfig`. All values are non-negative safe integers (bytes). */
export interface AllocatorConfig {
  readonly arenaSize: number;
  readonly alignment: number;
  readonly refillTargetBytes: number;
  readonly localCacheTargetBytes: number;
}

/** `AllocatorConfig::default()`: a 1 GiB arena, 64-byte alignment, 32 KiB refills, 64 KiB local target. */
export const DEFAULT_CONFIG: AllocatorConfig = {
  arenaSize: 1 << 30,
  alignment: 64,
  refillTargetBytes: 32 << 10,
  localCacheTargetBytes: 64 << 10,
};

/**
 * The largest mapping (`arena_size + alignment - 1`) the model creates: 128 TiB, the user address space of
 * x86-64 with 4-level paging, where a larger anonymous mapping cannot succeed. Above it `Allocator::new`
 * gives `MapFailed` (ENOMEM). Smaller mappings that a real machine might still refuse (overcommit limits)
 * succeed in the model, whose arena bytes are sparse. Keeping offsets below 2^47 also keeps every
 * address (base + offset, base = 2^47) an exact JS integer.
 */
export const MAX_MODEL_MAPPING = 2 ** 47;

/** `config.class_block_size(c)`: the block size of a class under this config's alignment. */
export function configBlockSize(config: AllocatorConfig, cls: ClassIndex): number {
  return classBlockSize(cls, config.alignment);
}

/** `refill_count(c) = max(1, refill_target_bytes / block)`: blocks brought in per refill. */
export function refillCount(config: AllocatorConfig, cls: ClassIndex): number {
  return Math.max(1, Math.floor(config.refillTargetBytes / configBlockSize(config, cls)));
}

/** `local_limit(c) = max(2, local_cache_target_bytes / block)`: a cache holding more blocks than this drains. */
export function localLimit(config: AllocatorConfig, cls: ClassIndex): number {
  return Math.max(2, Math.floor(config.localCacheTargetBytes / configBlockSize(config, cls)));
}

/** `drain_count(c) = max(1, refill_count(c) / 2)`: derived from the refill count, not from the local target. */
export function drainCount(config: AllocatorConfig, cls: ClassIndex): number {
  return Math.max(1, Math.floor(refillCount(config, cls) / 2));
}

/** The per-class numbers an allocator uses on every operation, precomputed once (immutable, shared by clones). */
export interface ClassTable {
  readonly blockSize: readonly number[];
  readonly refillCount: readonly number[];
  readonly localLimit: readonly number[];
  readonly drainCount: readonly number[];
}

export function deriveClassTable(config: AllocatorConfig): ClassTable {
  const range = Array.from({ length: NUM_CLASSES }, (_, c) => c);
  return {
    blockSize: range.map((c) => configBlockSize(config, c)),
    refillCount: range.map((c) => refillCount(config, c)),
    localLimit: range.map((c) => localLimit(config, c)),
    drainCount: range.map((c) => drainCount(config, c)),
  };
}

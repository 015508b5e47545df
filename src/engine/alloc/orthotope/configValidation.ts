// Mirrors orthotope 0.1.7's config validation in `Allocator::new` (`validate_allocator_config` in
// allocator.rs, then `validate_config` and the mapping-size check in arena.rs), with the exact
// `InitError::InvalidConfig` messages in their order. Apart from config.ts so that the config (which the
// errors name in their location) does not import the errors back.
import { MAX_MODEL_MAPPING, type AllocatorConfig } from './config';
import type { InitError } from './errors';

function isPowerOfTwo(n: number): boolean {
  if (!(n > 0) || !Number.isSafeInteger(n)) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/**
 * The checks of `Allocator::new` in orthotope's order; the first failure wins. Returns null when valid.
 * Check 3 ("alignment must be greater than zero") is unreachable after check 1 but kept for fidelity.
 * The mapping-size overflow check (`arena_size + alignment - 1` overflowing usize) cannot fire below 2^64,
 * so it is subsumed by the mapping failure for anything above `MAX_MODEL_MAPPING`.
 */
export function validateConfig(config: AllocatorConfig): InitError | null {
  for (const value of [
    config.arenaSize,
    config.alignment,
    config.refillTargetBytes,
    config.localCacheTargetBytes,
  ]) {
    // usize fields: a negative or fractional value is a caller bug, not an orthotope outcome.
    if (!Number.isSafeInteger(value) || value < 0)
      throw new RangeError(`AllocatorConfig fields must be non-negative safe integers, got ${value}`);
  }
  const invalid = (message: string): InitError => ({ kind: 'InvalidConfig', message, location: { config } });
  if (config.alignment < 64) return invalid('allocator alignment must be at least 64 bytes');
  if (config.arenaSize === 0) return invalid('arena size must be greater than zero');
  if (config.alignment === 0) return invalid('alignment must be greater than zero');
  if (!isPowerOfTwo(config.alignment)) return invalid('alignment must be a power of two');
  if (config.arenaSize < config.alignment) return invalid('arena size must be at least the alignment');
  if (config.arenaSize + config.alignment - 1 > MAX_MODEL_MAPPING) {
    return { kind: 'MapFailed', message: 'Cannot allocate memory (os error 12)', location: { config } };
  }
  return null;
}

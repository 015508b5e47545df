// Workloads modelled on orthotope's benchmark harness (bench/src/lib.rs at the 0.1.9+ commits; 0.1.7 ships
// none), driven straight through the allocator API as the harness drives the crate: `allocate_with_cache`
// for allocations and `deallocate_with_size_checked` with the exact size for every free. Plus a seeded
// random churn for property tests. Deterministic: same arguments, same calls.
import { Random } from '../../random';
import { type Allocator, type UserPtr } from '../orthotope/allocator';

/** The request sizes of `mixed_size_churn`, allocated in this order and freed in reverse. */
export const MIXED_SIZES: readonly number[] = [32, 64, 65, 128, 512, 4096, 16_384, 70_000];

function mustAllocate(a: Allocator, thread: number, size: number): UserPtr {
  const p = a.allocate(thread, size);
  if (typeof p !== 'number') throw new Error(`workload allocation of ${size} failed: ${p.message}`);
  return p;
}

function mustFree(a: Allocator, thread: number, p: UserPtr, size: number): void {
  const e = a.deallocateWithSize(thread, p, size);
  if (e !== null) throw new Error(`workload free failed: ${e.message}`);
}

/** `mixed_size_churn`: 16 operations per iteration. Returns the number of operations. */
export function mixedSizeChurn(a: Allocator, iterations: number, thread = 0): number {
  const ptrs: UserPtr[] = new Array<UserPtr>(MIXED_SIZES.length);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < MIXED_SIZES.length; i++) ptrs[i] = mustAllocate(a, thread, MIXED_SIZES[i]);
    for (let i = MIXED_SIZES.length - 1; i >= 0; i--) mustFree(a, thread, ptrs[i], MIXED_SIZES[i]);
  }
  return iterations * 2 * MIXED_SIZES.length;
}

/** `embedding_batch`: 8 buffers of 6,144 bytes, freed popping from the end. 16 operations per iteration. */
export function embeddingBatch(a: Allocator, iterations: number, thread = 0): number {
  const ptrs: UserPtr[] = [];
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < 8; i++) ptrs.push(mustAllocate(a, thread, 6144));
    while (ptrs.length > 0) mustFree(a, thread, ptrs.pop() as UserPtr, 6144);
  }
  return iterations * 16;
}

/** `long_lived_handoff`, serialized: the producer allocates 256 B, the consumer frees it through its own cache. */
export function longLivedHandoff(a: Allocator, handoffs: number, producer = 0, consumer = 1): number {
  for (let i = 0; i < handoffs; i++) mustFree(a, consumer, mustAllocate(a, producer, 256), 256);
  return handoffs * 2;
}

export interface RandomChurnOptions {
  readonly seed: number;
  readonly ops: number;
  readonly threads: number;
  /** Largest request; sizes are skewed towards small ones. */
  readonly maxSize: number;
}

/**
 * Random allocs and frees over several caches (frees may go through any cache, sized or not). Failed
 * allocations (OutOfMemory) are tolerated; frees only target live pointers, so every free succeeds.
 */
export function randomChurn(
  a: Allocator,
  o: RandomChurnOptions,
): { live: Map<UserPtr, number>; failedAllocs: number } {
  const rng = new Random(o.seed);
  const rand = () => rng.float();
  const live = new Map<UserPtr, number>();
  const order: UserPtr[] = [];
  let failedAllocs = 0;
  for (let i = 0; i < o.ops; i++) {
    const thread = Math.floor(rand() * o.threads);
    if (order.length > 0 && rand() < 0.45) {
      const j = Math.floor(rand() * order.length);
      const p = order[j];
      order[j] = order[order.length - 1];
      order.pop();
      const size = live.get(p) as number;
      live.delete(p);
      const e = rand() < 0.5 ? a.deallocate(thread, p) : a.deallocateWithSize(thread, p, size);
      if (e !== null) throw new Error(`random churn free failed: ${e.message}`);
    } else {
      const size = 1 + Math.floor(rand() ** 3 * o.maxSize);
      const p = a.allocate(thread, size);
      if (typeof p === 'number') {
        live.set(p, size);
        order.push(p);
      } else failedAllocs++;
    }
  }
  return { live, failedAllocs };
}

// The mutable state of one orthotope 0.1.7 `Allocator` together with its callers' `ThreadCache`s, gathered
// in one object so a checkpoint is one `clone()`: arena bytes (copy-on-write), bump cursor, central pool,
// large path, caches by thread id and the inspector's counters.
// Invariant: a clone shares nothing mutable with its source, except the arena byte store when the caller
// passes one (`clone(bytes)`, for arenas whose bytes are checkpointed by their owner).
import type { Arena } from './arena/arena';
import type { ArenaBytes } from './arena/arenaBytes';
import type { ArenaMemory } from './arena/arenaMemory';
import type { CentralPool } from './centralPool';
import type { AllocCounters } from './counters';
import type { LargePath } from './largePath';
import type { ThreadCache } from './threadCache';

/** Everything that changes as the allocator runs; cloned whole for checkpoints. */
export class AllocatorState {
  constructor(
    readonly memory: ArenaMemory,
    readonly arena: Arena,
    readonly central: CentralPool,
    readonly large: LargePath,
    readonly caches: Map<number, ThreadCache>,
    readonly counters: AllocCounters,
    public opCount: number,
  ) {}

  /** `bytes`: the arena store the copy works on (default: a copy-on-write clone of this state's). */
  clone(bytes?: ArenaBytes): AllocatorState {
    const caches = new Map<number, ThreadCache>();
    for (const [t, c] of this.caches) caches.set(t, c.clone());
    const memory = this.memory.clone(bytes);
    return new AllocatorState(
      memory,
      this.arena.clone(),
      this.central.clone(),
      this.large.clone(),
      caches,
      this.counters.clone(),
      this.opCount,
    );
  }
}

/** An immutable checkpoint of an allocator (its state and the event-log length at that moment). */
export interface AllocatorSnapshot {
  readonly state: AllocatorState;
  readonly eventCount: number;
}

// The Allocator panel (issue 6): orthotope 0.1.7's state at the current position, from one
// AllocatorView (src/engine/alloc/views/allocatorView.ts): headline numbers, the last error with its cause,
// size-class occupancy, the arena map, thread caches, the large path and, when the caller keeps a
// history, the metrics over time. Presentational only: it draws the view it is given.
import type { AllocatorView } from '../../engine/alloc/views/allocatorView';
import { ArenaMap } from './allocator/ArenaMap';
import { ClassOccupancy } from './allocator/ClassOccupancy';
import { ErrorBox } from './allocator/ErrorBox';
import { bytesShort } from './allocator/format';
import { LargePool } from './allocator/LargePool';
import { MetricsChart, type AllocatorHistory } from './allocator/MetricsChart';
import { Summary } from './allocator/Summary';
import { ThreadCacheTable } from './allocator/ThreadCacheTable';
import './allocator.css';

export type { AllocatorHistory };

export interface AllocatorPanelProps {
  view: AllocatorView;
  /** Samples over time (parallel arrays) with the current position as `cursor`: the frame's, from allocatorHistory(). */
  history?: AllocatorHistory;
  /** Called with a block's user pointer (arena offset of the block start + 64) when one is picked. */
  onSelectBlock?(offset: number): void;
}

export function AllocatorPanel({ view, history, onSelectBlock }: AllocatorPanelProps) {
  const hasLarge = view.large.allocs > 0 || view.large.poolBlocks > 0 || view.large.leakedBlocks > 0;
  return (
    <section role="region" aria-label="Allocator" className="alloc-panel" data-testid="allocator">
      <header className="alloc-head">
        <h2>Allocator</h2>
        <span
          className="alloc-config"
          title={`The allocator's config: arena_size ${view.config.arenaSize}, alignment ${view.config.alignment}, refill_target_bytes ${view.config.refillTargetBytes}, local_cache_target_bytes ${view.config.localCacheTargetBytes}.`}
        >
          orthotope 0.1.7 · arena {bytesShort(view.config.arenaSize)} · align {view.config.alignment} · refill{' '}
          {bytesShort(view.config.refillTargetBytes)} · local {bytesShort(view.config.localCacheTargetBytes)}
        </span>
      </header>
      <Summary view={view} />
      {view.lastError !== null && <ErrorBox error={view.lastError} onSelectBlock={onSelectBlock} />}
      <h3 title="Where the blocks of each size class are: live, cached in thread caches, in the central pool, or never handed out.">
        Size classes
      </h3>
      <ClassOccupancy view={view} />
      <h3 title="The arena is one mapping carved front to back by a bump cursor; nothing is ever returned to it.">
        Arena
      </h3>
      <ArenaMap view={view} onSelectBlock={onSelectBlock} />
      <div className="alloc-columns">
        <div>
          <h3 title="Each thread's cache: the blocks it holds per class (ThreadCache::stats).">
            Thread caches
          </h3>
          <ThreadCacheTable view={view} />
        </div>
        {hasLarge && (
          <div>
            <h3 title="Requests above 16 MiB: whole blocks carved from the arena and reused from a pool.">
              Large blocks
            </h3>
            <LargePool view={view} />
          </div>
        )}
        {history !== undefined && history.t.length > 1 && (
          <div className="alloc-grow">
            <h3 title="The allocator's byte counts over the recorded run, sampled evenly in steps; the dashed line is the current position.">
              Over time
            </h3>
            <MetricsChart history={history} />
          </div>
        )}
      </div>
    </section>
  );
}

// The large path (requests above 16 MiB): live blocks, the reuse pool by size, slack, leaks and waste.
// The data-* values are orthotope's own `stats.large` numbers for the e2e comparison with the CLI.
import type { AllocatorView } from '../../../engine/alloc/views/allocatorView';
import { EXPLAIN } from './explain';
import { bytesExact, bytesShort, count } from './format';

export function LargePool({ view }: { readonly view: AllocatorView }) {
  const l = view.large;
  const s = view.orthotope.stats;
  const rows: Array<[string, string, string]> = [
    [
      'live',
      `${count(l.liveBlocks)} · ${bytesShort(l.liveBlockBytes)}`,
      `${EXPLAIN.largeLive} ${count(l.liveBlocks)} blocks, ${bytesExact(l.liveBlockBytes)}; ${bytesExact(l.liveRequestedBytes)} requested.`,
    ],
    [
      'pool',
      `${count(l.poolBlocks)} · ${bytesShort(l.poolBytes)}`,
      `${EXPLAIN.largePool} ${count(l.poolBlocks)} blocks, ${bytesExact(l.poolBytes)}.${l.pool.map((p) => ` ${count(p.blocks)} × ${bytesExact(p.blockSize)}.`).join('')}`,
    ],
    ['slack', bytesShort(l.slackBytes), `${EXPLAIN.largeSlack} ${bytesExact(l.slackBytes)}.`],
    [
      'leaked',
      `${count(l.leakedBlocks)} · ${bytesShort(l.leakedBytes)}`,
      `${EXPLAIN.largeLeaked} ${bytesExact(l.leakedBytes)}.`,
    ],
    ['waste', bytesShort(l.wasteBytes), `${EXPLAIN.largeWaste} ${bytesExact(l.wasteBytes)}.`],
    [
      'carved / reused',
      `${count(l.carvedBlocks)} / ${count(l.reusedBlocks)}`,
      'Large allocations served by carving a new block from the arena / by reusing a pool block.',
    ],
  ];
  return (
    <dl
      className="alloc-large"
      data-testid="large-stats"
      data-live-allocations={s.largeLiveAllocations}
      data-live-bytes={s.largeLiveBytes}
      data-free-blocks={s.largeFreeBlocks}
      data-free-bytes={s.largeFreeBytes}
    >
      {rows.map(([label, value, title]) => (
        <div key={label} title={title}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

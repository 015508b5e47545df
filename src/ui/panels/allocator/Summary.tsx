// The allocator's headline numbers: arena carved / remaining, live bytes, internal fragmentation, idle
// small bytes, large-path waste, refills, drains and errors. Each value has its explanation as a tooltip
// and a data-testid/data-value pair for the e2e tests.
import type { AllocatorView } from '../../../engine/alloc/views/allocatorView';
import { EXPLAIN } from './explain';
import { bytesExact, bytesShort, count, percent } from './format';

interface Item {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly text: string;
  readonly title: string;
  readonly tone?: 'error' | 'warn';
}

export function Summary({ view }: { readonly view: AllocatorView }) {
  const a = view.arena;
  const t = view.totals;
  // The same sum as allocatorMetrics().internalFragBytes, so the summary and the history chart agree.
  const internal = t.internalBytes + view.large.slackBytes;
  const items: Item[] = [
    { id: 'ops', label: 'operations', value: view.opCount, text: count(view.opCount), title: EXPLAIN.ops },
    {
      id: 'carved',
      label: 'carved',
      value: a.carvedBytes,
      text: `${bytesShort(a.carvedBytes)} (${percent(a.carvedFraction)})`,
      title: `${EXPLAIN.carvedBytes} ${bytesExact(a.carvedBytes)} of ${bytesExact(a.capacity)}.`,
    },
    {
      id: 'remaining',
      label: 'remaining',
      value: a.remaining,
      text: bytesShort(a.remaining),
      title: `${EXPLAIN.remaining} ${bytesExact(a.remaining)}.`,
    },
    {
      id: 'live',
      label: 'live requested',
      value: t.liveRequestedBytes,
      text: bytesShort(t.liveRequestedBytes),
      title: `${EXPLAIN.liveBytes} ${bytesExact(t.liveRequestedBytes)}.`,
    },
    {
      id: 'internal',
      label: 'internal frag.',
      value: internal,
      text: bytesShort(internal),
      title: `${EXPLAIN.internal} Small classes ${bytesExact(t.internalBytes)} + large-block slack ${bytesExact(view.large.slackBytes)} = ${bytesExact(internal)} (the "over time" chart plots the same sum).`,
      tone: internal > 0 ? 'warn' : undefined,
    },
    {
      id: 'idle',
      label: 'idle small',
      value: t.idleSmallBytes,
      text: bytesShort(t.idleSmallBytes),
      title: `${EXPLAIN.idleSmall} ${bytesExact(t.idleSmallBytes)}.`,
    },
    {
      id: 'utilization',
      label: 'utilization',
      value: t.arenaUtilization,
      text: percent(t.arenaUtilization),
      title: EXPLAIN.utilizationTotal,
    },
    {
      id: 'refills',
      label: 'refills',
      value: t.refills,
      text: `${count(t.refills)} (${count(t.refilledBlocks)})`,
      title: EXPLAIN.refills,
    },
    {
      id: 'drains',
      label: 'drains',
      value: t.drains,
      text: `${count(t.drains)} (${count(t.drainedBlocks)})`,
      title: EXPLAIN.drains,
    },
    {
      id: 'errors',
      label: 'errors',
      value: t.errors,
      text: count(t.errors),
      title: `${EXPLAIN.errors}${Object.entries(view.errorsByKind)
        .map(([k, n]) => ` ${k}: ${n}.`)
        .join('')}`,
      tone: t.errors > 0 ? 'error' : undefined,
    },
  ];
  return (
    <dl className="alloc-summary">
      {items.map((item) => (
        <div
          key={item.id}
          className={`alloc-stat${item.tone ? ` tone-${item.tone}` : ''}`}
          title={item.title}
        >
          <dt>{item.label}</dt>
          <dd data-testid={`alloc-summary-${item.id}`} data-value={item.value}>
            {item.text}
          </dd>
        </div>
      ))}
    </dl>
  );
}

// Thread caches: one row per cache (orthotope's ThreadCache::stats: bound, total_len and bytes), one
// column per class any cache holds blocks of, each cell explaining where its blocks are (reclaimed into
// their slab, shared, fresh) and how many slabs the cache owns for the class.
import type { AllocatorView } from '../../../engine/alloc/views/allocatorView';
import { EXPLAIN } from './explain';
import { bytesExact, bytesShort, count } from './format';

export function ThreadCacheTable({ view }: { readonly view: AllocatorView }) {
  const threads = view.threads;
  if (threads.length === 0) return <p className="alloc-empty">No thread cache yet.</p>;
  const classes = view.classes.filter((c) =>
    threads.some((t) => t.perClass.blocks[c.cls] > 0 || t.perClass.slabs[c.cls] > 0),
  );
  // In a narrow panel the table (one column per class) scrolls sideways in its own focusable box.
  return (
    <div className="alloc-table-scroll" tabIndex={0} role="group" aria-label="Thread caches table">
      <table className="rows alloc-caches" data-testid="cache-table">
        <thead>
          <tr>
            <th scope="col" title="Thread id: each thread uses its own cache.">
              thread
            </th>
            <th scope="col" title={EXPLAIN.bound}>
              bound
            </th>
            <th scope="col" title="Σ blocks over classes (stats.cache_total blocks).">
              blocks
            </th>
            <th scope="col" title="Σ blocks × block size (stats.cache_total bytes).">
              bytes
            </th>
            {classes.map((c) => (
              <th key={c.cls} scope="col" title={`${c.name}: ${EXPLAIN.cacheBlocks}`}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {threads.map((t) => (
            <tr
              key={t.thread}
              data-testid="cache-row"
              data-thread={t.thread}
              data-bound={String(t.bound)}
              data-blocks={t.blocks}
              data-bytes={t.bytes}
            >
              <th scope="row">{t.thread}</th>
              <td title={EXPLAIN.bound}>{t.bound ? 'yes' : 'no'}</td>
              <td title={`${count(t.blocks)} blocks cached by thread ${t.thread}.`}>{count(t.blocks)}</td>
              <td title={bytesExact(t.bytes)}>{bytesShort(t.bytes)}</td>
              {classes.map((c) => {
                const p = t.perClass;
                const blocks = p.blocks[c.cls];
                return (
                  <td
                    key={c.cls}
                    data-testid="cache-cell"
                    data-thread={t.thread}
                    data-class={c.cls}
                    data-blocks={blocks}
                    data-bytes={blocks * c.blockSize}
                    data-reclaimed={p.reclaimed[c.cls]}
                    data-shared={p.shared[c.cls]}
                    data-fresh={p.fresh[c.cls]}
                    className={blocks === 0 ? 'zero' : undefined}
                    title={`Thread ${t.thread}, ${c.name}: ${count(blocks)} blocks (${bytesExact(blocks * c.blockSize)}) = ${count(p.reclaimed[c.cls])} reclaimed + ${count(p.shared[c.cls])} shared + ${count(p.fresh[c.cls])} fresh; owns ${count(p.slabs[c.cls])} slab(s). Local limit ${count(c.localLimit)}: above it a free drains ${count(c.drainCount)} blocks to central.`}
                  >
                    {count(blocks)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

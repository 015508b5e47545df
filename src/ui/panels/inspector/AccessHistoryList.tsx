// A block's access history in the Block inspector: newest first, each access with the pc of the
// instruction that made it and its function (asked of the engine after the frame, so stepping never
// waits for it), paged beyond the frame's 32 by "Older accesses", each row a link to its timestamp.
import { useEffect, useState } from 'react';
import type { AccessHistoryPage } from '../../../engine/timeline/queries/accessHistory';
import type { AccessList } from '../../../engine/timeline/queries/blockHistory';
import type { BlockView } from '../../../engine/views/frameTypes';
import { debuggerStore } from '../../debugger/useDebugger';
import { fmtRange, useNumberBase } from '../numberBase';

const PAGE = 32;
const hex = (n: number) => '0x' + n.toString(16);

interface Row {
  t: number;
  tPrev: number;
  ptr: number;
  size: number;
  write: boolean;
  pc?: number;
  fn?: string;
}

function rowsOf(list: AccessList | AccessHistoryPage): Row[] {
  const page = 'pc' in list ? list : null;
  return Array.from({ length: list.count }, (_, i) => ({
    t: list.timestamp[i],
    tPrev: list.tPrev[i],
    ptr: list.pointer[i],
    size: list.size[i],
    write: list.write[i] === 1,
    pc: page?.pc?.[i],
    fn: page?.functions[i],
  })).reverse();
}

export function AccessHistoryList({ block, onJump }: { block: BlockView; onJump(t: number): void }) {
  const base = useNumberBase();
  // The frame's history at once (derived when the block view changes), then the same page with pcs.
  const [state, setState] = useState({ of: block, rows: rowsOf(block.history), more: block.history.more });
  if (state.of !== block) setState({ of: block, rows: rowsOf(block.history), more: block.history.more });
  const { rows, more } = state;
  const [loading, setLoading] = useState(false);
  const range = { addressSpace: block.addressSpace, addr: block.blockStart, len: block.blockSize };
  useEffect(() => {
    let current = true;
    const r = { addressSpace: block.addressSpace, addr: block.blockStart, len: block.blockSize };
    debuggerStore
      .getState()
      .accessHistory(r, PAGE)
      .then((page) => {
        if (current) setState({ of: block, rows: rowsOf(page), more: page.more });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [block]);
  const older = async () => {
    const oldest = rows.at(-1);
    if (oldest === undefined) return;
    setLoading(true);
    try {
      const page = await debuggerStore.getState().accessHistory(range, PAGE, oldest.t);
      setState((prev) =>
        prev.of === block ? { of: block, rows: [...prev.rows, ...rowsOf(page)], more: page.more } : prev,
      );
    } finally {
      setLoading(false);
    }
  };
  return (
    <>
      <h3>
        Access history{' '}
        <span className="muted">
          ({rows.length}
          {more ? ' latest' : ''})
        </span>
      </h3>
      {rows.length === 0 ? (
        <p className="muted">No access to this block before now.</p>
      ) : (
        <ol className="history mono" data-testid="access-history">
          {rows.map((r) => (
            <li key={`${r.t}:${r.ptr}`}>
              <button type="button" className="link" onClick={() => onJump(r.t)} title="jump to this access">
                t {r.t}
              </button>{' '}
              {r.write ? 'write' : 'read'} {fmtRange(r.ptr, r.size, base)} t_prev {r.tPrev}
              {r.pc !== undefined && (
                <span className="site" data-testid="access-site">
                  {' '}
                  · pc {hex(r.pc)}
                  {r.fn ? <span className="fn"> in {r.fn}</span> : null}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      {more && (
        <button type="button" onClick={() => void older()} disabled={loading}>
          {loading ? 'Loading…' : 'Older accesses'}
        </button>
      )}
    </>
  );
}

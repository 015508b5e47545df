// "Watch this block" in the Block inspector: a watchpoint on the block's cells for its writes, its reads or
// any access (gdb's watch / rwatch / awatch), added to the Breakpoints & watchpoints list; and "Previous
// write" / "Next write": one move to the last (next) write of the block.
import type { Watchpoint } from '../../../engine/timeline/sessionTypes';
import { debuggerStore, useDebugger } from '../../debugger/useDebugger';
import { wpKey } from '../../debugger/probeSlice';

export type WatchKind = 'write' | 'read' | 'access';

export function watchpointFor(
  range: { addressSpace: number; addr: number; len: number },
  kind: WatchKind,
): Watchpoint {
  return {
    ...range,
    ...(kind === 'write' ? { writesOnly: true } : kind === 'read' ? { readsOnly: true } : {}),
  };
}

export function WatchBlock({ range }: { range: { addressSpace: number; addr: number; len: number } }) {
  const watchpoints = useDebugger((s) => s.watchpoints);
  const watching = new Set(watchpoints.map(wpKey));
  const { watch, control } = debuggerStore.getState();
  const kinds: WatchKind[] = ['write', 'read', 'access'];
  return (
    <div className="watch-block">
      <span className="muted">Watch this block:</span>
      {kinds.map((k) => {
        const w = watchpointFor(range, k);
        const on = watching.has(wpKey(w));
        return (
          <button
            key={k}
            type="button"
            aria-pressed={on}
            disabled={on}
            title={`stop Run / Reverse continue at every ${k === 'access' ? 'access to' : k === 'read' ? 'read of' : 'write to'} cells ${range.addr}..${range.addr + range.len - 1}`}
            onClick={() => watch(w)}
          >
            {k === 'write' ? 'Writes' : k === 'read' ? 'Reads' : 'Accesses'}
          </button>
        );
      })}
      <span className="who-writes">
        {(['previous', 'next'] as const).map((which) => (
          <button
            key={which}
            type="button"
            onClick={() => void control({ op: 'runToAccess', ...range, which, writesOnly: true })}
          >
            {which === 'previous' ? 'Previous write' : 'Next write'}
          </button>
        ))}
      </span>
    </div>
  );
}

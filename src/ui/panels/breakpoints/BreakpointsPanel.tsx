// Breakpoints & watchpoints: every breakpoint (pc, symbol, file:line, script line) and watchpoint (read,
// write or access of a block) with its enabled box, hit count and remove button; a field to break at a
// symbol, an address or file:line typed in; and what the last run stopped at. Reads and changes the store
// directly (the lists live in the view slice, flags and hits in probeSlice.ts).
import { useState } from 'react';
import { bpKey, wpKey } from '../../debugger/probeSlice';
import { debuggerStore, useDebugger } from '../../debugger/useDebugger';
import './breakpoints.css';
import { breakpointLabel, parseBreakTarget, type SymbolEntry, watchpointLabel } from './breakTarget';

const NO_SYMBOLS: SymbolEntry[] = [];
const hex = (n: number) => '0x' + n.toString(16);

export function BreakpointsPanel() {
  const breakpoints = useDebugger((s) => s.breakpoints);
  const watchpoints = useDebugger((s) => s.watchpoints);
  const probes = useDebugger((s) => s.probes);
  const lastHit = useDebugger((s) => s.lastHit);
  const kind = useDebugger((s) => s.program?.kind);
  const symbols = useDebugger((s) => (s.program?.kind === 'guest' ? s.program.symbols : NO_SYMBOLS));
  const { setProbeEnabled, removeBreakpoint, removeWatch, addBreakpoint } = debuggerStore.getState();
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);
  if (kind === undefined) return null;
  const rows = [
    ...breakpoints.map((bp) => ({
      key: bpKey(bp),
      kind: 'breakpoint',
      label: breakpointLabel(bp, symbols),
      remove: () => removeBreakpoint(bp),
    })),
    ...watchpoints.map((w) => ({
      key: wpKey(w),
      kind: 'watchpoint',
      label: watchpointLabel(w),
      remove: () => removeWatch(w),
    })),
  ];
  const stoppedAt =
    lastHit === undefined
      ? null
      : lastHit.hit.kind === 'breakpoint'
        ? `breakpoint at ${hex(lastHit.hit.pc ?? 0)}`
        : `${lastHit.hit.write ? 'write' : 'read'} of AS${lastHit.hit.addressSpace} [${hex(lastHit.hit.pointer ?? 0)}, ${hex((lastHit.hit.pointer ?? 0) + (lastHit.hit.size ?? 0))}) at t ${lastHit.hit.timestamp}`;
  return (
    <section className="panel breakpoints" aria-label="Breakpoints and watchpoints">
      <h2>Breakpoints &amp; watchpoints</h2>
      <form
        className="break-at"
        onSubmit={(e) => {
          e.preventDefault();
          const r = parseBreakTarget(typed, kind === 'guest' ? { kind, symbols } : { kind: 'script' });
          if (!r.ok) return setError(r.error);
          addBreakpoint(r.bp);
          setError(null);
          setTyped('');
        }}
      >
        <input
          aria-label="Break at"
          placeholder={kind === 'guest' ? 'break at symbol, 0xaddress or file.c:LINE' : 'break at line'}
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
        />
        <button type="submit">Break</button>
      </form>
      {error !== null && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {stoppedAt !== null && (
        <p className="last-stop" data-testid="last-stop">
          Stopped at {stoppedAt}
        </p>
      )}
      {rows.length === 0 ? (
        <p className="muted">
          None. Click a disassembly row&apos;s gutter, type a symbol above, or use &ldquo;Watch&rdquo; in the
          Block inspector (or a cell&apos;s context menu).
        </p>
      ) : (
        <ul className="probe-list" data-testid="probe-list">
          {rows.map((r) => {
            const e = probes[r.key] ?? { enabled: true, hits: 0 };
            return (
              <li key={r.key} className={e.enabled ? '' : 'disabled'} data-kind={r.kind}>
                <label>
                  <input
                    type="checkbox"
                    checked={e.enabled}
                    onChange={(ev) => setProbeEnabled(r.key, ev.target.checked)}
                    aria-label={`Enable ${r.kind} ${r.label}`}
                  />{' '}
                  <span className="mono">{r.label}</span>
                </label>
                <span className="hits muted" data-testid="hits">
                  {e.hits} hit{e.hits === 1 ? '' : 's'}
                </span>
                <button
                  type="button"
                  className="link"
                  aria-label={`Remove ${r.kind} ${r.label}`}
                  onClick={r.remove}
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

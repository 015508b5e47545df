// The source view of a guest with DWARF line information, above its disassembly: where pc is (file:line,
// and the file's text around it when the user dropped the source), a toggle between moving by source line
// and by instruction, file:line breakpoints (typed, or from the source's gutter), and the call stack with
// inlined calls. Reads and changes the store directly (sources, byLine, breakpoints).
import { useMemo, useState } from 'react';
import type { Breakpoint } from '../../engine/timeline/sessionTypes';
import type { SourceView } from '../../engine/views/frameTypes';
import { useDebugger } from '../debugger/useDebugger';

const CONTEXT = 2;
const sameFile = (path: string, name: string) => path === name || path.endsWith(`/${name}`) || name.endsWith(`/${path}`);
const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

export function SourcePane({ source }: { source: SourceView }) {
  const sources = useDebugger((s) => s.sources);
  const byLine = useDebugger((s) => s.byLine);
  const setByLine = useDebugger((s) => s.setByLine);
  const breakpoints = useDebugger((s) => s.breakpoints);
  const toggle = useDebugger((s) => s.toggleBreakpoint);
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const fileBps = breakpoints.filter((b): b is { file: string; line: number } => 'file' in b);
  const text = useMemo(() => {
    if (source.file === null) return null;
    const name = Object.keys(sources).find((n) => sameFile(source.file!, n));
    return name === undefined ? null : sources[name].split('\n');
  }, [sources, source.file]);
  const where = source.file === null ? '(no source line)' : `${source.file}:${source.line}`;
  const hasBp = (bp: Breakpoint) => fileBps.some((b) => 'file' in bp && sameFile(b.file, bp.file) && b.line === bp.line);

  const addTyped = () => {
    const m = /^\s*(.+?):(\d+)\s*$/.exec(typed);
    if (m === null) return setTypedError('write FILE:LINE, e.g. debug_loop.c:15');
    setTypedError(null);
    const bp = { file: m[1], line: Number(m[2]) };
    if (!hasBp(bp)) toggle(bp);
    setTyped('');
  };

  return (
    <div className="source-pane" role="region" aria-label="Source">
      <div className="source-head">
        <code data-testid="source-location" title="the source line of pc (DWARF .debug_line)">
          {where}
        </code>
        <label className="muted">
          <input type="checkbox" checked={byLine} onChange={(e) => setByLine(e.target.checked)} /> step by source line
        </label>
      </div>
      {text !== null ? (
        <ol className="source-text" data-testid="source-text">
          {text.slice(Math.max(0, source.line - 1 - CONTEXT), source.line + CONTEXT).map((t, i) => {
            const line = Math.max(1, source.line - CONTEXT) + i;
            const bp = { file: source.file!, line };
            const on = hasBp(bp);
            return (
              <li key={line} className={line === source.line ? 'current' : ''}>
                <button type="button" className={`gutter ${on ? 'bp-on' : ''}`} aria-label={`${on ? 'Remove' : 'Set'} breakpoint at ${baseName(bp.file)}:${line}`} aria-pressed={on} onClick={() => toggle(bp)}>
                  {on ? '●' : ''}
                </button>
                <span className="ln">{line}</span>
                <span className="text">{t || ' '}</span>
              </li>
            );
          })}
        </ol>
      ) : (
        <div className="muted source-hint">drop {source.file === null ? 'the source files' : baseName(source.file)} on the page to see its text</div>
      )}
      <form
        className="bp-form"
        onSubmit={(e) => {
          e.preventDefault();
          addTyped();
        }}
      >
        <input aria-label="Breakpoint at file:line" placeholder="file.c:12" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">Add breakpoint</button>
        {typedError && <span className="muted">{typedError}</span>}
      </form>
      {fileBps.length > 0 && (
        <ul className="bp-list" aria-label="Source breakpoints">
          {fileBps.map((b) => (
            <li key={`${b.file}:${b.line}`}>
              <code>{`${b.file}:${b.line}`}</code>
              <button type="button" aria-label={`Remove breakpoint at ${b.file}:${b.line}`} onClick={() => toggle(b)}>
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>Call stack</h3>
      <ol className="call-stack" aria-label="Call stack">
        {source.stack.map((f, i) => (
          <li key={i} className={i === 0 ? 'current' : ''}>
            <span className="fn">{f.function}</span>
            {f.inlined && <span className="muted"> (inlined)</span>}
            <span className="muted"> {f.file === null ? `pc 0x${f.pc.toString(16)}` : `${baseName(f.file)}:${f.line}`}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

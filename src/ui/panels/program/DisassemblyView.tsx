// The Program panel's disassembly: the whole program in one virtualized list (@tanstack/react-virtual; only
// the rows in view exist, pages of rows fetched from the engine as they come into view), a breakpoint
// gutter on every row, the current pc highlighted and followed — until the user scrolls or jumps away;
// "Follow pc" follows it again. Above it, a search over function symbols and addresses: pick a function to
// jump to it, or Break to set a breakpoint on what was typed (symbol, 0xaddress or file.c:LINE).
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { StepOperands } from '../../../engine/views/frameTypes';
import type { Breakpoint } from '../../../engine/timeline/sessionTypes';
import { debuggerStore, useDebugger } from '../../debugger/useDebugger';
import { parseBreakTarget, searchSymbols, type SymbolEntry } from '../breakpoints/breakTarget';
import '../breakpoints/breakpoints.css';
import { StepOperandsView } from '../StepOperandsView';
import { useListing } from './useListing';

const ROW = 19; // 12px / 1.55 line height
const hex = (v: number) => '0x' + v.toString(16);
const NO_SYMBOLS: SymbolEntry[] = [];

export interface DisassemblyViewProps {
  pc: number;
  operands: StepOperands | null;
  breakpoints: Breakpoint[];
  onToggle(bp: Breakpoint): void;
}

export function DisassemblyView({ pc, operands, breakpoints, onToggle }: DisassemblyViewProps) {
  const program = useDebugger((s) => s.program);
  const symbols = program?.kind === 'guest' ? program.symbols : NO_SYMBOLS;
  const listing = useListing(program);
  const scroller = useRef<HTMLDivElement>(null);
  const [follow, setFollow] = useState(true);
  const [target, setTarget] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [showResults, setShowResults] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const total = listing?.total ?? 0;
  const pcBase = listing?.pcBase ?? 0;
  const rowOf = (addr: number) => Math.floor((addr - pcBase) / 4);
  // Rows where a function starts carry its label on a line of their own.
  const labelled = useMemo(() => new Set(symbols.map((s) => s.address)), [symbols]);
  const bpPcs = useMemo(() => new Set(breakpoints.flatMap((b) => ('pc' in b ? [b.pc] : []))), [breakpoints]);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (labelled.has(pcBase + 4 * i) ? 2 * ROW : ROW),
    overscan: 12,
    // A scroll re-renders the rows in React's next task instead of synchronously inside the scroll event
    // (flushSync): a follow-pc scroll during a big commit would otherwise render and measure in one frame.
    useFlushSync: false,
  });
  const pcRow = rowOf(pc);
  useEffect(() => {
    if (!follow || total === 0 || pcRow < 0 || pcRow >= total) return;
    // Out of view: centered, with the instructions before it in view too; in view: left where it is.
    const r = virtualizer.range;
    if (r === null || pcRow <= r.startIndex || pcRow >= r.endIndex)
      virtualizer.scrollToIndex(pcRow, { align: 'center' });
  }, [follow, pcRow, total, virtualizer]);

  const jump = (addr: number) => {
    const row = rowOf(addr);
    if (row < 0 || row >= total) return setError(`${hex(addr)} is outside the program's code`);
    setError(null);
    setFollow(false);
    setTarget(addr);
    setShowResults(false);
    virtualizer.scrollToIndex(row, { align: 'start' });
  };
  const results = showResults ? searchSymbols(symbols, query, 30) : [];
  const submit = () => {
    const t = query.trim();
    if (/^(0x)?[0-9a-f]+$/i.test(t) && !symbols.some((s) => s.name === t)) return jump(parseInt(t, 16));
    const hit = searchSymbols(symbols, t, 1)[0];
    if (hit === undefined) return setError(`no function symbol matches \`${t}\``);
    jump(hit.address);
  };
  const breakAt = () => {
    const r = parseBreakTarget(query, { kind: 'guest', symbols });
    if (!r.ok) return setError(r.error);
    setError(null);
    debuggerStore.getState().addBreakpoint(r.bp);
    setShowResults(false);
  };
  const userScrolls = () => setFollow(false);
  return (
    <div className="disasm-view">
      <form
        className="program-search"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <input
          aria-label="Search functions or addresses"
          placeholder="function, 0xaddress or file.c:LINE"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setShowResults(true);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setShowResults(false);
          }}
        />
        <button type="submit" aria-label="Go to function or address">
          Go
        </button>
        <button
          type="button"
          onClick={breakAt}
          aria-label="Break on function or address"
          title="set a breakpoint on what is typed"
        >
          Break
        </button>
        <button
          type="button"
          aria-pressed={follow}
          onClick={() => setFollow(true)}
          title="keep the current instruction in view as the position moves"
        >
          Follow pc
        </button>
      </form>
      {error !== null && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      {results.length > 0 && (
        <ul className="symbol-results" aria-label="Matching functions">
          {results.map((s) => (
            <li key={`${s.address}:${s.name}`}>
              <button type="button" className="link" onClick={() => jump(s.address)}>
                <span className="mono">{s.name}</span> <span className="muted mono">{hex(s.address)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div
        className="disasm-scroll"
        ref={scroller}
        onWheel={userScrolls}
        onPointerDown={(e) => {
          if (e.target === e.currentTarget) userScrolls(); // the scrollbar
        }}
        data-following={follow}
      >
        <ol className="disasm" data-testid="disassembly" style={{ height: virtualizer.getTotalSize() }}>
          {listing !== null &&
            virtualizer.getVirtualItems().map((v) => {
              const addr = pcBase + 4 * v.index;
              const l = listing.line(v.index);
              const on = bpPcs.has(addr);
              const cls = [addr === pc ? 'current' : '', addr === target ? 'target' : ''].filter(Boolean);
              return (
                <li
                  key={v.key}
                  data-index={v.index}
                  ref={virtualizer.measureElement}
                  className={cls.join(' ')}
                  data-pc={addr}
                  style={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    transform: `translateY(${v.start}px)`,
                  }}
                  title={l ? `${hex(addr)}: ${l.text}${l.comment ? ` # ${l.comment}` : ''}` : hex(addr)}
                >
                  {l?.label && <div className="label">{l.label}</div>}
                  <button
                    type="button"
                    className={`gutter ${on ? 'bp-on' : ''}`}
                    aria-label={`${on ? 'Remove' : 'Set'} breakpoint at ${hex(addr)}`}
                    aria-pressed={on}
                    onClick={() => onToggle({ pc: addr })}
                  >
                    {on ? '●' : ''}
                  </button>
                  <span className="addr">{addr.toString(16)}</span>
                  {l ? (
                    <>
                      <span className="word muted">{l.word.toString(16).padStart(8, '0')}</span>
                      <span className="text">{l.text}</span>
                      {l.comment && <span className="comment muted"># {l.comment}</span>}
                    </>
                  ) : (
                    <span className="text muted">…</span>
                  )}
                  {operands !== null && operands.pc === addr && <StepOperandsView operands={operands} />}
                </li>
              );
            })}
        </ol>
      </div>
    </div>
  );
}

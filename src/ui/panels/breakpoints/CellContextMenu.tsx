// The context menu of a memory cell (right click, or the context-menu key on a focused cell): inspect it,
// or watch its block for writes, reads or any access. One listener on the document finds the cell by its
// data attributes (CellGrid's data-as / data-addr / data-block-start / data-block-size), so the grid itself
// needs no menu code. An untouched cell (no block yet) is watched as the cell alone.
import { useEffect, useRef, useState } from 'react';
import { debuggerStore } from '../../debugger/useDebugger';
import { watchpointFor, type WatchKind } from '../inspector/WatchBlock';

interface MenuAt {
  x: number;
  y: number;
  addressSpace: number;
  addr: number;
  blockStart: number;
  blockSize: number;
}

const hex = (n: number) => '0x' + n.toString(16);

export function CellContextMenu() {
  const [at, setAt] = useState<MenuAt | null>(null);
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const onMenu = (e: MouseEvent) => {
      const cell = (e.target as Element | null)?.closest?.<HTMLElement>('[data-testid="cell"]');
      if (!cell) return;
      e.preventDefault();
      const d = cell.dataset;
      const addr = Number(d.addr);
      const start = Number(d.blockStart);
      const size = Number(d.blockSize);
      const touched = start >= 0 && size > 0;
      setAt({
        x: e.clientX,
        y: e.clientY,
        addressSpace: Number(d.as),
        addr,
        blockStart: touched ? start : addr,
        blockSize: touched ? size : 1,
      });
    };
    const onDown = (e: MouseEvent) => {
      if (menu.current && !menu.current.contains(e.target as Node)) setAt(null);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setAt(null);
    };
    document.addEventListener('contextmenu', onMenu);
    document.addEventListener('mousedown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('contextmenu', onMenu);
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, []);
  useEffect(() => {
    menu.current?.querySelector<HTMLElement>('[role=menuitem]')?.focus();
  }, [at]);
  if (at === null) return null;
  const range = { addressSpace: at.addressSpace, addr: at.blockStart, len: at.blockSize };
  const act = (fn: () => void) => () => {
    fn();
    setAt(null);
  };
  const { watch, select } = debuggerStore.getState();
  const kinds: [WatchKind, string][] = [
    ['write', 'Watch writes to this block'],
    ['read', 'Watch reads of this block'],
    ['access', 'Watch accesses to this block'],
  ];
  return (
    <div
      ref={menu}
      className="context-menu"
      role="menu"
      aria-label={`AS${at.addressSpace} ${hex(at.addr)}`}
      style={{ left: Math.min(at.x, window.innerWidth - 260), top: Math.min(at.y, window.innerHeight - 150) }}
    >
      <div className="context-title muted">
        AS{at.addressSpace} {hex(at.addr)} · block [{hex(at.blockStart)}, {hex(at.blockStart + at.blockSize)})
      </div>
      <button type="button" role="menuitem" onClick={act(() => void select(at.addressSpace, at.addr))}>
        Inspect this cell
      </button>
      {kinds.map(([k, label]) => (
        <button key={k} type="button" role="menuitem" onClick={act(() => watch(watchpointFor(range, k)))}>
          {label}
        </button>
      ))}
    </div>
  );
}

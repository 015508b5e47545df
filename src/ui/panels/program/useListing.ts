// The whole program's disassembly for the virtualized list, fetched from the engine a page of rows at a
// time as rows come into view, and kept for the session (a program of 100,000 words is ~400 pages; only
// the pages looked at are ever asked for). `total` is known after the first page.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DisassemblyLine } from '../../../engine/guest/isa/disassembler';
import { debuggerStore } from '../../debugger/useDebugger';

export const LISTING_PAGE = 256;

export interface Listing {
  total: number;
  pcBase: number;
  /** The row's line, or undefined while its page loads (the request is then under way). */
  line(row: number): DisassemblyLine | undefined;
}

export function useListing(programKey: unknown): Listing | null {
  const pages = useRef(new Map<number, DisassemblyLine[] | 'loading'>());
  const [meta, setMeta] = useState<{ key: unknown; total: number; pcBase: number } | null>(null);
  const [, setVersion] = useState(0);
  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page)) return;
      pages.current.set(page, 'loading');
      const mine = pages.current;
      debuggerStore
        .getState()
        .listing(page * LISTING_PAGE, LISTING_PAGE)
        .then((l) => {
          if (mine !== pages.current) return;
          mine.set(page, l.lines);
          setMeta((m) => (m?.key === programKey ? m : { key: programKey, total: l.total, pcBase: l.pcBase }));
          setVersion((v) => v + 1);
        })
        .catch(() => mine.delete(page));
    },
    [programKey],
  );
  useEffect(() => {
    pages.current = new Map();
    load(0);
  }, [load]);
  if (meta === null || meta.key !== programKey) return null;
  return {
    total: meta.total,
    pcBase: meta.pcBase,
    line(row) {
      const page = Math.floor(row / LISTING_PAGE);
      const got = pages.current.get(page);
      if (got === undefined) load(page);
      return got === undefined || got === 'loading' ? undefined : got[row - page * LISTING_PAGE];
    },
  };
}

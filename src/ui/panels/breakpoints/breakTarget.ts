// What the user types to set a breakpoint (Program panel search, Breakpoints & watchpoints list): a
// function symbol (`main`, a demangled Rust path), an address (`0x2012cc`, or hex digits), `file.c:LINE`
// (DWARF), or a script's line number; and how breakpoints and watchpoints are named in lists.
// A symbol resolves to its address here, so the Program panel's gutter shows the breakpoint on its row.
import type { Breakpoint, Watchpoint } from '../../../engine/timeline/sessionTypes';

export interface SymbolEntry {
  name: string;
  address: number;
}

export type BreakTarget = { ok: true; bp: Breakpoint; label: string } | { ok: false; error: string };

const hex = (n: number) => '0x' + n.toString(16);

/** The function symbols whose name contains `text` (case-insensitive), exact and prefix matches first. */
export function searchSymbols(symbols: readonly SymbolEntry[], text: string, limit = 50): SymbolEntry[] {
  const q = text.trim().toLowerCase();
  if (q === '') return [];
  const rank = (s: SymbolEntry) => {
    const n = s.name.toLowerCase();
    return n === q ? 0 : n.startsWith(q) ? 1 : n.split('::').at(-1) === q ? 0.5 : 2;
  };
  return symbols
    .filter((s) => s.name.toLowerCase().includes(q))
    .sort((a, b) => rank(a) - rank(b) || a.name.length - b.name.length || a.address - b.address)
    .slice(0, limit);
}

export function parseBreakTarget(
  text: string,
  program: { kind: 'guest'; symbols: readonly SymbolEntry[] } | { kind: 'script' },
): BreakTarget {
  const t = text.trim();
  if (t === '') return { ok: false, error: 'type a symbol, an address (0x…) or file.c:LINE' };
  if (program.kind === 'script') {
    const line = Number(t);
    return Number.isSafeInteger(line) && line > 0
      ? { ok: true, bp: { line }, label: `line ${line}` }
      : { ok: false, error: `\`${t}\` is not a line number` };
  }
  const fileLine = /^(.+):(\d+)$/.exec(t);
  if (fileLine !== null && !t.includes('::'))
    return { ok: true, bp: { file: fileLine[1], line: Number(fileLine[2]) }, label: t };
  const exact = program.symbols.find((s) => s.name === t);
  if (exact !== undefined)
    return { ok: true, bp: { pc: exact.address }, label: `${t} (${hex(exact.address)})` };
  if (/^(0x)?[0-9a-f]+$/i.test(t)) {
    const pc = parseInt(t.replace(/^0x/i, ''), 16);
    if (pc % 4 !== 0)
      return { ok: false, error: `${hex(pc)} is not an instruction address (a multiple of 4)` };
    return { ok: true, bp: { pc }, label: hex(pc) };
  }
  const near = searchSymbols(program.symbols, t, 3);
  if (near.length === 1 && near[0].name.split('::').at(-1) === t)
    return { ok: true, bp: { pc: near[0].address }, label: `${near[0].name} (${hex(near[0].address)})` };
  return {
    ok: false,
    error:
      near.length === 0
        ? `no function symbol \`${t}\``
        : `no function symbol \`${t}\`; did you mean ${near.map((s) => `\`${s.name}\``).join(', ')}?`,
  };
}

/** A breakpoint as the lists show it: `pc 0x2012cc <native_keccak256>`, `main`, `calls.c:48`, `line 7`. */
export function breakpointLabel(bp: Breakpoint, symbols: readonly SymbolEntry[]): string {
  if ('pc' in bp) {
    const at = symbols.find((s) => s.address === bp.pc);
    return at === undefined ? `pc ${hex(bp.pc)}` : `${at.name} (${hex(bp.pc)})`;
  }
  if ('symbol' in bp) return bp.symbol;
  if ('file' in bp) return `${bp.file}:${bp.line}`;
  return `line ${bp.line}`;
}

/** `write AS2 [0x2002c0, 0x2002c4)` — what a watchpoint watches. */
export function watchpointLabel(w: Watchpoint): string {
  const kind = w.writesOnly ? 'write' : w.readsOnly ? 'read' : 'access';
  return `${kind} AS${w.addressSpace} [${hex(w.addr)}, ${hex(w.addr + w.len)})`;
}

// "Jump to" of a lane: an address in decimal or 0x-hex, or (main memory of a guest run) a symbol name,
// optionally plus an offset (`buf+16`, `main+0x10`). Symbols match case-sensitively exactly first, then by
// prefix (case-sensitive, then not); of several prefix matches the shortest name wins (closest to what was
// typed), then the lowest address. Errors are values with a message the lane shows inline.
export interface JumpSymbol {
  name: string;
  address: number;
}

export type JumpResult =
  { ok: true; pointer: number; symbol?: string; others?: number } | { ok: false; message: string };

const NUMBER = /^(0x[0-9a-f]+|[0-9]+)$/i;

function parseNumber(text: string): number | null {
  if (!NUMBER.test(text)) return null;
  return text.toLowerCase().startsWith('0x') ? parseInt(text.slice(2), 16) : parseInt(text, 10);
}

function findSymbol(
  name: string,
  symbols: readonly JumpSymbol[],
): { symbol: JumpSymbol; others: number } | null {
  const exact = symbols.find((s) => s.name === name);
  if (exact) return { symbol: exact, others: 0 };
  let matches = symbols.filter((s) => s.name.startsWith(name));
  if (matches.length === 0)
    matches = symbols.filter((s) => s.name.toLowerCase().startsWith(name.toLowerCase()));
  if (matches.length === 0) return null;
  const best = [...matches].sort((a, b) => a.name.length - b.name.length || a.address - b.address)[0];
  return { symbol: best, others: matches.length - 1 };
}

export function resolveJump(input: string, cells: number, symbols?: readonly JumpSymbol[]): JumpResult {
  const text = input.trim();
  if (text === '')
    return { ok: false, message: symbols ? 'Type an address or a symbol.' : 'Type an address.' };
  const inRange = (p: number, what: string): JumpResult =>
    p >= 0 && p < cells
      ? { ok: true, pointer: p }
      : { ok: false, message: `${what} is outside this space (0..${cells - 1}).` };

  const n = parseNumber(text);
  if (n !== null) return inRange(n, text);

  if (!symbols || symbols.length === 0)
    return { ok: false, message: `"${text}" is not an address (decimal or 0x hex).` };
  const plus = text.lastIndexOf('+');
  const offset = plus > 0 ? parseNumber(text.slice(plus + 1).trim()) : null;
  const name = offset === null ? text : text.slice(0, plus).trim();
  const found = findSymbol(name, symbols);
  if (found === null) return { ok: false, message: `No symbol "${name}".` };
  const r = inRange(
    found.symbol.address + (offset ?? 0),
    `${found.symbol.name}${offset === null ? '' : '+' + offset}`,
  );
  return r.ok ? { ...r, symbol: found.symbol.name, others: found.others } : r;
}

/** Prev/next page: the detail window moved by its length, kept inside the space (null at the end). */
export function pageTarget(addr: number, len: number, cells: number, direction: -1 | 1): number | null {
  const next = Math.max(0, Math.min(cells - len, addr + direction * len));
  return next === addr ? null : next;
}

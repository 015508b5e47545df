// Rust legacy symbol demangling, as rustc-demangle's legacy.rs in alternate (`{:#}`) mode: `_ZN` then
// length-prefixed path components then `E`; the trailing `h<16 hex>` hash component is dropped; `..` is
// `::`, `$LT$`-style and `$uXX$` escapes are decoded, a leading `_$` loses its underscore.
// Returns undefined for anything that is not a complete legacy Rust name (the caller then tries C++).

const ESCAPES: Record<string, string> = {
  SP: '@',
  BP: '*',
  RF: '&',
  LT: '<',
  GT: '>',
  LP: '(',
  RP: ')',
  C: ',',
};

function isRustHash(s: string): boolean {
  return s.length === 17 && s[0] === 'h' && /^[0-9a-f]{16}$/.test(s.slice(1));
}

function decodeComponent(raw: string): string | undefined {
  let s = raw.startsWith('_$') ? raw.slice(1) : raw;
  let out = '';
  while (s.length > 0) {
    if (s.startsWith('..')) {
      out += '::';
      s = s.slice(2);
    } else if (s[0] === '$') {
      const end = s.indexOf('$', 1);
      if (end < 0) return undefined;
      const code = s.slice(1, end);
      const simple = ESCAPES[code];
      if (simple !== undefined) out += simple;
      else if (code[0] === 'u' && /^u[0-9a-f]+$/.test(code)) {
        const cp = parseInt(code.slice(1), 16);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
        out += String.fromCodePoint(cp);
      } else return undefined;
      s = s.slice(end + 1);
    } else {
      out += s[0];
      s = s.slice(1);
    }
  }
  return out;
}

export function demangleRustLegacy(name: string): string | undefined {
  let i = name.startsWith('__ZN') ? 4 : name.startsWith('_ZN') ? 3 : -1;
  if (i < 0) return undefined;
  const parts: string[] = [];
  while (i < name.length && name[i] !== 'E') {
    let len = 0;
    const start = i;
    while (i < name.length && name[i] >= '0' && name[i] <= '9') {
      len = len * 10 + (name.charCodeAt(i) - 48);
      i++;
      if (len > name.length) return undefined;
    }
    if (i === start || i + len > name.length) return undefined;
    parts.push(name.slice(i, i + len));
    i += len;
  }
  if (i >= name.length || parts.length === 0) return undefined;
  const rest = name.slice(i + 1);
  if (rest !== '' && !rest.startsWith('.')) return undefined;
  if (isRustHash(parts[parts.length - 1]) && parts.length > 1) parts.pop();
  const decoded: string[] = [];
  for (const p of parts) {
    const d = decodeComponent(p);
    if (d === undefined) return undefined;
    decoded.push(d);
  }
  return decoded.join('::') + rest;
}

// Itanium C++ demangling, part 1: the ABI's tables (builtin types, operators, std:: abbreviations) and the
// printing of type trees with libiberty's (GNU c++filt's) spacing: `char const*`, `int (*) [10]`,
// `void (*)(int)`, `A<B<int> >`. Pure data and printing; the grammar is in demangleItanium.ts.

export type Ty =
  | { k: 'name'; s: string }
  | { k: 'ptr'; op: string; inner: Ty }
  | { k: 'cv'; q: string; inner: Ty }
  | { k: 'fn'; ret: Ty; params: Ty[]; q: string }
  | { k: 'arr'; dim: string; inner: Ty };

// prettier-ignore
export const BUILTIN: Record<string, string> = {
  v: 'void', w: 'wchar_t', b: 'bool', c: 'char', a: 'signed char', h: 'unsigned char', s: 'short',
  t: 'unsigned short', i: 'int', j: 'unsigned int', l: 'long', m: 'unsigned long', x: 'long long',
  y: 'unsigned long long', n: '__int128', o: 'unsigned __int128', f: 'float', d: 'double', e: 'long double',
  g: '__float128', z: '...',
};
// prettier-ignore
export const BUILTIN_D: Record<string, string> = {
  n: 'decltype(nullptr)', s: 'char16_t', i: 'char32_t', u: 'char8_t', h: 'half', a: 'auto',
  c: 'decltype(auto)',
};
// prettier-ignore
export const OPERATORS: Record<string, string> = {
  nw: ' new', na: ' new[]', dl: ' delete', da: ' delete[]', ps: '+', ng: '-', ad: '&', de: '*', co: '~',
  pl: '+', mi: '-', ml: '*', dv: '/', rm: '%', an: '&', or: '|', eo: '^', aS: '=', pL: '+=', mI: '-=',
  mL: '*=', dV: '/=', rM: '%=', aN: '&=', oR: '|=', eO: '^=', ls: '<<', rs: '>>', lS: '<<=', rS: '>>=',
  eq: '==', ne: '!=', lt: '<', gt: '>', le: '<=', ge: '>=', ss: '<=>', nt: '!', aa: '&&', oo: '||', pp: '++',
  mm: '--', cm: ',', pm: '->*', pt: '->', cl: '()', ix: '[]', qu: '?',
};
// prettier-ignore
export const STD_ABBR: Record<string, string> = {
  a: 'std::allocator', b: 'std::basic_string', s: 'std::string', i: 'std::istream', o: 'std::ostream',
  d: 'std::iostream',
};
export const LITERAL_SUFFIX: Record<string, string> = { i: '', j: 'u', l: 'l', m: 'ul', x: 'll', y: 'ull' };

export const name = (s: string): Ty => ({ k: 'name', s });

/** `ns::Foo<int>` -> `Foo` (the name a constructor of that class carries). */
export function lastComponent(qualified: string): string {
  let depth = 0;
  let end = qualified.length;
  for (let i = qualified.length - 1; i >= 0; i--) {
    const c = qualified[i];
    if (c === '>') depth++;
    else if (c === '<') {
      depth--;
      if (depth === 0) end = i;
    } else if (c === ':' && depth === 0) return qualified.slice(i + 1, end);
  }
  return qualified.slice(0, end);
}

export function closeArgs(args: string[]): string {
  const body = args.join(', ');
  return `<${body}${body.endsWith('>') ? ' ' : ''}>`;
}

function left(t: Ty): string {
  switch (t.k) {
    case 'name':
      return t.s;
    case 'cv':
      return t.inner.k === 'fn' ? left(t.inner) : `${left(t.inner)} ${t.q}`;
    case 'ptr':
      if (t.inner.k === 'fn') return `${left(t.inner.ret)} (${t.op}`;
      if (t.inner.k === 'arr') return `${left(t.inner.inner)} (${t.op}`;
      return `${left(t.inner)}${t.op}`;
    case 'fn':
      return `${left(t.ret)} `;
    case 'arr':
      return `${left(t.inner)} `;
  }
}
function right(t: Ty): string {
  switch (t.k) {
    case 'name':
      return '';
    case 'cv':
      return t.inner.k === 'fn' ? `${right(t.inner)} ${t.q}` : right(t.inner);
    case 'ptr':
      if (t.inner.k === 'fn')
        return `)(${t.inner.params.map(show).join(', ')})${t.inner.q}${right(t.inner.ret)}`;
      if (t.inner.k === 'arr') return `) [${t.inner.dim}]${right(t.inner.inner)}`;
      return right(t.inner);
    case 'fn':
      return `(${t.params.map(show).join(', ')})${t.q}${right(t.ret)}`;
    case 'arr':
      return `[${t.dim}]${right(t.inner)}`;
  }
}
export function show(t: Ty): string {
  return left(t) + right(t);
}

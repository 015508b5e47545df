// How an icicle frame is labelled in the room it has: the innermost name first. A Rust path such as
// "regex_automata::nfa::thompson::pikevm::PikeVM::search_slots" reads "search_slots · PikeVM::pikevm::…",
// so a narrow frame still names its function, not the crate it lives in. Generic arguments and trait
// impls ("<T as core::fmt::Debug>::fmt") are kept whole: "::" inside <…> or (…) does not split.

/** The "::"-separated segments of a symbol, outside of angle brackets and parentheses. */
export function pathSegments(name: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    if (c === '<' || c === '(' || c === '[') depth++;
    else if ((c === '>' || c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && c === ':' && name[i + 1] === ':') {
      out.push(name.slice(start, i));
      start = i + 2;
      i++;
    }
  }
  out.push(name.slice(start));
  return out.filter((s) => s.length > 0);
}

/** The innermost name, then its enclosing path, innermost first, joined with "::". */
export function innermostFirst(name: string): string {
  const segs = pathSegments(name);
  if (segs.length <= 1) return name;
  const last = segs[segs.length - 1];
  return `${last} · ${segs.slice(0, -1).reverse().join('::')}`;
}

/** The label that fits `chars` characters (an ellipsis marks a cut), or '' when not even 2 fit. */
export function fitLabel(name: string, chars: number): string {
  const text = innermostFirst(name);
  if (text.length <= chars) return text;
  if (chars < 2) return '';
  return `${text.slice(0, chars - 1)}…`;
}

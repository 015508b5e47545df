// Numbers in memscope's text formats: decimal `[0-9]+` (leading zeros allowed) or `0x`/`0X` + hex digits.
// No sign, no `_`. Parsed straight from the source text (no substring) because scripts can be millions of
// lines long.

/** Parses text[start, end) as a number; NaN when it is not a number of the format. */
export function parseNumberAt(text: string, start: number, end: number): number {
  if (end <= start) return NaN;
  let value = 0;
  if (
    end - start > 2 &&
    text.charCodeAt(start) === 48 /* 0 */ &&
    (text.charCodeAt(start + 1) | 32) === 120 /* x */
  ) {
    for (let i = start + 2; i < end; i++) {
      const c = text.charCodeAt(i);
      let d: number;
      if (c >= 48 && c <= 57) d = c - 48;
      else if ((c | 32) >= 97 && (c | 32) <= 102) d = (c | 32) - 87;
      else return NaN;
      value = value * 16 + d;
    }
    return value;
  }
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    value = value * 10 + (c - 48);
  }
  return value;
}

/** The exact decimal value of a number token, for messages (exact even beyond 2^53). */
export function exactDecimal(token: string): string {
  try {
    return BigInt(token.replace(/^0[xX]/, '0x')).toString();
  } catch {
    return token;
  }
}

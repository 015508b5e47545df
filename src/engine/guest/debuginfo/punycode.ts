// RFC 3492 punycode decoding, for Rust v0 identifiers marked `u` (non-ASCII names). Pure; returns
// undefined for malformed input (overflow, bad digits) instead of throwing.

export /** RFC 3492 punycode decoding of `basic` + `encoded` (v0 writes `-` as `_`). */
function punycodeDecode(basic: string, encoded: string): string | undefined {
  const out = Array.from(basic);
  let n = 128;
  let i = 0;
  let bias = 72;
  let p = 0;
  const digit = (c: string) =>
    c >= 'a' && c <= 'z' ? c.charCodeAt(0) - 97 : c >= '0' && c <= '9' ? c.charCodeAt(0) - 22 : -1;
  while (p < encoded.length) {
    const oldI = i;
    let w = 1;
    for (let k = 36; ; k += 36) {
      if (p >= encoded.length) return undefined;
      const d = digit(encoded[p++]);
      if (d < 0) return undefined;
      i += d * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (d < t) break;
      w *= 36 - t;
      if (i > 0x10ffff * 64) return undefined;
    }
    const len = out.length + 1;
    let delta = oldI === 0 ? Math.floor((i - oldI) / 700) : Math.floor((i - oldI) / 2);
    delta += Math.floor(delta / len);
    let k = 0;
    while (delta > 455) {
      delta = Math.floor(delta / 35);
      k += 36;
    }
    bias = k + Math.floor((36 * delta) / (delta + 38));
    n += Math.floor(i / len);
    i %= len;
    if (n > 0x10ffff) return undefined;
    out.splice(i, 0, String.fromCodePoint(n));
    i++;
  }
  return out.join('');
}

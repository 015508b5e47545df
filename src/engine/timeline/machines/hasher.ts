// A streaming 64-bit hash (two independent murmur3-style 32-bit lanes) for full-state hashes: the tests
// compare a state reached by seek (restore + replay) with the state of a fresh run, so the hash must see
// every bit of the state and nothing else (never object identity, allocation order or page layout).
// Invariant: the digest depends only on the sequence of values fed in, and every feed is length-prefixed or
// fixed-width, so two different sequences cannot collide by concatenation.

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

export class Hasher {
  private a = 0x9747b28c;
  private b = 0x2545f491;
  private n = 0;

  /** One 32-bit value (callers pass integers; the low 32 bits count). */
  u32(x: number): void {
    let k = Math.imul(x | 0, 0xcc9e2d51);
    k = Math.imul(rotl(k, 15), 0x1b873593);
    this.a = (Math.imul(rotl(this.a ^ k, 13), 5) + 0xe6546b64) | 0;
    let j = Math.imul(x | 0, 0x85ebca6b);
    j = Math.imul(rotl(j, 17), 0xc2b2ae35);
    this.b = (Math.imul(rotl(this.b ^ j, 11), 9) + 0x7f4a7c15) | 0;
    this.n++;
  }

  /** A non-negative integer up to 2^53 (two lanes of 32 bits). */
  num(x: number): void {
    this.u32(x % 0x1_0000_0000);
    this.u32(Math.floor(x / 0x1_0000_0000));
  }

  /** A JavaScript number of any kind (NaN and -0 normalised), e.g. allocator counters. */
  float(x: number): void {
    if (Number.isSafeInteger(x) && x >= 0) this.num(x);
    else {
      this.u32(0xffff_fffe);
      this.str(Object.is(x, -0) ? '0' : String(x));
    }
  }

  str(s: string): void {
    this.u32(s.length);
    for (let i = 0; i < s.length; i++) this.u32(s.charCodeAt(i));
  }

  /** Length-prefixed array of 32-bit values. */
  words(a: ArrayLike<number>, start = 0, end = a.length): void {
    this.u32(end - start);
    for (let i = start; i < end; i++) this.u32(a[i]);
  }

  /** Length-prefixed bytes, four at a time. */
  bytes(a: Uint8Array): void {
    this.u32(a.length);
    const n = a.length & ~3;
    for (let i = 0; i < n; i += 4) this.u32(a[i] | (a[i + 1] << 8) | (a[i + 2] << 16) | (a[i + 3] << 24));
    for (let i = n; i < a.length; i++) this.u32(a[i]);
  }

  /** 16 hex digits. */
  digest(): string {
    let a = this.a ^ this.n;
    let b = this.b ^ this.n;
    a = Math.imul(a ^ (a >>> 16), 0x85ebca6b);
    a = Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
    a ^= a >>> 16;
    b = Math.imul(b ^ (b >>> 15), 0x2c1b3c6d);
    b = Math.imul(b ^ (b >>> 12), 0x297a2d39);
    b ^= b >>> 15;
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }
}

/** True if every element is 0. */
export function allZero(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

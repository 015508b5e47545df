// Rust v0 symbol demangling (RFC 2603), printed like rustc-demangle's alternate (`{:#}`) mode, which is
// also what llvm-cxxfilt prints: crate disambiguators and const type suffixes are hidden.
// Input: the symbol after `_R`. Returns undefined on any grammar error (the caller shows the raw name).
// Invariants: backrefs only point backwards (no loops); recursion depth and output size are bounded, so a
// hostile name cannot blow the stack or memory.

import { punycodeDecode } from './punycode';

// prettier-ignore
const BASIC: Record<string, string> = {
  a: 'i8', b: 'bool', c: 'char', d: 'f64', e: 'str', f: 'f32', h: 'u8', i: 'isize', j: 'usize', l: 'i32',
  m: 'u32', n: 'i128', o: 'u128', s: 'i16', t: 'u16', u: '()', v: '...', x: 'i64', y: 'u64', z: '!', p: '_',
};
const MAX_DEPTH = 200;
const MAX_OUTPUT = 1 << 16;

class Fail extends Error {}

class V0Printer {
  private pos = 0;
  private depth = 0;
  private out = '';
  private boundLifetimes = 0;

  constructor(private readonly sym: string) {}

  private fail(): never {
    throw new Fail();
  }
  private peek(): string {
    return this.sym[this.pos] ?? '';
  }
  private next(): string {
    const c = this.sym[this.pos];
    if (c === undefined) this.fail();
    this.pos++;
    return c;
  }
  private eat(c: string): boolean {
    if (this.sym[this.pos] === c) {
      this.pos++;
      return true;
    }
    return false;
  }
  private print(s: string): void {
    this.out += s;
    if (this.out.length > MAX_OUTPUT) this.fail();
  }

  private base62(): number {
    if (this.eat('_')) return 0;
    let x = 0;
    for (;;) {
      const c = this.next();
      if (c === '_') return x + 1;
      const d =
        c >= '0' && c <= '9'
          ? c.charCodeAt(0) - 48
          : c >= 'a' && c <= 'z'
            ? c.charCodeAt(0) - 87
            : c >= 'A' && c <= 'Z'
              ? c.charCodeAt(0) - 29
              : -1;
      if (d < 0) this.fail();
      // Crate disambiguators are 64-bit hashes: precision may be lost, but they are never printed and
      // backref positions (the values that matter) are small.
      x = x * 62 + d;
    }
  }
  private optInteger62(tag: string): number {
    return this.eat(tag) ? this.base62() + 1 : 0;
  }
  private decimal(): number {
    const start = this.pos;
    if (this.peek() === '0') {
      this.pos++;
      return 0;
    }
    let x = 0;
    while (this.peek() >= '0' && this.peek() <= '9') {
      x = x * 10 + (this.next().charCodeAt(0) - 48);
      if (x > this.sym.length) this.fail();
    }
    if (this.pos === start) this.fail();
    return x;
  }

  private ident(): string {
    const puny = this.eat('u');
    const len = this.decimal();
    this.eat('_');
    if (this.pos + len > this.sym.length) this.fail();
    const raw = this.sym.slice(this.pos, this.pos + len);
    this.pos += len;
    if (!puny) return raw;
    const sep = raw.lastIndexOf('_');
    const decoded = punycodeDecode(sep < 0 ? '' : raw.slice(0, sep), sep < 0 ? raw : raw.slice(sep + 1));
    if (decoded === undefined) this.fail();
    return decoded;
  }

  private withBackref(f: () => void): void {
    const start = this.pos - 1;
    const target = this.base62();
    if (target >= start) this.fail();
    const saved = this.pos;
    this.pos = target;
    f();
    this.pos = saved;
  }

  private enter(): void {
    if (++this.depth > MAX_DEPTH) this.fail();
  }

  path(inValue: boolean): void {
    this.enter();
    const tag = this.next();
    switch (tag) {
      case 'C':
        this.optInteger62('s');
        this.print(this.ident());
        break;
      case 'N': {
        const ns = this.next();
        this.path(inValue);
        const dis = this.optInteger62('s');
        const name = this.ident();
        if (ns >= 'A' && ns <= 'Z') {
          this.print(
            `::{${ns === 'C' ? 'closure' : ns === 'S' ? 'shim' : ns}${name === '' ? '' : `:${name}`}#${dis}}`,
          );
        } else if (ns >= 'a' && ns <= 'z') {
          this.print(`::${name}`);
        } else this.fail();
        break;
      }
      case 'M':
      case 'X':
      case 'Y':
        if (tag !== 'Y') {
          this.optInteger62('s');
          this.skipPath();
        }
        this.print('<');
        this.type();
        if (tag !== 'M') {
          this.print(' as ');
          this.path(false);
        }
        this.print('>');
        break;
      case 'I':
        this.path(inValue);
        if (inValue) this.print('::');
        this.print('<');
        for (let first = true; !this.eat('E'); first = false) {
          if (!first) this.print(', ');
          this.genericArg();
        }
        this.print('>');
        break;
      case 'B':
        this.withBackref(() => this.path(inValue));
        break;
      default:
        this.fail();
    }
    this.depth--;
  }

  /** Parses a path without printing it (impl paths are not shown). */
  private skipPath(): void {
    const saved = this.out;
    this.path(false);
    this.out = saved;
  }

  private genericArg(): void {
    if (this.eat('L')) this.lifetime(this.base62());
    else if (this.eat('K')) this.constant();
    else this.type();
  }

  private lifetime(index: number): void {
    if (index === 0) {
      this.print("'_");
      return;
    }
    const depth = this.boundLifetimes - index;
    if (depth < 0) this.fail();
    this.print(depth < 26 ? `'${String.fromCharCode(97 + depth)}` : `'_${depth}`);
  }

  private binder(): number {
    const n = this.optInteger62('G');
    if (n > 0) {
      this.print('for<');
      for (let i = 0; i < n; i++) {
        if (i > 0) this.print(', ');
        this.boundLifetimes++;
        this.lifetime(1);
      }
      this.print('> ');
    }
    return n;
  }

  type(): void {
    this.enter();
    const tag = this.next();
    const basic = BASIC[tag];
    if (basic !== undefined) this.print(basic);
    else if (tag === 'R' || tag === 'Q') {
      this.print('&');
      if (this.eat('L')) {
        const lt = this.base62();
        if (lt !== 0) {
          this.lifetime(lt);
          this.print(' ');
        }
      }
      if (tag === 'Q') this.print('mut ');
      this.type();
    } else if (tag === 'P' || tag === 'O') {
      this.print(tag === 'P' ? '*const ' : '*mut ');
      this.type();
    } else if (tag === 'A' || tag === 'S') {
      this.print('[');
      this.type();
      if (tag === 'A') {
        this.print('; ');
        this.constant();
      }
      this.print(']');
    } else if (tag === 'T') {
      this.print('(');
      let n = 0;
      for (; !this.eat('E'); n++) {
        if (n > 0) this.print(', ');
        this.type();
      }
      if (n === 1) this.print(',');
      this.print(')');
    } else if (tag === 'F') {
      const saved = this.boundLifetimes;
      this.binder();
      if (this.eat('U')) this.print('unsafe ');
      if (this.eat('K')) {
        if (this.eat('C')) this.print('extern "C" ');
        else this.print(`extern "${this.ident().replace(/_/g, '-')}" `);
      }
      this.print('fn(');
      for (let first = true; !this.eat('E'); first = false) {
        if (!first) this.print(', ');
        this.type();
      }
      this.print(')');
      if (this.eat('u')) {
        // unit return type: printed as nothing
      } else {
        this.print(' -> ');
        this.type();
      }
      this.boundLifetimes = saved;
    } else if (tag === 'D') {
      this.print('dyn ');
      const saved = this.boundLifetimes;
      this.binder();
      for (let first = true; !this.eat('E'); first = false) {
        if (!first) this.print(' + ');
        this.dynTrait();
      }
      this.boundLifetimes = saved;
      if (!this.eat('L')) this.fail();
      const lt = this.base62();
      if (lt !== 0) {
        this.print(' + ');
        this.lifetime(lt);
      }
    } else if (tag === 'B') {
      this.withBackref(() => this.type());
    } else {
      this.pos--;
      this.path(false);
    }
    this.depth--;
  }

  private dynTrait(): void {
    // A trait path whose generic args may be followed by associated type bindings `p`.
    const start = this.out.length;
    this.path(false);
    let open = false;
    while (this.eat('p')) {
      if (!open) {
        if (this.out.endsWith('>')) this.out = this.out.slice(0, -1) + ', ';
        else this.print('<');
        open = true;
      } else this.print(', ');
      this.print(this.ident());
      this.print(' = ');
      this.type();
    }
    if (open) this.print('>');
    if (this.out.length < start) this.fail();
  }

  private constant(): void {
    this.enter();
    if (this.eat('B')) {
      this.withBackref(() => this.constant());
    } else if (this.eat('p')) {
      this.print('_');
    } else {
      const ty = this.next();
      const neg = this.eat('n');
      let hexDigits = '';
      while (this.peek() !== '_') {
        const c = this.next();
        if (!/[0-9a-f]/.test(c)) this.fail();
        hexDigits += c;
      }
      this.next();
      const value = hexDigits === '' ? 0n : BigInt(`0x${hexDigits}`);
      if (ty === 'b') {
        if (value > 1n || neg) this.fail();
        this.print(value === 1n ? 'true' : 'false');
      } else if (ty === 'c') {
        if (neg || value > 0x10ffffn) this.fail();
        this.print(`'${String.fromCodePoint(Number(value))}'`);
      } else if ('hjmoytalsnxi'.includes(ty)) {
        this.print(`${neg ? '-' : ''}${value.toString()}`);
      } else this.fail();
    }
    this.depth--;
  }

  result(): string {
    return this.out;
  }

  finish(): void {
    // An optional instantiating crate follows; it is not printed.
    if (this.pos < this.sym.length) this.skipPath();
    if (this.pos !== this.sym.length) this.fail();
  }
}

/** Demangles the part of a v0 symbol after `_R`. */
export function demangleRustV0(sym: string): string | undefined {
  if (sym.length === 0 || !(sym[0] >= 'A' && sym[0] <= 'Z')) return undefined; // a leading digit = unsupported version
  const printer = new V0Printer(sym);
  try {
    printer.path(true);
    printer.finish();
  } catch (e) {
    if (e instanceof Fail) return undefined;
    throw e;
  }
  return printer.result();
}

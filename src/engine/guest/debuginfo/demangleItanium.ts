// Itanium C++ ABI demangling, the common subset (what C++ guest code usually contains): nested and
// unscoped names, std:: abbreviations, substitutions (S_, S<n>_), template args and params (T_), ctors /
// dtors, operators, builtin / qualified / pointer / reference / array / function types, local names and
// the special names TV/TI/TS/TT/GV. Printed the way GNU c++filt (libiberty) prints them.
// Returns undefined for anything outside the subset (the caller then shows the raw name). Substitution
// candidates follow the ABI: every name prefix and every non-builtin type, in parse order.

import {
  BUILTIN,
  BUILTIN_D,
  LITERAL_SUFFIX,
  OPERATORS,
  STD_ABBR,
  closeArgs,
  lastComponent,
  name,
  show,
  type Ty,
} from './demangleItaniumTypes';

class Fail extends Error {}

class ItaniumParser {
  pos = 0;
  private subs: Ty[] = [];
  private templateParams: Ty[] = [];
  private depth = 0;
  constructor(private readonly s: string) {}

  fail(): never {
    throw new Fail();
  }
  peek(o = 0): string {
    return this.s[this.pos + o] ?? '';
  }
  eat(str: string): boolean {
    if (this.s.startsWith(str, this.pos)) {
      this.pos += str.length;
      return true;
    }
    return false;
  }
  number(): string {
    const neg = this.eat('n');
    const start = this.pos;
    while (/[0-9]/.test(this.peek())) this.pos++;
    if (this.pos === start) this.fail();
    return (neg ? '-' : '') + this.s.slice(start, this.pos);
  }
  seqId(): number {
    // S_ = 0, S<base36>_ = n + 1
    if (this.eat('_')) return 0;
    let n = 0;
    while (this.peek() !== '_') {
      const d = parseInt(this.peek(), 36);
      if (Number.isNaN(d) || this.peek() === '') this.fail();
      n = n * 36 + d;
      this.pos++;
    }
    this.pos++;
    return n + 1;
  }

  /** <encoding>: a function (name + parameter types), a data name, or a special name. */
  encoding(): string {
    if (this.eat('TV')) return `vtable for ${show(this.type())}`;
    if (this.eat('TI')) return `typeinfo for ${show(this.type())}`;
    if (this.eat('TS')) return `typeinfo name for ${show(this.type())}`;
    if (this.eat('TT')) return `VTT for ${show(this.type())}`;
    if (this.eat('GV')) return `guard variable for ${this.name(true).text}`;
    const n = this.name(true);
    if (this.pos >= this.s.length || this.peek() === 'E' || this.peek() === '.') return n.text;
    let ret = '';
    if (n.templated && !n.ctorDtor) ret = `${show(this.type())} `;
    const params: Ty[] = [];
    while (this.pos < this.s.length && this.peek() !== 'E' && this.peek() !== '.') params.push(this.type());
    const list =
      params.length === 1 && params[0].k === 'name' && params[0].s === 'void'
        ? ''
        : params.map(show).join(', ');
    return `${ret}${n.text}(${list})${n.quals}`;
  }

  /** <name>. `outer` = the entity's own name (its template args become T_ params). */
  name(outer: boolean): { text: string; templated: boolean; ctorDtor: boolean; quals: string } {
    if (++this.depth > 100) this.fail();
    let result: { text: string; templated: boolean; ctorDtor: boolean; quals: string };
    if (this.eat('N')) result = this.nested(outer);
    else if (this.eat('Z')) {
      const enc = this.encoding();
      if (!this.eat('E')) this.fail();
      if (this.eat('s'))
        result = { text: `${enc}::string literal`, templated: false, ctorDtor: false, quals: '' };
      else {
        const inner = this.name(false);
        result = { ...inner, text: `${enc}::${inner.text}` };
      }
      if (this.eat('_')) this.number();
    } else {
      let text: string;
      let ctorDtor = false;
      if (this.peek() === 'S' && this.peek(1) !== 't') text = this.substitution();
      else {
        this.eat('L'); // internal linkage marker of a file-static name
        const std = this.eat('St') ? 'std::' : '';
        const u = this.unqualified('');
        text = std + u.text;
        ctorDtor = u.ctorDtor;
        if (this.peek() === 'I') this.subs.push(name(text));
      }
      let templated = false;
      if (this.peek() === 'I') {
        text += this.templateArgs(outer);
        templated = true;
      }
      result = { text, templated, ctorDtor, quals: '' };
    }
    this.depth--;
    return result;
  }

  private nested(outer: boolean): { text: string; templated: boolean; ctorDtor: boolean; quals: string } {
    let quals = '';
    if (this.eat('r')) quals += ' restrict';
    if (this.eat('V')) quals += ' volatile';
    if (this.eat('K')) quals += ' const';
    if (this.eat('R')) quals += ' &';
    else if (this.eat('O')) quals += ' &&';
    let soFar = '';
    let last = '';
    let templated = false;
    let ctorDtor = false;
    let pushed = 0;
    while (!this.eat('E')) {
      templated = false;
      ctorDtor = false;
      if (this.peek() === 'S' && this.peek(1) !== 't') {
        soFar = this.substitution();
        last = lastComponent(soFar);
        continue;
      } else if (this.eat('St')) {
        soFar = 'std';
        continue;
      } else if (this.peek() === 'I') {
        if (soFar === '') this.fail();
        soFar += this.templateArgs(outer);
        templated = true;
      } else if (this.peek() === 'T') {
        soFar = show(this.templateParam());
      } else {
        const u = this.unqualified(last);
        soFar = soFar === '' ? u.text : `${soFar}::${u.text}`;
        last = u.plain;
        ctorDtor = u.ctorDtor;
      }
      this.subs.push(name(soFar));
      pushed++;
      if (this.pos >= this.s.length) this.fail();
    }
    if (pushed === 0) this.fail();
    this.subs.pop();
    return { text: soFar, templated, ctorDtor, quals };
  }

  private unqualified(enclosing: string): { text: string; plain: string; ctorDtor: boolean } {
    const c = this.peek();
    if (c >= '0' && c <= '9') {
      const len = Number(this.number());
      if (this.pos + len > this.s.length) this.fail();
      let id = this.s.slice(this.pos, this.pos + len);
      this.pos += len;
      if (id.startsWith('_GLOBAL__N')) id = '(anonymous namespace)';
      return { text: id, plain: id, ctorDtor: false };
    }
    if ((c === 'C' && /[1-5]/.test(this.peek(1))) || (c === 'D' && /[0-5]/.test(this.peek(1)))) {
      this.pos += 2;
      if (enclosing === '') this.fail();
      const text = c === 'C' ? enclosing : `~${enclosing}`;
      return { text, plain: text, ctorDtor: true };
    }
    if (this.eat('cv')) {
      const text = `operator ${show(this.type())}`;
      return { text, plain: text, ctorDtor: true };
    }
    const op = OPERATORS[this.s.slice(this.pos, this.pos + 2)];
    if (op !== undefined) {
      this.pos += 2;
      const text = `operator${op}`;
      return { text, plain: text, ctorDtor: false };
    }
    return this.fail();
  }

  private substitution(): string {
    if (!this.eat('S')) this.fail();
    const abbr = STD_ABBR[this.peek()];
    if (abbr !== undefined) {
      this.pos++;
      return abbr;
    }
    const t = this.subs[this.seqId()];
    if (t === undefined) this.fail();
    return show(t);
  }

  private templateParam(): Ty {
    if (!this.eat('T')) this.fail();
    const t = this.templateParams[this.seqId()];
    if (t === undefined) this.fail();
    return t;
  }

  private templateArgs(outer: boolean): string {
    if (!this.eat('I')) this.fail();
    const args: Ty[] = [];
    while (!this.eat('E')) {
      if (this.pos >= this.s.length) this.fail();
      if (this.eat('L')) {
        if (this.peek() === '_' && this.peek(1) === 'Z') {
          this.pos += 2;
          args.push(name(this.encoding()));
        } else {
          const ty = this.peek();
          this.pos++;
          const value = this.number();
          if (ty === 'b') args.push(name(value === '1' ? 'true' : 'false'));
          else if (LITERAL_SUFFIX[ty] !== undefined) args.push(name(value + LITERAL_SUFFIX[ty]));
          else if (BUILTIN[ty] !== undefined) args.push(name(`(${BUILTIN[ty]})${value}`));
          else this.fail();
        }
        if (!this.eat('E')) this.fail();
      } else args.push(this.type());
    }
    if (outer) this.templateParams = args;
    return closeArgs(args.map(show));
  }

  type(): Ty {
    if (++this.depth > 100) this.fail();
    const c = this.peek();
    let t: Ty;
    let candidate = true;
    if (BUILTIN[c] !== undefined) {
      this.pos++;
      t = name(BUILTIN[c]);
      candidate = false;
    } else if (c === 'D' && BUILTIN_D[this.peek(1)] !== undefined) {
      t = name(BUILTIN_D[this.peek(1)]);
      this.pos += 2;
      candidate = false;
    } else if (c === 'r' || c === 'V' || c === 'K') {
      let q = '';
      if (this.eat('r')) q = 'restrict';
      if (this.eat('V')) q = q === '' ? 'volatile' : `${q} volatile`;
      if (this.eat('K')) q = q === '' ? 'const' : `${q} const`;
      t = { k: 'cv', q, inner: this.type() };
    } else if (c === 'P' || c === 'R' || c === 'O') {
      this.pos++;
      t = { k: 'ptr', op: c === 'P' ? '*' : c === 'R' ? '&' : '&&', inner: this.type() };
    } else if (c === 'F') {
      this.pos++;
      this.eat('Y');
      const ret = this.type();
      const params: Ty[] = [];
      let q = '';
      while (!this.eat('E')) {
        if (this.pos >= this.s.length) this.fail();
        if (this.eat('R')) q = ' &';
        else if (this.eat('O')) q = ' &&';
        else params.push(this.type());
      }
      const list = params.length === 1 && params[0].k === 'name' && params[0].s === 'void' ? [] : params;
      t = { k: 'fn', ret, params: list, q };
    } else if (c === 'A') {
      this.pos++;
      const dim = this.peek() === '_' ? '' : this.peek() === 'T' ? show(this.templateParam()) : this.number();
      if (!this.eat('_')) this.fail();
      t = { k: 'arr', dim, inner: this.type() };
    } else if (c === 'T') {
      t = this.templateParam();
      if (this.peek() === 'I') {
        this.subs.push(t);
        t = name(show(t) + this.templateArgs(false));
      }
    } else if (c === 'S' && this.peek(1) !== 't') {
      t = name(this.substitution());
      candidate = false;
      if (this.peek() === 'I') {
        t = name(show(t) + this.templateArgs(false));
        candidate = true;
      }
    } else {
      t = name(this.name(false).text);
    }
    if (candidate) this.subs.push(t);
    this.depth--;
    return t;
  }
}

/** Demangles `_Z...` (suffix already removed). */
export function demangleItanium(sym: string): string | undefined {
  if (!sym.startsWith('_Z')) return undefined;
  const p = new ItaniumParser(sym.slice(2));
  try {
    const out = p.encoding();
    if (p.pos !== sym.length - 2) return undefined;
    return out;
  } catch (e) {
    if (e instanceof Fail) return undefined;
    throw e;
  }
}

// The lexical side of the assembler: one source line split into labels, a mnemonic or directive and its
// comma-separated operands, each with its 1-based column; and operand expressions (numbers, symbols, `.`,
// + - * / << >> & | ^ ~, parentheses, %hi/%lo) as GNU as reads them for RISC-V.
// Invariant: nothing here throws to the caller; a bad token is an AsmError with its line and column.
// Cost: linear in the line's length.

import { REG_NAMES } from '../isa/registerNames';

/** An assembler diagnostic: 1-based line and column, as editors and GNU as number them. */
export interface AsmError {
  line: number;
  column: number;
  message: string;
}

export class AsmFailure extends Error {
  constructor(
    readonly column: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Operand {
  text: string;
  column: number;
}

export interface SourceLine {
  line: number;
  labels: Operand[];
  /** The mnemonic or directive (lower-cased) and where it starts. */
  op?: Operand;
  operands: Operand[];
}

const LABEL = /^([A-Za-z_.$][A-Za-z0-9_.$]*|[0-9]+):/;

/** Removes a `#` or `//` comment (not inside a string or character literal). */
function stripComment(text: string): string {
  let quote = '';
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quote !== '') {
      if (c === '\\') k++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '#' || (c === '/' && text[k + 1] === '/')) return text.slice(0, k);
  }
  return text;
}

/** Splits operands at top-level commas (not inside strings or parentheses). */
function splitOperands(text: string, column: number): Operand[] {
  const out: Operand[] = [];
  let start = 0;
  let depth = 0;
  let quote = '';
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    out.push({ text: raw.trim(), column: column + start + lead });
  };
  for (let k = 0; k < text.length; k++) {
    const c = text[k];
    if (quote !== '') {
      if (c === '\\') k++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      push(k);
      start = k + 1;
    }
  }
  push(text.length);
  if (out.length === 1 && out[0].text === '') return [];
  return out;
}

export function splitLine(text: string, line: number): SourceLine {
  const body = stripComment(text.replace(/\r$/, ''));
  const labels: Operand[] = [];
  let pos = 0;
  for (;;) {
    while (pos < body.length && /\s/.test(body[pos])) pos++;
    const m = LABEL.exec(body.slice(pos));
    if (m === null) break;
    labels.push({ text: m[1], column: pos + 1 });
    pos += m[0].length;
  }
  const rest = body.slice(pos);
  const m = /^\S+/.exec(rest);
  if (m === null) return { line, labels, operands: [] };
  const opColumn = pos + m.index + 1;
  const after = pos + m.index + m[0].length;
  return {
    line,
    labels,
    op: { text: m[0].toLowerCase(), column: opColumn },
    operands: splitOperands(body.slice(after), after + 1),
  };
}

const REGISTER_NUMBER = new Map<string, number>([
  ...REG_NAMES.map((n, i) => [n, i] as [string, number]),
  ...Array.from({ length: 32 }, (_, i) => [`x${i}`, i] as [string, number]),
  ['fp', 8],
]);

/** A register number, or undefined when `text` names none. */
export function registerNumber(text: string): number | undefined {
  return REGISTER_NUMBER.get(text.toLowerCase());
}

/** The relocation-like operator an expression used (its value already applied). */
export type Modifier = 'hi' | 'lo';

export interface Scope {
  /** A symbol's value, or undefined when not (yet) defined. */
  symbol(name: string): number | undefined;
  /** The address of the current statement (`.`). */
  here: number;
}

/** Value and whether any symbol (label) was involved (li/la sizing, pass 1). */
export interface ExprValue {
  value: number;
  usesSymbol: boolean;
  modifier?: Modifier;
}

const TOKEN =
  /\s*(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+[bf]?|'(?:\\.|[^'\\])'|%[a-z_]+|[A-Za-z_.$][A-Za-z0-9_.$]*|<<|>>|[-+*/%&|^~()])/y;

/** Evaluates an expression (`undefinedOk`: unknown symbols count as 0, for sizing in pass 1). */
export function evaluate(text: string, column: number, scope: Scope, undefinedOk = false): ExprValue {
  const tokens: { t: string; col: number }[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < text.length) {
    if (/^\s*$/.test(text.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(text);
    if (m === null) {
      const at = pos + (text.slice(pos).length - text.slice(pos).trimStart().length);
      throw new AsmFailure(column + at, `unexpected \`${text.slice(at, at + 1)}\` in expression \`${text}\``);
    }
    tokens.push({ t: m[1], col: column + TOKEN.lastIndex - m[1].length });
    pos = TOKEN.lastIndex;
  }
  if (tokens.length === 0) throw new AsmFailure(column, 'expected an expression');
  let k = 0;
  let usesSymbol = false;
  let modifier: Modifier | undefined;
  const peek = () => tokens[k]?.t;
  const fail = (message: string): never => {
    throw new AsmFailure(tokens[Math.min(k, tokens.length - 1)].col, message);
  };
  const primary = (): number => {
    const tok = tokens[k];
    if (tok === undefined) return fail(`expression \`${text}\` ends too early`);
    k++;
    const t = tok.t;
    if (t === '(') {
      const v = binary(0);
      if (peek() !== ')') fail('expected `)`');
      k++;
      return v;
    }
    if (t === '-') return -primary() | 0;
    if (t === '+') return primary();
    if (t === '~') return ~primary();
    if (/^0[xX]/.test(t)) return Number.parseInt(t.slice(2), 16);
    if (/^0[bB]/.test(t)) return Number.parseInt(t.slice(2), 2);
    if (/^[0-9]+$/.test(t)) return Number.parseInt(t, 10);
    if (t.startsWith("'")) return charValue(t, tok.col);
    if (t.startsWith('%')) {
      const name = t.slice(1);
      if (name !== 'hi' && name !== 'lo')
        throw new AsmFailure(tok.col, `unknown operator \`${t}\` (known: %hi, %lo)`);
      if (peek() !== '(') fail(`expected \`(\` after ${t}`);
      const v = primary();
      modifier = name;
      // %hi: the upper 20 bits lui needs so that adding the sign-extended %lo gives v.
      return name === 'hi' ? ((v + 0x800) >>> 12) & 0xfffff : (v << 20) >> 20;
    }
    if (t === '.') return scope.here;
    if (/^[0-9]+[bf]$/.test(t) || /^[A-Za-z_.$]/.test(t)) {
      usesSymbol = true;
      const v = scope.symbol(t);
      if (v !== undefined) return v;
      if (undefinedOk) return 0;
      throw new AsmFailure(tok.col, `undefined label \`${t}\``);
    }
    return fail(`unexpected \`${t}\``);
  };
  const PRECEDENCE: Record<string, number> = {
    '|': 1,
    '^': 2,
    '&': 3,
    '<<': 4,
    '>>': 4,
    '+': 5,
    '-': 5,
    '*': 6,
    '/': 6,
    '%': 6,
  };
  const binary = (min: number): number => {
    let left = primary();
    for (;;) {
      const op = peek();
      const p = op === undefined ? undefined : PRECEDENCE[op];
      if (p === undefined || p < min) return left;
      const opCol = tokens[k].col;
      k++;
      const right = binary(p + 1);
      left = apply(op as string, left, right, opCol);
    }
  };
  const value = binary(0);
  if (k < tokens.length) fail(`unexpected \`${tokens[k].t}\` in expression \`${text}\``);
  return { value, usesSymbol, ...(modifier ? { modifier } : {}) };
}

function apply(op: string, a: number, b: number, col: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return Math.imul(a, b);
    case '/':
    case '%':
      if (b === 0) throw new AsmFailure(col, 'division by zero');
      return op === '/' ? Math.trunc(a / b) : a % b;
    case '<<':
      return a << b;
    case '>>':
      return a >> b;
    case '&':
      return a & b;
    case '|':
      return a | b;
    default:
      return a ^ b;
  }
}

const ESCAPES: Record<string, number> = { n: 10, t: 9, r: 13, '0': 0, '\\': 92, "'": 39, '"': 34 };

function charValue(t: string, col: number): number {
  const body = t.slice(1, -1);
  if (body.length === 1) return body.charCodeAt(0);
  const e = ESCAPES[body[1]];
  if (e === undefined) throw new AsmFailure(col, `unknown escape \`${body}\``);
  return e;
}

/** The bytes of a string literal `"..."` (UTF-8, C escapes). */
export function stringBytes(text: string, column: number): number[] {
  if (!/^".*"$/s.test(text) || text.length < 2) throw new AsmFailure(column, 'expected a string "..."');
  const out: number[] = [];
  const body = text.slice(1, -1);
  for (let k = 0; k < body.length; k++) {
    const c = body[k];
    if (c === '\\') {
      const e = ESCAPES[body[k + 1]];
      if (e === undefined) throw new AsmFailure(column + k + 1, `unknown escape \`\\${body[k + 1]}\``);
      out.push(e);
      k++;
    } else out.push(...new TextEncoder().encode(c));
  }
  return out;
}

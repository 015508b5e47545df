// A two-pass RV32IM + OpenVM assembler for GNU as syntax (the subset a teaching program needs): labels
// (numeric local labels `1:` with `1b`/`1f` too), .text/.data/.rodata/.bss, .word/.half/.byte/.space/
// .zero/.ascii/.asciz/.string/.align/.p2align/.balign/.equ/.set, the instruction table of instructions.ts.
// Pass 1 sizes every statement and places the labels; pass 2 encodes. Layout: text at TEXT_BASE (where
// OpenVM's guests start), data on the next 4 KiB page after it, bss after the data; `_end` marks the end
// (the heap start), the entry point is `_start` or the first instruction.
// Invariant: assemble() never throws: every problem is an AsmError with its line and column, and every
// line is tried (so an editor sees all errors at once, up to MAX_ERRORS). Cost: linear in the source.

import { AsmFailure, evaluate, registerNumber, splitLine } from './asmSyntax';
import type { AsmError, Operand, SourceLine } from './asmSyntax';
import { INSTRUCTIONS, isMem } from './instructions';
import type { InsnContext } from './insnTypes';
import { directiveSize, isDirective, type SectionName } from './directives';

export type { AsmError } from './asmSyntax';

export const TEXT_BASE = 0x200800;
const PAGE = 4096;
const MAX_ERRORS = 100;

export interface AsmSymbol {
  name: string;
  address: number;
  section: SectionName;
}

export interface Assembly {
  entry: number;
  text: { base: number; bytes: Uint8Array };
  /** .data and .rodata bytes, then `bssSize` zero bytes. */
  data: { base: number; bytes: Uint8Array; bssSize: number };
  symbols: AsmSymbol[];
  /** Instruction address -> 1-based source line. */
  lines: Map<number, number>;
}

export type AssembleResult = { ok: true; assembly: Assembly } | { ok: false; errors: AsmError[] };

interface Statement {
  src: SourceLine;
  section: SectionName;
  offset: number;
  size: number;
}

interface Label {
  name: string;
  section: SectionName;
  offset: number;
  /** Statement index it precedes (numeric labels are resolved by position). */
  at: number;
}

export function assemble(source: string): AssembleResult {
  const errors: AsmError[] = [];
  const fail = (line: number, e: unknown, column = 1) => {
    if (errors.length >= MAX_ERRORS) return;
    if (e instanceof AsmFailure) errors.push({ line, column: e.column, message: e.message });
    else errors.push({ line, column, message: e instanceof Error ? e.message : String(e) });
  };
  const size: Record<SectionName, number> = { text: 0, data: 0, bss: 0 };
  const labels = new Map<string, Label>();
  const numeric: Label[] = [];
  const constants = new Map<string, number>();
  const statements: Statement[] = [];
  let section: SectionName = 'text';
  const base: Record<SectionName, number> = { text: TEXT_BASE, data: 0, bss: 0 };

  const lookup = (name: string, at: number, sized: boolean): number | undefined => {
    const c = constants.get(name);
    if (c !== undefined) return c;
    const local = /^([0-9]+)([bf])$/.exec(name);
    let label: Label | undefined;
    if (local !== null) {
      const defs = numeric.filter((l) => l.name === local[1]);
      label = local[2] === 'b' ? defs.filter((l) => l.at <= at).pop() : defs.find((l) => l.at > at);
    } else label = labels.get(name);
    if (label === undefined || !sized) return undefined;
    return base[label.section] + label.offset;
  };

  // Pass 1: sizes and labels.
  const lines = source.split('\n');
  lines.forEach((text, i) => {
    const lineNo = i + 1;
    let src: SourceLine;
    try {
      src = splitLine(text, lineNo);
    } catch (e) {
      return fail(lineNo, e);
    }
    for (const l of src.labels) {
      const label = { name: l.text, section, offset: size[section], at: statements.length };
      if (/^[0-9]+$/.test(l.text)) numeric.push(label);
      else if (labels.has(l.text) || constants.has(l.text))
        fail(lineNo, new AsmFailure(l.column, `label \`${l.text}\` is defined twice`));
      else labels.set(l.text, label);
    }
    const op = src.op;
    if (op === undefined) return;
    try {
      if (isDirective(op.text)) {
        const scope = { symbol: (n: string) => constants.get(n), here: 0 };
        const r = directiveSize(src, section, size[section], scope);
        if (r.section !== undefined) section = r.section;
        if (r.constant !== undefined) {
          if (labels.has(r.constant.name))
            throw new AsmFailure(op.column, `\`${r.constant.name}\` is a label`);
          constants.set(r.constant.name, r.constant.value);
        }
        if (r.size > 0) {
          statements.push({ src, section, offset: size[section], size: r.size });
          size[section] += r.size;
        }
        return;
      }
      const def = instructionDef(op);
      if (section !== 'text')
        throw new AsmFailure(op.column, `instructions belong in .text (this is .${section})`);
      if (size.text % 4 !== 0)
        throw new AsmFailure(
          op.column,
          'misaligned instruction: the data before it is not a multiple of 4 bytes',
        );
      checkCount(def.operands, src);
      const at = statements.length;
      const ctx = context(src, TEXT_BASE + size.text, true, (n) => lookup(n, at, false) ?? 0);
      const words = def.size?.(ctx) ?? 1;
      statements.push({ src, section, offset: size.text, size: 4 * words });
      size.text += 4 * words;
    } catch (e) {
      fail(lineNo, e, op.column);
    }
  });

  base.data = Math.ceil((TEXT_BASE + size.text) / PAGE) * PAGE;
  base.bss = base.data + Math.ceil(size.data / 4) * 4;

  // Pass 2: encode.
  const text = new Uint8Array(size.text);
  const data = new Uint8Array(size.data);
  const pcLines = new Map<number, number>();
  statements.forEach((st, at) => {
    const op = st.src.op as Operand;
    const address = base[st.section] + st.offset;
    const symbol = (n: string) => lookup(n, at, true);
    try {
      if (isDirective(op.text)) {
        const scope = { symbol, here: address };
        const bytes = directiveSize(st.src, st.section, st.offset, scope, true).bytes;
        if (bytes !== undefined && st.section !== 'bss')
          (st.section === 'text' ? text : data).set(bytes, st.offset);
        return;
      }
      const def = instructionDef(op);
      const words = def.encode(context(st.src, address, false, symbol));
      if (4 * words.length !== st.size)
        throw new AsmFailure(op.column, 'internal: size changed between passes');
      const view = new DataView(text.buffer);
      words.forEach((w, k) => view.setUint32(st.offset + 4 * k, w >>> 0, true));
      pcLines.set(address, st.src.line);
    } catch (e) {
      fail(st.src.line, e, op.column);
    }
  });
  if (size.text === 0 && errors.length === 0)
    errors.push({
      line: 1,
      column: 1,
      message: 'no instructions: a program needs at least one (e.g. terminate 0)',
    });
  if (errors.length > 0)
    return { ok: false, errors: errors.sort((a, b) => a.line - b.line || a.column - b.column) };

  const symbols: AsmSymbol[] = [...labels.values()]
    .filter((l) => !l.name.startsWith('.L'))
    .map((l) => ({ name: l.name, address: base[l.section] + l.offset, section: l.section }));
  const end = base.bss + size.bss;
  if (!labels.has('_end')) symbols.push({ name: '_end', address: end, section: 'bss' });
  const start = labels.get('_start');
  return {
    ok: true,
    assembly: {
      entry: start === undefined ? TEXT_BASE : base[start.section] + start.offset,
      text: { base: TEXT_BASE, bytes: text },
      data: { base: base.data, bytes: data, bssSize: size.bss },
      symbols,
      lines: pcLines,
    },
  };
}

function instructionDef(op: Operand) {
  const name = op.text.replace(/(\[[^\]]*\]|<[^>]*>)$/, '');
  const def = INSTRUCTIONS[name];
  if (def === undefined) throw new AsmFailure(op.column, `unknown mnemonic \`${op.text}\``);
  return def;
}

function checkCount(counts: readonly number[], src: SourceLine) {
  const n = src.operands.length;
  if (counts.includes(n)) return;
  const want = counts.map((c) => `${c}`).join(' or ');
  const op = src.op as Operand;
  throw new AsmFailure(
    op.column,
    `\`${op.text}\` takes ${want} operand${want === '1' ? '' : 's'}, ${n} given`,
  );
}

function context(
  src: SourceLine,
  pc: number,
  sizing: boolean,
  symbol: (name: string) => number | undefined,
): InsnContext {
  const scope = { symbol, here: pc };
  const ops = src.operands;
  const expr = (text: string, column: number) => evaluate(text, column, scope, sizing);
  const reg = (o: Operand) => {
    const r = registerNumber(o.text);
    if (r === undefined) throw new AsmFailure(o.column, `expected a register, got \`${o.text}\``);
    return r;
  };
  const ranged = (v: number, o: Operand, min: number, max: number, what: string) => {
    if (!sizing && (v < min || v > max || !Number.isInteger(v)))
      throw new AsmFailure(o.column, `immediate ${v} out of range for a ${what} (${min}..${max})`);
    return v;
  };
  return {
    pc,
    mnemonic: src.op as Operand,
    operands: ops,
    sizing,
    reg: (k) => reg(ops[k]),
    imm: (k, min, max, what) => ranged(expr(ops[k].text, ops[k].column).value, ops[k], min, max, what),
    mem: (k) => {
      const o = ops[k];
      const m = /^(.*?)\(\s*([A-Za-z0-9]+)\s*\)$/.exec(o.text);
      if (m === null || !isMem(o.text))
        throw new AsmFailure(o.column, `expected \`offset(register)\`, got \`${o.text}\``);
      const baseCol = o.column + o.text.lastIndexOf('(') + 1;
      const base = registerNumber(m[2]);
      if (base === undefined) throw new AsmFailure(baseCol, `expected a register, got \`${m[2]}\``);
      const offset = m[1].trim() === '' ? 0 : expr(m[1], o.column).value;
      return { base, offset: ranged(offset, o, -2048, 2047, '12-bit signed offset') };
    },
    offset: (k, range) => {
      const o = ops[k];
      const off = expr(o.text, o.column).value - pc;
      if (!sizing && (off % 2 !== 0 || off < -range || off >= range))
        throw new AsmFailure(
          o.column,
          off % 2 !== 0
            ? `target \`${o.text}\` is at an odd offset ${off}`
            : `target \`${o.text}\` out of range: offset ${off}, a ${range === 4096 ? 'branch reaches ±4 KiB' : 'jump reaches ±1 MiB'}`,
        );
      return off;
    },
    symbolic: (k) => evaluate(ops[k].text, ops[k].column, scope, true).usesSymbol,
    value: (k) => expr(ops[k].text, ops[k].column).value,
  };
}

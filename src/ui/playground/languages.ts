// The editor's two languages for CodeMirror 6 (stream parsers: a line-oriented tokenizer is all either
// needs): `.mtrace` scripts (shared/spec/mtrace-format.md: directives, address spaces, numbers, comments,
// and the lesson annotations `#!`, `#|`, `#>`, `#?` of src/engine/lessons/README.md), and RV32IM + OpenVM
// assembly (mnemonics, registers, directives, labels, numbers, strings, comments). Completion offers the
// directives, address spaces and annotations of a script, the mnemonics, registers and directives of
// assembly (from the assembler's own tables, so it never offers what the assembler refuses).
import { StreamLanguage, type StringStream } from '@codemirror/language';
import type { Completion, CompletionContext, CompletionResult } from '@codemirror/autocomplete';
import { MNEMONICS } from '../../engine/guest/asm/instructions';
import { DIRECTIVES } from '../../engine/guest/asm/directives';
import { REG_NAMES } from '../../engine/guest/isa/registerNames';

const MTRACE_DIRECTIVES = ['mode', 'init', 'read', 'write', 'tick', 'finalize'];

const mtraceParser = {
  name: 'mtrace',
  token(stream: StringStream): string | null {
    if (stream.eatSpace()) return null;
    if (stream.sol() || stream.string.slice(0, stream.pos).trim() === '') {
      if (stream.match(/^#[!|>?]/)) {
        stream.skipToEnd();
        return 'meta';
      }
    }
    if (stream.peek() === '#') {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^0[xX][0-9a-fA-F]+/) || stream.match(/^[0-9]+/)) return 'number';
    if (stream.match(/^(persistent|volatile)\b/)) return 'atom';
    if (stream.match(/^[a-z]+/)) {
      const word = stream.current();
      return MTRACE_DIRECTIVES.includes(word) ? 'keyword' : 'invalid';
    }
    stream.next();
    return null;
  },
};

const MNEMONIC_SET = new Set(MNEMONICS);
const REGISTER = /^(x([12]?[0-9]|3[01])|zero|ra|sp|gp|tp|fp|t[0-6]|s([0-9]|1[01])|a[0-7])\b/;

const asmParser = {
  name: 'asm',
  token(stream: StringStream): string | null {
    if (stream.eatSpace()) return null;
    if (stream.peek() === '#' || stream.match('//', false)) {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) return 'string';
    if (stream.match(/^'(?:[^'\\]|\\.)'/)) return 'string';
    if (stream.match(/^[A-Za-z_.$0-9][A-Za-z0-9_.$]*:/)) return 'labelName';
    if (stream.match(/^\.[A-Za-z_][A-Za-z0-9_]*/)) return 'keyword';
    if (stream.match(/^-?(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)\b/)) return 'number';
    if (stream.match(REGISTER)) return 'variableName.special';
    if (stream.match(/^%(hi|lo)\b/)) return 'operator';
    if (stream.match(/^[A-Za-z_][A-Za-z0-9_.]*(\[[^\]]*\])?/)) {
      const word = stream.current().toLowerCase().replace(/\[.*$/, '');
      const first = stream.string.slice(0, stream.start).replace(/^\s*([A-Za-z_.$0-9]+:\s*)*/, '') === '';
      return first && MNEMONIC_SET.has(word) ? 'keyword' : 'variableName';
    }
    stream.next();
    return null;
  },
};

export const mtraceLanguage = StreamLanguage.define(mtraceParser);
export const asmLanguage = StreamLanguage.define(asmParser);

const option = (label: string, type: string, detail?: string): Completion => ({ label, type, detail });

const MTRACE_OPTIONS: Completion[] = [
  option('mode', 'keyword', 'persistent | volatile, before the first access'),
  option('init', 'keyword', 'AS PTR V0 V1 … — the initial image'),
  option('read', 'keyword', 'AS PTR SIZE'),
  option('write', 'keyword', 'AS PTR SIZE V0 …'),
  option('tick', 'keyword', 'N — advance the timestamp'),
  option('finalize', 'keyword', 'last: finalize into CHUNK blocks'),
  option('#! title:', 'meta', 'lesson title'),
  option('#! teaches:', 'meta', 'lesson summary'),
  option('#|', 'meta', 'lesson intro'),
  option('#>', 'meta', 'narrates the next directive'),
  option('#?', 'meta', 'the check: predict the next directive'),
];

const SPACES: Completion[] = [
  option('1', 'constant', 'AS1: registers (128 cells, min block 4)'),
  option('2', 'constant', 'AS2: memory (min block 4)'),
  option('3', 'constant', 'AS3: public values (32 cells)'),
  option('4', 'constant', 'AS4: native field (min block 1)'),
];

export function mtraceCompletions(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  if (/#/.test(before.replace(/^\s*#[!|>?]?$/, ''))) return null;
  const words = before.trimStart().split(/\s+/);
  if (words.length <= 1) {
    const word = context.matchBefore(/#?[!|>?]?[a-z]*/);
    if (word === null || (word.from === word.to && !context.explicit)) return null;
    return { from: word.from, options: MTRACE_OPTIONS };
  }
  if (words.length === 2 && ['init', 'read', 'write'].includes(words[0])) {
    const word = context.matchBefore(/[0-9]*/);
    return { from: word?.from ?? context.pos, options: SPACES };
  }
  if (words.length === 2 && words[0] === 'mode') {
    const word = context.matchBefore(/[a-z]*/);
    return {
      from: word?.from ?? context.pos,
      options: [option('persistent', 'atom', 'CHUNK = 8'), option('volatile', 'atom', 'CHUNK = 1')],
    };
  }
  return null;
}

const ASM_OPTIONS: Completion[] = [
  ...MNEMONICS.map((m) => option(m, 'keyword')),
  ...DIRECTIVES.map((d) => option(d, 'type')),
];
const REGISTER_OPTIONS = REG_NAMES.map((r, i) => option(r, 'variable', `x${i}`));

export function asmCompletions(context: CompletionContext): CompletionResult | null {
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, context.pos - line.from);
  if (/#|\/\//.test(before)) return null;
  const word = context.matchBefore(/[.A-Za-z_][A-Za-z0-9_.]*/);
  if (word === null && !context.explicit) return null;
  const from = word?.from ?? context.pos;
  const head = before.slice(0, from - line.from).replace(/^\s*([A-Za-z_.$0-9]+:\s*)*/, '');
  return { from, options: head.trim() === '' ? ASM_OPTIONS : REGISTER_OPTIONS };
}

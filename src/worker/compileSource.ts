// The playground's check of a text before it becomes the session: assembly is assembled (to the ELF the
// session opens), a .mtrace script is parsed (scripts/mtraceParser: the first invalid line). A text with
// errors leaves the current session as it is; the errors carry line and column (a script's column is where
// its invalid line's first token starts, the parser naming lines only).
import { EngineError } from '../engine/errors';
import { gradeGoal, type GoalGrade } from '../engine/lessons/goal';
import { parseMtrace } from '../engine/scripts/mtraceParser';
import { assembleProgram } from '../engine/guest/asm/assembleProgram';
import type { AsmError } from '../engine/guest/asm/assembler';

/** `goal`: a script's `#! goal:` graded by the engine (engine/lessons/goal.ts) on this text. */
export type Compiled =
  { ok: true; bytes: Uint8Array; goal?: GoalGrade } | { ok: false; errors: AsmError[]; goal?: GoalGrade };

export function compileSource(language: 'mtrace' | 'asm', source: string): Compiled {
  if (language === 'asm') {
    const r = assembleProgram(source);
    return r.ok ? { ok: true, bytes: r.elf } : { ok: false, errors: r.errors };
  }
  let goal: GoalGrade | undefined;
  try {
    goal = gradeGoal(source);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    return { ok: false, errors: [{ line: e.location.line ?? 1, column: 1, message: e.message }] };
  }
  const program = parseMtrace(source);
  const graded = goal === undefined ? {} : { goal };
  if (program.error === undefined) return { ok: true, bytes: new TextEncoder().encode(source), ...graded };
  const { line, message } = program.error;
  // The parser names lines only: point at the token the message quotes (`4x`), else the line's first token.
  const text = source.split('\n')[line - 1] ?? '';
  const quoted = /`([^`]+)`/.exec(message)?.[1];
  const at =
    quoted === undefined
      ? -1
      : text.search(new RegExp(`(^|\\s)${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|#|$)`));
  const column = at >= 0 ? at + (/\s/.test(text[at]) ? 2 : 1) : text.length - text.trimStart().length + 1;
  return { ok: false, errors: [{ line, column, message }], ...graded };
}

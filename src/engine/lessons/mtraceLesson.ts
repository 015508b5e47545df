// A lesson written as a commented .mtrace script (format in README.md): `#!` header lines, `#|` intro
// lines, `#>` narration attached to the next directive, one `#?` question on the directive the learner
// predicts. Everything else is an ordinary script, so a lesson runs unchanged with `memscope run`.
// A stop runs its narrated directive and every un-narrated directive after it, up to the next narrated
// one: set-up directives can share one narration, and nothing runs without being explained.

import { OP_FINALIZE, OP_READ, OP_WRITE, type MtraceProgram } from '../scripts/mtraceProgram';
import { parseMtrace } from '../scripts/mtraceParser';
import { lessonError } from './lessonError';
import type { Lesson, LessonStop } from './lessonTypes';
import { ParagraphBuilder } from './paragraphs';

interface Narrated {
  step: number;
  paragraphs: string[];
}

/** The marker of a lesson comment line (`#!`, `#|`, `#>`, `#?`) and its text, or null for other lines. */
function marker(line: string): { kind: string; text: string } | null {
  const t = line.trimStart();
  if (t.length < 2 || t[0] !== '#' || !'!|>?'.includes(t[1])) return null;
  return { kind: t[1], text: t.slice(2) };
}

function header(text: string, line: number): [string, string] {
  const m = /^\s*([a-z]+):\s*(.*)$/.exec(text);
  if (m === null) throw lessonError('a `#!` line is `#! key: value`', line);
  // `goal` (goal.ts) is graded by the playground when the lesson's script is edited.
  if (m[1] !== 'title' && m[1] !== 'teaches' && m[1] !== 'goal')
    throw lessonError(`unknown header \`${m[1]}\` (title, teaches, goal)`, line);
  return [m[1], m[2].trim()];
}

/** Parses a lesson script. Throws EngineError('script') naming the line that breaks the convention. */
export function parseMtraceLesson(id: string, text: string): Lesson {
  const program = parseMtrace(text);
  if (program.error !== undefined)
    throw lessonError(`invalid script: ${program.error.message}`, program.error.line);
  const stepOfLine = new Map<number, number>();
  for (let i = 0; i < program.count; i++) stepOfLine.set(program.line[i], i);

  const head: Record<string, string> = {};
  const intro = new ParagraphBuilder();
  const narration = new ParagraphBuilder();
  const narrated: Narrated[] = [];
  let question: string[] = [];
  let questionLine = 0;
  let check: { step: number; question: string } | null = null;
  let pendingLine = 0;

  const lines = text.split('\n');
  for (let n = 1; n <= lines.length; n++) {
    const raw = lines[n - 1];
    const m = marker(raw.replace(/\r$/, ''));
    if (m !== null) {
      if (m.kind === '!') {
        const [key, value] = header(m.text, n);
        if (head[key] !== undefined) throw lessonError(`a second \`${key}\``, n);
        head[key] = value;
      } else if (m.kind === '|') {
        if (narrated.length > 0 || !narration.empty)
          throw lessonError('intro lines (`#|`) must come before the first narration', n);
        intro.add(m.text);
      } else if (m.kind === '>') {
        if (pendingLine === 0) pendingLine = n;
        narration.add(m.text);
      } else {
        if (check !== null || questionLine !== 0)
          throw lessonError('a second question (`#?`): a lesson has one check', n);
        questionLine = n;
        question.push(m.text.trim());
      }
      continue;
    }
    const step = stepOfLine.get(n);
    if (step === undefined) continue; // blank, comment, mode or init lines
    if (!narration.empty) narrated.push({ step, paragraphs: narration.take() });
    else if (narrated.length === 0) throw lessonError('a directive before the first narration (`#>`)', n);
    pendingLine = 0;
    if (question.length > 0) {
      if (narrated.at(-1)?.step !== step)
        throw lessonError('the directive of the question (`#?`) needs its own narration (`#>`)', n);
      check = { step, question: question.join(' ') };
      question = [];
    }
  }
  if (pendingLine !== 0) throw lessonError('narration (`#>`) with no directive after it', pendingLine);
  if (question.length > 0) throw lessonError('a question (`#?`) with no directive after it', questionLine);
  if (head.title === undefined || head.teaches === undefined)
    throw lessonError('the `#! title:` and `#! teaches:` headers are required');
  if (intro.empty) throw lessonError('an intro (`#|` lines) is required');
  if (check === null) throw lessonError('a check (`#?` before the predicted directive) is required');
  const c = check;
  if (narrated.at(-1)?.step !== c.step)
    throw lessonError(
      'the check must be on the last narrated directive (a lesson ends with its check)',
      questionLine,
    );

  const stops: LessonStop[] = [{ at: 0, paragraphs: intro.take() }];
  narrated.forEach((s, k) => {
    const at = k + 1 < narrated.length ? narrated[k + 1].step : program.count;
    stops.push({
      at,
      paragraphs: s.paragraphs,
      lines: { first: program.line[s.step], last: program.line[at - 1] },
    });
  });
  return {
    id,
    title: head.title,
    teaches: head.teaches,
    kind: 'mtrace',
    mode: program.mode,
    program: `${id}.mtrace`,
    stops,
    check: { stop: stops.length - 2, at: c.step, question: c.question },
  };
}

/** The directive of `step` as script text (`read 2 24 8`, `write 2 0 4 1 2 3 4`, `tick 10`, `finalize`). */
export function directiveText(program: MtraceProgram, step: number): string {
  const op = program.op[step];
  if (op === OP_FINALIZE) return 'finalize';
  const as = program.addressSpace[step];
  const ptr = program.pointer[step];
  const size = program.size[step];
  if (op === OP_READ) return `read ${as} ${ptr} ${size}`;
  if (op === OP_WRITE) {
    const v = program.valueStart[step];
    return `write ${as} ${ptr} ${size} ${Array.from(program.values.subarray(v, v + size)).join(' ')}`;
  }
  return `tick ${ptr}`;
}

// Every lesson of public/lessons (issue 7): it parses, its program runs to the end through Session (and
// the scripts through the CLI runner), every stop exists and shows its narration, and the check's answer
// is exactly what the engine appends when the learner then presses "Next step". The check answers below
// were read off the engine (`npm run memscope -- run`) and match what each lesson's narration says.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMtrace } from '../scripts/mtraceParser';
import { runMtrace } from '../scripts/mtraceRunner';
import type { Session } from '../session';
import { FrameBuilder } from '../views/frameBuilder';
import type { LessonIndexEntry } from './lessonTypes';
import { narrationAt } from './narration';
import { lessonProgram, openLesson } from './openLesson';
import { gradePrediction, predictNext } from './predict';
import { describeShape, shapeOf } from './recordShape';

const LESSONS = resolve(__dirname, '../../../public/lessons');
const EXAMPLES = resolve(__dirname, '../../../public/examples');
const index = JSON.parse(readFileSync(`${LESSONS}/index.json`, 'utf8')) as { lessons: LessonIndexEntry[] };

function open(entry: LessonIndexEntry) {
  const source = new Uint8Array(readFileSync(`${LESSONS}/${entry.file}`));
  const program = lessonProgram(entry.file, source);
  return openLesson(
    entry.file,
    source,
    program === null ? undefined : new Uint8Array(readFileSync(`${EXAMPLES}/${program}`)),
  );
}

/** The records the step before the current position appended, as labels. */
function lastStepLabels(session: Session): string[] {
  return (new FrameBuilder(session, '', null).stepView()?.records ?? []).map((r) =>
    describeShape(shapeOf(r)),
  );
}

const CHECK_ANSWERS: Record<string, string[]> = {
  '01-address-spaces': [],
  '02-first-touch': ['split AS2 8 → 2×4 at 64, t 0'],
  '03-split': ['split AS2 16 → 4×4 at 16, t 4', 'merge AS2 2×4 → 8 at 24, t 4, prev_ts [4, 4]'],
  '04-merge': [
    'split AS2 16 → 4×4 at 0, t 15',
    'split AS2 8 → 2×4 at 16, t 0',
    'split AS2 8 → 2×4 at 24, t 0',
    'merge AS2 8×4 → 32 at 0, t 15, prev_ts [15, 15, 15, 15, 0, 0, 0, 0]',
  ],
  '05-volatile': [
    'merge AS2 4×1 → 4 at 16, t 0, prev_ts [0, 0, 0, 0]',
    'merge AS2 4×1 → 4 at 20, t 0, prev_ts [0, 0, 0, 0]',
    'merge AS2 2×4 → 8 at 16, t 0, prev_ts [0, 0]',
  ],
  '06-field-space': ['split AS4 8 → 8×1 at 1, t 3'],
  '07-finalize': [
    'split AS2 8 → 2×4 at 0, t 1',
    'merge AS2 2×4 → 8 at 0, t 1, prev_ts [1, 1]',
    'split AS2 16 → 4×4 at 16, t 2',
    'merge AS2 2×4 → 8 at 16, t 2, prev_ts [2, 2]',
    'merge AS2 2×4 → 8 at 24, t 2, prev_ts [2, 2]',
    'merge AS2 2×4 → 8 at 40, t 3, prev_ts [3, 0]',
  ],
  '08-cost': [
    'split AS2 8 → 2×4 at 96, t 0',
    'split AS2 8 → 2×4 at 104, t 0',
    'merge AS2 2×4 → 8 at 100, t 0, prev_ts [0, 0]',
  ],
  '09-subword-guest': ['split AS2 8 → 2×4 at 0x200dc8, t 0'],
  '10-precompile-blocks': [
    'merge AS2 8×4 → 32 at 0x200ec0, t 873, prev_ts [849, 855, 864, 873, 834, 834, 834, 834]',
  ],
  '11-segments': ['split AS3 8 → 2×4 at 0, t 0'],
  '12-algebra-blocks': [
    'merge AS2 8×4 → 32 at 0x218620, t 11913, prev_ts [11869, 11872, 11875, 11878, 11904, 11907, 11910, 11913]',
    'merge AS2 8×4 → 32 at 0x218640, t 11983, prev_ts [11939, 11942, 11945, 11948, 11974, 11977, 11980, 11983]',
    'merge AS2 8×4 → 32 at 0x1ffbe0, t 11679, prev_ts [11635, 11638, 11641, 11644, 11670, 11673, 11676, 11679]',
    'merge AS2 8×4 → 32 at 0x1ffc00, t 11749, prev_ts [11705, 11708, 11711, 11714, 11740, 11743, 11746, 11749]',
  ],
  '13-free-read': ['split AS2 16 → 4×4 at 0, t 2'],
};

describe('the lessons gallery', () => {
  it('lists at least nine lessons, one per file, in order', () => {
    expect(index.lessons.length).toBeGreaterThanOrEqual(9);
    expect(index.lessons.map((l) => l.id)).toEqual(
      index.lessons.map((l) => l.file.replace(/\.(mtrace|json)$/, '')),
    );
    expect(Object.keys(CHECK_ANSWERS)).toEqual(index.lessons.map((l) => l.id));
  });

  it.each(index.lessons.filter((l) => l.kind === 'mtrace'))(
    '$file runs with the CLI runner without error',
    (entry) => {
      const program = parseMtrace(readFileSync(`${LESSONS}/${entry.file}`, 'utf8'));
      expect(program.error).toBeUndefined();
      expect(runMtrace(program).summary.accesses).toBe(program.reads + program.writes);
    },
  );
});

describe.each(index.lessons)('lesson $id', (entry) => {
  it('parses, matches its index entry and has ordered stops', () => {
    const { lesson } = open(entry);
    expect(lesson.id).toBe(entry.id);
    expect(lesson.title).toBe(entry.title);
    expect(lesson.kind).toBe(entry.kind);
    if (entry.program !== undefined) expect(lesson.program).toBe(entry.program);
    expect(lesson.stops[0].at).toBe(0);
    expect(lesson.stops.length).toBeGreaterThanOrEqual(4);
    for (let k = 1; k < lesson.stops.length; k++)
      expect(lesson.stops[k].at).toBeGreaterThan(lesson.stops[k - 1].at);
    expect(lesson.check.stop).toBe(lesson.stops.length - 2);
    expect(lesson.check.at).toBe(lesson.stops[lesson.check.stop].at);
  });

  it('walks every stop with "Next step", showing its narration, and runs to the end without error', () => {
    const { lesson, session } = open(entry);
    let step = 0;
    for (let k = 0; k < lesson.stops.length; k++) {
      const view = narrationAt(lesson, session.position().step);
      expect(view).toMatchObject({ stop: k, exact: true, count: lesson.stops.length });
      expect(view.paragraphs.length).toBeGreaterThan(0);
      for (const p of view.paragraphs) expect(p.trim().length).toBeGreaterThan(20);
      expect(session.error()).toBeNull();
      if (view.next === null) break;
      step = session.seekStep(view.next).step;
      expect(step).toBe(lesson.stops[k + 1].at);
      expect(narrationAt(lesson, step).previous).toBe(lesson.stops[k].at);
    }
    expect(narrationAt(lesson, step).done).toBe(true);
    const end = session.runToEnd();
    expect(end.reason).toBe('end');
    expect(end.position.status).toBe('done');
    expect(session.error()).toBeNull();
  });

  it('checks a prediction the engine computes, equal to what the next step appends', () => {
    const { lesson, session } = open(entry);
    session.seekStep(lesson.check.at);
    expect(narrationAt(lesson, lesson.check.at).atCheck).toBe(true);
    const hash = session.stateHash();
    const quiz = predictNext(session);
    if (quiz === null) throw new Error('no prediction');
    // Predicting leaves the session where it was.
    expect(session.position().step).toBe(lesson.check.at);
    expect(session.stateHash()).toBe(hash);
    expect(quiz.step).toBe(lesson.check.at);
    expect(quiz.answer.map((r) => r.label)).toEqual(CHECK_ANSWERS[entry.id]);
    // The learner presses "Next step": the engine appends exactly the predicted records.
    session.seekStep(lesson.stops[lesson.check.stop + 1].at);
    const ran = lastStepLabels(session);
    if (
      lesson.stops.at(-1)?.lines === undefined ||
      lesson.stops.at(-1)?.lines?.first === lesson.stops.at(-1)?.lines?.last
    )
      expect(ran).toEqual(CHECK_ANSWERS[entry.id]);
    // One right choice among three or four distinct ones; each wrong one says why.
    expect(quiz.choices.length).toBeGreaterThanOrEqual(3);
    expect(new Set(quiz.choices.map((c) => c.labels.join('|'))).size).toBe(quiz.choices.length);
    const right = quiz.choices.filter((c) => c.misconception === null);
    expect(right.map((c) => c.id)).toEqual([quiz.correct]);
    expect(right[0].labels).toEqual(CHECK_ANSWERS[entry.id]);
    expect(gradePrediction(quiz, quiz.correct).right).toBe(true);
    for (const c of quiz.choices.filter((x) => x.id !== quiz.correct)) {
      expect(gradePrediction(quiz, c.id)).toMatchObject({ right: false, chosen: c });
      expect(c.misconception?.length ?? 0).toBeGreaterThan(20);
    }
    expect(gradePrediction(quiz, null).right).toBe(false);
  });
});

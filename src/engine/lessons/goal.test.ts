// Goals graded by the engine: lesson 13's script misses its goal; the edit the lesson hints at meets it;
// deleting the read or breaking the script does not; a malformed goal line is an error naming its line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openLesson } from './openLesson';
import { gradeGoal, parseGoal } from './goal';

const LESSON = readFileSync('public/lessons/13-free-read.mtrace', 'utf8');

describe('goals', () => {
  it('lesson 13 opens as a lesson and states its goal', () => {
    expect(openLesson('13-free-read.mtrace', new TextEncoder().encode(LESSON)).lesson.title).toMatch(
      /Make a read/,
    );
    expect(parseGoal(LESSON)).toMatchObject({ op: 'read', addressSpace: 2, pointer: 8, size: 4, records: 0 });
  });
  it('grades the lesson script as not met, with what the read appends', () => {
    const g = gradeGoal(LESSON);
    expect(g?.met).toBe(false);
    expect(g?.verdict).toBe(
      'Not yet: `read 2 8 4` at line 22 appends 1 record (split of 16); the goal is 0.',
    );
  });
  it('meets the goal when an earlier access leaves a 4-cell block at 8', () => {
    const edited = LESSON.replace(/^read 2 0 16$/m, 'write 2 8 4 9 10 11 12');
    expect(gradeGoal(edited)).toMatchObject({
      met: true,
      verdict: 'Goal met: `read 2 8 4` at line 22 appends 0 records.',
    });
    // A read after a 16-cell write, split by an earlier read, is free too.
    expect(gradeGoal(LESSON.replace(/^read 2 8 4$/m, 'read 2 8 4\nread 2 8 4'))?.met).toBe(true);
  });
  it('is not met without the read, or when the script breaks before it', () => {
    expect(gradeGoal(LESSON.replace(/^read 2 8 4$/m, 'read 2 0 4'))?.verdict).toMatch(/has no `read 2 8 4`/);
    expect(gradeGoal(LESSON.replace(/^read 2 8 4$/m, 'read 2 8 3\nread 2 8 4'))?.verdict).toMatch(
      /line 22 is invalid/,
    );
  });
  it('names a malformed goal line', () => {
    expect(() => parseGoal('#! goal: make it fast\n')).toThrow(/a goal is/);
    expect(gradeGoal('read 2 0 4\n')).toBeUndefined();
  });
});

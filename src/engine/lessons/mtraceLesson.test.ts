// The narration convention of script lessons: grouping of directives into stops, paragraphs, the check,
// and every way a lesson file can break the convention (each names its line).
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { parseMtraceLesson } from './mtraceLesson';
import { narrationAt } from './narration';

const lesson = (body: string) =>
  `#! title: T\n#! teaches: X\n#| Intro one\n#| goes on.\n#|\n#| Second paragraph.\nmode persistent\n${body}`;

function lineOf(f: () => unknown): number | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof EngineError) return e.location.line;
    throw e;
  }
  throw new Error('no error');
}

describe('parseMtraceLesson', () => {
  const text = lesson(
    [
      '#> First.',
      'write 2 0 4 1 2 3 4',
      'read 2 4 4',
      '# a maintainer note',
      '#> Second',
      '#> continues.',
      'read 2 0 4',
      '#? Predict?',
      '#>',
      '#> Answer.',
      'read 2 8 4',
      'finalize',
    ].join('\n'),
  );

  it('groups un-narrated directives with the narrated one before them', () => {
    const l = parseMtraceLesson('t', text);
    expect(l.title).toBe('T');
    expect(l.teaches).toBe('X');
    expect(l.mode).toBe('persistent');
    expect(l.stops.map((s) => s.at)).toEqual([0, 2, 3, 5]);
    expect(l.stops[0].paragraphs).toEqual(['Intro one goes on.', 'Second paragraph.']);
    expect(l.stops[1]).toEqual({ at: 2, paragraphs: ['First.'], lines: { first: 9, last: 10 } });
    expect(l.stops[2].paragraphs).toEqual(['Second continues.']);
    expect(l.stops[3]).toEqual({ at: 5, paragraphs: ['Answer.'], lines: { first: 18, last: 19 } });
    expect(l.check).toEqual({ stop: 2, at: 3, question: 'Predict?' });
  });

  it('maps positions to narration, also between stops', () => {
    const l = parseMtraceLesson('t', text);
    expect(narrationAt(l, 0)).toMatchObject({
      stop: 0,
      count: 4,
      exact: true,
      next: 2,
      previous: null,
      atCheck: false,
      done: false,
    });
    expect(narrationAt(l, 1)).toMatchObject({ stop: 0, exact: false, next: 2, previous: 0 });
    expect(narrationAt(l, 3)).toMatchObject({ stop: 2, exact: true, atCheck: true, next: 5, previous: 2 });
    expect(narrationAt(l, 5)).toMatchObject({ stop: 3, exact: true, done: true, next: null, previous: 3 });
  });

  it('names the line that breaks the convention', () => {
    expect(lineOf(() => parseMtraceLesson('t', lesson('write 2 0 4 1 2 3 4\n#? Q\n#> A\nread 2 0 4')))).toBe(
      8,
    );
    expect(
      lineOf(() =>
        parseMtraceLesson('t', lesson('#> A\nread 2 0 4\n#? Q\n#> B\nread 2 0 4\n#? Q2\n#> C\nread 2 0 4')),
      ),
    ).toBe(13);
    expect(lineOf(() => parseMtraceLesson('t', lesson('#> A\nread 2 0 4\n#? Q\nread 2 0 4')))).toBe(11);
    expect(
      lineOf(() =>
        parseMtraceLesson('t', lesson('#> A\nread 2 0 4\n#? Q\n#> B\nread 2 0 4\n#> C\nread 2 0 4')),
      ),
    ).toBe(10);
    expect(
      lineOf(() => parseMtraceLesson('t', lesson('#> A\nread 2 0 4\n#? Q\n#> B\nread 2 0 4\n#> dangling'))),
    ).toBe(13);
    expect(
      lineOf(() => parseMtraceLesson('t', lesson('#> A\nread 2 0 4\n#| late intro\n#? Q\n#> B\nread 2 0 4'))),
    ).toBe(10);
    expect(lineOf(() => parseMtraceLesson('t', lesson('#> A\nread 2 1 4\n#? Q\n#> B\nread 2 0 4')))).toBe(9);
    expect(
      lineOf(() => parseMtraceLesson('t', lesson('#! color: red\n#> A\nread 2 0 4\n#? Q\n#> B\nread 2 0 4'))),
    ).toBe(8);
  });

  it('requires the headers, an intro and a check', () => {
    expect(() => parseMtraceLesson('t', '#| I\n#> A\nread 2 0 4\n#? Q\n#> B\nread 2 0 4')).toThrow(/title/);
    expect(() =>
      parseMtraceLesson('t', '#! title: T\n#! teaches: X\n#> A\nread 2 0 4\n#? Q\n#> B\nread 2 0 4'),
    ).toThrow(/intro/);
    expect(() => parseMtraceLesson('t', lesson('#> A\nread 2 0 4'))).toThrow(/check/);
  });
});

// The lesson requests of the protocol (issue 7), kept out of sessionHost.ts: opening a lesson makes its
// program the host's session (with a FrameBuilder, like `open`); `predict` and `cost` are plain engine
// calls (engine/lessons) on that session or on fresh runs.
import type { Lesson } from '../engine/lessons/lessonTypes';
import { openLesson } from '../engine/lessons/openLesson';
import type { Session } from '../engine/session';
import { FrameBuilder } from '../engine/views/frameBuilder';
import type { RequestMap } from './protocol';

export function openLessonSession(params: RequestMap['openLesson']['params']): {
  lesson: Lesson;
  session: Session;
  frames: FrameBuilder;
} {
  const { lesson, session } = openLesson(params.file, params.source, params.program);
  const text = lesson.kind === 'mtrace' ? new TextDecoder().decode(params.source) : null;
  return { lesson, session, frames: new FrameBuilder(session, lesson.program, text) };
}

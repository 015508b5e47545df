// Opens a lesson: its Session (the lesson script itself, or the guest ELF in the lesson's mode) and the
// lesson with every stop resolved to a Session step. The worker's `openLesson` request and the tests use
// this one function, so what the tests walk is what the app shows.

import { EngineError } from '../errors';
import { Session } from '../session';
import { parseGuestLesson, resolveGuestLesson } from './guestLesson';
import type { Lesson } from './lessonTypes';
import { parseMtraceLesson } from './mtraceLesson';

export interface OpenedLesson {
  lesson: Lesson;
  session: Session;
}

/** `file` is the lesson's file name (`03-split.mtrace`, `09-subword-guest.json`). */
export function lessonId(file: string): string {
  return file.replace(/^.*\//, '').replace(/\.(mtrace|json)$/, '');
}

/** The guest ELF a guest lesson needs (null for script lessons, which are their own program). */
export function lessonProgram(file: string, source: Uint8Array): string | null {
  return file.endsWith('.json') ? parseGuestLesson(new TextDecoder().decode(source)).program : null;
}

/** Opens the lesson `file` from its bytes; guest lessons also need their ELF's bytes. */
export function openLesson(file: string, source: Uint8Array, program?: Uint8Array): OpenedLesson {
  const id = lessonId(file);
  const text = new TextDecoder().decode(source);
  if (file.endsWith('.mtrace')) {
    const lesson = parseMtraceLesson(id, text);
    lesson.program = file.replace(/^.*\//, '');
    return { lesson, session: Session.open('mtrace', source) };
  }
  if (!file.endsWith('.json'))
    throw new EngineError('request', `a lesson is a .mtrace script or a .json guest lesson, not ${file}`);
  const src = parseGuestLesson(text);
  if (program === undefined)
    throw new EngineError('request', `the guest lesson ${file} needs the bytes of ${src.program}`);
  const session = Session.open('guest', program, {
    mode: src.mode,
    ...(src.input !== undefined ? { input: src.input } : {}),
    ...(src.openvmToml !== undefined
      ? { openvmToml: src.openvmToml, openvmTomlName: `${file} (openvmToml)` }
      : {}),
  });
  return { lesson: resolveGuestLesson(id, src, session), session };
}

// The plain, structured-clone-safe shape of a guided lesson (issue 7), whatever its source: a commented
// .mtrace script (mtraceLesson.ts) or a guest ELF with narration anchored on symbols (guestLesson.ts).
// A lesson is a list of stops on one Session's timeline: stop 0 is the intro at step 0; every later stop
// is shown at the step its narrated directives (or its anchor instruction) lead to. Positions are Session
// steps, so "Next step" in the UI is simply a seekStep to the next stop's `at`.
// Invariants (checked by the parsers): stops[0].at === 0; `at` strictly increases; the check sits on the
// second-to-last stop (check.at === stops[check.stop].at) and the last stop runs the predicted step.

import type { MemoryMode } from '../memory/config';

export type LessonKind = 'mtrace' | 'guest';

export interface LessonStop {
  /** The Session step at which this narration is shown (0 for the intro). */
  at: number;
  /** The narration, one string per paragraph; `code` spans are marked with backticks. */
  paragraphs: string[];
  /** Script lessons: source lines of the first and last directive this stop ran (absent for the intro). */
  lines?: { first: number; last: number };
  /** Guest lessons: the pc of the anchor instruction. */
  pc?: number;
}

export interface LessonCheck {
  /** Index of the stop where the question is asked (the learner predicts the step after stops[stop].at). */
  stop: number;
  /** = stops[stop].at: the position before the predicted step. */
  at: number;
  question: string;
}

export interface Lesson {
  /** The file name without its extension, e.g. `03-split`. */
  id: string;
  title: string;
  teaches: string;
  kind: LessonKind;
  mode: MemoryMode;
  /** The program the Session runs: the lesson script itself, or the guest ELF (a public/examples file). */
  program: string;
  /** Guest lessons: the guest's input (OpenVM CLI format) and openvm.toml text, when the lesson gives them. */
  input?: string;
  openvmToml?: string;
  stops: LessonStop[];
  check: LessonCheck;
}

/** One entry of public/lessons/index.json (the gallery). */
export interface LessonIndexEntry {
  id: string;
  file: string;
  kind: LessonKind;
  title: string;
  teaches: string;
  /** Guest lessons: the ELF in public/examples. */
  program?: string;
}

// The lesson's narration beside the panels: title, progress "Step k of n", the narration of the stop at
// the current position, "Previous step" / "Next step" (which move the engine: onGo(step) is a seekStep),
// the check at its stop, and "Lesson complete" at the end. Props only: the lesson and the quiz come from
// the worker (`openLesson`, `predict`); which stop to show is narrationAt, a pure function of the position.
import type { Lesson } from '../../engine/lessons/lessonTypes';
import { narrationAt } from '../../engine/lessons/narration';
import type { PredictionQuiz } from '../../engine/lessons/predict';
import { answerFor, useCheckAnswer } from './checkState';
import { type CheckState, CheckQuiz } from './CheckQuiz';
import { richText } from './richText';
import './lessons.css';

export interface NarrationPanelProps {
  lesson: Lesson;
  /** The Session step the current frame is at (frame.position.step). */
  step: number;
  /**
   * The engine's prediction for the check: request `predict` when narrationAt(lesson, step).atCheck, and
   * keep passing it until another lesson opens (the last stop shows the learner's verdict); null while
   * it is on its way.
   */
  quiz: PredictionQuiz | null;
  /** The engine is moving: the buttons wait. */
  busy?: boolean;
  /** Moves the engine to a Session step (a `seekStep` control). */
  onGo(step: number): void;
}

export function NarrationPanel({ lesson, step, quiz, busy = false, onGo }: NarrationPanelProps) {
  const view = narrationAt(lesson, step);
  // The learner's answer belongs to this lesson (checkState.ts): opening another lesson starts a fresh one.
  const stored = useCheckAnswer();
  const state: CheckState = answerFor(stored, lesson.id);
  const setState = (s: CheckState) => stored.set({ ...s, lesson: lesson.id });
  const validQuiz = quiz !== null && quiz.step === lesson.check.at ? quiz : null;
  const right = validQuiz !== null && state.revealed && state.chosen === validQuiz.correct;
  return (
    <section
      className="panel narration"
      role="region"
      aria-label="Narration"
      data-lesson={lesson.id}
      data-stop={view.stop}
    >
      <div className="narration-head">
        <h2>Narration</h2>
        <span className="lesson-progress" data-testid="lesson-progress">
          Step {view.stop + 1} of {view.count}
        </span>
      </div>
      <div className="narration-body">
        <h3 className="lesson-title">{lesson.title}</h3>
        {!view.exact && (
          <p className="off-path" role="note">
            You moved away from the lesson’s steps. This is the narration of the last step before here; “Next
            step” continues the lesson.
          </p>
        )}
        <div className="narration-text" data-testid="narration" aria-live="polite">
          {view.paragraphs.map((p, k) => (
            <p key={k}>{richText(p)}</p>
          ))}
        </div>
        {view.lines && (
          <p className="narration-lines muted">
            {view.lines.first === view.lines.last
              ? `Script line ${view.lines.first}`
              : `Script lines ${view.lines.first}–${view.lines.last}`}
          </p>
        )}
        {view.atCheck && (
          <CheckQuiz question={lesson.check.question} quiz={validQuiz} state={state} onChange={setState} />
        )}
        {view.done && (
          <p className="lesson-complete" data-testid="lesson-complete">
            Lesson complete.
            {state.revealed && validQuiz !== null
              ? right
                ? ' Your prediction was right.'
                : state.chosen === null
                  ? ` You did not predict; the engine's answer was ${validQuiz.correct}).`
                  : ` Your prediction (${state.chosen}) missed: the engine's answer was ${validQuiz.correct}); the narration above says why.`
              : ''}
          </p>
        )}
      </div>
      <div className="narration-nav">
        {view.done && (
          <button type="button" className="restart" onClick={() => onGo(0)} disabled={busy}>
            Restart lesson
          </button>
        )}
        <button
          type="button"
          onClick={() => view.previous !== null && onGo(view.previous)}
          disabled={busy || view.previous === null}
        >
          Previous step
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            if (view.next === null) return;
            // Next at the check grades the prediction (picked or not) before moving on.
            if (view.atCheck && !state.revealed) setState({ ...state, revealed: true });
            onGo(view.next);
          }}
          disabled={busy || view.next === null}
        >
          Next step
        </button>
      </div>
    </section>
  );
}

// At a lesson's check, the Timeline hides what is still to come — from the access the learner is asked
// to predict onward — until the prediction is graded (Reveal, or Next step). Issue 22: the density tracks
// already showed that access's split and merge, giving the answer away.
import { narrationAt } from '../../engine/lessons/narration';
import { useDebugger } from '../debugger/useDebugger';
import { type TimeScale, xOfTime } from '../panels/timeline/hitTest';
import { answerFor, useCheckAnswer } from './checkState';

export function LessonFutureMask({ scale, current }: { scale: TimeScale; current: number }) {
  const lesson = useDebugger((s) => s.lesson);
  const step = useDebugger((s) => s.frame?.position.step);
  const answer = useCheckAnswer();
  if (!lesson || step === undefined || !narrationAt(lesson, step).atCheck) return null;
  if (answerFor(answer, lesson.id).revealed) return null;
  // The position's timestamp is the next access's: everything from it on is the future.
  const x = Math.max(0, Math.min(scale.width, xOfTime(scale, current - 0.5)));
  if (x >= scale.width) return null;
  return (
    <div
      className="tl-future-mask"
      data-testid="timeline-future-mask"
      style={{ left: x, width: scale.width - x }}
      title="Hidden until you predict: Reveal (or Next step) shows what this step does"
    >
      <span>hidden until you predict</span>
    </div>
  );
}

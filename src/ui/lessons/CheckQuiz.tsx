// The lesson's check: the learner picks the record list they expect the next step to append, then
// "Reveal" shows the engine's answer (computed by stepping, explained record by record) and whether the
// pick was right, with the misconception behind a wrong pick.
import { gradePrediction, type PredictionQuiz } from '../../engine/lessons/predict';
import { richText } from './richText';

/** Addresses as the record labels print them: decimal in small scripts, hex in a guest's memory. */
const addr = (p: number) => (p >= 4096 ? `0x${p.toString(16)}` : String(p));

export interface CheckState {
  chosen: string | null;
  revealed: boolean;
}

export interface CheckQuizProps {
  question: string;
  /** Null while the engine computes it. */
  quiz: PredictionQuiz | null;
  state: CheckState;
  onChange(state: CheckState): void;
}

function Records({ labels }: { labels: string[] }) {
  if (labels.length === 0) return <span className="choice-records">no records</span>;
  return (
    <ul className="choice-records">
      {labels.map((l, k) => (
        <li key={k}>{l}</li>
      ))}
    </ul>
  );
}

export function CheckQuiz({ question, quiz, state, onChange }: CheckQuizProps) {
  const grade = quiz === null ? null : gradePrediction(quiz, state.chosen);
  return (
    <fieldset className="lesson-check" data-testid="lesson-check">
      <legend>Check</legend>
      <p className="check-question">{richText(question)}</p>
      {quiz === null ? (
        <p className="muted">Asking the engine…</p>
      ) : (
        <>
          <p className="check-next">
            Next step: <code>{quiz.next}</code>
          </p>
          <div role="radiogroup" aria-label="Your prediction" className="choices">
            {quiz.choices.map((c) => {
              const verdict = !state.revealed
                ? ''
                : c.id === quiz.correct
                  ? 'correct'
                  : c.id === state.chosen
                    ? 'wrong'
                    : '';
              return (
                <label key={c.id} className={`choice ${verdict}`} data-testid="choice" data-choice={c.id}>
                  <input
                    type="radio"
                    name={`check-${quiz.step}`}
                    value={c.id}
                    checked={state.chosen === c.id}
                    disabled={state.revealed}
                    onChange={() => onChange({ ...state, chosen: c.id })}
                  />
                  <span className="choice-id">{c.id})</span>
                  <Records labels={c.labels} />
                  <span className="choice-rows muted">
                    {c.rows} row{c.rows === 1 ? '' : 's'}
                    {verdict === 'correct' && <strong className="choice-mark"> ✓ engine</strong>}
                    {verdict === 'wrong' && <strong className="choice-mark"> ✗ your pick</strong>}
                  </span>
                </label>
              );
            })}
          </div>
          <button
            type="button"
            className="primary"
            onClick={() => onChange({ ...state, revealed: true })}
            disabled={state.revealed}
          >
            Reveal
          </button>
          {state.revealed && grade !== null && (
            <div
              className={`verdict ${grade.right ? 'right' : 'wrong'}`}
              role="status"
              data-testid="verdict"
              data-right={grade.right}
            >
              <p className="verdict-head">
                {grade.right
                  ? 'Right: that is what the engine appends.'
                  : grade.chosen === null
                    ? `You did not choose. The engine's answer is ${quiz.correct}).`
                    : `Not quite: the engine's answer is ${quiz.correct}).`}
              </p>
              {!grade.right && grade.chosen?.misconception && (
                <p className="misconception">
                  Why not {grade.chosen.id}): {grade.chosen.misconception}
                </p>
              )}
              {quiz.accesses.length > 0 && (
                <p className="muted">
                  {quiz.accesses
                    .map(
                      (a) =>
                        `${a.op} AS${a.addressSpace} [${addr(a.pointer)}, ${addr(a.pointer + a.size)}) at t ${a.timestamp}, t_prev ${a.tPrev}`,
                    )
                    .join('; ')}
                </p>
              )}
              {quiz.answer.length === 0 ? (
                <p>
                  No records:{' '}
                  {quiz.accesses.length > 0
                    ? 'the access hits blocks exactly as they are.'
                    : 'nothing to record.'}
                </p>
              ) : (
                <ol className="answer-records">
                  {quiz.answer.map((r, k) => (
                    <li key={k} className={`answer-record record-${r.shape.kind}`} data-cause={r.cause}>
                      <span className="mono">{r.label}</span>
                      <span className="muted">
                        {' '}
                        · {r.rows} row{r.rows === 1 ? '' : 's'} ·{' '}
                      </span>
                      <code>{r.openvmFunction}</code>
                      <p>{r.explanation}</p>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}

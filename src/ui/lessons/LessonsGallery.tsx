// The lessons gallery (issue 7): one button per lesson, in order, with what it teaches. Props only: the
// store loads public/lessons/index.json and opens the chosen lesson through the worker (`openLesson`).
import type { LessonIndexEntry } from '../../engine/lessons/lessonTypes';
import './lessons.css';

export interface LessonsGalleryProps {
  lessons: readonly LessonIndexEntry[];
  /** The id of the open lesson (marked as current). */
  current?: string | null;
  /** Ids of the lessons the learner completed (a check mark). */
  completed?: readonly string[];
  onOpen(entry: LessonIndexEntry): void;
}

export function LessonsGallery({ lessons, current = null, completed = [], onOpen }: LessonsGalleryProps) {
  return (
    <section className="panel lessons-gallery" role="region" aria-label="Lessons">
      <h2>Lessons</h2>
      {lessons.length === 0 ? (
        <p className="muted">Loading the lessons…</p>
      ) : (
        <ol className="lesson-list">
          {lessons.map((l, k) => {
            const done = completed.includes(l.id);
            return (
              <li key={l.id} className={l.id === current ? 'current' : undefined}>
                <button
                  type="button"
                  className="lesson-button"
                  aria-current={l.id === current ? 'true' : undefined}
                  aria-describedby={`lesson-teaches-${l.id}`}
                  onClick={() => onOpen(l)}
                  data-testid="lesson-button"
                  data-lesson={l.id}
                >
                  <span className="lesson-number">{k + 1}</span>
                  <span className="lesson-name">{l.title}</span>
                  {done && (
                    <span className="lesson-done-mark" title="completed">
                      ✓<span className="sr-only"> (completed)</span>
                    </span>
                  )}
                </button>
                <span className="lesson-teaches muted" id={`lesson-teaches-${l.id}`}>
                  {l.kind === 'guest' ? 'guest · ' : ''}
                  {l.teaches}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

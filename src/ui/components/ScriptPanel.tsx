// The script text with line numbers; the selected access's line and an error line are highlighted.
import type { MtraceRunView } from '../../engine/scripts/mtraceView';
import { useRunStore } from '../store';

export function ScriptPanel({ view }: { view: MtraceRunView }) {
  const selected = useRunStore((s) => s.selectedAccess);
  const current = selected === undefined ? undefined : view.accesses[selected]?.line;
  const errorLine = view.error?.location.line;
  const lines = view.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return (
    <section className="panel script" aria-label="Program">
      <h2>{view.name}</h2>
      <pre className="script-text">
        {lines.map((l, i) => (
          <div key={i} className={`script-line ${current === i + 1 ? 'current' : ''} ${errorLine === i + 1 ? 'error-line' : ''} ${l.trimStart().startsWith('#') ? 'comment' : ''}`}>
            <span className="ln">{i + 1}</span>
            {l || ' '}
          </div>
        ))}
      </pre>
    </section>
  );
}

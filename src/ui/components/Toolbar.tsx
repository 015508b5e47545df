// Examples picker, file open, and the run status.
import { useRunStore } from '../store';

export function Toolbar() {
  const { examples, programName, status, openExample, openBytes } = useRunStore();
  return (
    <header className="toolbar">
      <h1>memscope</h1>
      <label>
        <span className="sr-only">Examples</span>
        <select aria-label="Examples" value={examples.some((e) => e.file === programName) ? programName : ''} onChange={(e) => void openExample(e.target.value)}>
          {!examples.some((e) => e.file === programName) && <option value="">{programName ?? 'choose an example'}</option>}
          {examples.map((e) => (
            <option key={e.file} value={e.file} title={e.teaches}>
              {e.title}
            </option>
          ))}
        </select>
      </label>
      <label className="file-open">
        Open .mtrace…
        <input
          type="file"
          accept=".mtrace,text/plain"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (f) await openBytes(f.name, new Uint8Array(await f.arrayBuffer()));
          }}
        />
      </label>
      <span className="status" data-testid="status" data-status={status}>
        {status}
      </span>
    </header>
  );
}

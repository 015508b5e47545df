// The settings a guest's instructions need that its VM config lacks (OpenVM would refuse to load it), as a
// banner under the toolbar: seen as soon as the guest opens, whatever the Program panel shows or scrolls
// to. Collapsible (the list can be long: kitchen-sink without its openvm.toml needs seven settings).
import { useDebugger } from '../debugger/useDebugger';

const NONE: string[] = [];

export function MissingSettingsBanner() {
  const missing = useDebugger((s) => (s.program?.kind === 'guest' ? s.program.missingSettings : NONE));
  const source = useDebugger((s) => (s.program?.kind === 'guest' ? s.program.configSource : 'defaults'));
  if (missing.length === 0) return null;
  return (
    <details className="missing-settings" role="note" data-testid="missing-settings" open>
      <summary>
        Settings missing from{' '}
        {source === 'defaults' ? 'the defaults (no openvm.toml: drop the one it was built with)' : source} —
        OpenVM would refuse to load this program; the run stops at the first such instruction:
      </summary>
      <ul>
        {missing.map((m) => (
          <li key={m}>{m}</li>
        ))}
      </ul>
    </details>
  );
}

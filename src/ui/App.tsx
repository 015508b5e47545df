// The app shell: toolbar, the script, every access with its adapter records, and the summary.
import { useEffect } from 'react';
import { AccessList } from './components/AccessList';
import { ScriptPanel } from './components/ScriptPanel';
import { SummaryPanel } from './components/SummaryPanel';
import { Toolbar } from './components/Toolbar';
import { useRunStore } from './store';

export function App() {
  const { view, failure, init } = useRunStore();
  useEffect(() => {
    void init();
  }, [init]);
  return (
    <div className="app">
      <Toolbar />
      {failure && (
        <div className="error-banner" role="alert" data-testid="error">
          <strong>{failure.kind === 'script' ? 'Invalid script' : 'Error'}</strong>
          {failure.location.line !== undefined && <> at line {failure.location.line}</>}: {failure.message}
          {view && view.accesses.length > 0 && <> — the {view.accesses.length} accesses before it are shown.</>}
        </div>
      )}
      {view && (
        <main className="layout">
          <ScriptPanel view={view} />
          <AccessList view={view} />
          <SummaryPanel view={view} />
        </main>
      )}
    </div>
  );
}

// The error banner (the run's error, a failed request's, or a file that could not be opened — shown beside
// the session, which stays open) and the notice line (worker restarts, a cancelled recording).
import { useDebugger } from '../debugger/useDebugger';

function title(kind: string): string {
  if (kind === 'script') return 'Invalid script';
  if (kind === 'elf') return 'Not a usable ELF';
  if (kind === 'execution') return 'The program stopped';
  if (kind === 'input') return 'Invalid input';
  return 'Error';
}

export function ErrorBanner() {
  const failure = useDebugger((s) => s.failure);
  const failedFile = useDebugger((s) => s.failedFile);
  const open = useDebugger((s) => s.loaded?.name);
  if (!failure) return null;
  const where = [
    failure.location.line !== undefined ? `line ${failure.location.line}` : '',
    failure.location.pc !== undefined ? `pc 0x${failure.location.pc.toString(16)}` : '',
    failure.location.timestamp !== undefined ? `timestamp ${failure.location.timestamp}` : '',
  ].filter(Boolean);
  return (
    <div
      className="error-banner"
      role="alert"
      data-testid="error"
      data-kind={failure.kind}
      data-file={failedFile}
    >
      {failedFile !== undefined && (
        <div className="error-file">
          Could not open <strong>{failedFile}</strong>
          {open !== undefined && open !== failedFile ? <> — {open} stays open</> : null}
        </div>
      )}
      <strong>{title(failure.kind)}</strong>
      {where.length > 0 && <> at {where.join(', ')}</>}: {failure.message}
    </div>
  );
}

export function Notice() {
  const notice = useDebugger((s) => s.notice);
  const dismiss = useDebugger((s) => s.dismissNotice);
  if (!notice) return null;
  return (
    <div className="notice" role="status" data-testid="notice">
      {notice}{' '}
      <button type="button" className="link-button" onClick={dismiss} aria-label="Dismiss the notice">
        ×
      </button>
    </div>
  );
}

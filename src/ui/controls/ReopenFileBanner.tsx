// The link was made for a program opened from a local file, which a URL cannot carry (localFileLinks.ts):
// say so, and offer to open it — with its input .json and openvm.toml — to go to the link's timestamp.
import { useDebugger } from '../debugger/useDebugger';
import { readFiles } from '../layout/DropZone';
import { formatNumber } from '../panels/timeline/format';

export function ReopenFileBanner() {
  const awaited = useDebugger((s) => s.awaitingFile);
  const shown = useDebugger((s) => s.loaded?.name);
  const openFiles = useDebugger((s) => s.openFiles);
  const dismiss = useDebugger((s) => s.dismissAwaitingFile);
  if (!awaited) return null;
  return (
    <div className="notice reopen-file" role="status" data-testid="reopen-file">
      This link is for <strong>{awaited.name}</strong>, a file opened from a computer: a link cannot carry it.
      Open it again (with its input .json and openvm.toml if it had them){' '}
      {awaited.t !== undefined && <>to go to timestamp {formatNumber(awaited.t)}</>}.{' '}
      <label className="file-open">
        Open {awaited.name}…
        <input
          type="file"
          multiple
          aria-label={`Open ${awaited.name}`}
          onChange={async (e) => {
            const files = await readFiles(e.target.files);
            e.target.value = '';
            if (files.length > 0) await openFiles(files);
          }}
        />
      </label>{' '}
      {shown !== undefined && <span className="muted">Meanwhile: {shown}.</span>}{' '}
      <button type="button" className="link-button" onClick={dismiss} aria-label="Dismiss">
        ×
      </button>
    </div>
  );
}

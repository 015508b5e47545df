// The playground pane's header: what the text is, Run (also Ctrl/Cmd-Enter), Save (downloads .mtrace or
// .s, which Open… and dropping read back), Copy link (the text and the position in the URL, within
// MAX_URL_SOURCE compressed characters; beyond it the pane says so and offers the download instead),
// Cancel while a long run records, and Close.
import { useState, type RefObject } from 'react';
import type { EditorDoc } from '../debugger/playgroundSlice';
import { urlStateOf } from '../debugger/store';
import { debuggerStore, useDebugger } from '../debugger/useDebugger';
import { formatUrlState, MAX_URL_SOURCE, sourceParam } from '../urlState';

export function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function shareLink(): string {
  const { origin, pathname } = window.location;
  return `${origin}${pathname}${formatUrlState(urlStateOf(debuggerStore.getState()))}`;
}

export function PlaygroundToolbar({
  doc,
  runButton,
}: {
  doc: EditorDoc;
  runButton: RefObject<HTMLButtonElement | null>;
}) {
  const recording = useDebugger((s) => s.recording);
  const step = useDebugger((s) => s.progress?.step);
  const [share, setShare] = useState<string | null>(null);
  const { runEditor, closeEditor, cancel } = debuggerStore.getState();
  const copy = async () => {
    const code = sourceParam(doc.text);
    if (code === null) {
      setShare(`too-long`);
      return;
    }
    const link = shareLink();
    try {
      await navigator.clipboard.writeText(link);
      setShare(
        `Link copied (${code.length.toLocaleString('en-US')} of ${MAX_URL_SOURCE.toLocaleString('en-US')} characters).`,
      );
    } catch {
      setShare(`Copy this link: ${link}`);
    }
  };
  return (
    <div className="playground-toolbar">
      <h2>
        Playground{' '}
        <span className="muted">
          {doc.language === 'asm' ? 'RV32IM + OpenVM assembly' : '.mtrace script'}
        </span>
      </h2>
      <button
        type="button"
        ref={runButton}
        onClick={() => void runEditor()}
        title="Run the text now (Ctrl+Enter)"
      >
        Run text
      </button>
      <button type="button" onClick={() => download(doc.name, doc.text)} title={`Download as ${doc.name}`}>
        Save
      </button>
      <button type="button" onClick={() => void copy()} title="Copy a link holding the text and the position">
        Copy link
      </button>
      {recording && (
        <span className="playground-running" role="status">
          Running… step {(step ?? 0).toLocaleString('en-US')}{' '}
          <button type="button" onClick={() => void cancel()}>
            Cancel
          </button>
        </span>
      )}
      <button type="button" onClick={closeEditor} aria-label="Close the playground">
        Close
      </button>
      {share !== null && (
        <p className="playground-share" role="status" data-testid="playground-share">
          {share === 'too-long' ? (
            <>
              Too long for a link: compressed it exceeds {MAX_URL_SOURCE.toLocaleString('en-US')} characters.{' '}
              <button type="button" className="link" onClick={() => download(doc.name, doc.text)}>
                Download instead
              </button>
            </>
          ) : (
            share
          )}
        </p>
      )}
      <p className="muted playground-limit">
        Links hold up to {MAX_URL_SOURCE.toLocaleString('en-US')} compressed characters; longer texts: Save.
      </p>
    </div>
  );
}

// The playground's editor pane (lazy-loaded: CodeMirror 6 is not part of the app's first paint). Edits
// re-run the text in the worker after a pause in typing (DEBOUNCE_MS); errors show in the gutter, under
// the text they point at, and in a list a screen reader announces; the last good run stays on screen.
// Keyboard: Tab reaches the editor (Tab inside it moves focus on, as CodeMirror leaves Tab alone unless
// told), Escape leaves it (focus goes to the pane's Run text button), Ctrl/Cmd-Enter runs at once; the app's
// shortcuts ignore keys typed into it (shortcuts.ts leaves contenteditable alone).
import { useEffect, useRef } from 'react';
import { autocompletion, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, keymap, lineNumbers } from '@codemirror/view';
import type { AsmError } from '../../engine/guest/asm/assembler';
import { debuggerStore, useDebugger } from '../debugger/useDebugger';
import { asmCompletions, asmLanguage, mtraceCompletions, mtraceLanguage } from './languages';
import { PlaygroundToolbar } from './PlaygroundToolbar';
import './playground.css';

export const DEBOUNCE_MS = 400;

function diagnostics(state: EditorState, errors: AsmError[]): Diagnostic[] {
  return errors.map((e) => {
    const line = state.doc.line(Math.min(Math.max(1, e.line), state.doc.lines));
    const from = Math.min(line.from + Math.max(0, e.column - 1), line.to);
    const word = /^\S*/.exec(line.text.slice(from - line.from))?.[0].length ?? 0;
    return { from, to: Math.min(line.to, from + Math.max(1, word)), severity: 'error', message: e.message };
  });
}

export default function EditorPane() {
  const doc = useDebugger((s) => s.editor);
  const errors = useDebugger((s) => s.editorErrors);
  const goal = useDebugger((s) => s.editorGoal);
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const runButton = useRef<HTMLButtonElement>(null);
  /** The last text the editor itself sent to the store (a store text equal to it is no outside change). */
  const sent = useRef<string | null>(null);
  const language = doc?.language ?? 'mtrace';

  // One CodeMirror view per language (the text is replaced when the store's text changes from outside).
  useEffect(() => {
    if (host.current === null) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { setEditorText, runEditor } = debuggerStore.getState();
    const runNow = () => {
      clearTimeout(timer);
      void runEditor();
      return true;
    };
    const label =
      language === 'asm'
        ? 'Playground editor: RV32IM and OpenVM assembly'
        : 'Playground editor: .mtrace memory script';
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: debuggerStore.getState().editor?.text ?? '',
        extensions: [
          lineNumbers(),
          lintGutter(),
          history(),
          highlightActiveLine(),
          // The pane sits in a narrow column: long lines (a lesson's narration) wrap instead of scrolling.
          EditorView.lineWrapping,
          syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
          language === 'asm' ? asmLanguage : mtraceLanguage,
          autocompletion({ override: [language === 'asm' ? asmCompletions : mtraceCompletions] }),
          // Completion's keys first: Escape closes an open completion list before it leaves the editor.
          keymap.of([
            ...completionKeymap,
            { key: 'Mod-Enter', run: runNow },
            {
              key: 'Escape',
              run: () => {
                runButton.current?.focus();
                return true;
              },
            },
            ...defaultKeymap,
            ...historyKeymap,
          ]),
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-describedby': 'playground-errors' }),
          EditorView.updateListener.of((u) => {
            if (!u.docChanged) return;
            sent.current = u.state.doc.toString();
            setEditorText(sent.current);
            clearTimeout(timer);
            timer = setTimeout(() => void runEditor(), DEBOUNCE_MS);
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      clearTimeout(timer);
      v.destroy();
      view.current = null;
    };
  }, [language]);

  // Text set from outside (Edit, a blank script, the URL): replace the editor's document. The store's
  // text lags the editor's while typing (it renders later): what the editor sent itself is never put back.
  const text = doc?.text;
  useEffect(() => {
    const v = view.current;
    if (v === null || text === undefined || text === sent.current || v.state.doc.toString() === text) return;
    sent.current = text;
    v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
  }, [text]);

  useEffect(() => {
    const v = view.current;
    if (v !== null) v.dispatch(setDiagnostics(v.state, diagnostics(v.state, errors)));
  }, [errors]);

  if (doc === undefined) return null;
  const goTo = (e: AsmError) => {
    const v = view.current;
    if (v === null) return;
    const [d] = diagnostics(v.state, [e]);
    v.dispatch({ selection: { anchor: d.from }, scrollIntoView: true });
    v.focus();
  };
  return (
    <section className="panel playground" aria-label="Playground">
      <PlaygroundToolbar doc={doc} runButton={runButton} />
      {goal && (
        <p
          className={`playground-goal ${goal.met ? 'met' : 'unmet'}`}
          role="status"
          data-testid="playground-goal"
          data-met={goal.met}
        >
          <strong>Goal:</strong> <code>{goal.goal.text}</code> — {goal.verdict}
        </p>
      )}
      <div className="playground-editor" ref={host} data-testid="playground-editor" />
      <div id="playground-errors" role="status" aria-live="polite" className="playground-errors">
        {errors.length === 0 ? (
          <span className="muted">No errors: the run shown is this text's.</span>
        ) : (
          <ul>
            {errors.map((e, k) => (
              <li key={k}>
                <button type="button" className="link" onClick={() => goTo(e)}>
                  Line {e.line}, column {e.column}
                </button>
                : {e.message}
                {k === 0 && <span className="muted"> — the last good run stays on screen</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

// The playground slice: the editor's text (a .mtrace script or RV32IM/OpenVM assembly) and running it.
// A run is checked in the worker (`compile`: assembled, or parsed) and opens the result as the session, like a file: the last
// good run stays when the text does not assemble or parse (the errors go to `editorErrors`, with line and
// column, for the editor's gutter and its screen-reader list), and the position in time is kept where the
// new run still has it (`pendingT`, as a URL's timestamp). Debouncing is the editor's (it calls run).
import type { AsmError } from '../../engine/guest/asm/assembler';
import type { GoalGrade } from '../../engine/lessons/goal';
import { asErrorInfo } from './asErrorInfo';
import type { Loaded, StoreContext } from './storeTypes';

export type EditorLanguage = 'mtrace' | 'asm';

export interface EditorDoc {
  language: EditorLanguage;
  text: string;
  /** The file name it runs (and saves) as. */
  name: string;
}

export interface PlaygroundSlice {
  editor?: EditorDoc;
  /** The errors of the editor's text as last run (empty: it ran). */
  editorErrors: AsmError[];
  /** The engine's grade of the text's `#! goal:` (lessons that ask for an edit), if it states one. */
  editorGoal?: GoalGrade;
  /** Opens the editor with `text` (a copy: the original is never changed) and runs it. */
  openEditor(language: EditorLanguage, text: string, name?: string): Promise<void>;
  /** The user typed: keeps the text (the editor debounces and calls runEditor). */
  setEditorText(text: string): void;
  /** Runs the editor's text as the session (keeping the view and the position in time). */
  runEditor(): Promise<void>;
  closeEditor(): void;
}

export const BLANK: Record<EditorLanguage, string> = {
  mtrace: '',
  asm: '',
};

export const defaultName = (language: EditorLanguage) =>
  language === 'asm' ? 'playground.s' : 'playground.mtrace';

export function playgroundSlice(ctx: StoreContext): PlaygroundSlice {
  const { client, set, get } = ctx;

  const runEditor = async () => {
    const doc = get().editor;
    if (doc === undefined) return;
    const t = get().frame?.position.timestamp;
    let r;
    try {
      r = await client.request('compile', { language: doc.language, source: doc.text });
    } catch (e) {
      set({ editorErrors: [{ line: 1, column: 1, message: asErrorInfo(e).message }] });
      return;
    }
    if (get().editor !== doc) return; // edited meanwhile: the newer text runs next
    set({ editorGoal: r.goal });
    if (!r.ok) return set({ editorErrors: r.errors });
    const next: Loaded = {
      name: doc.name,
      kind: doc.language === 'asm' ? 'guest' : 'mtrace',
      bytes: r.bytes,
      isExample: false,
      source: { ...doc },
    };
    // The first program of the page keeps what the URL asked for (its timestamp and selection).
    const same = get().loaded?.source?.name === doc.name;
    const first = get().loaded === undefined;
    set({ pendingT: same ? t : first ? get().pendingT : undefined });
    await get().openLoaded(next, same || first);
    if (get().editor !== doc) return;
    // Refused (the file) or stopped by an error at a line (the run, shown up to it): the error is the text's.
    const { failure, failedFile, frame } = get();
    const error =
      failure !== undefined && failedFile === doc.name ? failure : (frame?.info.error ?? undefined);
    if (failedFile === doc.name) set({ pendingT: undefined });
    set({
      editorErrors:
        error?.location.line === undefined
          ? []
          : [{ line: error.location.line, column: error.location.column ?? 1, message: error.message }],
    });
  };

  return {
    editorErrors: [],
    async openEditor(language, text, name) {
      set({
        editor: { language, text, name: name ?? defaultName(language) },
        editorErrors: [],
        editorGoal: undefined,
      });
      await runEditor();
    },
    setEditorText(text) {
      const doc = get().editor;
      if (doc !== undefined && doc.text !== text) set({ editor: { ...doc, text } });
    },
    runEditor,
    closeEditor() {
      set({ editor: undefined, editorErrors: [], editorGoal: undefined });
      ctx.syncUrl();
    },
  };
}

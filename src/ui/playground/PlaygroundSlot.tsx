// What the app's first paint carries of the playground: the slot that lazy-loads the editor pane when the
// editor is open, the Edit button (a copy of the open script or lesson in the editor) and the Examples
// menu's blank script / blank program. CodeMirror stays in the pane's own chunk.
import { lazy, Suspense } from 'react';
import { defaultName, type EditorLanguage } from '../debugger/playgroundSlice';
import { debuggerStore, useDebugger } from '../debugger/useDebugger';

const EditorPane = lazy(() => import('./EditorPane'));

export function PlaygroundSlot() {
  const open = useDebugger((s) => s.editor !== undefined);
  if (!open) return null;
  return (
    <Suspense
      fallback={
        <section className="panel playground" aria-busy="true">
          Loading the editor…
        </section>
      }
    >
      <EditorPane />
    </Suspense>
  );
}

/** The Examples menu's values for a blank playground. */
export const BLANK_OPTIONS: { value: string; language: EditorLanguage; title: string }[] = [
  { value: 'playground:mtrace', language: 'mtrace', title: 'Blank script (.mtrace)' },
  { value: 'playground:asm', language: 'asm', title: 'Blank program (assembly)' },
];

export function openBlank(value: string): boolean {
  const b = BLANK_OPTIONS.find((o) => o.value === value);
  if (b === undefined) return false;
  void debuggerStore.getState().openEditor(b.language, '');
  return true;
}

/** "Edit": the open script or lesson (its text), or the open playground program, as a copy in the editor. */
export function EditButton() {
  const text = useDebugger((s) =>
    s.program?.kind === 'script' && s.frame?.kind === 'mtrace' ? s.program.text : undefined,
  );
  const source = useDebugger((s) => s.loaded?.source);
  const name = useDebugger((s) => s.lesson?.program ?? s.loaded?.name ?? '');
  const editing = useDebugger((s) => s.editor !== undefined);
  const canEdit = source !== undefined || text !== undefined;
  return (
    <button
      type="button"
      disabled={!canEdit || (editing && source !== undefined)}
      title={
        canEdit
          ? `Open a copy of ${name} in the playground editor`
          : 'Only scripts, lessons and playground programs can be edited'
      }
      onClick={() => {
        if (source !== undefined)
          void debuggerStore.getState().openEditor(source.language, source.text, source.name);
        else if (text !== undefined) {
          const copy = `${name.replace(/^.*\//, '').replace(/\.mtrace$/, '')}-copy.mtrace`;
          void debuggerStore.getState().openEditor('mtrace', text, copy || defaultName('mtrace'));
        }
      }}
    >
      Edit
    </button>
  );
}

// The debugger: the header (Toolbar: examples, open, run options, layouts and the View menu), the controls
// bar, and the workspace: dockable panels laid out by task (src/ui/workspace, see src/ui/README.md). Every
// panel renders the latest frame the engine worker sent; the store asks for frames, the panels never touch
// engine state. Each component reads the store through selectors, so a change re-renders only what shows it.
import { useEffect, useDeferredValue } from 'react';
import { Controls } from './controls/Controls';
import { HelpOverlay } from './controls/HelpOverlay';
import { MissingSettingsBanner } from './controls/MissingSettingsBanner';
import { ErrorBanner, Notice } from './controls/StatusBanners';
import { ReopenFileBanner } from './controls/ReopenFileBanner';
import { Toolbar } from './debugger/Toolbar';
import { debuggerStore, useDebugger } from './debugger/useDebugger';
import { useShallow } from 'zustand/react/shallow';
import { DropZone } from './layout/DropZone';
import { actionForKey } from './shortcuts';
import { LessonsGallery } from './lessons/LessonsGallery';
import { CellContextMenu } from './panels/breakpoints/CellContextMenu';
import { panelsView } from './workspace/panelsView';
import { Workspace } from './workspace/Workspace';
import { showPanel } from './workspace/workspaceStore';

/** The keyboard shortcuts, on the window; a key another handler took (defaultPrevented) is left alone. */
function useShortcuts() {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const a = actionForKey(e);
      if (a === undefined) return;
      e.preventDefault();
      void debuggerStore.getState().action(a);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

function HelpLayer() {
  const help = useDebugger((s) => s.help);
  const setHelp = useDebugger((s) => s.setHelp);
  return help ? <HelpOverlay onClose={() => setHelp(false)} /> : null;
}

function LessonsDrawer() {
  const show = useDebugger((s) => s.showLessons);
  const lessons = useDebugger((s) => s.lessons);
  const current = useDebugger((s) => s.lessonEntry?.id ?? null);
  const completed = useDebugger((s) => s.completed);
  const openLesson = useDebugger((s) => s.openLesson);
  const setShowLessons = useDebugger((s) => s.setShowLessons);
  if (!show) return null;
  return (
    <div className="lessons-drawer">
      <LessonsGallery
        lessons={lessons}
        current={current}
        completed={completed}
        onOpen={(entry) => void openLesson(entry)}
      />
      <button type="button" onClick={() => setShowLessons(false)}>
        Close lessons
      </button>
    </div>
  );
}

export function App() {
  const live = useDebugger(useShallow(panelsView));
  const openFiles = useDebugger((s) => s.openFiles);
  // The open program's name: tests wait for the program they opened, not for any ready state (the one
  // before the opening is ready too).
  const program = useDebugger((s) => s.loaded?.name ?? '');
  // The control bar shows the newest position at once; the panels render what they show (the frame, the
  // selection, breakpoints, ...) as one deferred snapshot: an interruptible background render, so neither
  // a big frame nor a change of selection or status ever renders the panels synchronously.
  // `settled` says when every panel shows the newest state (tests and the status line rely on it).
  const view = useDeferredValue(live);
  const settled = view === live;
  useEffect(() => {
    void debuggerStore.getState().init();
  }, []);
  useShortcuts();
  // Opening the editor (Edit, a blank script or program, a .s file, a shared link) shows its panel.
  const editorOpen = live.editorOpen;
  const frame = view.frame;
  const hasFrame = !!frame;
  useEffect(() => {
    if (editorOpen && hasFrame) showPanel('playground');
  }, [editorOpen, hasFrame]);
  return (
    <DropZone onFiles={(files) => void openFiles(files)}>
      <div className="app" data-settled={settled} data-program={program}>
        <Toolbar />
        <Controls />
        <MissingSettingsBanner />
        <ErrorBanner />
        <Notice />
        <ReopenFileBanner />
        <HelpLayer />
        <CellContextMenu />
        <LessonsDrawer />
        {frame && <Workspace view={{ ...view, frame }} />}
      </div>
    </DropZone>
  );
}

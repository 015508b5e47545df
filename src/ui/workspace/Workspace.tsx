// The workspace: every panel is a dockview panel (dockview-react: tabs, drag to dock, resize, maximize),
// laid out by a task layout (taskLayouts.ts) or the user's own arrangement of it. It follows the store:
// a lesson or an allocator trace picks its layout, the header's Cost and Cost by function buttons open
// and close their panels (and closing the panel unsets them), an allocator appearing in a run shows its
// panel. Escape restores a maximized panel.
import { type DockviewApi, DockviewReact, type DockviewReadyEvent, type DockviewTheme } from 'dockview-react';
import 'dockview-react/dist/styles/dockview.css';
import { useCallback, useEffect, useRef } from 'react';
import { debuggerStore, useDebugger } from '../debugger/useDebugger';
import { GroupActions, PanelBody, PanelTab } from './DockParts';
import { readLinkLayout } from './layoutStorage';
import { useDockAria } from './dockAria';
import { decorateSashes, sashKey } from './sashKeys';
import { PANEL_BY_ID } from './panelRegistry';
import { type PanelsView, PanelsViewContext } from './panelsView';
import { chooseTask } from './taskLayouts';
import {
  applyTask,
  closePanel,
  knownPanel,
  layoutChanged,
  loadLayout,
  loadStored,
  restoreMaximized,
  setContentTest,
  showPanel,
  useWorkspace,
} from './workspaceStore';
import './workspace.css';

const THEME: DockviewTheme = { name: 'memscope', className: 'dockview-theme-light memscope-dock', gap: 6 };
const COMPONENTS = { panel: PanelBody };

/** Opens/closes `panel` when the store's flag changes, and sets the flag when the user closes it. */
function useFlagPanel(flag: boolean, panel: string, setFlag: (on: boolean) => void) {
  const open = useWorkspace((w) => w.open.includes(panel));
  const api = useWorkspace((w) => w.api);
  const last = useRef<boolean | null>(null);
  useEffect(() => {
    if (api === null) return;
    if (last.current === null) {
      // first look: a restored layout may hold the panel, a link may ask for it
      last.current = flag || open;
      if (flag && !open) showPanel(panel);
      else if (open && !flag) setFlag(true);
    } else if (last.current !== flag) {
      last.current = flag;
      if (flag) showPanel(panel);
      else if (open) closePanel(panel);
    } else if (open !== flag) {
      last.current = open;
      setFlag(open);
    }
  }, [api, flag, open, panel, setFlag]);
}

/** Picks the task layout the program makes obvious, once per program, when its first frame is shown. */
function useAutoTask(view: PanelsView, skipFirst: React.RefObject<boolean>) {
  const api = useWorkspace((w) => w.api);
  const loaded = useDebugger((s) => s.loaded);
  const lessonId = view.lesson?.id ?? null;
  const key = `${loaded?.name ?? ''}|${loaded?.kind ?? ''}|${lessonId ?? ''}|${view.frame.kind}`;
  const seen = useRef<string | null>(null);
  useEffect(() => {
    if (api === null || seen.current === key || view.frame === null) return;
    const first = seen.current === null;
    seen.current = key;
    if (first && skipFirst.current) return;
    const current = useWorkspace.getState().task;
    const obvious = chooseTask({ lesson: lessonId !== null, kind: view.frame.kind });
    const task = obvious ?? (current === 'lesson' || current === 'allocator' ? 'debug' : current);
    applyTask(task);
    // Edit on a lesson opens its copy as a new program: the new task's layout keeps the editor in view.
    if (debuggerStore.getState().editor !== undefined) showPanel('playground');
  }, [api, key, lessonId, view.frame, skipFirst]);
}

export function Workspace({ view }: { view: PanelsView }) {
  const fromLink = useRef(false);
  const root = useRef<HTMLElement>(null);
  setContentTest((id) => {
    const out = PANEL_BY_ID.get(id)?.render(view);
    return out !== null && out !== false && out !== undefined;
  });

  const onReady = useCallback((e: DockviewReadyEvent) => {
    const api: DockviewApi = e.api;
    useWorkspace.setState({ api });
    api.onDidLayoutChange(() => {
      layoutChanged();
      if (root.current) decorateSashes(root.current);
    });
    api.onDidMaximizedGroupChange(() => {
      const g = api.groups.find((x) => x.api.isMaximized());
      useWorkspace.setState({ maximized: g?.activePanel?.id ?? null });
    });
    const stored = loadStored();
    const link = readLinkLayout(window.location.hash, knownPanel);
    if (link) {
      fromLink.current = true;
      if (link.layout) loadLayout(link.task, link.layout, true);
      else applyTask(link.task, true);
    } else applyTask(stored.task);
    requestAnimationFrame(() => root.current && decorateSashes(root.current));
  }, []);

  useAutoTask(view, fromLink);
  useDockAria(root);
  const { setShowCost, setShowMeter } = debuggerStore.getState();
  useFlagPanel(view.showCost, 'cost', setShowCost);
  useFlagPanel(view.showMeter && view.frame.kind === 'guest', 'costByFunction', setShowMeter);

  // An allocator appearing in a run (allocator observe / orthotope) shows its panel.
  const allocKind = view.frame.allocator?.kind ?? null;
  const api = useWorkspace((w) => w.api);
  useEffect(() => {
    if (api !== null && allocKind !== null && api.getPanel('allocator') === undefined) showPanel('allocator');
  }, [api, allocKind]);

  // Escape restores a maximized panel (before the panels' own Escape handlers).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && restoreMaximized()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <PanelsViewContext.Provider value={view}>
      <main
        className="workspace"
        aria-label="Workspace"
        ref={root}
        onKeyDown={(e) => {
          if (root.current && sashKey(e.nativeEvent, root.current)) e.preventDefault();
        }}
      >
        <DockviewReact
          components={COMPONENTS}
          defaultTabComponent={PanelTab}
          rightHeaderActionsComponent={GroupActions}
          onReady={onReady}
          theme={THEME}
          disableFloatingGroups
        />
      </main>
    </PanelsViewContext.Provider>
  );
}

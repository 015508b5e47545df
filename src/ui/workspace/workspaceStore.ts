// The workspace's state beside dockview's own: which task layout is in use, which panels are open, which
// is maximized; and the operations the header (LayoutBar, ViewMenu) and the dock (tabs, header actions)
// call. A task layout the user rearranges is kept as theirs (per browser, layoutStorage.ts) and carried in
// the link; "Reset layout" goes back to the built-in one.
import type { DockviewApi } from 'dockview-react';
import { create } from 'zustand';
import { fromDockview, toDockview } from './layoutCodec';
import { type LayoutNode, pruneLayout, sameLayout } from './layoutTree';
import { linkHash, readStored, writeLinkHash, writeStored, type StoredWorkspace } from './layoutStorage';
import { PANEL_BY_ID } from './panelRegistry';
import { TASK_LAYOUTS, type TaskName } from './taskLayouts';

export interface WorkspaceState {
  api: DockviewApi | null;
  task: TaskName;
  /** The open panels' ids. */
  open: string[];
  /** The panel whose group fills the workspace, or null. */
  maximized: string | null;
}

export const knownPanel = (id: string) => PANEL_BY_ID.has(id);
const title = (id: string) => PANEL_BY_ID.get(id)?.title ?? id;

export const useWorkspace = create<WorkspaceState>(() => ({
  api: null,
  task: 'debug',
  open: [],
  maximized: null,
}));

// Beside the React state: the user's layouts, the layout last applied (to tell the user's changes from
// ours) and which panels have something to show for the program (to leave the others out of a built-in).
let stored: StoredWorkspace = { task: 'debug', custom: {} };
let applied: LayoutNode | null = null;
// The layout asked for last (before the Timeline was fitted), to tell a re-application of the same one.
let target: { task: TaskName; tree: LayoutNode } | null = null;
let hasContent: (id: string) => boolean = () => true;

export function setContentTest(test: (id: string) => boolean): void {
  hasContent = test;
}

export function loadStored(): StoredWorkspace {
  stored = readStored(knownPanel) ?? stored;
  return stored;
}

function refreshOpen(api: DockviewApi) {
  useWorkspace.setState({ open: api.panels.map((p) => p.id) });
}

/** Lays out `tree` as task `task`'s layout: `custom` says whether it is the user's own. */
export function loadLayout(task: TaskName, tree: LayoutNode, custom: boolean): void {
  const api = useWorkspace.getState().api;
  if (api === null) return;
  // The same layout again, untouched since (another program opened in the same task): rebuilding it would
  // unmount and mount every panel in one frame (~250 ms at fibonacci's open, `npm run bench -- ui`).
  const unchanged = !api.hasMaximizedGroup() && sameLayout(fromDockview(api.toJSON()), applied);
  if (unchanged && target !== null && target.task === task && sameLayout(target.tree, tree)) {
    if (!custom) requestAnimationFrame(fitTimeline); // the new program's tracks
    return;
  }
  target = { task, tree };
  if (api.hasMaximizedGroup()) api.exitMaximizedGroup();
  api.fromJSON(toDockview(tree, title, api.width || 1200, api.height || 800));
  applied = fromDockview(api.toJSON());
  if (custom) stored.custom[task] = tree;
  stored.task = task;
  writeStored(stored);
  writeLinkHash(linkHash(task, custom ? tree : null));
  useWorkspace.setState({ task, maximized: null });
  refreshOpen(api);
  if (!custom) requestAnimationFrame(fitTimeline);
}

/** A built-in layout gives the Timeline the height its tracks need (at most 40% of the workspace). */
export function fitTimeline(): void {
  const { api, task } = useWorkspace.getState();
  if (stored.custom[task] !== undefined) return;
  const panel = api?.getPanel('timeline');
  const body = document.querySelector('.dock-body[data-panel=timeline] > *');
  if (!api || !panel || !body || api.hasMaximizedGroup()) return;
  const tabs = panel.group.element.querySelector('.dv-tabs-and-actions-container');
  const want = Math.ceil(body.scrollHeight + (tabs?.clientHeight ?? 28) + 2);
  const height = Math.min(want, Math.round(api.height * 0.4));
  // Already fitted (the tracks' resize observer calls this often): no relayout, no re-serialized layout.
  if (panel.group.api.height === height) return;
  if (panel.group.api.height < api.height * 0.95) panel.group.api.setSize({ height });
  applied = fromDockview(api.toJSON());
}

/** Switches to a task layout: the user's arrangement of it, or (reset, or none) the built-in one. */
export function applyTask(task: TaskName, reset = false): void {
  if (reset) delete stored.custom[task];
  const mine = stored.custom[task];
  if (mine !== undefined) return loadLayout(task, mine, true);
  const builtIn = TASK_LAYOUTS[task];
  loadLayout(task, pruneLayout(builtIn, (id) => id === 'timeline' || hasContent(id)) ?? builtIn, false);
}

/** Dockview reports a change: a change the user made makes the layout theirs (saved, and in the link). */
export function layoutChanged(): void {
  const { api, task } = useWorkspace.getState();
  if (api === null) return;
  refreshOpen(api);
  if (api.hasMaximizedGroup()) return;
  const now = fromDockview(api.toJSON());
  if (now === null || sameLayout(now, applied)) return;
  applied = now;
  target = null; // the user's change: a layout asked for again is laid out anew
  stored.custom[task] = now;
  writeStored(stored);
  writeLinkHash(linkHash(task, now));
}

// Where a panel opened from the View menu (or by its header button) goes: beside the first of these panels
// that is open, as a tab ('within') or a split; else above the Timeline.
type Direction = 'within' | 'below' | 'right' | 'above' | 'left';
const HOME: Record<string, [string, Direction][]> = {
  playground: [
    ['program', 'left'],
    ['addressSpaces', 'left'],
  ],
  breakpoints: [
    ['inspector', 'below'],
    ['registers', 'within'],
  ],
  narration: [['program', 'left']],
  program: [
    ['registers', 'above'],
    ['addressSpaces', 'left'],
  ],
  registers: [['program', 'below']],
  inspector: [
    ['allocator', 'above'],
    ['adapterRecords', 'right'],
  ],
  allocator: [
    ['inspector', 'below'],
    ['adapterRecords', 'right'],
  ],
  cost: [
    ['costByFunction', 'within'],
    ['inspector', 'below'],
    ['adapterRecords', 'right'],
  ],
  costByFunction: [
    ['cost', 'within'],
    ['inspector', 'below'],
    ['adapterRecords', 'right'],
  ],
  adapterRecords: [['addressSpaces', 'below']],
  addressSpaces: [
    ['adapterRecords', 'above'],
    ['program', 'right'],
  ],
};

/** Opens a panel (if closed) and shows it. */
export function showPanel(id: string): void {
  const api = useWorkspace.getState().api;
  if (api === null || !knownPanel(id)) return;
  const existing = api.getPanel(id);
  if (existing) {
    existing.api.setActive();
    return;
  }
  const home = (HOME[id] ?? []).find(([h]) => api.getPanel(h) !== undefined);
  const timeline = api.getPanel('timeline');
  api.addPanel({
    id,
    component: 'panel',
    title: title(id),
    position: home
      ? { referencePanel: home[0], direction: home[1] }
      : timeline && id !== 'timeline'
        ? { referencePanel: timeline, direction: 'above' }
        : { direction: id === 'timeline' ? 'below' : 'right' },
  });
  refreshOpen(api);
}

export function closePanel(id: string): void {
  useWorkspace.getState().api?.getPanel(id)?.api.close();
}

export function togglePanel(id: string): void {
  if (useWorkspace.getState().open.includes(id)) closePanel(id);
  else showPanel(id);
}

/** Maximizes the group showing panel `id`, or restores it when it is the maximized one. */
export function toggleMaximize(id: string): void {
  const api = useWorkspace.getState().api;
  const panel = api?.getPanel(id);
  if (!api || !panel) return;
  if (panel.api.isMaximized()) api.exitMaximizedGroup();
  else {
    panel.api.setActive();
    api.maximizeGroup(panel);
  }
}

export function restoreMaximized(): boolean {
  const api = useWorkspace.getState().api;
  if (!api?.hasMaximizedGroup()) return false;
  api.exitMaximizedGroup();
  return true;
}

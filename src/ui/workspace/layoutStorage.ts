// Where a workspace layout is kept: per browser (localStorage: the task last used and the user's own
// arrangement of each task layout) and in the shared link (the URL's hash, `#layout=TASK:TREE`, beside
// the query string the store writes; storeEnv.writeSearch keeps the hash). Untrusted text in both is
// parsed by layoutTree.parseLayout: anything else is ignored (the task's built-in layout is used).
import { type LayoutNode, parseLayout } from './layoutTree';
import { TASKS, type TaskName } from './taskLayouts';

const KEY = 'memscope-workspace';
const isTask = (x: unknown): x is TaskName => TASKS.some((t) => t.name === x);

export interface StoredWorkspace {
  task: TaskName;
  /** The user's own arrangement of each task layout (absent: the built-in one). */
  custom: Partial<Record<TaskName, LayoutNode>>;
}

export function readStored(known: (id: string) => boolean): StoredWorkspace | null {
  try {
    const doc = JSON.parse(localStorage.getItem(KEY) ?? 'null') as {
      task?: unknown;
      custom?: unknown;
    } | null;
    if (doc === null || !isTask(doc.task)) return null;
    const custom: StoredWorkspace['custom'] = {};
    if (typeof doc.custom === 'object' && doc.custom !== null)
      for (const [name, tree] of Object.entries(doc.custom)) {
        const layout = isTask(name) ? parseLayout(JSON.stringify(tree), known) : null;
        if (isTask(name) && layout !== null) custom[name] = layout;
      }
    return { task: doc.task, custom };
  } catch {
    return null;
  }
}

export function writeStored(w: StoredWorkspace): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(w));
  } catch {
    // storage full or disabled: the layout still lives in the link
  }
}

/** The layout a link carries (`#layout=TASK:TREE`), or null. */
export function readLinkLayout(
  hash: string,
  known: (id: string) => boolean,
): { task: TaskName; layout: LayoutNode | null } | null {
  const m = /(?:^#|&)layout=([a-z]+)(?::([^&]*))?/.exec(hash);
  if (m === null || !isTask(m[1])) return null;
  let tree: LayoutNode | null = null;
  if (m[2]) {
    try {
      tree = parseLayout(decodeURIComponent(m[2]), known);
    } catch {
      tree = null;
    }
  }
  return { task: m[1], layout: tree };
}

/** The URL's hash carrying this layout (the built-in one of a task is just its name). */
export function linkHash(task: TaskName, layout: LayoutNode | null): string {
  return layout === null
    ? `#layout=${task}`
    : `#layout=${task}:${encodeURIComponent(JSON.stringify(layout))}`;
}

export function writeLinkHash(hash: string): void {
  const { pathname, search } = window.location;
  if (window.location.hash !== hash)
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hash}`);
}

// Between the link-sized layout tree (layoutTree.ts) and dockview's saved grid (SerializedDockview,
// dockview-core's DockviewComponent.toJSON/fromJSON): a dockview branch splits its children along its
// orientation, and orientations alternate with depth (gridview.ts), so a tree's 'row' is HORIZONTAL and
// a split inside a split of the same direction is flattened first. Sizes: percents here, pixels there.
import { Orientation, type SerializedDockview, type SerializedGridObject } from 'dockview-react';
import { isSplit, leafTabs, type LayoutNode, pruneLayout } from './layoutTree';

type GroupState = { views: string[]; activeView?: string; id: string };

/** Dockview's saved grid for a layout tree, laid out on width × height pixels. */
export function toDockview(
  node: LayoutNode,
  title: (id: string) => string,
  width = 1200,
  height = 800,
): SerializedDockview {
  const root = pruneLayout(node, () => true) ?? node;
  const top = isSplit(root) ? root : (['row', [100, root]] as const);
  const panels: SerializedDockview['panels'] = {};
  let groups = 0;
  const build = (n: LayoutNode, w: number, h: number, size: number): SerializedGridObject<GroupState> => {
    if (!isSplit(n)) {
      const { ids, active } = leafTabs(n);
      for (const id of ids) panels[id] = { id, contentComponent: 'panel', title: title(id) };
      const data: GroupState = { views: ids, activeView: active, id: `g${++groups}` };
      return { type: 'leaf', data, size } as SerializedGridObject<GroupState>;
    }
    const [dir, ...items] = n;
    const extent = dir === 'row' ? w : h;
    const data = items.map(([pct, child]) => {
      const px = Math.max(1, Math.round((pct / 100) * extent));
      return build(child, dir === 'row' ? px : w, dir === 'row' ? h : px, px);
    });
    return { type: 'branch', data, size } as SerializedGridObject<GroupState>;
  };
  const dir = top[0];
  const tree = build(top as LayoutNode, width, height, dir === 'row' ? height : width);
  return {
    grid: {
      root: tree,
      width,
      height,
      orientation: dir === 'row' ? Orientation.HORIZONTAL : Orientation.VERTICAL,
    },
    panels,
  } as SerializedDockview;
}

/** The layout tree of dockview's saved grid (floating, popout and maximized state are not kept). */
export function fromDockview(saved: SerializedDockview): LayoutNode | null {
  const walk = (n: SerializedGridObject<GroupState>, dir: 'row' | 'col'): LayoutNode | null => {
    if (n.type === 'leaf') {
      const { views, activeView } = n.data as GroupState;
      if (views.length === 0) return null;
      return views.map((v, k) => (v === activeView && k > 0 ? `*${v}` : v)).join(',');
    }
    const children = n.data as SerializedGridObject<GroupState>[];
    const total = children.reduce((a, c) => a + (c.size ?? 0), 0) || 1;
    const next = dir === 'row' ? 'col' : 'row';
    const items: [number, LayoutNode][] = [];
    for (const c of children) {
      const child = walk(c, next);
      if (child !== null) items.push([Math.max(0.1, Math.round(((c.size ?? 0) / total) * 1000) / 10), child]);
    }
    if (items.length === 0) return null;
    return pruneLayout([dir, ...items], () => true);
  };
  const dir = saved.grid.orientation === Orientation.HORIZONTAL ? 'row' : 'col';
  return walk(saved.grid.root as SerializedGridObject<GroupState>, dir);
}

// Folded cost entries (engine/metering/attribution/costProfile.ts) as an icicle layout: d3-hierarchy's partition of the
// call-stack tree, x by weight, y by depth. Pure: returns the rectangles for the panel to draw.
import { hierarchy, partition } from 'd3';
import type { CostEntry } from '../../engine/metering/attribution/costProfile';

interface Node {
  name: string;
  self: number;
  children: Map<string, Node>;
}

export interface IcicleRect {
  x0: number;
  x1: number;
  depth: number;
  name: string;
  /** Frames from the root's child to this node. */
  path: string[];
  value: number;
}

export function icicle(
  entries: readonly CostEntry[],
  width: number,
): { rects: IcicleRect[]; total: number; depth: number } {
  const root: Node = { name: 'all', self: 0, children: new Map() };
  for (const e of entries) {
    let n = root;
    for (const f of e.stack) {
      let c = n.children.get(f);
      if (c === undefined) n.children.set(f, (c = { name: f, self: 0, children: new Map() }));
      n = c;
    }
    n.self += e.weight;
  }
  const h = hierarchy(root, (n) => [...n.children.values()])
    .sum((n) => n.self)
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const laid = partition<Node>().size([width, h.height + 1])(h);
  const rects: IcicleRect[] = [];
  for (const d of laid.descendants()) {
    rects.push({
      x0: d.x0,
      x1: d.x1,
      depth: d.depth,
      name: d.data.name,
      path: d
        .ancestors()
        .reverse()
        .slice(1)
        .map((a) => a.data.name),
      value: d.value ?? 0,
    });
  }
  return { rects, total: h.value ?? 0, depth: h.height + 1 };
}

// A workspace layout as a small tree that fits in a link: a leaf is a group of tabs, "program,*registers"
// (panel ids, the starred one shown; the first when none is), a split is ['row' | 'col', [size, node], ...]
// with sizes in percent of the split. Dockview (the layout library) saves pixel grids; layoutCodec.ts
// converts both ways. Pure functions, no DOM: unit-tested in layoutTree.test.ts.

export type LayoutNode = string | Split;
export type Split = ['row' | 'col', ...[number, LayoutNode][]];

export const isSplit = (n: LayoutNode): n is Split => Array.isArray(n);

/** The panel ids of a leaf, in tab order, and the one it shows. */
export function leafTabs(leaf: string): { ids: string[]; active: string | undefined } {
  const raw = leaf.split(',').filter(Boolean);
  const ids = raw.map((x) => x.replace(/^\*/, ''));
  const starred = raw.findIndex((x) => x.startsWith('*'));
  return { ids, active: ids[starred >= 0 ? starred : 0] };
}

/** Every panel id in the layout, in order. */
export function layoutPanels(node: LayoutNode): string[] {
  if (!isSplit(node)) return leafTabs(node).ids;
  const [, ...items] = node;
  return items.flatMap(([, child]) => layoutPanels(child));
}

/**
 * The layout with only the panels `keep` accepts: empty leaves go, a split left with one child becomes
 * that child, a split inside a split of the same direction is flattened, sizes are scaled back to 100.
 * Null when nothing is left.
 */
export function pruneLayout(node: LayoutNode, keep: (id: string) => boolean): LayoutNode | null {
  if (!isSplit(node)) {
    const { ids, active } = leafTabs(node);
    const kept = ids.filter(keep);
    if (kept.length === 0) return null;
    const shown = active !== undefined && kept.includes(active) ? active : kept[0];
    return kept.map((id) => (id === shown && id !== kept[0] ? `*${id}` : id)).join(',');
  }
  const [dir, ...items] = node;
  const kept: [number, LayoutNode][] = [];
  for (const [size, child] of items) {
    const c = pruneLayout(child, keep);
    if (c === null) continue;
    if (isSplit(c) && c[0] === dir) {
      const [, ...inner] = c;
      const total = inner.reduce((a, [s]) => a + s, 0);
      for (const [s, n] of inner) kept.push([(size * s) / total, n]);
    } else kept.push([size, c]);
  }
  if (kept.length === 0) return null;
  if (kept.length === 1) return kept[0][1];
  const total = kept.reduce((a, [s]) => a + s, 0);
  return [dir, ...kept.map(([s, n]): [number, LayoutNode] => [Math.round((s / total) * 1000) / 10, n])];
}

/** Two layouts with the same panels in the same places, sizes within 1.5 percent. */
export function sameLayout(a: LayoutNode | null, b: LayoutNode | null): boolean {
  if (a === null || b === null) return a === b;
  if (!isSplit(a) || !isSplit(b)) return a === b;
  if (a.length !== b.length || a[0] !== b[0]) return false;
  return a.slice(1).every((item, k) => {
    const [sa, na] = item as [number, LayoutNode];
    const [sb, nb] = b[k + 1] as [number, LayoutNode];
    return Math.abs(sa - sb) <= 1.5 && sameLayout(na, nb);
  });
}

/** Parses a layout from untrusted text (a link, localStorage); null when it is not one. */
export function parseLayout(text: string, known: (id: string) => boolean): LayoutNode | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  const valid = (n: unknown, depth: number): n is LayoutNode => {
    if (typeof n === 'string') return n.length > 0 && leafTabs(n).ids.every(known);
    if (!Array.isArray(n) || depth > 8 || n.length < 2 || (n[0] !== 'row' && n[0] !== 'col')) return false;
    return n
      .slice(1)
      .every(
        (item: unknown) =>
          Array.isArray(item) &&
          item.length === 2 &&
          typeof item[0] === 'number' &&
          item[0] > 0 &&
          item[0] <= 100 &&
          valid(item[1], depth + 1),
      );
  };
  return valid(doc, 0) ? doc : null;
}

// The layout tree and its dockview form: pruning, parsing untrusted text, and the round trip through
// dockview's saved grid (orientations alternate with depth; sizes in percent survive).
import { describe, expect, it } from 'vitest';
import { Orientation } from 'dockview-react';
import { fromDockview, toDockview } from './layoutCodec';
import { type LayoutNode, layoutPanels, leafTabs, parseLayout, pruneLayout, sameLayout } from './layoutTree';
import { TASK_LAYOUTS, TASKS } from './taskLayouts';

// panelRegistry.tsx's ids (importing it would start the engine worker)
const IDS = [
  'playground',
  'narration',
  'program',
  'registers',
  'addressSpaces',
  'adapterRecords',
  'inspector',
  'breakpoints',
  'allocator',
  'cost',
  'costByFunction',
  'timeline',
];
const known = (id: string) => IDS.includes(id);

describe('layout tree', () => {
  it('reads a leaf: tabs in order, the starred one shown', () => {
    expect(leafTabs('program,*registers')).toEqual({ ids: ['program', 'registers'], active: 'registers' });
    expect(leafTabs('program,registers').active).toBe('program');
  });

  it('prunes panels, collapses single children and flattens same-direction splits', () => {
    const tree: LayoutNode = [
      'row',
      [30, 'program'],
      [70, ['col', [50, 'registers'], [50, 'addressSpaces']]],
    ];
    expect(pruneLayout(tree, (id) => id !== 'registers')).toEqual([
      'row',
      [30, 'program'],
      [70, 'addressSpaces'],
    ]);
    const nested: LayoutNode = [
      'row',
      [50, ['col', [50, 'registers'], [50, ['row', [50, 'a'], [50, 'b']]]]],
      [50, 'c'],
    ];
    expect(pruneLayout(nested, (id) => id !== 'registers')).toEqual(['row', [25, 'a'], [25, 'b'], [50, 'c']]);
    expect(pruneLayout('program', () => false)).toBeNull();
  });

  it('parses only well-formed layouts of known panels', () => {
    expect(parseLayout('["row",[40,"program"],[60,"timeline"]]', known)).toEqual([
      'row',
      [40, 'program'],
      [60, 'timeline'],
    ]);
    expect(parseLayout('["row",[40,"program"],[60,"nope"]]', known)).toBeNull();
    expect(parseLayout('["diag",[40,"program"]]', known)).toBeNull();
    expect(parseLayout('["row",[400,"program"],[60,"timeline"]]', known)).toBeNull();
    expect(parseLayout('{"a":1}', known)).toBeNull();
    expect(parseLayout('not json', known)).toBeNull();
  });

  it('every task layout names only registered panels and survives a dockview round trip', () => {
    for (const { name } of TASKS) {
      const tree = TASK_LAYOUTS[name];
      expect(layoutPanels(tree).every(known), name).toBe(true);
      const saved = toDockview(tree, (id) => id);
      expect(Object.keys(saved.panels).sort()).toEqual([...layoutPanels(tree)].sort());
      const back = fromDockview(saved);
      expect(layoutPanels(back!)).toEqual(layoutPanels(tree));
      expect(
        sameLayout(
          back,
          pruneLayout(tree, () => true),
        ),
      ).toBe(true);
    }
  });

  it('maps a row to a horizontal root and sizes percent to pixels', () => {
    const saved = toDockview(
      ['row', [25, 'program'], [75, ['col', [40, 'registers'], [60, 'timeline']]]],
      (id) => id,
      1000,
      500,
    );
    expect(saved.grid.orientation).toBe(Orientation.HORIZONTAL);
    const root = saved.grid.root as { data: { size: number; data: unknown }[] };
    expect(root.data.map((c) => c.size)).toEqual([250, 750]);
    expect((root.data[1].data as { size: number }[]).map((c) => c.size)).toEqual([200, 300]);
  });
});

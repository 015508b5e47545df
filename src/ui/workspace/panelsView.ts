// What the dock panels show, read from the store as one snapshot and rendered deferred (see App.tsx):
// every panel in the workspace reads it through usePanelsView(), so a panel docked anywhere (a tab, a
// maximized group) shows the same frame as its neighbours.
import { createContext, useContext } from 'react';
import type { Frame } from '../../engine/views/frameTypes';
import type { DebuggerState } from '../debugger/storeTypes';

/** Everything the panels show, read as one snapshot so that the panels render it deferred (see App). */
export function panelsView(s: DebuggerState) {
  return {
    frame: s.frame,
    program: s.program,
    selection: s.selection,
    pinned: s.pinned,
    breakpoints: s.breakpoints,
    registersHidden: s.hidden.includes('Registers'),
    lesson: s.lesson,
    quiz: s.quiz,
    busy: s.status !== 'ready',
    showCost: s.showCost,
    cost: s.cost,
    costLoading: s.costLoading,
    costName: s.lesson?.program ?? s.loaded?.name ?? '',
    showMeter: s.showMeter,
    editorOpen: s.editor !== undefined,
  };
}
export type PanelsView = ReturnType<typeof panelsView> & { frame: Frame };

export const PanelsViewContext = createContext<PanelsView | null>(null);

/** The deferred snapshot the panels render; null before the first frame. */
export function usePanelsView(): PanelsView | null {
  return useContext(PanelsViewContext);
}

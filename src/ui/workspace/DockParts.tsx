// The parts dockview renders for each panel: its body (the registered panel, or the hint saying what
// would fill it), its tab (double-click maximizes / restores; no close button inside the tab, which
// would nest a control in a control) and its group's header actions (maximize / restore and close,
// reachable by keyboard; Escape restores, see Workspace.tsx).
import {
  DockviewDefaultTab,
  type IDockviewHeaderActionsProps,
  type IDockviewPanelHeaderProps,
  type IDockviewPanelProps,
} from 'dockview-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { PANEL_BY_ID } from './panelRegistry';
import { usePanelsView } from './panelsView';
import { fitTimeline, toggleMaximize } from './workspaceStore';

const SCROLLERS = ':scope > section, :scope > .panel, .cost-table-scroll, .narration-body';

export function PanelBody({ api }: IDockviewPanelProps) {
  const view = usePanelsView();
  const def = PANEL_BY_ID.get(api.id);
  const body = useRef<HTMLDivElement>(null);
  // The Timeline's tracks come and go with the run: a built-in layout keeps its height fitted to them.
  useEffect(() => {
    const content = body.current?.firstElementChild;
    if (api.id !== 'timeline' || !content) return;
    const observer = new ResizeObserver(() => requestAnimationFrame(fitTimeline));
    observer.observe(content);
    return () => observer.disconnect();
  }, [api.id]);
  // A panel scrolls in its dock body: keyboard users must be able to reach and scroll it (axe
  // scrollable-region-focusable), so the panel and its inner scroll boxes take focus.
  useLayoutEffect(() => {
    for (const el of body.current?.querySelectorAll<HTMLElement>(SCROLLERS) ?? [])
      if (!el.hasAttribute('tabindex')) el.tabIndex = 0;
  });
  if (def === undefined || view === null) return null;
  const content = def.render(view);
  return (
    <div className="dock-body" data-panel={def.id} ref={body}>
      {content === null || content === false || content === undefined ? (
        <p className="panel-hint muted">{def.hint}</p>
      ) : (
        content
      )}
    </div>
  );
}

export function PanelTab(props: IDockviewPanelHeaderProps) {
  return (
    <DockviewDefaultTab
      {...props}
      hideClose
      data-testid={`tab-${props.api.id}`}
      title={`${props.api.title ?? ''} — double-click to maximize or restore`}
      onDoubleClick={() => toggleMaximize(props.api.id)}
    />
  );
}

export function GroupActions({ group, containerApi, activePanel }: IDockviewHeaderActionsProps) {
  const [maximized, setMaximized] = useState(() => group.api.isMaximized());
  useEffect(() => {
    const d = containerApi.onDidMaximizedGroupChange(() => setMaximized(group.api.isMaximized()));
    return () => d.dispose();
  }, [containerApi, group]);
  if (activePanel === undefined) return null;
  const name = activePanel.title ?? activePanel.id;
  return (
    <div className="dock-actions">
      <button
        type="button"
        className="dock-maximize"
        aria-label={maximized ? `Restore ${name}` : `Maximize ${name}`}
        aria-pressed={maximized}
        title={maximized ? 'Restore the layout (Escape)' : 'Maximize (or double-click the tab)'}
        onClick={() => toggleMaximize(activePanel.id)}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          {maximized ? (
            <path d="M3.5 1.5h7v7M1.5 3.5h7v7h-7z" fill="none" stroke="currentColor" />
          ) : (
            <rect x="1.5" y="1.5" width="9" height="9" fill="none" stroke="currentColor" />
          )}
        </svg>
      </button>
      <button
        type="button"
        className="dock-maximize"
        aria-label={`Close ${name}`}
        title="Close (re-open it from the View menu)"
        onClick={() => activePanel.api.close()}
      >
        <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true">
          <path d="M2 2l8 8M10 2l-8 8" stroke="currentColor" strokeWidth="1.4" />
        </svg>
      </button>
    </div>
  );
}

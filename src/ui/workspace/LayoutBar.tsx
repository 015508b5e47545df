// The header's workspace controls: the task layouts, one click each (the current one pressed), and the
// View menu: every panel with a check mark (close / re-open), maximize the active panel, reset the layout
// to the task's built-in one, and the shared link's note.
import { usePopover } from '../controls/usePopover';
import { useDebugger } from '../debugger/useDebugger';
import { PANELS } from './panelRegistry';
import { TASKS } from './taskLayouts';
import { applyTask, restoreMaximized, togglePanel, useWorkspace } from './workspaceStore';

export function LayoutBar() {
  const task = useWorkspace((w) => w.task);
  const ready = useWorkspace((w) => w.api !== null);
  if (!ready) return null;
  return (
    <div className="layout-bar">
      <div role="group" aria-label="Layout" className="layout-tasks">
        {TASKS.map((t) => (
          <button
            key={t.name}
            type="button"
            aria-pressed={task === t.name}
            aria-label={`${t.title} layout`}
            title={`${t.title} layout: ${t.what}`}
            onClick={() => applyTask(t.name)}
          >
            {t.title}
          </button>
        ))}
      </div>
      <ViewMenu />
    </div>
  );
}

function ViewMenu() {
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  const openPanels = useWorkspace((w) => w.open);
  const task = useWorkspace((w) => w.task);
  const maximized = useWorkspace((w) => w.maximized);
  const showLessons = useDebugger((s) => s.showLessons);
  const setShowLessons = useDebugger((s) => s.setShowLessons);
  return (
    <div className="view-menu" ref={ref}>
      <button
        type="button"
        aria-label="View"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        View ▾
      </button>
      {open && (
        <div role="menu" aria-label="View" className="view-menu-list">
          {PANELS.map((p) => (
            <button
              key={p.id}
              type="button"
              role="menuitemcheckbox"
              aria-checked={openPanels.includes(p.id)}
              onClick={() => {
                togglePanel(p.id);
                setOpen(false);
              }}
            >
              <span aria-hidden="true" className="check">
                {openPanels.includes(p.id) ? '✓' : ''}
              </span>
              {p.title}
            </button>
          ))}
          <hr />
          <button
            type="button"
            role="menuitemcheckbox"
            aria-checked={showLessons}
            onClick={() => {
              setShowLessons(!showLessons);
              setOpen(false);
            }}
          >
            <span aria-hidden="true" className="check">
              {showLessons ? '✓' : ''}
            </span>
            Lessons gallery
          </button>
          {maximized !== null && (
            <button type="button" role="menuitem" onClick={() => restoreMaximized()}>
              Restore maximized panel (Escape)
            </button>
          )}
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              applyTask(task, true);
              setOpen(false);
            }}
          >
            Reset {TASKS.find((t) => t.name === task)?.title} layout
          </button>
        </div>
      )}
    </div>
  );
}

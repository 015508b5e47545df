// The guest's run options (memory mode, allocator interposition, step limit) behind one header button,
// so that the header stays one row at 1024 px: the button names the current mode and allocator; the
// options open below it and close on Escape or a click elsewhere.
import { type ReactNode, useEffect, useRef, useState } from 'react';

export function RunOptions({ summary, children }: { summary: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onDown);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);
  return (
    <div className="run-options" ref={ref}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="run-options"
        onClick={() => setOpen(!open)}
        title="Memory mode, allocator interposition, step limit"
      >
        Run<span className="run-summary">: {summary}</span> ▾
      </button>
      <div id="run-options" className="run-options-list" role="group" aria-label="Run options" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

// The guest's run options (memory mode, segments, allocator interposition, step limit) behind one header button,
// so that the header stays one row at 1024 px: the button names the current mode and allocator; the
// options open below it and close on Escape or a click elsewhere.
import type { ReactNode } from 'react';
import { usePopover } from './usePopover';

export function RunOptions({ summary, children }: { summary: string; children: ReactNode }) {
  const { open, setOpen, ref } = usePopover<HTMLDivElement>();
  return (
    <div className="run-options" ref={ref}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="run-options"
        onClick={() => setOpen(!open)}
        // The summary is hidden in a narrow header (header.css): the tooltip always has it.
        title={`Run options: ${summary} (memory mode, segments, allocator interposition, step limit)`}
      >
        Run<span className="run-summary">: {summary}</span> ▾
      </button>
      <div id="run-options" className="run-options-list" role="group" aria-label="Run options" hidden={!open}>
        {children}
      </div>
    </div>
  );
}

// A draggable, keyboard-operable separator that resizes the panel before it (resizable panels).
import { useRef } from 'react';

export function Splitter({
  label,
  size,
  min,
  max,
  onResize,
}: {
  label: string;
  size: number;
  min: number;
  max: number;
  onResize(size: number): void;
}) {
  const start = useRef<{ x: number; size: number } | null>(null);
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={Math.round(size)}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      onPointerDown={(e) => {
        start.current = { x: e.clientX, size };
        (e.target as HTMLElement).setPointerCapture(e.pointerId);
      }}
      onPointerMove={(e) => {
        if (start.current)
          onResize(Math.min(max, Math.max(min, start.current.size + e.clientX - start.current.x)));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        // The splitter owns its arrow keys: keep them from the debugger's shortcuts (step / step back).
        if (e.key === 'ArrowLeft') onResize(Math.max(min, size - 20));
        else if (e.key === 'ArrowRight') onResize(Math.min(max, size + 20));
        else return;
        e.preventDefault();
      }}
    />
  );
}

// Drag and drop anywhere: ELF, .mtrace, .alloc, or an input .json for the current guest.
import { type ReactNode, useState } from 'react';

export function DropZone({
  onFile,
  children,
}: {
  onFile(name: string, bytes: Uint8Array): void;
  children: ReactNode;
}) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={`drop-zone ${over ? 'drag-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={async (e) => {
        e.preventDefault();
        setOver(false);
        const f = e.dataTransfer.files[0];
        if (f) onFile(f.name, new Uint8Array(await f.arrayBuffer()));
      }}
    >
      {children}
      {over && <div className="drop-hint">Drop to open</div>}
    </div>
  );
}

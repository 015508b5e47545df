// Drag and drop anywhere: a program (ELF, .mtrace, .alloc) with its input .json and its openvm.toml, in any
// combination — every dropped file is passed on, as one set.
import { type ReactNode, useState } from 'react';
import type { DroppedFile } from '../debugger/droppedFiles';

export async function readFiles(list: FileList | null | undefined): Promise<DroppedFile[]> {
  const files = Array.from(list ?? []);
  return Promise.all(
    files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
  );
}

export function DropZone({
  onFiles,
  children,
}: {
  onFiles(files: DroppedFile[]): void;
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
        const files = await readFiles(e.dataTransfer.files);
        if (files.length > 0) onFiles(files);
      }}
    >
      {children}
      {over && (
        <div className="drop-hint">
          Drop to open (a program, its input .json and its openvm.toml together)
        </div>
      )}
    </div>
  );
}

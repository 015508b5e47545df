// What a set of files the user opened or dropped together is: at most one program (ELF, .mtrace, .alloc),
// its input (.json / .hex), its VM config (openvm.toml) and source files, plus the files that are none of these.
import { type FileRole, fileRole } from './programKind';

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

export interface DroppedSet {
  program?: DroppedFile & { kind: Extract<FileRole, { role: 'program' }>['kind'] };
  input?: DroppedFile;
  config?: DroppedFile;
  /** Source files for the source view (the DWARF names them). */
  sources: DroppedFile[];
  /** Files that are not usable here, each with why. */
  rejected: { name: string; why: string }[];
}

export function classifyDropped(files: DroppedFile[]): DroppedSet {
  const set: DroppedSet = { rejected: [], sources: [] };
  for (const f of files) {
    const role = fileRole(f.name, f.bytes);
    if (role.role === 'program') {
      if (set.program)
        set.rejected.push({
          name: f.name,
          why: `only one program at a time (${set.program.name} is opened)`,
        });
      else set.program = { ...f, kind: role.kind };
    } else if (role.role === 'input') {
      if (set.input)
        set.rejected.push({ name: f.name, why: `only one input at a time (${set.input.name} is used)` });
      else set.input = f;
    } else if (role.role === 'config') {
      if (set.config)
        set.rejected.push({ name: f.name, why: `only one VM config at a time (${set.config.name} is used)` });
      else set.config = f;
    } else if (role.role === 'source') set.sources.push(f);
    else set.rejected.push({ name: f.name, why: role.why });
  }
  return set;
}

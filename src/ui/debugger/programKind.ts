// Which kind of file a file is: an ELF by its magic, scripts by extension; a .json (or .hex) is guest
// input; a .toml is a guest's VM config (openvm.toml); .c, .h, .rs, ... are sources for the source view.
import type { SessionKind } from '../../engine/timeline/sessionTypes';

export type FileRole =
  | { role: 'program'; kind: SessionKind }
  | { role: 'input' }
  | { role: 'config' }
  | { role: 'source' }
  | { role: 'unknown'; why: string };

/** Source files a guest's DWARF can name (shown beside the disassembly). */
const SOURCE_EXTENSIONS = ['.c', '.h', '.cc', '.cpp', '.hpp', '.rs', '.s', '.S', '.zig'];

export function fileRole(name: string, bytes: Uint8Array): FileRole {
  if (bytes.length >= 4 && bytes[0] === 0x7f && bytes[1] === 0x45 && bytes[2] === 0x4c && bytes[3] === 0x46)
    return { role: 'program', kind: 'guest' };
  const lower = name.toLowerCase();
  if (lower.endsWith('.elf')) return { role: 'program', kind: 'guest' };
  if (lower.endsWith('.mtrace')) return { role: 'program', kind: 'mtrace' };
  if (lower.endsWith('.alloc')) return { role: 'program', kind: 'alloc' };
  if (lower.endsWith('.json') || lower.endsWith('.hex')) return { role: 'input' };
  if (lower.endsWith('.toml')) return { role: 'config' };
  if (SOURCE_EXTENSIONS.some((e) => name.endsWith(e))) return { role: 'source' };
  return {
    role: 'unknown',
    why: `${name}: not an ELF, a .mtrace, an .alloc, an input .json an openvm.toml or a source file`,
  };
}

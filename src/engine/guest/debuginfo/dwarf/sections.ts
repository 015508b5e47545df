// The .debug_* sections of an ELF as byte views, found by name in the section header table.
// Invariant: a section whose bytes lie outside the file is reported (a message naming it) and left out,
// so the rest of the debug information can still be read; SHT_NOBITS sections have no bytes.

import { type ElfSection } from '../../program/sections';

export interface DwarfSections {
  info?: Uint8Array;
  abbrev?: Uint8Array;
  line?: Uint8Array;
  lineStr?: Uint8Array;
  str?: Uint8Array;
  strOffsets?: Uint8Array;
  addr?: Uint8Array;
  ranges?: Uint8Array;
  rnglists?: Uint8Array;
  frame?: Uint8Array;
}

const NAMES: Record<string, keyof DwarfSections> = {
  '.debug_info': 'info',
  '.debug_abbrev': 'abbrev',
  '.debug_line': 'line',
  '.debug_line_str': 'lineStr',
  '.debug_str': 'str',
  '.debug_str_offsets': 'strOffsets',
  '.debug_addr': 'addr',
  '.debug_ranges': 'ranges',
  '.debug_rnglists': 'rnglists',
  '.debug_frame': 'frame',
};
const SHT_NOBITS = 8;

export function dwarfSections(
  bytes: Uint8Array,
  sections: readonly ElfSection[],
): { sections: DwarfSections; problems: string[] } {
  const out: DwarfSections = {};
  const problems: string[] = [];
  for (const s of sections) {
    const key = NAMES[s.name];
    if (key === undefined || s.type === SHT_NOBITS) continue;
    if (s.offset + s.size > bytes.length) {
      problems.push(
        `${s.name}: its ${s.size} bytes at file offset 0x${s.offset.toString(16)} lie past the end of the ${bytes.length}-byte file`,
      );
      continue;
    }
    out[key] = bytes.subarray(s.offset, s.offset + s.size);
  }
  return { sections: out, problems };
}

// The whole program's disassembly, a page at a time, for the Program panel's virtualized list (a row per
// instruction word: row i is pc = pcBase + 4 i). A page starts one word early so that an auipc pair split
// across pages still gets its `# target <symbol>` comment (disassembleRange reads the pair).
// Cost: O(count) words disassembled per page; nothing is cached (a page of 200 rows takes well under 1 ms).

import { EngineError } from '../errors';
import { type DisassemblyLine, disassembleRange } from '../guest/isa/disassembler';
import type { Session } from '../session';

/** At most this many rows per page. */
export const MAX_LISTING_ROWS = 4096;

export interface ProgramListing {
  pcBase: number;
  /** Instruction words in the program (rows of the whole listing). */
  total: number;
  /** The first row of `lines`. */
  from: number;
  lines: DisassemblyLine[];
}

export function programListing(session: Session, from: number, count: number): ProgramListing {
  const o = session.opened;
  if (o.kind !== 'guest') throw new EngineError('request', 'only guest runs have a disassembly');
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(count) || from < 0 || count < 0)
    throw new EngineError('request', `bad listing rows ${from}, ${count}`);
  const program = o.machine.program;
  const words = program.elf.instructions;
  const pcBase = program.elf.pcBase;
  const start = Math.min(from, words.length);
  const end = Math.min(words.length, start + Math.min(count, MAX_LISTING_ROWS));
  const lead = start > 0 ? 1 : 0;
  const lines = disassembleRange(
    words.subarray(start - lead, end),
    pcBase + 4 * (start - lead),
    program.symbols,
    true,
    o.machine.interpreter.config,
  ).slice(lead);
  return { pcBase, total: words.length, from: start, lines };
}

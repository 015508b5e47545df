// `run --summary` in one pass: scans the script's bytes and executes each directive on TracingMemory as
// soon as its line is read, without decoding the text or building an MtraceProgram (a generated script
// has a million lines; the columnar program, the decoded string and the per-line tokens cost more than
// the engine itself). It accepts only scripts mtraceParser.ts accepts, with the same limits
// (shared/spec/mtrace-format.md), and then returns the summary runMtrace would.
// Anything else — an invalid line, a non-ASCII byte outside a comment (a BOM too), text that is not
// UTF-8, an EngineError — returns undefined and the caller runs the reference path (decode + parse + run)
// from scratch: the summary is all-or-nothing, so nothing executed here is visible, and the reference path
// produces the exact error line and exit code.
// mtraceFastSummary.test.ts checks both paths agree on the golden scripts and on mutated random scripts.

import { BABYBEAR_P } from '../memory/babybear';
import { defaultMemoryConfig, MAX_TIMESTAMP, type MemoryMode } from '../memory/config';
import type { TouchedMemory } from '../memory/finalize';
import { TracingMemory } from '../memory/tracingMemory';
import { ByteCursor } from './byteCursor';
import type { MtraceSummary } from './mtraceJson';
import type { MtraceInit } from './mtraceProgram';
import { memoryFor, summaryOf } from './mtraceRunner';

const CONFIG = defaultMemoryConfig();
// Per accessible address space 1..4 (index 0 unused): num_cells, min_block_size and the largest cell value.
const NUM_CELLS = [0, 1, 2, 3, 4].map((as) => CONFIG.addressSpaces[as].numCells);
const ALIGN = [0, 1, 2, 3, 4].map((as) => CONFIG.addressSpaces[as].minBlockSize);
const MAX_VALUE = [0, 1, 2, 3, 4].map((as) =>
  CONFIG.addressSpaces[as].cellType === 'native' ? BABYBEAR_P - 1 : 255,
);

const R = 114;
const W = 119;
const T = 116;
const F = 102;
const M = 109;
const I = 105;

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The summary of a valid ASCII script, or undefined: then only the reference path can tell. */
export function fastMtraceSummary(bytes: Uint8Array): MtraceSummary | undefined {
  try {
    return summarize(new ByteCursor(bytes));
  } catch {
    return undefined; // an EngineError (e.g. a finalize assertion): the reference path reports it
  }
}

function summarize(cur: ByteCursor): MtraceSummary | undefined {
  let mode: MemoryMode = 'persistent';
  let sawMode = false;
  const inits: MtraceInit[] = [];
  // Created at the first read/write/tick/finalize: `mode` and `init` must all precede it (the parser's
  // "after the first read/write/tick" and "after finalize" rules), so the image is complete by then.
  let memory: TracingMemory | undefined;
  let touched: TouchedMemory | undefined;
  let reads = 0;
  let writes = 0;
  const values = new Uint32Array(32);
  while (!cur.atEnd()) {
    cur.blanks();
    if (cur.lineEnd()) continue; // blank or comment line
    if (touched !== undefined) return undefined; // directive after finalize
    const c = cur.peek();
    if (c === R || c === W) {
      const isWrite = c === W;
      if (!cur.word(isWrite ? 'write' : 'read') || !cur.blanks()) return undefined;
      const as = cur.number();
      if (as < 1 || as > 4 || !cur.blanks()) return undefined;
      const ptr = cur.number();
      if (ptr < 0 || !cur.blanks()) return undefined;
      const size = cur.number();
      const align = ALIGN[as];
      if (
        size < align ||
        size > 32 ||
        (size & (size - 1)) !== 0 ||
        ptr % align !== 0 ||
        ptr + size > NUM_CELLS[as]
      )
        return undefined;
      if ((isWrite && !cur.values(values, size, MAX_VALUE[as])) || !cur.lineEnd()) return undefined;
      memory ??= memoryFor(mode, inits, false);
      if (memory.timestamp > MAX_TIMESTAMP) return undefined;
      if (isWrite) {
        memory.write(as, ptr, size, values);
        writes++;
      } else {
        memory.read(as, ptr, size);
        reads++;
      }
    } else if (c === T) {
      if (!cur.word('tick') || !cur.blanks()) return undefined;
      const amount = cur.number();
      if (amount < 0 || amount > 0xffffffff || !cur.lineEnd()) return undefined;
      memory ??= memoryFor(mode, inits, false);
      if (memory.timestamp + amount > MAX_TIMESTAMP) return undefined;
      memory.incrementTimestampBy(amount);
    } else if (c === F) {
      if (!cur.word('finalize') || !cur.lineEnd()) return undefined;
      memory ??= memoryFor(mode, inits, false);
      touched = memory.finalize(mode === 'persistent');
    } else if (c === M) {
      if (!cur.word('mode') || !cur.blanks() || sawMode || memory !== undefined) return undefined;
      if (cur.word('persistent')) mode = 'persistent';
      else if (cur.word('volatile')) mode = 'volatile';
      else return undefined;
      if (!cur.lineEnd()) return undefined;
      sawMode = true;
    } else if (c === I) {
      if (!cur.word('init') || !cur.blanks() || memory !== undefined) return undefined;
      const as = cur.number();
      if (as < 1 || as > 4 || !cur.blanks()) return undefined;
      const ptr = cur.number();
      if (ptr < 0) return undefined;
      const initValues: number[] = [];
      // lineEnd() is false only at another token, and number() stops only at a delimiter that is not a line
      // end there, i.e. a blank: the values are separated.
      while (!cur.lineEnd()) {
        const v = cur.number();
        if (v < 0 || v > MAX_VALUE[as]) return undefined;
        initValues.push(v);
      }
      if (initValues.length === 0 || ptr + initValues.length > NUM_CELLS[as]) return undefined;
      inits.push({ line: 0, addressSpace: as, pointer: ptr, values: initValues });
    } else return undefined;
  }
  // Outside comments every byte accepted was ASCII; a comment's non-ASCII bytes must still be UTF-8
  // (decodeText.ts: an invalid file is an error even where the parser would not look).
  if (cur.nonAscii && !isUtf8(cur.bytes)) return undefined;
  memory ??= memoryFor(mode, inits, false);
  return summaryOf(memory, reads, writes, touched);
}

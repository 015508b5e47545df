// A structured, structured-clone-safe view of a whole .mtrace run, for the app shell: every access with
// its records, finalize, the summary, and the script's error if any (after the valid prefix).

import { toErrorInfo, type ErrorInfo } from '../errors';
import type { MemoryMode } from '../memory/config';
import type { AdapterRecord, RecordLog } from '../memory/recordLog';
import { decodeScriptText } from './decodeText';
import type { MtraceSummary } from './mtraceJson';
import { parseMtrace } from './mtraceParser';
import { OP_WRITE } from './mtraceProgram';
import { executeMtrace, memoryForProgram, summaryOf } from './mtraceRunner';
import type { TouchedMemory } from '../memory/finalize';

export interface AccessView {
  line: number;
  op: 'read' | 'write';
  addressSpace: number;
  pointer: number;
  size: number;
  timestamp: number;
  tPrev: number;
  prev: number[];
  values: number[];
  records: AdapterRecord[];
}

export interface FinalizeView {
  line: number;
  touched: { addressSpace: number; pointer: number; timestamp: number; values: number[] }[];
  records: AdapterRecord[];
}

export interface MtraceRunView {
  name: string;
  mode: MemoryMode;
  text: string;
  accesses: AccessView[];
  finalize?: FinalizeView;
  summary: MtraceSummary;
  error?: ErrorInfo;
}

function drain(log: RecordLog): AdapterRecord[] {
  const out: AdapterRecord[] = [];
  for (let i = 0; i < log.length; i++) out.push(log.get(i));
  log.clear();
  return out;
}

/** Runs a script (bytes as read from a file) and returns every access; an invalid script keeps its prefix. */
export function viewMtraceRun(name: string, bytes: Uint8Array): MtraceRunView {
  const decoded = decodeScriptText(bytes);
  const text = 'text' in decoded ? decoded.text : '';
  const program = parseMtrace(text);
  const memory = memoryForProgram(program, true);
  const view: MtraceRunView = {
    name,
    mode: program.mode,
    text,
    accesses: [],
    summary: {
      accesses: 0,
      reads: 0,
      writes: 0,
      timestamp: 1,
      splits: 0,
      merges: 0,
      adapterRows: [0, 0, 0, 0, 0],
      touched: 0,
    },
  };
  if ('error' in decoded) {
    view.error = { kind: 'script', message: decoded.error.message, location: { line: decoded.error.line } };
    return view;
  }
  let touched: TouchedMemory | undefined;
  try {
    touched = executeMtrace(program, memory, {
      access(i, t, tPrev, m) {
        const as = program.addressSpace[i];
        const ptr = program.pointer[i];
        const size = program.size[i];
        const prev = Array.from(m.values.subarray(0, size));
        const values = Array.from({ length: size }, (_, k) => m.getCell(as, ptr + k));
        view.accesses.push({
          line: program.line[i],
          op: program.op[i] === OP_WRITE ? 'write' : 'read',
          addressSpace: as,
          pointer: ptr,
          size,
          timestamp: t,
          tPrev,
          prev,
          values,
          records: drain(m.records),
        });
      },
      finalize(i, done, m) {
        view.finalize = {
          line: program.line[i],
          touched: done.pointer.map((pointer, k) => ({
            addressSpace: done.addressSpace[k],
            pointer,
            timestamp: done.timestamp[k],
            values: done.values.slice(k * done.chunk, (k + 1) * done.chunk),
          })),
          records: drain(m.records),
        };
      },
    });
  } catch (e) {
    view.error = toErrorInfo(e);
  }
  view.summary = summaryOf(memory, program.reads, program.writes, touched);
  if (program.error)
    view.error = { kind: 'script', message: program.error.message, location: { line: program.error.line } };
  return view;
}

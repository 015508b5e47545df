// A structured, structured-clone-safe view of a whole .mtrace run, for the app shell: every access with
// its records, finalize, the summary, and the script's error if any (after the valid prefix).

import { toErrorInfo, type ErrorInfo } from '../errors';
import type { MemoryMode } from '../memory/config';
import type { AdapterRecord, RecordLog } from '../memory/recordLog';
import { decodeScriptText } from './decodeText';
import type { MtraceSummary } from './mtraceJson';
import { parseMtrace } from './mtraceParser';
import { OP_FINALIZE, OP_READ, OP_WRITE } from './mtraceProgram';
import { memoryForProgram } from './mtraceRunner';

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
    summary: { accesses: 0, reads: 0, writes: 0, timestamp: 1, splits: 0, merges: 0, adapterRows: [0, 0, 0, 0, 0], touched: 0 },
  };
  if ('error' in decoded) {
    view.error = { kind: 'script', message: decoded.error.message, location: { line: decoded.error.line } };
    return view;
  }
  try {
    for (let i = 0; i < program.count; i++) {
      const op = program.op[i];
      const as = program.addressSpace[i];
      const ptr = program.pointer[i];
      const size = program.size[i];
      if (op === OP_READ || op === OP_WRITE) {
        const t = memory.timestamp;
        const tPrev =
          op === OP_READ
            ? memory.read(as, ptr, size)
            : memory.write(as, ptr, size, program.values.subarray(program.valueStart[i], program.valueStart[i] + size));
        const prev = Array.from(memory.values.subarray(0, size));
        const values = Array.from({ length: size }, (_, k) => memory.getCell(as, ptr + k));
        view.accesses.push({ line: program.line[i], op: op === OP_READ ? 'read' : 'write', addressSpace: as, pointer: ptr, size, timestamp: t, tPrev, prev, values, records: drain(memory.records) });
      } else if (op === OP_FINALIZE) {
        const touched = memory.finalize(program.mode === 'persistent');
        view.finalize = {
          line: program.line[i],
          touched: touched.pointer.map((pointer, k) => ({
            addressSpace: touched.addressSpace[k],
            pointer,
            timestamp: touched.timestamp[k],
            values: touched.values.slice(k * touched.chunk, (k + 1) * touched.chunk),
          })),
          records: drain(memory.records),
        };
      } else memory.incrementTimestampBy(ptr);
    }
  } catch (e) {
    view.error = toErrorInfo(e);
  }
  const log = memory.records;
  view.summary = {
    accesses: program.reads + program.writes,
    reads: program.reads,
    writes: program.writes,
    timestamp: memory.timestamp,
    splits: log.splits,
    merges: log.merges,
    adapterRows: Array.from(log.rows),
    touched: view.finalize?.touched.length ?? 0,
  };
  if (program.error) view.error = { kind: 'script', message: program.error.message, location: { line: program.error.line } };
  return view;
}

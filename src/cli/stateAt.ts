// `--at T|SEG:T|step:N [--dump AS:ADDR:LEN]...` for `run` (.mtrace), `alloc` (.alloc) and `exec` (guest ELF):
// records the whole run in a time-travel Session, then seeks back to timestamp T (the last state whose
// timestamp is <= T: just before the step that performs the access at T; SEG:T = timestamp T of segment SEG
// of a segmented run, step:N = after N steps; engine/timeline/timeAddress.ts) and prints that state as ONE
// JSON line, keys in this order, no whitespace (stable, for diffing and tests; "at" is a string for SEG:T and
// step:N, and segmented runs add "segment" and "segment_timestamp" after "timestamp"):
//   {"at":T,"step":S,"timestamp":TS,"status":"paused"|"done"|"error"|"limit","pc":PC|null,"line":L|null,
//    "registers":[x0..x31]|null,
//    "dumps":[{"as":A,"addr":P,"len":N,"values":[N cells],
//              "units":[{"ptr":P,"raw":W,"offset":O,"block_start":B,"block_size":Z,"t":T}...]}...],
//    "access":{"t":T,"op":"read"|"write","as":A,"ptr":P,"size":Z,"t_prev":U,"records":[RECORD...]}|null,
//    "events":[{"kind":K,"op":O,"thread":H,"cls":C,"offset":F,"size":Z,"count":N,"code":D}...]|null,
//    "adapter_rows":{"2":a,"4":b,"8":c,"16":d,"32":e}|null,"state_hash":"16 hex digits"}
// `units`: one per min_block_size unit covering the dump (block_start -1 = never touched); `access`: the
// access with timestamp exactly T (null when T is a tick or an instruction's non-access increment), its
// RECORDs as in shared/spec/mtrace-format.md; `events`: .alloc only, the allocator events of directive T
// (the .alloc timeline axis is the directive index); `state_hash` = Session.stateHash().
// Exit codes (exitCodes.ts): ok when printed; usage for a bad request (T past the end, a bad dump range);
// invalidInput / runFailed for input the run rejects or a run that ended with an error (the state still
// prints first).

import { EngineError, type ErrorInfo } from '../engine/errors';
import type { GuestInput } from '../engine/guest/io/input';
import type { MemoryMode } from '../engine/memory/config';
import { type SegmentSettings, Session } from '../engine/session';
import { EXIT } from './exitCodes';
import type { CliIO } from './io';
import { repeated, UsageError, value } from './options';
import {
  formatTimeAddress,
  parseTimeAddress,
  TIME_ADDRESS_HELP,
  type TimeAddress,
} from '../engine/timeline/timeAddress';

export interface DumpRange {
  as: number;
  addr: number;
  len: number;
}

/** AS:ADDR:LEN with decimal or 0x-hex numbers. */
export function parseDump(text: string): DumpRange | { error: string } {
  const parts = text.split(':');
  const nums = parts.map((p) => (/^(0x[0-9a-fA-F]+|[0-9]+)$/.test(p) ? Number(p) : NaN));
  if (parts.length !== 3 || nums.some((n) => !Number.isSafeInteger(n)) || nums[2] < 1)
    return { error: 'expected AS:ADDR:LEN, e.g. 2:0x1000:64' };
  return { as: nums[0], addr: nums[1], len: nums[2] };
}

/** `--at T [--dump AS:ADDR:LEN]...`, spread into the option table of `run`, `alloc` and `exec`. */
export const atOption = {
  at: value(
    'T|SEG:T|step:N',
    `print the state at ${TIME_ADDRESS_HELP} (reached by seeking the recorded run) instead`,
    (text: string): TimeAddress | { error: string } =>
      parseTimeAddress(text) ?? { error: `expected ${TIME_ADDRESS_HELP}` },
  ),
};
export const dumpOption = {
  dump: repeated('AS:ADDR:LEN', 'with --at: dump these cells with their block metadata', parseDump),
};

/** `--dump` is meaningful only with `--at`. */
export function checkAtOptions(at: TimeAddress | undefined, dumps: readonly DumpRange[]): void {
  if (at === undefined && dumps.length > 0) throw new UsageError('--dump needs --at T');
}

const list = (a: ArrayLike<number>, from = 0, to = a.length) => {
  let s = '[';
  for (let i = from; i < to; i++) s += (i > from ? ',' : '') + a[i];
  return s + ']';
};

function dumpJson(session: Session, d: DumpRange): string {
  const v = session.memory(d.as, d.addr, d.len);
  const units: string[] = [];
  for (let k = 0; k < v.raw.length; k++) {
    units.push(
      `{"ptr":${v.unitAddr + k * v.align},"raw":${v.raw[k]},"offset":${v.offsetToStart[k]},"block_start":${v.blockStart[k]},"block_size":${v.blockSize[k]},"t":${v.timestamp[k]}}`,
    );
  }
  return `{"as":${d.as},"addr":${d.addr},"len":${d.len},"values":${list(v.values)},"units":[${units.join(',')}]}`;
}

function accessJson(session: Session, at: number): string {
  const w = session.window(at, at);
  const a = w.accesses;
  let k = -1;
  for (let i = 0; i < a.count; i++) if (a.timestamp[i] === at) k = i;
  if (k < 0) return 'null';
  const r = w.records;
  const records: string[] = [];
  for (let i = a.recordStart[k]; i < a.recordEnd[k]; i++) {
    const ds = r.dataStart[i];
    let s = `{"kind":"${r.merge[i] ? 'merge' : 'split'}","as":${r.addressSpace[i]},"ptr":${r.pointer[i]},"size":${r.blockSize[i]},"lowest":${r.lowestBlockSize[i]},"type_size":${r.typeSize[i]},"t":${r.timestamp[i]},"data":${list(r.data, ds, ds + r.blockSize[i])}`;
    if (r.merge[i])
      s += `,"prev_ts":${list(r.prevTs, r.prevTsStart[i], r.prevTsStart[i] + r.blockSize[i] / r.lowestBlockSize[i])}`;
    records.push(s + '}');
  }
  return `{"t":${at},"op":"${a.write[k] ? 'write' : 'read'}","as":${a.addressSpace[k]},"ptr":${a.pointer[k]},"size":${a.size[k]},"t_prev":${a.tPrev[k]},"records":[${records.join(',')}]}`;
}

function eventsJson(session: Session, at: number): string {
  const e = session.window(at, at).events;
  if (e === null) return 'null';
  const rows: string[] = [];
  for (let i = 0; i < e.count; i++) {
    if (e.step[i] !== at) continue;
    rows.push(
      `{"kind":${e.kind[i]},"op":${e.op[i]},"thread":${e.thread[i]},"cls":${e.cls[i]},"offset":${e.offset[i]},"size":${e.size[i]},"count":${e.countField[i]},"code":${e.code[i]}}`,
    );
  }
  return `[${rows.join(',')}]`;
}

/** The JSON line of the state at `at` (the session must already have recorded the run). */
export function stateAtJson(session: Session, at: TimeAddress, dumps: readonly DumpRange[]): string {
  const p = session.seekAddress(at);
  // The access looked at: the one with timestamp exactly T (global) — for SEG:T and step:N, the position's.
  const t = at.kind === 'timestamp' ? at.timestamp : p.timestamp;
  const registers = session.kind === 'guest' ? list(session.registers()) : 'null';
  const dumped = dumps.map((d) => dumpJson(session, d)).join(',');
  const memoryKind = session.kind !== 'alloc';
  const access = memoryKind ? accessJson(session, t) : 'null';
  const events = memoryKind ? 'null' : eventsJson(session, t);
  let rows = 'null';
  if (memoryKind) {
    const r = session.adapterRows().rows;
    rows = `{"2":${r[0]},"4":${r[1]},"8":${r[2]},"16":${r[3]},"32":${r[4]}}`;
  }
  const atJson = at.kind === 'timestamp' ? String(at.timestamp) : `"${formatTimeAddress(at)}"`;
  // Segmented runs also say where in OpenVM's segments the state is (one-segment output is unchanged).
  const seg =
    session.segmentation().segments.length > 1
      ? `,"segment":${p.segment},"segment_timestamp":${p.segmentTimestamp}`
      : '';
  return `{"at":${atJson},"step":${p.step},"timestamp":${p.timestamp}${seg},"status":"${p.status}","pc":${p.pc},"line":${p.line},"registers":${registers},"dumps":[${dumped}],"access":${access},"events":${events},"adapter_rows":${rows},"state_hash":"${session.stateHash()}"}\n`;
}

/**
 * Records the whole run, seeks to `at` and prints; returns the exit code: 1 for a bad request, else
 * `onRunError`'s code when the run ended with an error (the command's own convention), else 0.
 */
export function printStateAt(
  session: Session,
  at: TimeAddress,
  dumps: readonly DumpRange[],
  io: CliIO,
  onRunError: (error: ErrorInfo) => number,
): number {
  session.run();
  try {
    io.out(stateAtJson(session, at, dumps));
  } catch (e) {
    if (!(e instanceof EngineError) || e.kind !== 'request') throw e;
    io.err(`error: ${e.message}\n`);
    return EXIT.usage;
  }
  const error = session.error();
  return error === null ? EXIT.ok : onRunError(error);
}

/** `run`/`alloc` with --at: invalid input when the script cannot be opened (an invalid allocator config:
 *  no allocator, no state) or has an invalid line (after printing the state inside its valid prefix). */
export function scriptStateAt(
  kind: 'mtrace' | 'alloc',
  bytes: Uint8Array,
  at: TimeAddress,
  dumps: readonly DumpRange[],
  io: CliIO,
): number {
  let session: Session;
  try {
    session = Session.open(kind, bytes);
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(
      e.location.line === undefined
        ? `error: ${e.message}\n`
        : `error: line ${e.location.line}: ${e.message}\n`,
    );
    return EXIT.invalidInput;
  }
  return printStateAt(session, at, dumps, io, (error) => {
    io.err(`error: line ${error.location.line ?? 0}: ${error.message}\n`);
    return EXIT.invalidInput;
  });
}

export interface GuestAtOptions {
  mode?: MemoryMode;
  maxSteps: number;
  alloc?: 'observe' | 'orthotope';
  /** The --config file's text and name. */
  openvmToml?: { text: string; name: string };
  /** Persistent runs: the segmentation settings (--max-segment-length…). */
  segments?: SegmentSettings;
}

/** `exec` with --at (the ELF and input already checked by the caller): run failed when the guest failed. */
export function guestStateAt(
  bytes: Uint8Array,
  input: GuestInput | undefined,
  opts: GuestAtOptions,
  at: TimeAddress,
  dumps: readonly DumpRange[],
  io: CliIO,
): number {
  let session: Session;
  try {
    session = Session.open('guest', bytes, {
      parsedInput: input,
      mode: opts.mode,
      maxSteps: opts.maxSteps,
      allocator: opts.alloc ?? 'none',
      openvmToml: opts.openvmToml?.text,
      openvmTomlName: opts.openvmToml?.name,
      segments: opts.segments,
    });
  } catch (e) {
    if (!(e instanceof EngineError)) throw e;
    io.err(`error: ${e.message}\n`);
    return e.kind === 'request' ? EXIT.usage : EXIT.invalidInput;
  }
  return printStateAt(session, at, dumps, io, (error) => {
    io.err(`error: ${error.message}\n`);
    return EXIT.runFailed;
  });
}

// The detail of a time window, recomputed on demand (the recording keeps none): re-execute the steps whose
// accesses have timestamps in [t0, t1], one step at a time, with the record log keeping records and an
// access hook, and return everything as columns: each access (timestamp, t_prev, space, pointer, size,
// read/write, step) with the range of adapter records it appended (OpenVM's append order), records that
// belong to no access (a finalize step), for .alloc runs the allocator event rows of each step, and for
// guests the pc each re-executed step started at.
// Invariants: records of an access are those appended since the previous access (TracingMemory appends an
// access's records before its hook fires); the caller's position and the log's counters-only mode are
// restored afterwards; at most `limit` accesses (and events) are collected and at most MAX_WINDOW_STEPS
// steps re-executed (`truncated` says so).

import type { AllocEventLog } from '../../alloc/orthotope/events';
import type { RecordLog } from '../../memory/recordLog';
import { MERGE_AND_NOT_SPLIT_FLAG } from '../../memory/recordLog';
import type { TracingMemory } from '../../memory/tracingMemory';
import type { AccessColumns } from './blockHistory';
import type { MachineState } from '../machines/machine';
import type { Timeline } from '../recording/timeline';

/** A window re-executes at most this many steps (`truncated` is set beyond). */
const MAX_WINDOW_STEPS = 1 << 20;

export interface RecordColumns {
  count: number;
  merge: Uint8Array;
  addressSpace: Uint8Array;
  pointer: Uint32Array;
  blockSize: Uint8Array;
  lowestBlockSize: Uint8Array;
  typeSize: Uint8Array;
  /** Header timestamp, flag removed. */
  timestamp: Uint32Array;
  /** The access (index into the window's accesses) that appended it, -1 for none (finalize). */
  access: Int32Array;
  step: Float64Array;
  /** data[dataStart[i] .. dataStart[i] + blockSize[i]) */
  dataStart: Uint32Array;
  data: Uint32Array;
  /** Merges: prevTs[prevTsStart[i] .. + blockSize / lowest) */
  prevTsStart: Uint32Array;
  prevTs: Uint32Array;
}

export interface EventColumns {
  count: number;
  step: Float64Array;
  kind: Uint8Array;
  op: Uint8Array;
  thread: Uint32Array;
  cls: Uint8Array;
  offset: Float64Array;
  size: Float64Array;
  countField: Uint32Array;
  code: Uint8Array;
}

export interface WindowView {
  t0: number;
  t1: number;
  /** Steps [firstStep, lastStep) were re-executed. */
  firstStep: number;
  lastStep: number;
  truncated: boolean;
  accesses: AccessColumns & {
    step: Float64Array;
    recordStart: Uint32Array;
    recordEnd: Uint32Array;
  };
  records: RecordColumns;
  events: EventColumns | null;
  /** Guests: the pc step firstStep + k started at, for k < lastStep - firstStep; null for other runs. */
  pcs: Uint32Array | null;
}

class RecordSink {
  readonly rows: number[][] = [[], [], [], [], [], [], [], [], []];
  readonly data: number[] = [];
  readonly prevTs: number[] = [];

  get count(): number {
    return this.rows[0].length;
  }

  /** Copies stored records [from, to) of `log`. */
  take(log: RecordLog, from: number, to: number, access: number, step: number): void {
    const [merge, as, ptr, b, l, t, acc, st, starts] = this.rows;
    for (let i = from; i < to; i++) {
      const tm = log.timestampAndMask[i];
      const isMerge = (tm & MERGE_AND_NOT_SPLIT_FLAG) !== 0;
      merge.push(isMerge ? 1 : 0);
      as.push(log.addressSpace[i]);
      ptr.push(log.pointer[i]);
      b.push(log.blockSize[i]);
      l.push(log.lowestBlockSize[i]);
      t.push((tm & ~MERGE_AND_NOT_SPLIT_FLAG) >>> 0);
      acc.push(access);
      st.push(step);
      starts.push(this.data.length, this.prevTs.length, log.typeSize[i]);
      const ds = log.dataStart[i];
      for (let k = 0; k < log.blockSize[i]; k++) this.data.push(log.data[ds + k]);
      if (isMerge) {
        const ps = log.prevTsStart[i];
        for (let k = 0; k < log.blockSize[i] / log.lowestBlockSize[i]; k++)
          this.prevTs.push(log.prevTs[ps + k]);
      }
    }
  }

  columns(): RecordColumns {
    const [merge, as, ptr, b, l, t, acc, st, starts] = this.rows;
    const n = merge.length;
    return {
      count: n,
      merge: Uint8Array.from(merge),
      addressSpace: Uint8Array.from(as),
      pointer: Uint32Array.from(ptr),
      blockSize: Uint8Array.from(b),
      lowestBlockSize: Uint8Array.from(l),
      typeSize: Uint8Array.from({ length: n }, (_, i) => starts[3 * i + 2]),
      timestamp: Uint32Array.from(t),
      access: Int32Array.from(acc),
      step: Float64Array.from(st),
      dataStart: Uint32Array.from({ length: n }, (_, i) => starts[3 * i]),
      data: Uint32Array.from(this.data),
      prevTsStart: Uint32Array.from({ length: n }, (_, i) => starts[3 * i + 1]),
      prevTs: Uint32Array.from(this.prevTs),
    };
  }
}

class EventSink {
  readonly cols: number[][] = [[], [], [], [], [], [], [], [], []];

  get count(): number {
    return this.cols[0].length;
  }

  take(log: AllocEventLog, step: number): void {
    const [st, kind, op, thread, cls, offset, size, count, code] = this.cols;
    for (let i = 0; i < log.length; i++) {
      st.push(step);
      kind.push(log.kind[i]);
      op.push(log.op[i]);
      thread.push(log.thread[i]);
      cls.push(log.cls[i]);
      offset.push(log.offset[i]);
      size.push(log.size[i]);
      count.push(log.count[i]);
      code.push(log.code[i]);
    }
  }

  columns(): EventColumns {
    const [st, kind, op, thread, cls, offset, size, count, code] = this.cols;
    return {
      count: st.length,
      step: Float64Array.from(st),
      kind: Uint8Array.from(kind),
      op: Uint8Array.from(op),
      thread: Uint32Array.from(thread),
      cls: Uint8Array.from(cls),
      offset: Float64Array.from(offset),
      size: Float64Array.from(size),
      countField: Uint32Array.from(count),
      code: Uint8Array.from(code),
    };
  }
}

export interface WindowSources {
  memory: TracingMemory | null;
  /** .alloc runs: the allocator's event log and the switch that makes the machine keep it. */
  events?: { log: AllocEventLog; keep(on: boolean): void };
  /** Guests: the machine's pc (read before each re-executed step). */
  pc?: () => number;
}

export function collectWindow<S extends MachineState>(
  tl: Timeline<S>,
  sources: WindowSources,
  t0: number,
  t1: number,
  limit: number,
): WindowView {
  const saved = tl.savePosition();
  const { memory, events, pc } = sources;
  const pcs: number[] = [];
  const acc: number[][] = [[], [], [], [], [], [], [], [], [], []];
  const records = new RecordSink();
  const eventSink = new EventSink();
  let truncated = false;
  const firstStep = tl.stepAtTimestamp(t0);
  let step = firstStep;
  tl.seekStep(firstStep);
  const log = memory?.records;
  try {
    if (log !== undefined) {
      log.clear();
      log.keep = true;
    }
    events?.keep(true);
    let cursor = 0;
    if (memory !== null && log !== undefined) {
      memory.onAccess = (as, ptr, size, write, local, tPrev) => {
        // Segmented runs: t global (the window's axis), tPrev the segment's own (0: first touch in it).
        const t = local + (tl.machine.timestampOffset ?? 0);
        if (t < t0 || t > t1 || acc[0].length >= limit) {
          if (t >= t0 && t <= t1) truncated = true;
          cursor = log.length;
          return;
        }
        const index = acc[0].length;
        const recordStart = records.count;
        records.take(log, cursor, log.length, index, step);
        cursor = log.length;
        for (const [k, v] of [
          t,
          tPrev,
          as,
          ptr,
          size,
          write ? 1 : 0,
          step,
          recordStart,
          records.count,
        ].entries())
          acc[k].push(v);
      };
    }
    while (tl.machine.timestamp <= t1 && !truncated) {
      step = tl.step;
      if (step - firstStep >= MAX_WINDOW_STEPS) {
        truncated = true;
        break;
      }
      events?.log.truncate(0);
      const pcBefore = pc?.();
      if (tl.forward(1) === 0) break;
      if (pcBefore !== undefined) pcs.push(pcBefore);
      if (log !== undefined) {
        // Records after the step's last access belong to no access (finalize).
        if (log.length > cursor) records.take(log, cursor, log.length, -1, step);
        log.clear();
        cursor = 0;
      }
      if (events !== undefined) {
        eventSink.take(events.log, step);
        if (eventSink.count >= limit) truncated = true;
      }
    }
  } finally {
    if (memory !== null) memory.onAccess = null;
    if (log !== undefined) {
      log.keep = false;
      log.clear();
    }
    events?.keep(false);
  }
  const lastStep = tl.step;
  tl.returnTo(saved);
  const [timestamp, tPrev, as, ptr, size, write, stepCol, recordStart, recordEnd] = acc;
  return {
    t0,
    t1,
    firstStep,
    lastStep,
    truncated,
    accesses: {
      count: timestamp.length,
      timestamp: Uint32Array.from(timestamp),
      tPrev: Uint32Array.from(tPrev),
      addressSpace: Uint8Array.from(as),
      pointer: Uint32Array.from(ptr),
      size: Uint8Array.from(size),
      write: Uint8Array.from(write),
      step: Float64Array.from(stepCol),
      recordStart: Uint32Array.from(recordStart),
      recordEnd: Uint32Array.from(recordEnd),
    },
    records: records.columns(),
    events: events === undefined ? null : eventSink.columns(),
    pcs: pc === undefined ? null : Uint32Array.from(pcs),
  };
}

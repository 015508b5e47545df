// Runs a parsed .mtrace program on TracingMemory: the valid prefix executes, then the script's first error
// (if any) is reported by the caller. One loop (executeMtrace) serves the CLI's JSON Lines and summary and
// the whole-run view; callers observe it through hooks.

import { defaultMemoryConfig, initialBlockSizeFor, type MemoryMode } from '../memory/config';
import type { TouchedMemory } from '../memory/finalize';
import { RecordLog } from '../memory/recordLog';
import { TracingMemory } from '../memory/tracingMemory';
import { accessJson, finalizeJson, type MtraceSummary } from './mtraceJson';
import {
  type MtraceInit,
  type MtraceProgram,
  OP_FINALIZE,
  OP_READ,
  OP_TICK,
  OP_WRITE,
} from './mtraceProgram';

export interface MtraceRunResult {
  memory: TracingMemory;
  summary: MtraceSummary;
  touched?: TouchedMemory;
}

export interface MtraceHooks {
  /** After directive i (a read or write) ran at timestamp t; the old values are in memory.values. */
  access?(i: number, t: number, tPrev: number, memory: TracingMemory): void;
  /** After the finalize directive i. */
  finalize?(i: number, touched: TouchedMemory, memory: TracingMemory): void;
}

/** A fresh TracingMemory for a mode and an `init` image (TracingMemory::from_image). */
export function memoryFor(
  mode: MemoryMode,
  inits: readonly MtraceInit[],
  keepRecords: boolean,
): TracingMemory {
  const memory = new TracingMemory(
    defaultMemoryConfig(),
    initialBlockSizeFor(mode),
    new RecordLog(keepRecords),
  );
  for (const init of inits)
    init.values.forEach((v, k) => memory.setCell(init.addressSpace, init.pointer + k, v));
  return memory;
}

/** A fresh TracingMemory for the program: its mode and its `init` image. */
export function memoryForProgram(program: MtraceProgram, keepRecords: boolean): TracingMemory {
  return memoryFor(program.mode, program.inits, keepRecords);
}

/**
 * Executes directives [0, count) on `memory`. Throws EngineError only for configurations the format cannot
 * express (a finalize assertion), with the directive's line.
 */
export function executeMtrace(
  program: MtraceProgram,
  memory: TracingMemory,
  hooks: MtraceHooks = {},
): TouchedMemory | undefined {
  let touched: TouchedMemory | undefined;
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
          : memory.write(
              as,
              ptr,
              size,
              program.values.subarray(program.valueStart[i], program.valueStart[i] + size),
            );
      hooks.access?.(i, t, tPrev, memory);
    } else if (op === OP_TICK) {
      memory.incrementTimestampBy(ptr);
    } else if (op === OP_FINALIZE) {
      try {
        touched = memory.finalize(program.mode === 'persistent');
      } catch (e) {
        if (e instanceof Error && 'location' in e)
          (e as { location: { line?: number } }).location.line = program.line[i];
        throw e;
      }
      hooks.finalize?.(i, touched, memory);
    }
  }
  return touched;
}

/** The summary line's numbers after a run. */
export function summaryOf(
  memory: TracingMemory,
  reads: number,
  writes: number,
  touched: TouchedMemory | undefined,
): MtraceSummary {
  const log = memory.records;
  return {
    accesses: reads + writes,
    reads,
    writes,
    timestamp: memory.timestamp,
    splits: log.splits,
    merges: log.merges,
    adapterRows: Array.from(log.rows),
    touched: touched === undefined ? 0 : touched.pointer.length,
  };
}

/**
 * The CLI's run: with `emit`, each read/write/finalize emits its JSON line (records kept per directive,
 * then cleared); without it only totals are kept.
 */
export function runMtrace(program: MtraceProgram, emit?: (line: string) => void): MtraceRunResult {
  const memory = memoryForProgram(program, emit !== undefined);
  const hooks: MtraceHooks =
    emit === undefined
      ? {}
      : {
          access(i, t, tPrev, m) {
            emit(
              accessJson(
                program.line[i],
                program.op[i] === OP_WRITE,
                program.addressSpace[i],
                program.pointer[i],
                program.size[i],
                t,
                tPrev,
                m.values,
                m.records,
              ),
            );
            m.records.clear();
          },
          finalize(_i, touched, m) {
            emit(finalizeJson(touched, m.records));
            m.records.clear();
          },
        };
  const touched = executeMtrace(program, memory, hooks);
  return { memory, summary: summaryOf(memory, program.reads, program.writes, touched), touched };
}

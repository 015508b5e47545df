// Runs a parsed .mtrace program on TracingMemory: the valid prefix executes, then the script's first error
// (if any) is reported. Emits the spec's JSON Lines through `emit`, or only counts for the summary.

import { defaultMemoryConfig, initialBlockSizeFor, type MemoryMode } from '../memory/config';
import type { TouchedMemory } from '../memory/finalize';
import { RecordLog } from '../memory/recordLog';
import { TracingMemory } from '../memory/tracingMemory';
import { accessJson, finalizeJson, type MtraceSummary } from './mtraceJson';
import { type MtraceInit, type MtraceProgram, OP_FINALIZE, OP_READ, OP_TICK, OP_WRITE } from './mtraceProgram';

export interface MtraceRunResult {
  memory: TracingMemory;
  summary: MtraceSummary;
  touched?: TouchedMemory;
}

/** A fresh TracingMemory for a script's mode and `init` image (TracingMemory::from_image). */
export function memoryFor(mode: MemoryMode, inits: readonly MtraceInit[], keepRecords: boolean): TracingMemory {
  const memory = new TracingMemory(defaultMemoryConfig(), initialBlockSizeFor(mode), new RecordLog(keepRecords));
  for (const init of inits) init.values.forEach((v, k) => memory.setCell(init.addressSpace, init.pointer + k, v));
  return memory;
}

/** A fresh TracingMemory for the program: its mode and its `init` image. */
export function memoryForProgram(program: MtraceProgram, keepRecords: boolean): TracingMemory {
  return memoryFor(program.mode, program.inits, keepRecords);
}

/** The `--summary` object of a run that executed `reads` + `writes` accesses (and finalize if `touched`). */
export function summaryOf(memory: TracingMemory, reads: number, writes: number, touched: TouchedMemory | undefined): MtraceSummary {
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
 * Executes directives [0, count). With `emit`, each read/write/finalize emits its JSON line (records kept
 * per directive, then cleared); without it only totals are kept. Throws EngineError only for
 * configurations the format cannot express (a finalize assertion), with the directive's line.
 */
export function runMtrace(program: MtraceProgram, emit?: (line: string) => void): MtraceRunResult {
  const memory = memoryForProgram(program, emit !== undefined);
  const log = memory.records;
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
          : memory.write(as, ptr, size, program.values.subarray(program.valueStart[i], program.valueStart[i] + size));
      if (emit !== undefined) {
        emit(accessJson(program.line[i], op === OP_WRITE, as, ptr, size, t, tPrev, memory.values, log));
        log.clear();
      }
    } else if (op === OP_TICK) {
      memory.incrementTimestampBy(ptr);
    } else if (op === OP_FINALIZE) {
      try {
        touched = memory.finalize(program.mode === 'persistent');
      } catch (e) {
        if (e instanceof Error && 'location' in e) (e as { location: { line?: number } }).location.line = program.line[i];
        throw e;
      }
      if (emit !== undefined) {
        emit(finalizeJson(touched, log));
        log.clear();
      }
    }
  }
  return { memory, summary: summaryOf(memory, program.reads, program.writes, touched), touched };
}

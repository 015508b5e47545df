// The parsed form of a .mtrace script (shared/spec/mtrace-format.md): a columnar list of directives that
// are all valid, plus the first error if the script has one. A runner executes the valid prefix, prints
// its lines and then reports the error, so nothing is half-applied and nothing before the error is lost.

import type { MemoryMode } from '../memory/config';

export const OP_READ = 1;
export const OP_WRITE = 2;
export const OP_TICK = 3;
export const OP_FINALIZE = 4;

export interface MtraceInit {
  line: number;
  addressSpace: number;
  pointer: number;
  values: number[];
}

export interface ScriptError {
  line: number;
  message: string;
}

export interface MtraceProgram {
  mode: MemoryMode;
  /** Applied to the image before the first access (TracingMemory::from_image). */
  inits: MtraceInit[];
  /** Number of directives in the columns below (read, write, tick, finalize), in script order. */
  count: number;
  op: Uint8Array;
  line: Uint32Array;
  addressSpace: Uint8Array;
  /** Pointer for read/write; the amount for tick. */
  pointer: Uint32Array;
  size: Uint8Array;
  /** Writes: index of the first value in `values`. */
  valueStart: Uint32Array;
  values: Uint32Array;
  reads: number;
  writes: number;
  /** The first error, after all the valid directives before it. */
  error?: ScriptError;
}

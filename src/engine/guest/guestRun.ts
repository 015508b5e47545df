// One guest run, the way OpenVM v1.7 runs a program's (single) segment under preflight: a fresh
// TracingMemory (`from_image`, initial_block_size per mode: 8 persistent, 1 volatile), the ELF image in AS2,
// pc = e_entry, the input streams, then execution and `finalize(continuation_enabled)`.
// memscope runs the whole program as one segment (OpenVM would cut segments at ~1M instructions and restart
// the timestamp at 1 in each); the step limit only pauses the run, it never ends a segment.

import {
  defaultMemoryConfig,
  initialBlockSizeFor,
  type MemoryConfig,
  type MemoryMode,
} from '../memory/config';
import type { TouchedMemory } from '../memory/finalize';
import { RecordLog } from '../memory/recordLog';
import { TracingMemory } from '../memory/tracingMemory';
import { Interpreter, type MachineStatus } from './isa/executor';
import { applyImage, type GuestProgram } from './program/guestProgram';
import { HintStreams } from './io/hintStreams';
import { emptyInput, type GuestInput } from './io/input';
import type { VmConfig } from './config/vmConfig';

export interface GuestRunOptions {
  mode?: MemoryMode;
  input?: GuestInput;
  /** Keep every adapter record (views, trace output); false keeps only the counters (fast summaries). */
  keepRecords?: boolean;
  config?: MemoryConfig;
  /**
   * The guest's openvm.toml (vmConfig.ts): its extensions, moduli and curves, and its system settings — the
   * memory mode (continuation_enabled) unless `mode` is given, and the memory config unless `config` is.
   */
  vmConfig?: VmConfig;
}

/** DEFAULT_MAX_NUM_PUBLIC_VALUES / SystemConfig num_public_values of the SDK config. */
export const NUM_PUBLIC_VALUES = 32;

export class GuestRun {
  readonly mode: MemoryMode;
  readonly memory: TracingMemory;
  readonly streams: HintStreams;
  readonly machine: Interpreter;
  private touched: TouchedMemory | null = null;

  constructor(
    readonly program: GuestProgram,
    options: GuestRunOptions = {},
  ) {
    const vm = options.vmConfig;
    this.mode = options.mode ?? vm?.system.mode ?? 'persistent';
    const config = options.config ?? vm?.system.memory ?? defaultMemoryConfig();
    this.memory = new TracingMemory(
      config,
      initialBlockSizeFor(this.mode),
      new RecordLog(options.keepRecords ?? false),
    );
    applyImage(program, this.memory);
    this.streams = new HintStreams(options.input ?? emptyInput());
    this.machine = new Interpreter(program, this.memory, this.streams, vm);
  }

  get status(): MachineStatus {
    return this.machine.status;
  }

  /** Runs up to maxSteps more instructions. */
  run(maxSteps: number): MachineStatus {
    return this.machine.run(maxSteps);
  }

  /** x0..x31 (untraced). */
  registers(): Uint32Array {
    const regs = new Uint32Array(32);
    for (let i = 0; i < 32; i++) regs[i] = this.memory.peekWord(1, 4 * i);
    return regs;
  }

  /** AS3[0..32): the user public values (bytes). */
  publicValues(count = NUM_PUBLIC_VALUES): Uint8Array {
    const out = new Uint8Array(count);
    for (let i = 0; i < count; i++) out[i] = this.memory.getCell(3, i);
    return out;
  }

  /** TracingMemory::finalize(persistent) once, after the run ended (adds the finalize records). */
  finalize(): TouchedMemory {
    if (this.touched === null) this.touched = this.memory.finalize(this.mode === 'persistent');
    return this.touched;
  }
}

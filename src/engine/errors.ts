// Errors are values with a kind, a message and a location (DESIGN.md). Engine code throws EngineError for
// every failure a user can cause (bad input, an OpenVM assertion, an out-of-range access); callers turn it
// into a structured error for the UI, a `error: ...` line for the CLI.

export type EngineErrorKind =
  | 'misaligned' // OpenVM TracingMemory::assert_alignment (a hard assert in v1.7)
  | 'out-of-bounds' // an access outside the host allocation of an address space (OpenVM check_bounds panic)
  | 'bad-access' // an address space with no storage, or an access size OpenVM never uses
  | 'timestamp-overflow' // AccessMetadata keeps 29-bit timestamps
  | 'finalize-assertion' // an assert in online.rs handle_touched_blocks
  | 'script' // a malformed .mtrace / .alloc script
  | 'asm' // assembly source that does not assemble (guest/asm)
  | 'elf' // a rejected ELF
  | 'dwarf' // malformed debug information (.debug_* sections); the program itself still loads and runs
  | 'input' // a malformed guest input (OpenVM CLI input format)
  | 'execution' // a guest program failure (unsupported instruction, pc out of bounds, ...)
  | 'allocator' // an orthotope error surfaced as a failure
  | 'request' // a bad request to a session (seek past the end, unknown symbol, bad range)
  | 'config' // a malformed or contradictory openvm.toml (vmConfig.ts)
  | 'internal';

export interface ErrorLocation {
  line?: number;
  /** 1-based column within the line (assembly errors). */
  column?: number;
  pc?: number;
  timestamp?: number;
  offset?: number;
}

export class EngineError extends Error {
  readonly kind: EngineErrorKind;
  readonly location: ErrorLocation;
  constructor(kind: EngineErrorKind, message: string, location: ErrorLocation = {}) {
    super(message);
    this.name = 'EngineError';
    this.kind = kind;
    this.location = location;
  }
}

/** A plain, structured-clone-safe view of an error (for the worker protocol and the UI). */
export interface ErrorInfo {
  kind: EngineErrorKind;
  message: string;
  location: ErrorLocation;
}

export function toErrorInfo(e: unknown): ErrorInfo {
  if (e instanceof EngineError) return { kind: e.kind, message: e.message, location: { ...e.location } };
  const message = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  return { kind: 'internal', message, location: {} };
}

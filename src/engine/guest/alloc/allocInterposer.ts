// Allocator interposition, orthotope mode: the guest's allocator entry points (`__rust_alloc` & co, or C
// `malloc` & co) are served by the orthotope 0.1.7 model (src/engine/alloc) instead of the guest's own
// allocator. The arena is mapped in AS2 at the guest's heap start (`_end` rounded up to 64), its headers and
// free-list links are written into guest memory (GuestArenaBytes), and the call returns to `ra` at once.
//
// How a served call changes the run, exactly (versus an unmodified run of the same program):
//   * the guest allocator's own instructions do not execute: none of their accesses or timestamps happen;
//   * the call counts as ONE instruction;
//   * its arguments are read untraced (registers a0..a3, ra);
//   * every write the model makes to its arena is one traced 4-byte write W(2, word) (+1 timestamp each;
//     a byte store is a read-modify-write of its aligned word, as STOREB does) — see GuestArenaBytes;
//   * zeroing (calloc, __rust_alloc_zeroed, and a folded alloc|alloc_zeroed address, which cannot be told
//     apart) writes, traced, only the payload words that are not already zero;
//   * the arguments decode as in observe mode (allocCalls.ts, the one home of the functions, registers and
//     decoding): calloc's size is count x size modulo 2^32, as the guest's own 32-bit calloc computes it;
//   * realloc copies min(old, new) bytes into the new block with traced word writes (untraced reads);
//   * the result is written to a0 with one traced W(1, 40) (+1); free/dealloc instead add +1 (like a NOP).
// So a served call costs 1 instruction and (1 + model writes + zeroing/copy writes) timestamps, and the
// adapter records those writes cause; it never runs the guest's JALR back (pc is set to ra directly).
// Errors of the model (double free, size mismatch, corrupt header) stop the run as EngineError('allocator').
// Checkpointable for time travel (timeline/machines/guestMachine.ts): the served calls are a HISTORY, append-only up
// to the furthest point ever run, and a state is a cursor into it (calls served so far) plus the counters
// and the model's state without its bytes — the arena lives in AS2, so the guest memory snapshot restores
// those. Replaying below the furthest point meets calls already recorded; determinism makes them identical
// (they are checked, not rewritten).

import {
  DEFAULT_CONFIG,
  createAllocator,
  type Allocator,
  type AllocatorSnapshot,
  type UserPtr,
} from '../../alloc';
import { formatErrorForLog } from '../../alloc/orthotope/errors';
import { HEADER_FIELDS } from '../../alloc/orthotope/arena/header';
import { HEADER_SIZE } from '../../alloc/orthotope/sizeClasses';
import { EngineError } from '../../errors';
import {
  ALLOC_REGS,
  allocatorEntryPoints,
  isFree,
  readAllocArgs,
  readRegister,
  summarizeAllocCalls,
  zeroesBlock,
  type AllocCall,
  type AllocCallSummary,
  type AllocFunction,
} from './allocCalls';
import type { Interpreter } from '../isa/executor';
import { GuestArenaBytes } from './guestArenaBytes';
import { heapStart } from '../program/guestProgram';

const MEMORY_TOP = 2 ** 29;
const ALIGNMENT = 64;
const THREAD = 0;

/** The interposer's state at one moment (the arena bytes are not in it: they are guest memory). */
export interface InterposerSnapshot {
  readonly count: number;
  readonly allocations: number;
  readonly frees: number;
  readonly arenaWrites: number;
  readonly allocator: AllocatorSnapshot;
}

export class AllocInterposer {
  /** Calls served at the current state: history[0, count). */
  count = 0;
  /** Calls to alloc kinds / free kinds served so far (the timeline's densities). */
  allocations = 0;
  frees = 0;
  readonly allocator: Allocator;
  readonly arena: GuestArenaBytes;
  private readonly history: AllocCall[] = [];

  constructor(private readonly machine: Interpreter) {
    const base = Math.ceil(heapStart(machine.program) / ALIGNMENT) * ALIGNMENT;
    const size = Math.floor(Math.min(MEMORY_TOP - base, 1 << 28) / 4096) * 4096;
    if (size < ALIGNMENT)
      throw new EngineError(
        'allocator',
        `no room for an orthotope arena above the heap start 0x${base.toString(16)}`,
      );
    this.arena = new GuestArenaBytes(machine.memory, base, size);
    // No event log: nothing reads it, and a long run would grow it (and every snapshot would note its length).
    const created = createAllocator(
      { ...DEFAULT_CONFIG, arenaSize: size, alignment: ALIGNMENT },
      { bytes: this.arena, addressing: { baseAddress: base, pointerBytes: 4 }, events: null },
    );
    if (!created.ok)
      throw new EngineError(
        'allocator',
        `orthotope arena at 0x${base.toString(16)}: ${created.error.message}`,
      );
    this.allocator = created.allocator;
    for (const [address, names] of allocatorEntryPoints(machine.program))
      machine.addHook(address, () => this.serve(names), true);
  }

  get base(): number {
    return this.arena.base;
  }

  /** The calls served so far, in order. */
  get calls(): readonly AllocCall[] {
    return this.count === this.history.length ? this.history : this.history.slice(0, this.count);
  }

  snapshot(): InterposerSnapshot {
    return {
      count: this.count,
      allocations: this.allocations,
      frees: this.frees,
      arenaWrites: this.arena.writes,
      allocator: this.allocator.snapshotWithoutBytes(),
    };
  }

  /** Returns to a snapshot (reusable); the caller restores guest memory, which holds the arena bytes. */
  restore(s: InterposerSnapshot): void {
    this.count = s.count;
    this.allocations = s.allocations;
    this.frees = s.frees;
    this.arena.writes = s.arenaWrites;
    this.allocator.restoreWithoutBytes(s.allocator);
  }

  /**
   * Forgets the calls recorded past the current state: the run goes on from here differently timed (the
   * metered run re-executes a window on the next segment's memory, whose timestamps restart at 1).
   */
  forgetFuture(): void {
    this.history.length = this.count;
  }

  summary(): AllocCallSummary & { arenaBase: number; arenaWrites: number } {
    return { ...summarizeAllocCalls(this.calls), arenaBase: this.arena.base, arenaWrites: this.arena.writes };
  }

  private fail(message: string): never {
    throw new EngineError('allocator', message, {
      pc: this.machine.pc,
      timestamp: this.machine.memory.timestamp,
    });
  }

  private alloc(size: number, align: number): number {
    if (align > ALIGNMENT || size === 0) return 0; // orthotope blocks are 64-aligned; 0 bytes is ZeroSize
    const r = this.allocator.allocate(THREAD, size);
    return typeof r === 'number' ? this.arena.base + r : 0;
  }

  private free(ptr: number, size: number | null): void {
    if (ptr === 0) return;
    const user = (ptr - this.arena.base) as UserPtr;
    const error =
      size === null
        ? this.allocator.deallocate(THREAD, user)
        : this.allocator.deallocateWithSize(THREAD, user, size);
    if (error !== null) this.fail(`orthotope: ${formatErrorForLog(error)} (freeing 0x${ptr.toString(16)})`);
  }

  /** Traced writes of zeros over the payload words that are not zero yet. */
  private zero(ptr: number, size: number): void {
    const mem = this.machine.memory;
    for (let a = ptr; a < ptr + size; a += 4) if (mem.peekWord(2, a) !== 0) mem.writeWord(2, a, 0);
  }

  private copy(to: number, from: number, size: number): void {
    const mem = this.machine.memory;
    for (let i = 0; i < size; i += 4) mem.writeWord(2, to + i, mem.peekWord(2, from + i));
  }

  private requested(ptr: number): number {
    return this.arena.readU32(ptr - this.arena.base - HEADER_SIZE + HEADER_FIELDS.requested);
  }

  private serve(names: AllocFunction[]): boolean {
    const m = this.machine;
    const kind = names[0];
    const args = readAllocArgs(m.memory, kind);
    const ra = readRegister(m.memory, ALLOC_REGS.ra);
    const call: AllocCall = {
      function: names.join('|'),
      ...args,
      result: null,
      callerPc: (ra - 4) >>> 0,
      entryInstret: m.instret,
      entryTimestamp: m.memory.timestamp,
      exitInstret: null,
      exitTimestamp: null,
      depth: 0,
    };
    const { size, align, ptr } = args;
    let result: number | null = null;
    switch (kind) {
      case '__rust_alloc':
      case '__rust_alloc_zeroed':
      case 'malloc':
      case 'calloc':
        result = this.alloc(size, align);
        if (result !== 0 && zeroesBlock(names)) this.zero(result, size);
        break;
      case '__rust_dealloc':
        this.free(ptr, size);
        break;
      case 'free':
        this.free(ptr, null);
        break;
      case '__rust_realloc':
      case 'realloc': {
        const rust = kind === '__rust_realloc';
        if (ptr === 0) result = this.alloc(size, align);
        else if (size === 0 && !rust) {
          this.free(ptr, null);
          result = 0;
        } else {
          // __rust_realloc(ptr, old_size, align, new_size): old_size is a1; C realloc: the block's header
          const oldSize = rust ? readRegister(m.memory, ALLOC_REGS.a1) : this.requested(ptr);
          result = this.alloc(size, align);
          if (result !== 0) {
            this.copy(result, ptr, Math.min(oldSize, size));
            this.free(ptr, rust ? oldSize : null);
          }
        }
        break;
      }
    }
    if (result === null) m.memory.incrementTimestamp();
    else m.memory.writeWord(1, 4 * ALLOC_REGS.a0, result);
    call.result = result ?? 0;
    m.instret += 1;
    m.pc = ra;
    call.exitInstret = m.instret;
    call.exitTimestamp = m.memory.timestamp;
    this.record(call, isFree(kind));
    return true;
  }

  /** Appends a served call to the history, or checks it against the recorded one when replaying. */
  private record(call: AllocCall, freeing: boolean): void {
    const i = this.count++;
    if (freeing) this.frees++;
    else this.allocations++;
    if (i === this.history.length) {
      this.history.push(call);
      return;
    }
    const was = this.history[i];
    if (
      was.entryInstret !== call.entryInstret ||
      was.function !== call.function ||
      was.result !== call.result ||
      was.exitTimestamp !== call.exitTimestamp
    )
      throw new EngineError('internal', `replay diverged from the recording (allocator call ${i})`);
  }
}

// Mirrors orthotope 0.1.7 `src/error.rs`: `InitError`, `AllocError` and `FreeError` as values with a kind,
// a human message and a location (never exceptions). There is no `DoubleFree` and no `InvalidPointer` in
// 0.1.7: a small double free is a `CorruptHeader` whose `reason` says why (the free-list link overwrote the
// magic), which is what the UI shows. `UndefinedBehaviour` is the model's own kind for what the Rust code
// leaves undefined (reading an unmapped header, following a corrupted free-list link); orthotope has no
// such error, and nothing a `.alloc` trace can express reaches it.
import type { AllocatorConfig } from './config';

/** Where an allocator error happened: the thread cache used, the pointer (arena offset) and the op number. */
export interface OpLocation {
  readonly thread: number;
  /** User pointer as an offset from the arena base, for frees. */
  readonly ptr?: number;
  /** Sequence number of the allocator operation (0-based; counts allocate and free calls). */
  readonly op: number;
}

export type InitError =
  | {
      readonly kind: 'InvalidConfig';
      readonly message: string;
      readonly location: { readonly config: AllocatorConfig };
    }
  | {
      readonly kind: 'MapFailed';
      readonly message: string;
      readonly location: { readonly config: AllocatorConfig };
    };

export type AllocError =
  | { readonly kind: 'ZeroSize'; readonly message: string; readonly location: OpLocation }
  | {
      readonly kind: 'OutOfMemory';
      readonly requested: number;
      readonly remaining: number;
      /** Large path only: a block was taken (and leaked) before the u32 header fields overflowed. */
      readonly leakedBlock: boolean;
      readonly message: string;
      readonly location: OpLocation;
    }
  | { readonly kind: 'UndefinedBehaviour'; readonly message: string; readonly location: OpLocation };

/**
 * Why a header failed validation (`AllocationHeader::validate` and the checks around it), in check order.
 * - `misaligned`: user address < 64, or user address - 64 not a multiple of 64 (absolute address, fixed 64).
 * - `magic`: bytes 0..4 are not 0x4F525448. On a freed small block they hold the free-list link.
 * - `sizes`: requested_size is 0, or usable_size < requested_size.
 * - `classIndex`: small kind with a class byte above 11.
 * - `usableMismatch`: small kind whose usable_size is not its class payload.
 * - `largeClassByte`: large kind whose class byte is not 255.
 * - `kindByte`: kind is neither 1 nor 2 (undefined behaviour in Rust; every observed run says CorruptHeader).
 * - `registryMismatch`: large header valid, but its sizes disagree with the live record.
 */
export type CorruptReason =
  | 'misaligned'
  | 'magic'
  | 'sizes'
  | 'classIndex'
  | 'usableMismatch'
  | 'largeClassByte'
  | 'kindByte'
  | 'registryMismatch';

export const CORRUPT_REASONS: readonly CorruptReason[] = [
  'misaligned',
  'magic',
  'sizes',
  'classIndex',
  'usableMismatch',
  'largeClassByte',
  'kindByte',
  'registryMismatch',
];

export type FreeError =
  | {
      readonly kind: 'CorruptHeader';
      readonly reason: CorruptReason;
      /**
       * For `magic`: the block was handed out by a slab and its first bytes now read as a free-list link
       * (0 or a block address), i.e. it sits on a free list and this is a double (or stale) free.
       */
      readonly looksLikeFreeListLink: boolean;
      readonly message: string;
      readonly location: OpLocation;
    }
  | {
      readonly kind: 'SizeMismatch';
      readonly provided: number;
      readonly recorded: number;
      readonly message: string;
      readonly location: OpLocation;
    }
  | { readonly kind: 'ForeignPointer'; readonly message: string; readonly location: OpLocation }
  | { readonly kind: 'AlreadyFreedOrUnknownLarge'; readonly message: string; readonly location: OpLocation }
  | { readonly kind: 'UndefinedBehaviour'; readonly message: string; readonly location: OpLocation };

export type AllocatorError = AllocError | FreeError;

/** Error codes stored in the event log's `code` column for error events (0 = not an error). */
export const ERROR_CODES = {
  ZeroSize: 1,
  OutOfMemory: 2,
  CorruptHeader: 3,
  SizeMismatch: 4,
  ForeignPointer: 5,
  AlreadyFreedOrUnknownLarge: 6,
  UndefinedBehaviour: 7,
} as const satisfies Record<AllocatorError['kind'], number>;

/** The log format's rendering of an error (`err ...` without the prefix), as the golden recordings print it. */
export function formatErrorForLog(error: AllocatorError | InitError): string {
  switch (error.kind) {
    case 'OutOfMemory':
      return `OutOfMemory requested=${error.requested} remaining=${error.remaining}`;
    case 'SizeMismatch':
      return `SizeMismatch provided=${error.provided} recorded=${error.recorded}`;
    case 'InvalidConfig':
      return `InvalidConfig message="${error.message}"`;
    case 'MapFailed':
      return `MapFailed message="${error.message}"`;
    default:
      return error.kind;
  }
}

const REASON_TEXT: Record<CorruptReason, string> = {
  misaligned: 'the pointer is not 64 bytes past a 64-byte aligned header address',
  magic: 'the header magic is not 0x4F525448',
  sizes: 'requested_size is 0 or larger than usable_size',
  classIndex: 'the class byte is above 11',
  usableMismatch: "usable_size is not the class's payload",
  largeClassByte: 'a large header whose class byte is not 255',
  kindByte: 'the kind byte is neither 1 (small) nor 2 (large)',
  registryMismatch: "the large header's sizes disagree with the live large-allocation record",
};

export function corruptHeaderMessage(reason: CorruptReason, looksLikeFreeListLink: boolean): string {
  const base = `CorruptHeader: ${REASON_TEXT[reason]}`;
  return looksLikeFreeListLink
    ? `${base}; its first bytes hold a free-list link, so this small block is already free (a double free, which orthotope 0.1.7 reports as CorruptHeader)`
    : base;
}

/** The CorruptHeader value for `reason`, with the message the UI shows. */
export function corruptHeader(
  reason: CorruptReason,
  looksLikeFreeListLink: boolean,
  location: OpLocation,
): FreeError {
  const message = corruptHeaderMessage(reason, looksLikeFreeListLink);
  return { kind: 'CorruptHeader', reason, looksLikeFreeListLink, message, location };
}

export function outOfMemory(
  requested: number,
  remaining: number,
  leakedBlock: boolean,
  location: OpLocation,
): AllocError {
  const message = leakedBlock
    ? `OutOfMemory: ${requested} bytes do not fit the u32 header fields (the block taken for them is leaked)`
    : `OutOfMemory: ${requested} bytes requested, ${remaining} bytes left in the arena`;
  return { kind: 'OutOfMemory', requested, remaining, leakedBlock, message, location };
}

/** What the model reports where orthotope's behaviour is undefined (see the top of this file). */
export function undefinedBehaviour(what: string, location: OpLocation): AllocError & FreeError {
  return { kind: 'UndefinedBehaviour', message: `UndefinedBehaviour: ${what}`, location };
}

export function sizeMismatch(provided: number, recorded: number, location: OpLocation): FreeError {
  const message = `SizeMismatch: freed with size ${provided}, but the header records ${recorded}`;
  return { kind: 'SizeMismatch', provided, recorded, message, location };
}

export function foreignPointer(location: OpLocation): FreeError {
  const message =
    'ForeignPointer: a valid small header, but the block does not start on the alignment inside this arena';
  return { kind: 'ForeignPointer', message, location };
}

export function unknownLarge(location: OpLocation): FreeError {
  const message =
    'AlreadyFreedOrUnknownLarge: no live large allocation at this pointer (freed already, or forged)';
  return { kind: 'AlreadyFreedOrUnknownLarge', message, location };
}

// Mirrors orthotope 0.1.7 `src/size_class.rs` (`SizeClass`, `from_request`, `payload_size`,
// `block_size_for_alignment`) and the header constants of `src/header.rs`.
// Invariants: 12 classes in ascending payload order; the class index (0..11) is the byte stored in a
// small block's header; requests of 0 and above 16 MiB have no class (0 is ZeroSize, the rest is large).
// Everything here is a pure function of its arguments.

/** Number of fixed small-request classes (`NUM_CLASSES`). */
export const NUM_CLASSES = 12;
/** Bytes of allocator metadata at the start of every block (`HEADER_SIZE`); the user pointer is start + 64. */
export const HEADER_SIZE = 64;
/** Alignment of headers and block starts (`HEADER_ALIGNMENT`, `BLOCK_ALIGNMENT`). */
export const HEADER_ALIGNMENT = 64;
/** The largest request served by a size class (`SizeClass::max_small_request()`); above it, the large path. */
export const MAX_SMALL_REQUEST = 16_777_216;
/** Class byte of a large block's header, and the `cls` value of large-path events. */
export const LARGE_CLASS = 255;

/** A size-class index 0..11, as stored in the header's class byte. */
export type ClassIndex = number;

/** Class names in index order, as orthotope's `Debug` prints them. */
export const CLASS_NAMES: readonly string[] = [
  'B64',
  'B256',
  'B4K',
  'B6K',
  'B8K',
  'B16K',
  'B32K',
  'B64K',
  'B128K',
  'B256K',
  'B1M',
  'B16M',
];

/** Maximum user payload per class (`payload_size`); also the usable size written in its headers. */
export const CLASS_PAYLOADS: readonly number[] = [
  64, 256, 4096, 6144, 8192, 16_384, 32_768, 65_536, 131_072, 262_144, 1_048_576, 16_777_216,
];

/** Smallest request of each class: one more than the previous payload (1 for B64). */
export const CLASS_MIN_REQUESTS: readonly number[] = CLASS_PAYLOADS.map((_, i) =>
  i === 0 ? 1 : CLASS_PAYLOADS[i - 1] + 1,
);

/** `align_up` on non-negative safe integers: the smallest multiple of `alignment` that is >= `value`. */
export function alignUp(value: number, alignment: number): number {
  const remainder = value % alignment;
  return remainder === 0 ? value : value + (alignment - remainder);
}

/**
 * `SizeClass::from_request`: the class serving `size`, or -1 for 0 and for large requests.
 * The payloads are ascending, so the first payload >= size is the class (a short linear scan beats a
 * binary search for 12 entries and keeps the decision obviously equal to the Rust match arms).
 */
export function classForRequest(size: number): ClassIndex {
  if (size < 1 || size > MAX_SMALL_REQUEST) return -1;
  for (let c = 0; c < NUM_CLASSES; c++) if (size <= CLASS_PAYLOADS[c]) return c;
  return -1;
}

/**
 * `SizeClass::block_size_for_alignment`: payload + header rounded up to the alignment. Alignments below 64
 * are treated as 64, so the helper stays total before config validation (as in orthotope).
 */
export function classBlockSize(cls: ClassIndex, alignment: number): number {
  return alignUp(
    CLASS_PAYLOADS[cls] + HEADER_SIZE,
    alignment < HEADER_ALIGNMENT ? HEADER_ALIGNMENT : alignment,
  );
}

// Mirrors orthotope 0.1.7 `src/header.rs`: the 64-byte `AllocationHeader` (C layout, little-endian) and
// `AllocationHeader::validate`. Layout: 0..4 magic u32, 4 kind u8 (1 small, 2 large), 5 class index u8
// (255 for large), 6..8 reserved, 8..12 requested_size u32, 12..16 usable_size u32, 16..64 padding.
// The allocation path writes bytes 0..16 only (`write_encoded_fields`); padding is never written.
// `validateHeader` is a pure kernel: header fields in, routing decision or CorruptHeader reason out.
import { CLASS_PAYLOADS, LARGE_CLASS, NUM_CLASSES } from '../sizeClasses';
import type { CorruptReason } from '../errors';

export const HEADER_MAGIC = 0x4f525448;
export const KIND_SMALL = 1;
export const KIND_LARGE = 2;
export const U32_MAX = 0xffff_ffff;

/** Byte offsets of the header fields within the block. */
export const HEADER_FIELDS = {
  magic: 0,
  kind: 4,
  classIndex: 5,
  reserved: 6,
  requested: 8,
  usable: 12,
  padding: 16,
} as const;
/** Bytes the allocation path rewrites when it hands a block out. */
export const HEADER_WRITTEN_BYTES = 16;

/** The decoded first 16 bytes of a header. */
export interface HeaderFields {
  magic: number;
  kind: number;
  classIndex: number;
  requested: number;
  usable: number;
}

/** Routing decision of a valid header: a small class index 0..11, or `LARGE_CLASS` (255). */
export type HeaderVerdict =
  { readonly ok: true; readonly cls: number } | { readonly ok: false; readonly reason: CorruptReason };

/** `AllocationHeader::validate`, check by check in orthotope's order. */
export function validateHeader(h: HeaderFields): HeaderVerdict {
  if (h.magic !== HEADER_MAGIC) return { ok: false, reason: 'magic' };
  if (h.requested === 0 || h.usable < h.requested) return { ok: false, reason: 'sizes' };
  if (h.kind === KIND_SMALL) {
    if (h.classIndex >= NUM_CLASSES) return { ok: false, reason: 'classIndex' };
    if (h.usable !== CLASS_PAYLOADS[h.classIndex]) return { ok: false, reason: 'usableMismatch' };
    return { ok: true, cls: h.classIndex };
  }
  if (h.kind === KIND_LARGE) {
    if (h.classIndex !== LARGE_CLASS) return { ok: false, reason: 'largeClassByte' };
    return { ok: true, cls: LARGE_CLASS };
  }
  // Undefined behaviour in Rust (an invalid enum discriminant); unreachable with an intact magic in practice.
  return { ok: false, reason: 'kindByte' };
}

/** Encodes bytes 0..16 of a header. Returns null when a size does not fit in u32 (`encode_*_fields` -> None). */
export function encodeHeader(
  kind: number,
  classIndex: number,
  requested: number,
  usable: number,
): Uint8Array | null {
  if (requested === 0 || usable < requested || requested > U32_MAX || usable > U32_MAX) return null;
  const out = new Uint8Array(HEADER_WRITTEN_BYTES);
  const view = new DataView(out.buffer);
  view.setUint32(HEADER_FIELDS.magic, HEADER_MAGIC, true);
  out[HEADER_FIELDS.kind] = kind;
  out[HEADER_FIELDS.classIndex] = classIndex;
  view.setUint32(HEADER_FIELDS.requested, requested, true);
  view.setUint32(HEADER_FIELDS.usable, usable, true);
  return out;
}

/** Decodes the header fields from a copy of at least 16 header bytes. */
export function decodeHeader(bytes: Uint8Array): HeaderFields {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    magic: view.getUint32(HEADER_FIELDS.magic, true),
    kind: bytes[HEADER_FIELDS.kind],
    classIndex: bytes[HEADER_FIELDS.classIndex],
    requested: view.getUint32(HEADER_FIELDS.requested, true),
    usable: view.getUint32(HEADER_FIELDS.usable, true),
  };
}

// OpenVM v1.7 AccessMetadata (online.rs): `timestamp_and_log_block_size: u32` + `offset_to_start: u8`.
// Bits 0..28 hold the timestamp, bits 29..31 a code: 0 = size 0 (untouched, or not a block start),
// otherwise block size = 2^(code-1). offset_to_start is the distance in ALIGN units back to the block start.

export const TIMESTAMP_MASK = (1 << 29) - 1;
export const LOG_BLOCK_SIZE_SHIFT = 29;

/** Code for a block size (AccessMetadata::new): 0 -> 0, else ilog2(size) + 1. */
export function blockSizeCode(size: number): number {
  return size === 0 ? 0 : 31 - Math.clz32(size) + 1;
}

export function packMetadataWord(timestamp: number, blockSize: number): number {
  return (timestamp | (blockSizeCode(blockSize) << LOG_BLOCK_SIZE_SHIFT)) >>> 0;
}

export function metadataTimestamp(word: number): number {
  return word & TIMESTAMP_MASK;
}

export function metadataBlockSize(word: number): number {
  const code = word >>> LOG_BLOCK_SIZE_SHIFT;
  return code === 0 ? 0 : 1 << (code - 1);
}

/** A decoded metadata entry, for views (the UI's block inspector, the CLI's dumps). */
export interface DecodedMetadata {
  /** The raw packed `timestamp_and_log_block_size` word. */
  raw: number;
  offsetToStart: number;
  timestamp: number;
  blockSize: number;
}

export function decodeMetadata(raw: number, offsetToStart: number): DecodedMetadata {
  return { raw, offsetToStart, timestamp: metadataTimestamp(raw), blockSize: metadataBlockSize(raw) };
}

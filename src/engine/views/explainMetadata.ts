// Plain-language answers for the metadata words and timestamps the UI shows (issue 7, "explain this"),
// derived from the values themselves and the access history, never hard-coded per example. Mirrors the
// packing of OpenVM v1.7 AccessMetadata (online.rs: AccessMetadata::new / timestamp / block_size) and where
// TracingMemory writes it (set_meta_block, split_by_meta, handle_uninitialized_memory).

import { LOG_BLOCK_SIZE_SHIFT, metadataBlockSize, metadataTimestamp } from '../memory/accessMetadata';

const hex = (n: number) => '0x' + (n >>> 0).toString(16).padStart(8, '0');

/** Explains one AccessMetadata entry (the packed word and offset_to_start) of the unit at `unitAddr`. */
export function explainMetadataWord(
  raw: number,
  offsetToStart: number,
  align: number,
  unitAddr: number,
): string {
  const code = raw >>> LOG_BLOCK_SIZE_SHIFT;
  const ts = metadataTimestamp(raw);
  if (raw === 0 && offsetToStart === 0) {
    return `${hex(raw)} with offset_to_start 0 is the default entry: no access has reached the ${align}-cell unit at ${unitAddr}. Its cells still hold the initial memory, at timestamp 0 (INITIAL_TIMESTAMP); the first access to it will go through handle_uninitialized_memory.`;
  }
  if (offsetToStart > 0) {
    return `offset_to_start ${offsetToStart}: this unit lies ${offsetToStart} unit${offsetToStart === 1 ? '' : 's'} (${offsetToStart * align} cells) after the start of its block, at ${unitAddr - offsetToStart * align}. set_meta_block stores the timestamp and size only at a block's start; every other unit holds (timestamp 0, size 0, offset k), so its word is ${hex(raw)} and get_block_metadata jumps back k units to read the block's entry.`;
  }
  const size = metadataBlockSize(raw);
  return `${hex(raw)} packs the timestamp in bits 0..28 (${ts}) and a size code in bits 29..31 (${code}, so the block is 2^(${code}−1) = ${size} cell${size === 1 ? '' : 's'}); offset_to_start 0 marks the start of the block [${unitAddr}, ${unitAddr + size}). ${ts === 0 ? 'Timestamp 0: the block was made by a first-touch split of the initial memory (handle_uninitialized_memory → split_by_meta) and no access has touched it since.' : `Timestamp ${ts}: the last access of this block happened at t ${ts} (set_meta_block writes the access's own timestamp; a split by a later, overlapping access keeps it).`}`;
}

/** Explains the t_prev an access returned. */
export function explainTPrev(
  tPrev: number,
  t: number,
  records: { kind: string; prevTimestamps?: number[]; pointer: number; blockSize: number }[],
  access: { pointer: number; size: number },
): string {
  if (tPrev === 0) {
    return `t_prev 0: the cells had not been accessed since the initial memory (timestamp 0), so the access at t ${t} is their first. OpenVM's memory bus still consumes the old values "at" t 0, which the boundary chip produced.`;
  }
  const merge = records.find(
    (r) => r.kind === 'merge' && r.pointer === access.pointer && r.blockSize === access.size,
  );
  if (merge?.prevTimestamps) {
    return `t_prev ${tPrev} is the newest timestamp of the pieces this access merged ([${merge.prevTimestamps.join(', ')}]): prev_access_time treats them as one earlier access at t ${tPrev}. The access at t ${t} proves its values against that one.`;
  }
  return `t_prev ${tPrev}: the block [${access.pointer}, ${access.pointer + access.size}) was last accessed at t ${tPrev} (read from its AccessMetadata by prev_access_time), so the access at t ${t} consumes the values it left.`;
}

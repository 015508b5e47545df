// Typed arrays a view created for its answer alone, which the worker may therefore transfer (move) to the
// UI instead of copying. Opt-in on purpose: transferring a buffer the engine still uses (a memory page, a
// record pool) would detach it and corrupt the run, so only arrays marked here ever move.

const owned = new WeakSet<ArrayBufferView>();

/** Marks a freshly created typed array as safe to transfer; returns it. */
export function transferable<T extends ArrayBufferView>(array: T): T {
  owned.add(array);
  return array;
}

/** The buffers of marked typed arrays reachable from `value` (each once). */
export function collectTransferables(
  value: unknown,
  out: Set<ArrayBuffer> = new Set(),
  depth = 0,
): ArrayBuffer[] {
  if (value === null || typeof value !== 'object' || depth > 8) return [...out];
  if (ArrayBuffer.isView(value)) {
    if (owned.has(value) && value.buffer instanceof ArrayBuffer) out.add(value.buffer);
    return [...out];
  }
  if (Array.isArray(value)) {
    // Arrays of numbers (record data) hold nothing to transfer: skip them quickly.
    if (value.length > 0 && typeof value[0] !== 'object') return [...out];
    for (const v of value) collectTransferables(v, out, depth + 1);
    return [...out];
  }
  for (const v of Object.values(value)) collectTransferables(v, out, depth + 1);
  return [...out];
}

// Mirrors orthotope 0.1.7 `src/free_list.rs`: a singly linked intrusive LIFO whose link lives in each free
// block's first bytes. The list structure is only in the arena bytes; callers keep the head offset and the
// length (struct-of-arrays friendly, so thread caches can hold thousands of slab lists in plain arrays).
// Every write orthotope makes is made here in the same order (a popped node's link is cleared, a batch's
// new tail is cleared, a spliced batch's tail is pointed at the old head), so a mirror of the arena sees
// the same bytes as the real process.
import { NIL, type ArenaMemory } from './arenaMemory';

/** A detached chain (`Batch`): head to tail through the links, `len` nodes; head = tail = NIL when empty. */
export interface Batch {
  readonly head: number;
  readonly tail: number;
  readonly len: number;
}

export const EMPTY_BATCH: Batch = { head: NIL, tail: NIL, len: 0 };

/** `FreeList::push_block`: links `block` in front of `head`; returns the new head (`block`). */
export function pushNode(mem: ArenaMemory, head: number, block: number): number {
  mem.writeLink(block, head);
  return block;
}

/** `FreeList::pop_block` on a non-empty list: clears the popped head's link; returns the new head. */
export function popNode(mem: ArenaMemory, head: number): number {
  const next = mem.readLink(head);
  mem.writeLink(head, NIL);
  return next;
}

/**
 * `FreeList::pop_batch(n)` with 1 <= n <= len: detaches the first n nodes in list order and clears the new
 * tail's link. Returns the batch and the remaining list's head.
 */
export function detachPrefix(mem: ArenaMemory, head: number, n: number): { batch: Batch; rest: number } {
  let tail = head;
  for (let i = 1; i < n; i++) tail = mem.readLink(tail);
  const rest = mem.readLink(tail);
  mem.writeLink(tail, NIL);
  return { batch: { head, tail, len: n }, rest };
}

/** `FreeList::push_batch`: splices a non-empty batch in front of `head`, keeping its order; returns the new head. */
export function spliceBatch(mem: ArenaMemory, head: number, batch: Batch): number {
  if (batch.len === 0) return head;
  mem.writeLink(batch.tail, head);
  return batch.head;
}

/** Walks a list from `head` and returns its nodes in order (inspection only; O(len)). */
export function listNodes(mem: ArenaMemory, head: number, limit = Number.POSITIVE_INFINITY): number[] {
  const nodes: number[] = [];
  for (let node = head; node !== NIL && nodes.length < limit; node = mem.readLink(node)) nodes.push(node);
  return nodes;
}

// Which checkpoints to keep when the store is over its memory budget: a pure plan (the store applies it).
// The desired spacing grows with age, as in rr and in checkpointing debuggers generally: a checkpoint `age`
// steps behind the head may be as far as max(minGap, age / k) from the next newer kept one, so recent
// history stays dense (cheap step back, short replays) and old history costs O(k log(head / minGap))
// checkpoints. Replaying to any point costs at most about age / k steps.
// Invariants: the first checkpoint (step 0, the start of the run) and the newest are always kept; the plan
// only removes, never moves; a smaller k keeps fewer.

/** keep[i] for checkpoints at ascending `steps`, given the head step, the base spacing and k. */
export function thinningPlan(steps: ArrayLike<number>, head: number, minGap: number, k: number): boolean[] {
  const n = steps.length;
  const keep = new Array<boolean>(n).fill(false);
  if (n === 0) return keep;
  keep[0] = true;
  keep[n - 1] = true;
  let lastKept = steps[n - 1];
  for (let i = n - 2; i >= 1; i--) {
    const gap = Math.max(minGap, (head - steps[i]) / k);
    if (lastKept - steps[i] >= gap) {
      keep[i] = true;
      lastKept = steps[i];
    }
  }
  return keep;
}

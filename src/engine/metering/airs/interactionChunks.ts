// The width of an AIR's permutation (LogUp) trace, as OpenVM v1.7.0's stark backend computes it at keygen:
// openvm-org/stark-backend v1.4.0 (the tag OpenVM v1.7.0's Cargo.lock pins, commit 2d4c6da0),
//   crates/stark-backend/src/interaction/fri_log_up.rs:578-648  find_interaction_chunks: sort the interactions
//     by (max degree of a message field, degree of the count), then pack them greedily into chunks; a chunk
//     takes the next interaction while max(numerator degree, denominator degree + 1) <= max_constraint_degree,
//     where the denominator degree is the sum of the chunk's field degrees and the numerator degree is
//     max(numerator + field, count + running field sum);
//   crates/stark-backend/src/air_builders/symbolic/mod.rs:406-414  perm_width = num_chunks + 1 (one column
//     per chunk and the running sum), in extension-field elements;
//   max_constraint_degree = 2^log_blowup + 1 (crates/stark-sdk/src/config/fri_params.rs:52-54) = 3 for an
//     app VM (DEFAULT_APP_LOG_BLOWUP = 1, openvm crates/sdk/src/config/mod.rs:15);
//   the metrics' perm_cols count base-field columns: 4 (BabyBear's quartic extension) × perm_width.
// An interaction is described here only by the two degrees that decide the packing (docs/metering.md §2b).
// Cost: O(n log n) in the number of interactions, at inventory build time.

/** One bus interaction: the largest degree among its message fields, and the degree of its count. */
export interface InteractionDegrees {
  readonly field: number;
  readonly count: number;
}

/** OpenVM's app VM: log_blowup 1, so constraints of degree up to 3. */
export const APP_MAX_CONSTRAINT_DEGREE = 3;
/** BabyBear's quartic extension: each permutation column is 4 base-field columns in the metrics. */
export const EXT_DEGREE = 4;

/** `n` interactions of the same degrees. */
export function times(n: number, field: number, count: number): InteractionDegrees[] {
  return Array.from({ length: n }, () => ({ field, count }));
}

/** `n` copies of a group of interactions. */
export function repeat(n: number, group: readonly InteractionDegrees[]): InteractionDegrees[] {
  return Array.from({ length: n }, () => group).flat();
}

/**
 * One memory access through MemoryBridge (crates/vm/src/system/memory/offline_checker/bridge.rs):
 * AssertLtSubAir's AUX_LEN = 2 range checks of the timestamp decomposition (a column: degree 1) and the
 * memory bus receive (previous data, previous timestamp) and send (data, timestamp), all with count
 * `enabled`; `field` is the largest degree of the address, data and timestamp expressions.
 */
export function memoryAccess(field: number, count: number): InteractionDegrees[] {
  return [...times(2, 1, count), ...times(2, field, count)];
}

/**
 * ExecutionBridge::execute(...).eval (crates/vm/src/arch/execution.rs:457-500): the program bus lookup
 * (pc, opcode, operands), the execution bus receive (from state) and send (to state).
 */
export function executionBridge(program: number, toState: number, count: number): InteractionDegrees[] {
  return [
    { field: program, count },
    { field: 1, count },
    { field: toState, count },
  ];
}

/** find_interaction_chunks: the number of chunks the interactions are packed into. */
export function interactionChunks(
  interactions: readonly InteractionDegrees[],
  maxConstraintDegree = APP_MAX_CONSTRAINT_DEGREE,
): number {
  if (interactions.length === 0) return 0;
  // Array.prototype.sort is stable, like Rust's sort_by; only the degrees matter for the count anyway.
  const sorted = [...interactions].sort((a, b) => a.field - b.field || a.count - b.count);
  let chunks = 0;
  let open = false;
  let numerator = 0;
  let denominator = 0;
  for (const { field, count } of sorted) {
    const newNumerator = Math.max(numerator + field, count + denominator);
    const newDenominator = denominator + field;
    if (Math.max(newNumerator, newDenominator + 1) <= maxConstraintDegree) {
      open = true;
      numerator = newNumerator;
      denominator = newDenominator;
      continue;
    }
    if (open) chunks++;
    if (maxConstraintDegree > 0 && Math.max(count, field + 1) > maxConstraintDegree)
      throw new Error(
        `an interaction with field degree ${field} and count degree ${count} exceeds max_constraint_degree ${maxConstraintDegree}`,
      );
    open = true;
    numerator = count;
    denominator = field;
  }
  return chunks + 1;
}

/** The metrics' perm_cols: EXT_DEGREE × (chunks + 1), or 0 for an AIR without interactions. */
export function permCols(
  interactions: readonly InteractionDegrees[],
  maxConstraintDegree = APP_MAX_CONSTRAINT_DEGREE,
): number {
  if (interactions.length === 0) return 0;
  return EXT_DEGREE * (interactionChunks(interactions, maxConstraintDegree) + 1);
}

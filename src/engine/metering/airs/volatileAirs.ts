// The system AIRs OpenVM v1.7.0 has without continuations (volatile memory) that it lacks with them,
// derived from the v1.7.0 source (commit 425913bd; no report of that commit runs a volatile app VM):
//   order         crates/vm/src/system/mod.rs:241-249 into_airs: ProgramAir, VmConnectorAir, PublicValuesAir
//                 (if present), then the memory AIRs: VolatileBoundaryAir and AccessAdapterAir<2..32> — no
//                 MemoryMerkleAir (crates/vm/src/arch/config.rs:350-369: boundary at PUBLIC_VALUES_AIR_ID 2
//                 + has_public_values_chip, adapters right after it); mod.rs:332-353 create_airs adds the
//                 VariableRangeCheckerAir first and the Poseidon2 periphery only `if continuation_enabled`,
//                 then PhantomAir (so the inventory ends ..., PhantomAir, VariableRangeCheckerAir).
//   present       PublicValuesAir iff !continuation_enabled && num_public_values > 0 (config.rs:345-347).
//   main_cols     the column structs with their const generics (below, per AIR);
//   interactions  every bus send/receive of the AIR's eval, each by the degrees of its message and count,
//                 perm_cols following as the stark backend's keygen packs them (interactionChunks.ts);
//   air_name      stark-backend v1.4.0 get_air_name (crates/stark-backend/src/rap.rs:105-128): split at the
//                 first '<', trim the trailing '>'s, keep each ", "-separated generic's last path segment,
//                 re-add one '>' — here the balanced `VmAirWrapper<NativeAdapterAir<2, 0>, PublicValuesCoreAir>`.
// Heights: VolatileBoundaryAir one row per touched cell (finalize(false) gives a TimestampedEquipartition<F, 1>),
// padded next_power_of_two (volatile/mod.rs:243-252: 0 rows pad to 1); PublicValuesAir one row per PUBLISH
// (a native system opcode no RV32 guest executes), next_power_of_two_or_zero (arch/record_arena.rs:147-151).

import type { AirSpec } from './airSpec';
import { executionBridge, type InteractionDegrees, permCols, times } from './interactionChunks';

/** offline_checker/bridge.rs:25 AUX_LEN: limbs of a range-checked decomposition (2 × 17 bits ≥ 29). */
const AUX_LEN = 2;

// ---------- VolatileBoundaryAir (crates/vm/src/system/memory/volatile/mod.rs) ----------

/** :41-42 ADDR_ELTS = 2 (address space, pointer), NUM_AS_LIMBS = 1. */
const ADDR_ELTS = 2;
const NUM_AS_LIMBS = 1;
/** IsLtArrayAuxCols<T, ADDR_ELTS, AUX_LEN> (primitives/src/is_less_than_array/mod.rs:35-42): diff_marker[NUM], diff_inv, lt_aux.lower_decomp[AUX_LEN]. */
const IS_LT_ARRAY_AUX = ADDR_ELTS + 1 + AUX_LEN;
/**
 * VolatileBoundaryCols (:47-57): addr_space_limbs[1], pointer_limbs[AUX_LEN], initial_data, final_data,
 * final_timestamp, is_valid, addr_lt_aux — 1 + 2 + 3 + 1 + 5 = 12.
 */
export const VOLATILE_BOUNDARY_WIDTH = NUM_AS_LIMBS + AUX_LEN + 3 + 1 + IS_LT_ARRAY_AUX;

/**
 * VolatileBoundaryAir::eval (:117-181), every count a column (degree 1), every message field a column or a
 * linear compose of limbs (degree 1): range checks of the address-space limb and the two pointer limbs
 * (count is_valid, :130-141), IsLtArrayWhenTransitionAir's range checks of lt_aux.lower_decomp (count
 * next.is_valid, is_less_than_array/mod.rs:205-207, is_less_than/mod.rs:144-162), the memory bus send of
 * (address, initial_data, timestamp 0) and receive of (address, final_data, final_timestamp) (:164-180).
 */
const VOLATILE_BOUNDARY_INTERACTIONS: InteractionDegrees[] = [
  ...times(NUM_AS_LIMBS + AUX_LEN, 1, 1),
  ...times(AUX_LEN, 1, 1),
  ...times(2, 1, 1),
];

export const VOLATILE_BOUNDARY_AIR: AirSpec = {
  key: 'boundary',
  name: 'VolatileBoundaryAir',
  kind: 'boundary',
  mainCols: VOLATILE_BOUNDARY_WIDTH,
  permCols: permCols(VOLATILE_BOUNDARY_INTERACTIONS),
  prepCols: 0,
  interactions: VOLATILE_BOUNDARY_INTERACTIONS.length,
};

// ---------- PublicValuesAir = VmAirWrapper<NativeAdapterAir<2, 0>, PublicValuesCoreAir> ----------
// (crates/vm/src/system/public_values/mod.rs:15)

/**
 * Encoder::new(cnt, max_degree, reserve_invalid).width() (primitives/src/encoder/mod.rs:43-55, 159-161): the
 * least k with C(k + max_degree, max_degree) ≥ cnt + reserve_invalid.
 */
export function encoderWidth(cnt: number, maxDegree: number, reserveInvalid = true): number {
  const binomial = (x: number) => {
    let res = 1;
    // Integer division as in the Rust (each step's product is divisible by i).
    for (let i = 1; i <= maxDegree; i++) res = Math.floor((res * (x + i)) / i);
    return res;
  };
  let k = 0;
  while (binomial(k) < cnt + (reserveInvalid ? 1 : 0)) k++;
  return k;
}

/** MemoryReadOrImmediateAuxCols (offline_checker/columns.rs:92-96): prev_timestamp, lower_decomp[2], is_immediate, is_zero_aux. */
const READ_OR_IMMEDIATE_AUX = 1 + AUX_LEN + 2;
/** NativeAdapterCols<T, 2, 0> (native_adapter/mod.rs:36-56): from_state (pc, timestamp), 2 × (address (as, ptr), read aux). */
export const NATIVE_ADAPTER_2_0_WIDTH = 2 + 2 * (2 + READ_OR_IMMEDIATE_AUX);

/**
 * NativeAdapterAir<2, 0>::eval (native_adapter/mod.rs:75-143): two read_or_immediate (bridge.rs:184-225: the
 * timestamp check's AUX_LEN range checks with count is_valid, then the bus receive and send with count
 * is_valid · (1 − is_immediate), degree 2), and the execution bridge (opcode a constant, to_pc None: pc + 4).
 */
const PUBLIC_VALUES_INTERACTIONS: InteractionDegrees[] = [
  ...times(2 * AUX_LEN, 1, 1),
  ...times(2 * 2, 1, 2),
  ...executionBridge(1, 1, 1),
];

/**
 * PublicValuesAir for `numPublicValues` custom public values: the adapter's 16 columns and
 * PublicValuesCoreAir's 3 + Encoder(num_public_values, max_constraint_degree − 1, true).width()
 * (public_values/core.rs:40-52; system/mod.rs:215-218 passes max_constraint_degree − 1).
 * Defaults (32 values, degree 3): 16 + 3 + 7 = 26.
 */
export function publicValuesAir(numPublicValues: number, maxConstraintDegree: number): AirSpec {
  return {
    key: 'public_values',
    name: 'VmAirWrapper<NativeAdapterAir<2, 0>, PublicValuesCoreAir>',
    kind: 'chip',
    mainCols: NATIVE_ADAPTER_2_0_WIDTH + 3 + encoderWidth(numPublicValues, maxConstraintDegree - 1),
    permCols: permCols(PUBLIC_VALUES_INTERACTIONS),
    prepCols: 0,
    interactions: PUBLIC_VALUES_INTERACTIONS.length,
  };
}

// The AIRs of OpenVM v1.7.0's SHA-256 and BigInt (Int256) extensions, derived from the v1.7.0 source (no
// report of that commit runs them; docs/metering.md §2b has the derivation with every file:line):
//   main_cols     the column structs' fields with their const generics (below, per struct);
//   interactions  every bus send/receive of the AIR's eval, adapter included, each by the degrees of its
//                 message and count (interactionChunks.ts), from which perm_cols follows as the stark
//                 backend's keygen computes it; prep_cols 0 (no preprocessed trace);
//   air_name      stark-backend get_air_name (crates/stark-backend/src/rap.rs:105-129 at v1.4.0): the last
//                 path segment of the type and of each ", "-separated generic, after trimming every
//                 trailing '>' — so a wrapper loses all closing '>' but the one re-added
//                 (`VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, BaseAluCoreAir<32, 8>`).
// Rows: SHA-256 adds 17 per 64-byte block, ceil((8 len + 65) / 512) blocks per call (sha256_chip/
// execution.rs:139, 172; sha256-air/src/utils.rs:77-81); each Int256 chip one per instruction
// (extensions/bigint/circuit/src/{base_alu,less_than,branch_eq,branch_lt,mult,shift}.rs on_height_change 1).
// Insertion order: extensions/hash/sha256/circuit/src/extension/mod.rs:76-96 (BitwiseOperationLookupAir<8>
// only when no extension added one, then Sha256VmAir); extensions/bigint/circuit/src/extension/mod.rs:
// 158-225 (bitwise and RangeTupleCheckerAir<2> only when missing or too small, then alu, lt, beq, blt,
// mult, shift).

import type { AirSpec } from './airSpec';
import {
  executionBridge,
  type InteractionDegrees,
  memoryAccess,
  permCols,
  repeat,
  times,
} from './interactionChunks';

/** MemoryReadAuxCols: prev_timestamp + LessThanAuxCols<AUX_LEN = 2> (offline_checker/columns.rs:15-66). */
const READ_AUX = 3;
/** MemoryWriteAuxCols<N>: the read aux + prev_data[N] (columns.rs:31-34). */
const writeAux = (n: number) => READ_AUX + n;
/** RV32_REGISTER_NUM_LIMBS. */
const REG = 4;

export const INT256_LIMBS = 32;
const LIMB_BITS = 8;

// ---------- SHA-256 ----------

/** Sha256FlagsCols (sha256-air/src/columns.rs:102-123): 4 flags, row_idx[5], global and local block idx. */
const SHA_FLAGS = 4 + 5 + 2;
/** Sha256WorkVarsCols (:73-83): a, e [4][32] bits, carry_a, carry_e [4][2]. */
const SHA_WORK_VARS = 2 * 4 * 32 + 2 * 4 * 2;
/** Sha256MessageHelperCols (:86-99): w_3 [3][2], intermed_4/8/12 [4][2]. */
const SHA_HELPER = 3 * 2 + 3 * 4 * 2;
/** Sha256MessageScheduleCols (:61-70): w [4][32], carry_or_buffer [4][4]. */
const SHA_SCHEDULE = 4 * 32 + 4 * 4;
/** Sha256VmControlCols (sha256_chip/columns.rs:45-64): len, cur_timestamp, read_ptr, pad_flags[6], padding_occurred, padding_spills. */
const SHA_CONTROL = 3 + 6 + 1 + 1;
/** Sha256VmRoundCols (:17-22): control, Sha256RoundCols (flags, work_vars, schedule_helper, message_schedule), read_aux. */
export const SHA256_ROUND_WIDTH =
  SHA_CONTROL + SHA_FLAGS + SHA_WORK_VARS + SHA_HELPER + SHA_SCHEDULE + READ_AUX;
/**
 * Sha256VmDigestCols (:25-41): control, Sha256DigestCols (flags, hash, schedule_helper, final_hash [8][4],
 * prev_hash [8][2]), from_state, rd/rs1/rs2_ptr, dst/src/len [4], 3 register read aux, write aux <32>.
 */
export const SHA256_DIGEST_WIDTH =
  SHA_CONTROL +
  (SHA_FLAGS + SHA_WORK_VARS + SHA_HELPER + 8 * 4 + 8 * 2) +
  2 +
  3 +
  3 * REG +
  3 * READ_AUX +
  writeAux(32);

/**
 * Sha256VmAir's interactions (sha256_chip/air.rs:80-89 eval):
 *   eval_reads (:510-531)       one 16-cell read per round row, count is_first_4_rows (degree 1);
 *   eval_last_row (:533-659)    count is_last_row = is_last_block * is_digest_row (degree 2): three register
 *                               reads, two bitwise range checks (dst/src, len), the digest write, the
 *                               execution bridge (all fields of degree 1);
 *   Sha256Air (sha256-air/src/air.rs): final_hash byte-pair range checks 8 × 2 (:200-229, count
 *                               is_digest_row), carry range checks 4 × 2 (:547-562, count is_round_row), and
 *                               the self-bus prev_hash send — its block index is select(next is padding, 1,
 *                               idx + 1), degree 2 — and receive (:378-421).
 */
export const SHA256_INTERACTIONS: readonly InteractionDegrees[] = [
  ...memoryAccess(1, 1),
  ...repeat(3, memoryAccess(1, 2)),
  ...times(2, 1, 2),
  ...memoryAccess(1, 2),
  ...executionBridge(1, 1, 2),
  ...times(8 * 2, 1, 1),
  ...times(4 * 2, 1, 1),
  { field: 2, count: 1 },
  { field: 1, count: 1 },
];

export const SHA256_VM_AIR: AirSpec = {
  key: 'sha256',
  name: 'Sha256VmAir',
  kind: 'chip',
  // SHA256VM_WIDTH = max(round, digest) (sha256_chip/columns.rs:72-80).
  mainCols: Math.max(SHA256_ROUND_WIDTH, SHA256_DIGEST_WIDTH),
  permCols: permCols(SHA256_INTERACTIONS),
  prepCols: 0,
  interactions: SHA256_INTERACTIONS.length,
};

// ---------- Int256: adapters ----------

/**
 * Rv32HeapAdapterAir<2, 32, 32> = Rv32VecHeapAdapterAir<2, 1, 1, 32, 32> (rv32-adapters/src/heap.rs:47-91;
 * vec_heap.rs:50-71 columns): from_state 2, rs_ptr[2], rd_ptr, rs_val[2][4], rd_val[4], 3 register read
 * aux, 2 heap read aux, 1 heap write aux <32>.
 */
const HEAP_ADAPTER_COLS = 2 + 2 + 1 + 2 * REG + REG + 3 * READ_AUX + 2 * READ_AUX + writeAux(INT256_LIMBS);
/**
 * Its eval (vec_heap.rs:130-248), count is_valid (a sum of core flags, degree 1): three register reads, two
 * range checks of the pointers' top limbs ([rs1, rs2, rd, rd] in pairs), two 32-cell reads, one 32-cell
 * write, the execution bridge (pc + 4).
 */
const HEAP_ADAPTER_INTERACTIONS: InteractionDegrees[] = [
  ...repeat(3, memoryAccess(1, 1)),
  ...times(2, 1, 1),
  ...memoryAccess(1, 1),
  ...memoryAccess(1, 1),
  ...memoryAccess(1, 1),
  ...executionBridge(1, 1, 1),
];
/** Rv32HeapBranchAdapterCols<2, 32> (heap_branch.rs:41-50): from_state, rs_ptr[2], rs_val[2][4], 2 + 2 read aux. */
const HEAP_BRANCH_ADAPTER_COLS = 2 + 2 + 2 * REG + 2 * READ_AUX + 2 * READ_AUX;
/**
 * Its eval (heap_branch.rs:73-156): two register reads, one range check pair, two 32-cell reads, and the
 * execution bridge whose to_pc is the core's pc + cmp_result * imm + ... (degree 2).
 */
const heapBranchInteractions = (): InteractionDegrees[] => [
  ...memoryAccess(1, 1),
  ...memoryAccess(1, 1),
  { field: 1, count: 1 },
  ...memoryAccess(1, 1),
  ...memoryAccess(1, 1),
  ...executionBridge(1, 2, 1),
];

// ---------- Int256: cores (extensions/rv32im/circuit/src/*/core.rs with NUM_LIMBS 32, LIMB_BITS 8) ----------

const N = INT256_LIMBS;
interface Core {
  key: string;
  adapter: 'heap' | 'branch';
  core: string;
  cols: number;
  interactions: InteractionDegrees[];
}

const CORES: Core[] = [
  // BaseAluCoreCols (base_alu/core.rs:29-39): a, b, c, 5 flags. eval (:68-): one xor lookup per limb, its
  // x, y, x^y mixing flags and limbs (degree 2), count is_valid.
  {
    key: 'alu',
    adapter: 'heap',
    core: `BaseAluCoreAir<${N}, ${LIMB_BITS}>`,
    cols: 3 * N + 5,
    interactions: times(N, 2, 1),
  },
  // LessThanCoreCols (less_than/core.rs:28-45): b, c, cmp_result, 2 flags, b/c_msb_f, diff_marker, diff_val.
  // eval (:74-): a range check of the two msbs (count is_valid) and one of diff_val - 1 (count prefix_sum).
  {
    key: 'lt',
    adapter: 'heap',
    core: `LessThanCoreAir<${N}, ${LIMB_BITS}>`,
    cols: 2 * N + 1 + 2 + 2 + N + 1,
    interactions: times(2, 1, 1),
  },
  // BranchEqualCoreCols (branch_eq/core.rs:21-33): a, b, cmp_result, imm, 2 flags, diff_inv_marker. No bus.
  {
    key: 'beq',
    adapter: 'branch',
    core: `BranchEqualCoreAir<${N}>`,
    cols: 2 * N + 2 + 2 + N,
    interactions: [],
  },
  // BranchLessThanCoreCols (branch_lt/core.rs:25-50): a, b, cmp_result, imm, 4 flags, a/b_msb_f, cmp_lt,
  // diff_marker, diff_val; two range checks as LessThan.
  {
    key: 'blt',
    adapter: 'branch',
    core: `BranchLessThanCoreAir<${N}, ${LIMB_BITS}>`,
    cols: 2 * N + 2 + 4 + 2 + 1 + N + 1,
    interactions: times(2, 1, 1),
  },
  // MultiplicationCoreCols (mul/core.rs:26-31): a, b, c, is_valid. eval (:60-): one range tuple send per limb
  // of (a_i, carry_i), carry_i a sum of products b_k c_(i-k) (degree 2).
  {
    key: 'mul',
    adapter: 'heap',
    core: `MultiplicationCoreAir<${N}, ${LIMB_BITS}>`,
    cols: 3 * N + 1,
    interactions: times(N, 2, 1),
  },
  // ShiftCoreCols (shift/core.rs:29-51): a, b, c, 3 flags, 2 bit multipliers, b_sign, bit_shift_marker
  // [LIMB_BITS], limb_shift_marker, bit_shift_carry. eval (:84-): the range check of c's shift amount, the
  // sign xor (count sra flag), N/2 byte-pair range checks of a, N range checks of the carries.
  {
    key: 'shift',
    adapter: 'heap',
    core: `ShiftCoreAir<${N}, ${LIMB_BITS}>`,
    cols: 3 * N + 3 + 2 + 1 + LIMB_BITS + N + N,
    interactions: times(2 + N / 2 + N, 1, 1),
  },
];

const ADAPTER_NAME = {
  heap: `Rv32HeapAdapterAir<2, ${N}, ${N}>`,
  branch: `Rv32HeapBranchAdapterAir<2, ${N}>`,
};

function int256Air(c: Core): AirSpec {
  const interactions = [
    ...(c.adapter === 'heap' ? HEAP_ADAPTER_INTERACTIONS : heapBranchInteractions()),
    ...c.interactions,
  ];
  return {
    key: `int256_${c.key}`,
    name: `VmAirWrapper<${ADAPTER_NAME[c.adapter]}, ${c.core}`,
    kind: 'chip',
    mainCols: (c.adapter === 'heap' ? HEAP_ADAPTER_COLS : HEAP_BRANCH_ADAPTER_COLS) + c.cols,
    permCols: permCols(interactions),
    prepCols: 0,
    interactions: interactions.length,
  };
}

/** The six Int256 chips in their insertion order (alu, lt, beq, blt, mul, shift). */
export const INT256_CHIP_AIRS: readonly AirSpec[] = CORES.map(int256Air);

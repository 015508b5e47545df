// The perm-width method (interactionChunks.ts, the stark backend's find_interaction_chunks) validated on AIRs
// the v1.7.0 report does publish: each AIR's interactions are derived here from its eval in the v1.7.0
// source (adapter + core, by the degrees of message and count), and the chunking must give the report's
// perm_cols (airs.ts holds the report's figures). Then the SHA-256 / Int256 table against the hand
// derivation of docs/metering.md §2b.
import { describe, expect, it } from 'vitest';
import { type AirSpec, KECCAK_AIRS, RV32I_AIRS, RV32M_AIRS } from './airs';
import { INT256_CHIP_AIRS, SHA256_VM_AIR } from './hashBigintAirs';
import {
  executionBridge,
  type InteractionDegrees,
  interactionChunks,
  memoryAccess,
  permCols,
  repeat,
  times,
} from './interactionChunks';

const report = (key: string): AirSpec => {
  const a = [...RV32I_AIRS.airs, ...RV32M_AIRS.airs, ...KECCAK_AIRS.airs].find((x) => x.key === key);
  if (a === undefined) throw new Error(key);
  return a;
};

// extensions/rv32im/circuit/src/adapters/alu.rs:78-160: the rs2 byte range check (count is_valid - rs2_as),
// rs1 read, rs2 read (count rs2_as), rd write, execution bridge (pc + 4); all fields of degree 1.
const BASE_ALU_ADAPTER = [
  { field: 1, count: 1 },
  ...repeat(3, memoryAccess(1, 1)),
  ...executionBridge(1, 1, 1),
];
// adapters/branch.rs:53-100: two register reads, the bridge with to_pc = pc + cmp_result * imm + ... (degree 2).
const BRANCH_ADAPTER = [...repeat(2, memoryAccess(1, 1)), ...executionBridge(1, 2, 1)];
// adapters/mul.rs:66-125: rs1, rs2 reads, rd write, the bridge.
const MULT_ADAPTER = [...repeat(3, memoryAccess(1, 1)), ...executionBridge(1, 1, 1)];

const DERIVED: Record<string, InteractionDegrees[]> = {
  // base_alu/core.rs:68-: one xor lookup per limb with flag-mixed (degree 2) fields.
  base_alu: [...BASE_ALU_ADAPTER, ...times(4, 2, 1)],
  // less_than/core.rs:74-: two range checks.
  less_than: [...BASE_ALU_ADAPTER, ...times(2, 1, 1)],
  // shift/core.rs:84-: shift-amount range check, sign xor, 2 byte pairs of a, 4 carries.
  shift: [...BASE_ALU_ADAPTER, ...times(1 + 1 + 2 + 4, 1, 1)],
  // branch_eq/core.rs:59-: no bus.
  branch_eq: BRANCH_ADAPTER,
  // branch_lt/core.rs:79-: two range checks.
  branch_lt: [...BRANCH_ADAPTER, ...times(2, 1, 1)],
  // mul/core.rs:60-: one range tuple send per limb of (a_i, carry_i), carry of degree 2.
  mul: [...MULT_ADAPTER, ...times(4, 2, 1)],
  // extensions/keccak256/circuit/src/air.rs: 136 xor lookups (fields input * not(final), select(...): degree 2;
  // count is_last_round * is_enabled: degree 2, :346-367); the bridge, 3 register reads and 2 range checks
  // with count is_enabled * is_new_start (degree 2, :413-505); 34 word reads with count is_input *
  // not(is_padding) and select()ed data (degree 2, :532-577); 8 digest writes with count export (:612-631).
  keccak: [
    ...times(136, 2, 2),
    ...executionBridge(1, 1, 2),
    ...repeat(3, memoryAccess(1, 2)),
    ...times(2, 1, 2),
    ...repeat(34, memoryAccess(2, 2)),
    ...repeat(8, memoryAccess(1, 1)),
  ],
};

describe('perm_cols from find_interaction_chunks (max_constraint_degree 3)', () => {
  it.each(Object.keys(DERIVED))("reproduces the v1.7.0 report's perm_cols and interactions of %s", (key) => {
    const a = report(key);
    expect(DERIVED[key]).toHaveLength(a.interactions);
    expect(permCols(DERIVED[key])).toBe(a.permCols);
  });

  it('packs by the degree bound: two degree-1 interactions per chunk, a degree-2 message alone', () => {
    expect(interactionChunks(times(5, 1, 1))).toBe(3);
    expect(interactionChunks(times(3, 2, 1))).toBe(3);
    expect(interactionChunks([...times(1, 1, 1), ...times(1, 1, 2)])).toBe(1);
    expect(interactionChunks(times(2, 1, 1), 2)).toBe(2);
    expect(permCols([])).toBe(0);
    expect(() => interactionChunks(times(1, 3, 1))).toThrow(/exceeds max_constraint_degree 3/);
  });
});

describe('SHA-256 and Int256 AIRs (derived from the v1.7.0 source)', () => {
  // [air_name, main_cols, perm_cols, interactions], hand-derived in docs/metering.md §2b. A report of a
  // later OpenVM commit (30e6c0fb, kitchen_sink) lists the same widths for the alu, lt, beq and mul chips
  // and 470 / 108 for Sha256VmAir (v1.7.0's Sha256VmControlCols has one more column, padding_spills).
  const expected: [string, number, number, number][] = [
    ['VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, BaseAluCoreAir<32, 8>', 168, 192, 61],
    ['VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, LessThanCoreAir<32, 8>', 169, 68, 31],
    ['VmAirWrapper<Rv32HeapBranchAdapterAir<2, 32>, BranchEqualCoreAir<32>', 124, 48, 20],
    ['VmAirWrapper<Rv32HeapBranchAdapterAir<2, 32>, BranchLessThanCoreAir<32, 8>', 130, 52, 22],
    ['VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, MultiplicationCoreAir<32, 8>', 164, 192, 61],
    ['VmAirWrapper<Rv32HeapAdapterAir<2, 32, 32>, ShiftCoreAir<32, 8>', 241, 164, 79],
  ];

  it('Int256 chips: names, widths and interactions in insertion order', () => {
    expect(INT256_CHIP_AIRS.map((a) => [a.name, a.mainCols, a.permCols, a.interactions])).toEqual(expected);
    for (const a of INT256_CHIP_AIRS) expect(a.prepCols).toBe(0);
  });

  it('Sha256VmAir: 471 main columns (round row 471 > digest row 433), 51 interactions in 26 chunks', () => {
    expect(SHA256_VM_AIR.name).toBe('Sha256VmAir');
    expect(SHA256_VM_AIR.mainCols).toBe(471);
    expect(SHA256_VM_AIR.interactions).toBe(51);
    expect(SHA256_VM_AIR.permCols).toBe(108);
  });
});

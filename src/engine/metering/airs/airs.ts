// The AIR inventory of an OpenVM v1.7.0 app VM with continuations (SdkVmConfig: system + rv32i + io + rv32m,
// precompile extensions later), in OpenVM's AIR-id order, with each AIR's name as OpenVM's metrics spell it,
// its widths and its interaction count. Sources (docs/metering.md has the table with every reference):
//   order   crates/vm/src/arch/config.rs:360-390 (memory_boundary_air_id, memory_merkle_air_id,
//           access_adapter_air_id_offset: program 0, connector 1, boundary 2, Merkle 3, AccessAdapterAir<2..32>
//           4..8); extension chips follow in reverse order of insertion, then PhantomAir, the Poseidon2
//           periphery (metered/memory_ctx.rs:276 `trace_heights.len() - 2`) and VariableRangeCheckerAir last
//           (as in the report: fibonacci.md air_id 9..27, regex.md 9..28).
//   widths  main_cols / perm_cols / prep_cols of OpenVM's v1.7.0 benchmark report (keygen of the same
//           commit; ../shared/spec/openvm-v1.7-report/*.md), since perm width is computed by the stark
//           backend from each interaction's degree; `interactions` from the report's interaction table
//           (= pk.vk.symbolic_constraints.interactions.len(), crates/vm/src/arch/vm.rs:958).
//           SHA-256 and Int256 (no report runs them): derived from the v1.7.0 source, hashBigintAirs.ts.
// A chip is keyed by a stable `key`, so precompile chips (Keccak, SHA-256, Int256) add rows here and in
// opcodeAirs.ts without touching the metering engine.

import type { Air, AirKind, AirSpec } from './airSpec';
import { INT256_CHIP_AIRS, SHA256_VM_AIR } from './hashBigintAirs';
import { publicValuesAir, VOLATILE_BOUNDARY_AIR } from './volatileAirs';

export type { Air, AirKind, AirSpec } from './airSpec';

const spec = (
  key: string,
  name: string,
  kind: AirKind,
  mainCols: number,
  permCols: number,
  interactions: number,
  prepCols = 0,
  constantHeight?: number,
): AirSpec => ({ key, name, kind, mainCols, permCols, prepCols, interactions, constantHeight });

const wrapper = (adapter: string, core: string) => `VmAirWrapper<${adapter}, ${core}`;

/** System AIRs before the extensions (continuations enabled: no PublicValuesAir). */
export const SYSTEM_HEAD: readonly AirSpec[] = [
  spec('program', 'ProgramAir', 'program', 10, 8, 1),
  // VmConnectorAir has a preprocessed column (prep_cols 1): its height is the constant 2.
  spec('connector', 'VmConnectorAir', 'connector', 5, 16, 5, 1, 2),
  spec('boundary', 'PersistentBoundaryAir<8>', 'boundary', 20, 12, 3),
  spec('merkle', 'MemoryMerkleAir<8>', 'merkle', 33, 16, 4),
  spec('adapter2', 'AccessAdapterAir<2>', 'adapter', 11, 16, 5),
  spec('adapter4', 'AccessAdapterAir<4>', 'adapter', 13, 16, 5),
  spec('adapter8', 'AccessAdapterAir<8>', 'adapter', 17, 16, 5),
  spec('adapter16', 'AccessAdapterAir<16>', 'adapter', 25, 16, 5),
  spec('adapter32', 'AccessAdapterAir<32>', 'adapter', 41, 16, 5),
];

const PHANTOM_AIR = spec('phantom', 'PhantomAir', 'phantom', 6, 12, 3);
// range_checker bits 17: 2^18 rows (preprocessed).
const VAR_RANGE_AIR = spec('var_range', 'VariableRangeCheckerAir', 'lookup', 1, 8, 1, 2, 262_144);

/** System AIRs after the extensions. */
export const SYSTEM_TAIL: readonly AirSpec[] = [
  PHANTOM_AIR,
  spec('poseidon2', 'Poseidon2PeripheryAir<BabyBearParameters>, 1>', 'poseidon2', 300, 8, 1),
  VAR_RANGE_AIR,
];

/** The system AIRs around the extensions' (SystemConfig::create_airs, crates/vm/src/system/mod.rs:302-356). */
export interface SystemAirs {
  /** continuation_enabled: persistent memory (segments, Merkle tree) or volatile (one segment). */
  readonly continuations: boolean;
  readonly head: readonly AirSpec[];
  readonly tail: readonly AirSpec[];
}

export const PERSISTENT_SYSTEM: SystemAirs = { continuations: true, head: SYSTEM_HEAD, tail: SYSTEM_TAIL };

/**
 * Without continuations (volatile memory, volatileAirs.ts): ProgramAir, VmConnectorAir, PublicValuesAir when
 * num_public_values > 0, VolatileBoundaryAir, the adapters; no MemoryMerkleAir, no Poseidon2 periphery.
 */
export function volatileSystem(numPublicValues = 32, maxConstraintDegree = 3): SystemAirs {
  const [program, connector] = SYSTEM_HEAD;
  const adapters = SYSTEM_HEAD.filter((a) => a.kind === 'adapter');
  const publicValues = numPublicValues > 0 ? [publicValuesAir(numPublicValues, maxConstraintDegree)] : [];
  return {
    continuations: false,
    head: [program, connector, ...publicValues, VOLATILE_BOUNDARY_AIR, ...adapters],
    tail: [PHANTOM_AIR, VAR_RANGE_AIR],
  };
}

/** Extension AIRs in their own insertion order (the inventory reverses each extension's list and the extension order). */
export interface ExtensionAirs {
  readonly name: string;
  readonly airs: readonly AirSpec[];
}

/** BitwiseOperationLookupAir<8>: 2^16 rows (preprocessed); the first extension that needs it adds it. */
export const BITWISE_AIR: AirSpec = spec(
  'bitwise',
  'BitwiseOperationLookupAir<8>',
  'lookup',
  2,
  8,
  2,
  3,
  65_536,
);

/**
 * RangeTupleCheckerAir<2> over sizes[0] × sizes[1] tuples: its preprocessed trace has that many rows
 * (crates/circuits/primitives/src/range_tuple/mod.rs:56-58); widths from the report (rv32m's checker).
 */
export function rangeTupleAir(sizes: readonly [number, number]): AirSpec {
  return spec('range_tuple', 'RangeTupleCheckerAir<2>', 'lookup', 1, 8, 1, 2, sizes[0] * sizes[1]);
}

/** Rv32M's default range_tuple_checker_sizes (rv32im/circuit/src/extension/mod.rs:78). */
export const RV32M_DEFAULT_SIZES: readonly [number, number] = [256, 8 * 256];
/** Int256's default range_tuple_checker_sizes (bigint/circuit/src/extension/mod.rs:71-73). */
export const INT256_DEFAULT_SIZES: readonly [number, number] = [256, 32 * 256];

export const RV32I_AIRS: ExtensionAirs = {
  name: 'rv32i',
  airs: [
    // Inserted first so it ends up last of the extension.
    BITWISE_AIR,
    spec('base_alu', wrapper('Rv32BaseAluAdapterAir', 'BaseAluCoreAir<4, 8>'), 'chip', 36, 52, 20),
    spec('less_than', wrapper('Rv32BaseAluAdapterAir', 'LessThanCoreAir<4, 8>'), 'chip', 37, 40, 18),
    spec('shift', wrapper('Rv32BaseAluAdapterAir', 'ShiftCoreAir<4, 8>'), 'chip', 53, 52, 24),
    spec('load_store', wrapper('Rv32LoadStoreAdapterAir', 'LoadStoreCoreAir<4>'), 'chip', 41, 52, 17),
    spec(
      'load_sign_extend',
      wrapper('Rv32LoadStoreAdapterAir', 'LoadSignExtendCoreAir<4, 8>'),
      'chip',
      36,
      52,
      18,
    ),
    spec('branch_eq', wrapper('Rv32BranchAdapterAir', 'BranchEqualCoreAir<4>'), 'chip', 26, 28, 11),
    spec('branch_lt', wrapper('Rv32BranchAdapterAir', 'BranchLessThanCoreAir<4, 8>'), 'chip', 32, 32, 13),
    spec('jal_lui', wrapper('Rv32CondRdWriteAdapterAir', 'Rv32JalLuiCoreAir>'), 'chip', 18, 28, 10),
    spec('jalr', wrapper('Rv32JalrAdapterAir', 'Rv32JalrCoreAir>'), 'chip', 28, 36, 16),
    spec('auipc', wrapper('Rv32RdWriteAdapterAir', 'Rv32AuipcCoreAir>'), 'chip', 20, 28, 12),
  ],
};

export const IO_AIRS: ExtensionAirs = {
  name: 'io',
  airs: [spec('hint_store', 'Rv32HintStoreAir', 'chip', 32, 44, 18)],
};

/**
 * Rv32M's AIRs with its range tuple checker of `sizes` (default [256, 8 * 256]: 2^19 rows; with Int256
 * SdkVmConfig::apply_optimizations raises them to Int256's, crates/sdk/src/config/global.rs:256-263).
 */
export function rv32mAirs(sizes: readonly [number, number] = RV32M_DEFAULT_SIZES): ExtensionAirs {
  return {
    name: 'rv32m',
    airs: [
      rangeTupleAir(sizes),
      spec('mul', wrapper('Rv32MultAdapterAir', 'MultiplicationCoreAir<4, 8>'), 'chip', 31, 52, 19),
      spec('mulh', wrapper('Rv32MultAdapterAir', 'MulHCoreAir<4, 8>'), 'chip', 39, 72, 24),
      spec('divrem', wrapper('Rv32MultAdapterAir', 'DivRemCoreAir<4, 8>'), 'chip', 59, 72, 25),
    ],
  };
}

export const RV32M_AIRS: ExtensionAirs = rv32mAirs();

/** KeccakVmAir (extensions/keccak256/circuit; widths and 321 interactions from regex.md). */
export const KECCAK_AIRS: ExtensionAirs = {
  name: 'Keccak-256',
  airs: [spec('keccak', 'KeccakVmAir', 'chip', 3163, 1056, 321)],
};

/**
 * The SHA-256 extension's AIRs (hashBigintAirs.ts): BitwiseOperationLookupAir<8> only when no earlier
 * extension added one (find_air, extensions/hash/sha256/circuit/src/extension/mod.rs:76-96), then Sha256VmAir.
 */
export function sha256Airs(haveBitwise: boolean): ExtensionAirs {
  return { name: 'SHA2-256', airs: [...(haveBitwise ? [] : [BITWISE_AIR]), SHA256_VM_AIR] };
}

/**
 * The Int256 extension's AIRs (hashBigintAirs.ts): the bitwise lookup and a RangeTupleCheckerAir<2> of
 * `tupleSizes` only when missing (find_air; an existing checker serves when at least as large,
 * extensions/bigint/circuit/src/extension/mod.rs:158-188), then its six chips.
 */
export function int256Airs(
  haveBitwise: boolean,
  tupleSizes: readonly [number, number] | null,
): ExtensionAirs {
  const periphery = [
    ...(haveBitwise ? [] : [BITWISE_AIR]),
    ...(tupleSizes === null ? [] : [rangeTupleAir(tupleSizes)]),
  ];
  return { name: 'BigInt (Int256)', airs: [...periphery, ...INT256_CHIP_AIRS] };
}

/** OpenVM's extension insertion order for the SDK's RV32IM + IO app config (regex.md: keccak sits between). */
export const DEFAULT_EXTENSIONS: readonly ExtensionAirs[] = [RV32I_AIRS, IO_AIRS, RV32M_AIRS];

/**
 * The AIRs of an app config with these extensions, in SdkVmConfigInner's field order (rv32i, io, keccak,
 * sha256, native, castf, rv32m, bigint, modular, fp2, pairing, ecc: crates/sdk/src/config/global.rs:309-337).
 * Extensions whose AIR widths memscope does not catalogue yet are reported by name.
 */
export function extensionAirs(extensions: readonly string[]): { airs: ExtensionAirs[]; missing: string[] } {
  const airs = [RV32I_AIRS, IO_AIRS];
  const missing = extensions.filter(
    (e) => e !== KECCAK_AIRS.name && e !== 'SHA2-256' && e !== 'BigInt (Int256)',
  );
  if (extensions.includes(KECCAK_AIRS.name)) airs.push(KECCAK_AIRS);
  if (extensions.includes('SHA2-256')) airs.push(sha256Airs(true));
  const bigint = extensions.includes('BigInt (Int256)');
  // Default Rv32M and Int256 settings, merged by SdkVmConfig::apply_optimizations: one checker serves both.
  airs.push(rv32mAirs(bigint ? INT256_DEFAULT_SIZES : RV32M_DEFAULT_SIZES));
  if (bigint) airs.push(int256Airs(true, null));
  return { airs, missing };
}

export class AirInventory {
  readonly airs: readonly Air[];
  private readonly byKey = new Map<string, Air>();
  readonly programId: number;
  readonly boundaryId: number;
  /** MemoryMerkleAir<8> and the Poseidon2 periphery: -1 without continuations (volatile). */
  readonly merkleId: number;
  /** AIR id of AccessAdapterAir<2>; AccessAdapterAir<2^k> is adapterOffset + k - 1. */
  readonly adapterOffset: number;
  readonly poseidon2Id: number;
  readonly phantomId: number;

  /** continuation_enabled: persistent memory's AIRs (else volatile's, volatileSystem). */
  readonly continuations: boolean;

  constructor(
    extensions: readonly ExtensionAirs[] = DEFAULT_EXTENSIONS,
    system: SystemAirs = PERSISTENT_SYSTEM,
  ) {
    this.continuations = system.continuations;
    const ordered: AirSpec[] = [...system.head];
    for (let e = extensions.length - 1; e >= 0; e--) ordered.push(...[...extensions[e].airs].reverse());
    ordered.push(...system.tail);
    this.airs = ordered.map((s, id) => ({ ...s, id, totalWidth: s.prepCols + s.mainCols + s.permCols }));
    for (const a of this.airs) {
      if (this.byKey.has(a.key)) throw new Error(`duplicate AIR key ${a.key}`);
      this.byKey.set(a.key, a);
    }
    this.programId = this.id('program');
    this.boundaryId = this.id('boundary');
    this.merkleId = this.has('merkle') ? this.id('merkle') : -1;
    this.adapterOffset = this.id('adapter2');
    this.poseidon2Id = this.has('poseidon2') ? this.id('poseidon2') : -1;
    this.phantomId = this.id('phantom');
    // MemoryCtx reads the periphery at trace_heights.len() - 2 (metered/memory_ctx.rs:276).
    if (this.continuations && this.poseidon2Id !== this.airs.length - 2)
      throw new Error('Poseidon2 periphery must be the second-to-last AIR');
  }

  get length(): number {
    return this.airs.length;
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  id(key: string): number {
    const a = this.byKey.get(key);
    if (a === undefined) throw new Error(`no AIR ${key} in this configuration`);
    return a.id;
  }

  /** AIR id of AccessAdapterAir<n>. */
  adapterId(n: number): number {
    return this.adapterOffset + Math.log2(n) - 1;
  }
}

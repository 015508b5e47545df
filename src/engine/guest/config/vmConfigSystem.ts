// `[app_vm_config.system.config]` of an openvm.toml: OpenVM v1.7's SystemConfig and MemoryConfig
// (crates/vm/src/arch/config.rs) as serde reads them. None of their fields has a serde default, so a file
// that names `system` must give all of them (max_constraint_degree, continuation_enabled, memory_config,
// num_public_values, profiling; memory_config: addr_space_height, addr_spaces, pointer_max_bits,
// timestamp_max_bits, decomp, max_access_adapter_n) — a missing one is serde's "missing field" error.
// What changes memory here: continuation_enabled (persistent with CHUNK 8 / volatile with 1),
// num_public_values, the per-space num_cells, and max_access_adapter_n (the AccessAdapterAir<N> that exist).
// memscope models the default layout only (addr_space_height 3, the default cell types and min block sizes,
// pointer_max_bits 29, timestamp_max_bits 29): other values are refused with the key named.

import { defaultMemoryConfig, type MemoryConfig, type MemoryMode, withSpaceCells } from '../../memory/config';
import {
  configError,
  expectArray,
  expectBool,
  expectTable,
  expectUint,
  type TomlTable,
  unknownKeys,
} from './vmConfigValues';

export interface SystemSettings {
  continuationEnabled: boolean;
  /** continuation_enabled ? 'persistent' : 'volatile'. */
  mode: MemoryMode;
  numPublicValues: number;
  maxAccessAdapterN: number;
  maxConstraintDegree: number;
  profiling: boolean;
  /** True when the file gave `system` (false: SystemConfig::default()). */
  fromFile: boolean;
  memory: MemoryConfig;
}

/** SystemConfig::default(): continuations on, DEFAULT_MAX_NUM_PUBLIC_VALUES = 32, max_access_adapter_n 32. */
export function defaultSystemSettings(): SystemSettings {
  return {
    continuationEnabled: true,
    mode: 'persistent',
    numPublicValues: 32,
    maxAccessAdapterN: 32,
    maxConstraintDegree: 3,
    profiling: false,
    fromFile: false,
    memory: defaultMemoryConfig(),
  };
}

const SYSTEM_KEYS = [
  'max_constraint_degree',
  'continuation_enabled',
  'memory_config',
  'num_public_values',
  'profiling',
];
const MEMORY_KEYS = [
  'addr_space_height',
  'addr_spaces',
  'pointer_max_bits',
  'timestamp_max_bits',
  'decomp',
  'max_access_adapter_n',
];
// MemoryConfig::empty_address_space_configs: serde's externally tagged MemoryCellType per space.
const DEFAULT_LAYOUTS = ['Null', 'U8', 'U8', 'U8'];

function required(t: TomlTable, keys: readonly string[], source: string, prefix: string): void {
  for (const k of keys) if (t[k] === undefined) configError(source, `${prefix}${k}`, 'missing field');
}

function layoutName(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && 'Native' in v) {
    const n = (v as { Native: unknown }).Native;
    const size = typeof n === 'object' && n !== null ? (n as { size?: unknown }).size : undefined;
    return `Native { size = ${String(size)} }`;
  }
  return JSON.stringify(v);
}

/** Parses `app_vm_config.system` (SdkSystemConfig { config: SystemConfig }). */
export function parseSystem(v: unknown, source: string, warnings: string[]): SystemSettings {
  const outer = expectTable(v, source, 'app_vm_config.system');
  warnings.push(...unknownKeys(outer, ['config'], 'app_vm_config.system.'));
  if (outer.config === undefined) configError(source, 'app_vm_config.system.config', 'missing field');
  const p = 'app_vm_config.system.config.';
  const sys = expectTable(outer.config, source, p.slice(0, -1));
  warnings.push(...unknownKeys(sys, SYSTEM_KEYS, p));
  required(sys, SYSTEM_KEYS, source, p);
  const continuationEnabled = expectBool(sys.continuation_enabled, source, `${p}continuation_enabled`);
  const numPublicValues = expectUint(sys.num_public_values, source, `${p}num_public_values`);
  const maxConstraintDegree = expectUint(sys.max_constraint_degree, source, `${p}max_constraint_degree`);
  const profiling = expectBool(sys.profiling, source, `${p}profiling`);

  const m = `${p}memory_config.`;
  const mem = expectTable(sys.memory_config, source, m.slice(0, -1));
  warnings.push(...unknownKeys(mem, MEMORY_KEYS, m));
  required(mem, MEMORY_KEYS, source, m);
  const height = expectUint(mem.addr_space_height, source, `${m}addr_space_height`);
  if (height !== 3)
    configError(
      source,
      `${m}addr_space_height`,
      `${height} is not supported (memscope models 3: address spaces 0..8)`,
    );
  const pointerMaxBits = expectUint(mem.pointer_max_bits, source, `${m}pointer_max_bits`);
  if (pointerMaxBits !== 29)
    configError(source, `${m}pointer_max_bits`, `${pointerMaxBits} is not supported (memscope models 29)`);
  const timestampMaxBits = expectUint(mem.timestamp_max_bits, source, `${m}timestamp_max_bits`);
  if (timestampMaxBits !== 29)
    configError(
      source,
      `${m}timestamp_max_bits`,
      `${timestampMaxBits} is not supported (memscope models 29; OpenVM allows at most 29)`,
    );
  expectUint(mem.decomp, source, `${m}decomp`);
  const maxAccessAdapterN = expectUint(mem.max_access_adapter_n, source, `${m}max_access_adapter_n`);
  if (maxAccessAdapterN < 1 || maxAccessAdapterN > 32 || (maxAccessAdapterN & (maxAccessAdapterN - 1)) !== 0)
    configError(
      source,
      `${m}max_access_adapter_n`,
      `${maxAccessAdapterN} must be a power of two up to 32 (OpenVM takes log2_strict of it)`,
    );

  let memory = defaultMemoryConfig();
  const spaces = expectArray(mem.addr_spaces, source, `${m}addr_spaces`);
  if (spaces.length !== 9)
    configError(
      source,
      `${m}addr_spaces`,
      `expected (1 << addr_space_height) + 1 = 9 entries, found ${spaces.length}`,
    );
  spaces.forEach((entry, i) => {
    const k = `${m}addr_spaces[${i}]`;
    const s = expectTable(entry, source, k);
    required(s, ['num_cells', 'min_block_size', 'layout'], source, `${k}.`);
    const cells = expectUint(s.num_cells, source, `${k}.num_cells`, 2 ** 30);
    const dflt = memory.addressSpaces[i];
    const minBlock = expectUint(s.min_block_size, source, `${k}.min_block_size`);
    if (minBlock !== dflt.minBlockSize)
      configError(
        source,
        `${k}.min_block_size`,
        `${minBlock} is not supported (memscope models ${dflt.minBlockSize} for address space ${i})`,
      );
    const layout = layoutName(s.layout);
    const want = DEFAULT_LAYOUTS[i] ?? 'Native { size = 4 }';
    if (layout !== want)
      configError(
        source,
        `${k}.layout`,
        `${layout} is not supported (memscope models ${want} for address space ${i})`,
      );
    if (i > 0 && cells !== dflt.numCells) memory = withSpaceCells(memory, i, cells);
  });
  if (memory.addressSpaces[3].numCells !== numPublicValues)
    warnings.push(
      `${p}num_public_values = ${numPublicValues} but addr_spaces[3].num_cells = ${memory.addressSpaces[3].numCells}: OpenVM's serde keeps both as written; AS3 gets num_cells`,
    );
  if (maxAccessAdapterN < 32)
    warnings.push(
      `${m}max_access_adapter_n = ${maxAccessAdapterN}: AccessAdapterAir<N> exist only up to it; memscope still records larger splits and merges`,
    );
  memory = { ...memory, maxAccessAdapterN };
  return {
    continuationEnabled,
    mode: continuationEnabled ? 'persistent' : 'volatile',
    numPublicValues,
    maxAccessAdapterN,
    maxConstraintDegree,
    profiling,
    fromFile: true,
    memory,
  };
}

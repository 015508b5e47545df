// OpenVM v1.7 MemoryConfig::default() (crates/vm/src/arch/config.rs) and the two continuation modes.
// Invariants: 9 address spaces (addr_space_height 3 -> 2^3 + 1); AS0 has no storage; ALIGN (min_block_size)
// is 4 for the byte spaces AS1..3 and 1 for the native field spaces; CHUNK = 8.

export type CellType = 'null' | 'u8' | 'native';
export type MemoryMode = 'persistent' | 'volatile';

export interface AddressSpaceConfig {
  readonly index: number;
  readonly name: string;
  /** num_cells as configured (what the script format and the UI treat as the space's size). */
  readonly numCells: number;
  readonly cellType: CellType;
  /** Bytes per cell: MemoryCellType::size() (1 for u8 and for the dummy Null cell, 4 for native). */
  readonly typeSize: 1 | 4;
  /** min_block_size (ALIGN): every access is aligned to it and is a multiple of it. */
  readonly minBlockSize: 1 | 4;
  /**
   * Cells the host allocation really holds: OpenVM's default mmap backend rounds each address space up to a
   * multiple of 4096 bytes (online/memmap.rs), so e.g. AS3 accepts pointers up to 4095 without a panic.
   * Guest programs rely on this (rv32im test_reveal writes past 32 public values).
   */
  readonly hostCells: number;
}

export interface MemoryConfig {
  readonly addrSpaceHeight: number;
  readonly pointerMaxBits: number;
  readonly timestampMaxBits: number;
  readonly maxAccessAdapterN: number;
  readonly addressSpaces: readonly AddressSpaceConfig[];
}

export const CHUNK = 8;
export const POINTER_MAX_BITS = 29;
export const TIMESTAMP_MAX_BITS = 29;
/** Largest timestamp AccessMetadata can hold (29 bits). */
export const MAX_TIMESTAMP = (1 << TIMESTAMP_MAX_BITS) - 1;
export const MAX_BLOCK_SIZE = 32;
/** The adapter AIRs of the default config: AccessAdapterAir<N> for N = 2, 4, 8, 16, 32. */
export const ADAPTER_SIZES = [2, 4, 8, 16, 32] as const;

export const AS_IMMEDIATE = 0;
export const AS_REGISTERS = 1;
export const AS_MEMORY = 2;
export const AS_PUBLIC_VALUES = 3;
export const AS_NATIVE = 4;

const PAGE_BYTES = 4096;

function space(
  index: number,
  name: string,
  numCells: number,
  cellType: CellType,
  minBlockSize: 1 | 4,
): AddressSpaceConfig {
  const typeSize = cellType === 'native' ? 4 : 1;
  const bytes = numCells * typeSize;
  const hostCells = cellType === 'null' ? 0 : (Math.ceil(bytes / PAGE_BYTES) * PAGE_BYTES) / typeSize;
  return { index, name, numCells, cellType, typeSize, minBlockSize, hostCells };
}

/** OpenVM v1.7 `MemoryConfig::default()`. */
export function defaultMemoryConfig(): MemoryConfig {
  const addressSpaces = [
    space(0, 'immediate', 0, 'null', 1),
    space(1, 'registers', 128, 'u8', 4),
    space(2, 'memory', 2 ** 29, 'u8', 4),
    space(3, 'public values', 32, 'u8', 4),
    space(4, 'native', 2 ** 29, 'native', 1),
  ];
  for (let i = 5; i <= 8; i++) addressSpaces.push(space(i, `unused ${i}`, 0, 'native', 1));
  return {
    addrSpaceHeight: 3,
    pointerMaxBits: 29,
    timestampMaxBits: 29,
    maxAccessAdapterN: 32,
    addressSpaces,
  };
}

/** SystemConfig::initial_block_size(): CHUNK with continuations (persistent), 1 without (volatile). */
export function initialBlockSizeFor(mode: MemoryMode): number {
  return mode === 'persistent' ? CHUNK : 1;
}

/** The CHUNK finalize uses: finalize(true) -> 8, finalize(false) -> 1. */
export function finalizeChunkFor(mode: MemoryMode): number {
  return mode === 'persistent' ? CHUNK : 1;
}

/** `config` with address space `as` resized to `numCells` (its host allocation rounded up as OpenVM's mmap does). */
export function withSpaceCells(config: MemoryConfig, as: number, numCells: number): MemoryConfig {
  const addressSpaces = config.addressSpaces.map((c) =>
    c.index === as ? space(c.index, c.name, numCells, c.cellType, c.minBlockSize) : c,
  );
  return { ...config, addressSpaces };
}

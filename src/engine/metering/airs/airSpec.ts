// What an AIR of OpenVM v1.7's metrics is to metering: its key, its air_name verbatim, its kind and widths
// (main, permutation, preprocessed), interactions and fixed height. Types only, below the catalogue
// (airs.ts) and the derived chips (hashBigintAirs.ts, fieldExprChips.ts) so that they do not import each other.

export type AirKind =
  'program' | 'connector' | 'boundary' | 'merkle' | 'adapter' | 'chip' | 'phantom' | 'poseidon2' | 'lookup';

export interface AirSpec {
  /** Stable key for code (e.g. 'base_alu', 'adapter8'). */
  readonly key: string;
  /** The air_name of OpenVM's metrics, verbatim (including its unbalanced '>'). */
  readonly name: string;
  readonly kind: AirKind;
  readonly mainCols: number;
  readonly permCols: number;
  readonly prepCols: number;
  readonly interactions: number;
  /** Height fixed by a preprocessed trace (is_trace_height_constant), else undefined. */
  readonly constantHeight?: number;
}

export interface Air extends AirSpec {
  /** OpenVM's AIR id in this configuration. */
  readonly id: number;
  /** total_width(EXT_DEGREE 4) = prep + main + perm: the width should_segment multiplies by (vm.rs:953-957). */
  readonly totalWidth: number;
}

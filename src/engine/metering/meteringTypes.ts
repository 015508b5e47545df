// The options and results of a metered run (meteredRun.ts): OpenVM v1.7.0's segments with their exact
// and metered rows per AIR. Types only, so that readers of the results need not import the run.
import type { EngineError } from '../errors';
import type { GuestInput } from '../guest/io/input';
import type { ExtensionAirs } from './airs/airs';
import type { SegmentationLimits, SegmentReason } from './segments/limits';
import type { VmConfig } from '../guest/config/vmConfig';
import type { MemoryMode } from '../memory/config';

export interface MeteringOptions {
  input?: GuestInput;
  limits?: Partial<SegmentationLimits>;
  /** SystemConfig::with_max_segment_len: sets max_trace_height. */
  maxSegmentLength?: number;
  segmentCheckInsns?: number;
  /**
   * Stop after the check window that reaches this instret (the session's step limit): the segments closed
   * until then are final; the rest of the run is not metered (`MeteringResult.stopped`).
   */
  maxInstret?: number;
  extensions?: readonly ExtensionAirs[];
  /**
   * The guest's openvm.toml (guest/config/vmConfig.ts), as GuestRun takes it: the AIR inventory is the config's
   * (algebraAirs.ts), and the algebra / ECC / pairing chips execute. Without it: RV32IM + IO plus the
   * precompile extensions the program uses.
   */
  vmConfig?: VmConfig;
  /**
   * The debugged run's allocator interposition (SessionOptions.allocator): 'observe' only watches the guest's
   * allocator (the same run as 'none'); 'orthotope' serves its calls with the model (servedCalls.ts).
   */
  allocator?: 'none' | 'observe' | 'orthotope';
  /**
   * 'log' (the default): keep the attribution log, for range queries and profiles (meterView, --profile);
   * 'totals': only the per-node totals and the segments, in memory that does not grow with the run
   * (the segment planner, `exec --segments`); 'whole-run': also the whole run's profile, the log folded as
   * the run goes (attribution/wholeRunFold.ts: `exec --profile` in pprof or folded).
   */
  attribution?: 'log' | 'totals' | 'whole-run';
  /**
   * With 'log': once the log holds more than this many bytes at a segment's close, it is folded from there
   * on as 'whole-run' folds it (everything settled so far included): memory stays bounded on a run of
   * 10^9 instructions (the app's Cost by function), and only whole-run queries remain (rangeProfile.ts).
   */
  logBudgetBytes?: number;
  /** Memory mode (default persistent, whatever the config says: the segment planner's and --segments' mode). */
  mode?: MemoryMode;
}

export interface SegmentResult {
  index: number;
  instretStart: number;
  numInsns: number;
  /** Exact rows per AIR id (preflight), and padded heights. */
  rows: Float64Array;
  padded: Float64Array;
  /** The metered estimate that decided the cut. */
  metered: Float64Array;
  /** The segment's TracingMemory timestamp after its last instruction (timestamps restart at 1 per segment). */
  endTimestamp: number;
  reason: SegmentReason | null;
}

export interface MeteringResult {
  segments: SegmentResult[];
  instret: number;
  exitCode: number | null;
  error: EngineError | null;
  /** True when the pass stopped at `maxInstret` before the guest ended. */
  stopped?: boolean;
}

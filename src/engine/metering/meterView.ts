// What the app's "Cost by function" panel shows of a metered run (meteredRun.ts): the segments with every
// AIR's rows (segmentReport.ts, the CLI's --segments JSON) and the cost per call stack in each measure
// (costProfile.ts). Plain data, structured-clone friendly, computed in the worker from the program bytes,
// its input, the openvm.toml and the allocator interposition the guest was opened with (as
// `exec --config --alloc --segments` meters it): the run being debugged (issue 22).
// Settings the program needs that its config lacks (configCheck.ts: OpenVM would refuse to load it) are
// named in `missingSettings`; a run metering cannot serve (e.g. algebra without its openvm.toml) is
// `unavailable` with the reason, not a thrown error, so the panel can say what to add.

import { EngineError } from '../errors';
import { describeMissing, missingSettings } from '../guest/extensions/configCheck';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { emptyInput, parseInput } from '../guest/io/input';
import { defaultVmConfig, parseOpenVmToml, type VmConfig } from '../guest/config/vmConfig';
import { COST_MEASURES, type CostEntry, type CostMeasure, costEntries } from './attribution/costProfile';
import { MeteredRun, type MeteringResult } from './meteredRun';
import { type SegmentJson, segmentsJson } from './segmentReport';
import type { MemoryMode } from '../memory/config';
import type { SegmentSettings } from '../timeline/sessionTypes';
import { settingsLimits } from './segmentPlan';

export interface MeterView {
  instret: number;
  exitCode: number | null;
  /** The guest's failure (segments up to it are still there). */
  error: string | null;
  /** Why the run could not be metered at all (then there are no segments); null when it was. */
  unavailable: string | null;
  /** Settings the program's instructions need that its config lacks (configCheck.describeMissing). */
  missingSettings: string[];
  /** The config metered with: its file name, or 'defaults'. */
  configSource: string;
  /** The allocator interposition metered (the debugged run's; servedCalls.ts for 'orthotope'). */
  allocator: 'none' | 'observe' | 'orthotope';
  /** The memory mode metered: the session's (volatile: one segment, VolatileBoundaryAir, no Merkle AIRs). */
  mode: MemoryMode;
  segments: SegmentJson[];
  /**
   * Where each segment starts on a one-segment run's timeline (the app's): the timestamp advances by the
   * same amount per instruction whatever the memory holds, so segment k starts at 1 + Σ_{j<k} (end_j − 1).
   */
  segmentTimestamps: number[];
  profiles: Record<CostMeasure, CostEntry[]>;
  /**
   * Why only the whole run's profile was kept (the attribution log passed its budget, logBudgetBytes, and
   * was folded: no segment or range scope, no function's time on the Timeline); null when the log is whole.
   */
  wholeRunOnly: string | null;
}

/** The app's budget for the attribution log (20 bytes a run, 24 an event: about 2·10^8 instructions). */
export const METER_LOG_BUDGET_BYTES = 256 * 1024 * 1024;

/** The segment settings are the session's (SegmentSettings: absent fields are OpenVM's SDK defaults). */
export interface MeterViewOptions extends SegmentSettings {
  /** Guest input in the OpenVM CLI format (one hex string or `{"input": [...]}`). */
  input?: string;
  /** The guest's openvm.toml (text and file name), as the session was opened with it. */
  config?: { text: string; name: string };
  /** The session's allocator interposition (SessionOptions.allocator). */
  allocator?: 'none' | 'observe' | 'orthotope';
  /** The session's memory mode (default: the config's, else persistent). */
  mode?: MemoryMode;
  /** MeteringOptions.logBudgetBytes (default: the whole log is kept). */
  logBudgetBytes?: number;
}

function emptyProfiles(): Record<CostMeasure, CostEntry[]> {
  const p = {} as Record<CostMeasure, CostEntry[]>;
  for (const m of COST_MEASURES) p[m] = [];
  return p;
}

/** The metered run and the view of it (the run stays with the caller for range queries). */
export function meterRun(
  bytes: Uint8Array,
  options: MeterViewOptions = {},
): { view: MeterView; run: MeteredRun | null } {
  const program = loadGuestProgram(bytes);
  const vmConfig: VmConfig | undefined =
    options.config === undefined ? undefined : parseOpenVmToml(options.config.text, options.config.name);
  const missing = describeMissing(missingSettings(program.decoded, vmConfig ?? defaultVmConfig()));
  const configSource = vmConfig?.source ?? 'defaults';
  const allocator = options.allocator ?? 'none';
  // The session's memory mode: a volatile session is metered as OpenVM proves it, one segment with
  // VolatileBoundaryAir and no Merkle AIRs (meteredRun.ts); `mode` says which, for the panel to name.
  const mode: MemoryMode = options.mode ?? vmConfig?.system.mode ?? 'persistent';
  let run: MeteredRun;
  let result: MeteringResult;
  try {
    // The session's segment settings, checked as `exec --segments` checks them (bad ones: unavailable).
    const { maxTraceHeight, maxCells } = settingsLimits(options);
    run = new MeteredRun(program, {
      input: options.input ? parseInput(options.input) : emptyInput(),
      maxSegmentLength: maxTraceHeight,
      limits: { maxCells },
      segmentCheckInsns: options.segmentCheckInsns,
      vmConfig,
      allocator,
      mode,
      logBudgetBytes: options.logBudgetBytes,
    });
    result = run.run();
  } catch (e) {
    // An inventory metering cannot build (a config lacking what the program needs: kind 'config'), or a
    // chip it has no AIR for (a request it cannot serve): said in the panel, with the settings to add.
    // An orthotope arena that does not fit above the heap (kind 'allocator') likewise.
    if (!(e instanceof EngineError) || !['request', 'config', 'allocator'].includes(e.kind)) throw e;
    const view: MeterView = {
      instret: 0,
      exitCode: null,
      error: null,
      unavailable: e.message,
      missingSettings: missing,
      configSource,
      allocator,
      mode,
      segments: [],
      segmentTimestamps: [],
      profiles: emptyProfiles(),
      wholeRunOnly: null,
    };
    return { view, run: null };
  }
  const profiles = {} as Record<CostMeasure, CostEntry[]>;
  for (const m of COST_MEASURES) profiles[m] = costEntries(run, m);
  const segmentTimestamps: number[] = [];
  let t = 1;
  for (const s of result.segments) {
    segmentTimestamps.push(t);
    t += s.endTimestamp - 1;
  }
  const view: MeterView = {
    instret: result.instret,
    exitCode: result.exitCode,
    error: result.error?.message ?? null,
    unavailable: null,
    missingSettings: missing,
    configSource,
    allocator,
    mode,
    segments: segmentsJson(run).segments,
    segmentTimestamps,
    profiles,
    wholeRunOnly:
      run.log.folder === null
        ? null
        : `the attribution log of these ${result.instret.toLocaleString('en-US')} instructions passed its ${Math.round((options.logBudgetBytes ?? 0) / 2 ** 20)} MB budget, so only the whole run's profile was kept (exact, in bounded memory): segment and range scopes and a function's time on the Timeline need a shorter run`,
  };
  return { view, run };
}

export function meterView(bytes: Uint8Array, options: MeterViewOptions = {}): MeterView {
  return meterRun(bytes, options).view;
}

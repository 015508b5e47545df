// Session.open's loading half: turns (kind, bytes, options) into a machine and its timeline settings,
// rejecting anything unusable with an EngineError (bad options, text that is not UTF-8, an ELF the loader
// refuses, malformed guest input, an allocator config orthotope rejects, a guest with no room for an
// orthotope arena). A script with a malformed line
// still opens: its valid prefix runs and the run ends with that line's error.

import { EngineError } from '../errors';
import { parseOpenVmToml } from '../guest/config/vmConfig';
import { loadGuestProgram } from '../guest/program/guestProgram';
import { emptyInput, type GuestInput, parseInput } from '../guest/io/input';
import { decodeScriptText } from '../scripts/decodeText';
import { parseAllocTrace } from '../scripts/allocTrace';
import { parseMtrace } from '../scripts/mtraceParser';
import { AllocMachine } from './machines/allocMachine';
import { GuestMachine } from './machines/guestMachine';
import { MtraceMachine } from './machines/mtraceMachine';
import {
  DEFAULT_GUEST_MAX_STEPS,
  type SegmentationInfo,
  type SegmentSettings,
  type SessionKind,
  type SessionOptions,
} from './sessionTypes';
import type { SegmentBound } from './machines/segmentCursor';
import type { GuestProgram } from '../guest/program/guestProgram';
import type { VmConfig } from '../guest/config/vmConfig';
import type { TimelineOptions } from './recording/timeline';

export const DEFAULT_BUDGET_BYTES = 48 * 2 ** 20;

/**
 * Where OpenVM cuts a persistent guest run (metering/segmentPlan.ts, above this room: the session passes it
 * in). Returns the segments and the limits used.
 */
export type SegmentPlanner = (
  program: GuestProgram,
  options: { input: GuestInput; vmConfig?: VmConfig; settings: SegmentSettings; maxInstret: number },
) => { segments: SegmentBound[]; maxTraceHeight: number; maxCells: number };

export type OpenedRun =
  | {
      kind: 'guest';
      machine: GuestMachine;
      options: TimelineOptions;
      segmentation: {
        kind: 'segments' | 'one';
        reason: string | null;
        maxTraceHeight: number | null;
        maxCells: number | null;
      };
    }
  | { kind: 'mtrace'; machine: MtraceMachine; options: TimelineOptions }
  | { kind: 'alloc'; machine: AllocMachine; options: TimelineOptions };

function bad(message: string): EngineError {
  return new EngineError('request', message);
}

function positiveInteger(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value <= 0)
    throw bad(`${name} must be a positive integer, got ${value}`);
  return value;
}

function text(bytes: Uint8Array): string {
  const decoded = decodeScriptText(bytes);
  if ('error' in decoded)
    throw new EngineError('script', decoded.error.message, { line: decoded.error.line });
  return decoded.text;
}

function guestInput(options: SessionOptions): GuestInput {
  const given = [options.input, options.inputVectors, options.parsedInput].filter((x) => x !== undefined);
  if (given.length > 1) throw bad('give the guest input one way only (input, inputVectors or parsedInput)');
  if (options.parsedInput !== undefined) return options.parsedInput;
  if (options.input !== undefined) return parseInput(options.input);
  if (options.inputVectors !== undefined)
    return { vectors: options.inputVectors.map((v) => Uint32Array.from(v)), kvStore: new Map() };
  return emptyInput();
}

function timelineOptions(kind: SessionKind, options: SessionOptions): TimelineOptions {
  const sampleEvery = kind === 'alloc' ? 64 : 256;
  const defaultInterval = kind === 'guest' ? 8192 : kind === 'mtrace' ? 4096 : 1024;
  const interval = positiveInteger(options.checkpointInterval, 'checkpointInterval', defaultInterval);
  const budget = options.memoryBudgetBytes ?? DEFAULT_BUDGET_BYTES;
  if (!Number.isFinite(budget) || budget < 0)
    throw bad(`memoryBudgetBytes must be a non-negative number, got ${budget}`);
  const every = Math.min(sampleEvery, 2 ** Math.floor(Math.log2(interval)));
  return {
    budgetBytes: budget,
    baseInterval: Math.ceil(interval / every) * every,
    sampleEvery: every,
    maxSteps: positiveInteger(
      options.maxSteps,
      'maxSteps',
      kind === 'guest' ? DEFAULT_GUEST_MAX_STEPS : Number.MAX_SAFE_INTEGER,
    ),
    scratchSlots: 24,
  };
}

export function openRun(
  kind: SessionKind,
  bytes: Uint8Array,
  options: SessionOptions = {},
  planner?: SegmentPlanner,
): OpenedRun {
  if (!(bytes instanceof Uint8Array)) throw bad('the program or script must be a Uint8Array');
  const tlOptions = timelineOptions(kind, options);
  if (kind === 'mtrace')
    return { kind, machine: new MtraceMachine(parseMtrace(text(bytes))), options: tlOptions };
  if (kind === 'alloc')
    return { kind, machine: new AllocMachine(parseAllocTrace(text(bytes))), options: tlOptions };
  if (kind !== 'guest') throw bad(`unknown session kind \`${String(kind)}\` (guest, mtrace or alloc)`);
  const allocator = options.allocator ?? 'none';
  if (allocator !== 'none' && allocator !== 'observe' && allocator !== 'orthotope')
    throw bad(`unknown allocator interposition \`${String(allocator)}\``);
  // The guest's openvm.toml (text): extensions, moduli, curves; its continuation_enabled picks the mode.
  const vmConfig =
    options.openvmToml === undefined
      ? undefined
      : parseOpenVmToml(options.openvmToml, options.openvmTomlName);
  const mode = options.mode ?? vmConfig?.system.mode ?? 'persistent';
  if (mode !== 'persistent' && mode !== 'volatile') throw bad(`unknown memory mode \`${String(mode)}\``);
  const input = guestInput(options);
  const program = loadGuestProgram(bytes);
  const seg = segmentationOf(options, mode, allocator, planner);
  let segments: SegmentBound[] | undefined;
  const segmentation: Omit<SegmentationInfo, 'segments'> = {
    kind: 'one',
    reason: seg.reason,
    maxTraceHeight: null,
    maxCells: null,
  };
  if (seg.planner !== null) {
    // The metered pass meters one check window past the step limit: a cut before the limit is decided there.
    try {
      const plan = seg.planner(program, {
        input,
        vmConfig,
        settings: seg.settings,
        maxInstret: tlOptions.maxSteps + 1000,
      });
      segments = plan.segments;
      segmentation.kind = 'segments';
      segmentation.maxTraceHeight = plan.maxTraceHeight;
      segmentation.maxCells = plan.maxCells;
    } catch (e) {
      // A program the metered pass cannot meter (settings missing from its openvm.toml, which OpenVM would
      // refuse to load) still runs, as one segment, and says why.
      if (!(e instanceof EngineError) || e.kind !== 'config') throw e;
      segmentation.reason = `not segmented: ${e.message}`;
    }
  }
  const machine = new GuestMachine(program, {
    mode,
    vmConfig,
    input,
    observeAllocator: allocator === 'observe',
    orthotope: allocator === 'orthotope',
    segments,
  });
  return { kind, machine, options: tlOptions, segmentation };
}

/** Whether a guest run is segmented, and if not, why (said in SessionInfo.segmentation). */
function segmentationOf(
  options: SessionOptions,
  mode: string,
  allocator: string,
  planner: SegmentPlanner | undefined,
): { planner: SegmentPlanner | null; settings: SegmentSettings; reason: string | null } {
  const settings = options.segments === false || options.segments === undefined ? {} : options.segments;
  const one = (reason: string) => ({ planner: null, settings, reason });
  if (mode !== 'persistent') {
    if (options.segments !== undefined && options.segments !== false)
      throw bad(
        'segment settings need continuations (persistent mode): OpenVM runs a volatile guest as one segment',
      );
    return one('volatile mode: continuations disabled, one segment');
  }
  if (options.segments === false) return one('segmentation switched off');
  if (allocator === 'orthotope')
    return one('orthotope serves the allocator: not a run OpenVM executes, so not segmented');
  if (planner === undefined) return one('no metered pass given');
  return { planner, settings, reason: null };
}

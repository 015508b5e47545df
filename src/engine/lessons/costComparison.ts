// What a run costs in access adapters, in both memory modes side by side: records by block size, rows and
// padded heights per AccessAdapterAir<N> (adapterCost.ts), and the boundary chip (persistent: 2 rows per
// touched 8-cell chunk in PersistentBoundaryAir<8>; volatile: one per touched cell in VolatileBoundaryAir).
// The other mode is a what-if: the same program re-run from the start with only the mode changed. Runs are
// fresh machines (never the user's Session), executed in chunks with the record log kept and tallied, then
// finalized: a run whose script has no `finalize`, or that stops at the step cap, is finalized where it
// stopped, as a proof would have to, and the notes say so. Each mode also splits its adapter rows by cause
// (adapterCauses.ts): a guest's records are charged to the instruction that appended them through the
// interpreter's onStep (one lookup per instruction), a script's to its accesses, finalize's to finalize.

import { type ErrorInfo, toErrorInfo } from '../errors';
import { ADAPTER_CAUSES, CAUSE_FINALIZE, CAUSE_SCRIPT, CauseTally, instructionCauses } from './adapterCauses';
import { adapterCost } from '../memory/adapterCost';
import { ADAPTER_SIZES, type MemoryMode } from '../memory/config';
import { touchedBlocks } from '../memory/finalize';
import type { RecordLog } from '../memory/recordLog';
import type { TracingMemory } from '../memory/tracingMemory';
import { decodeScriptText } from '../scripts/decodeText';
import { parseMtrace } from '../scripts/mtraceParser';
import type { MachineEnd } from '../timeline/machines/machine';
import { MtraceMachine } from '../timeline/machines/mtraceMachine';
import { openRun } from '../timeline/openRun';
import type { SessionOptions } from '../timeline/sessionTypes';
import { EngineError } from '../errors';

export const DEFAULT_COST_STEP_CAP = 20_000_000;
const CHUNK_STEPS = 100_000;

export interface AdapterLine {
  /** AccessAdapterAir<N>. */
  n: number;
  /** Records whose block size is N (each adds rows to every AIR from 2L up to N). */
  splits: number;
  merges: number;
  rows: number;
  padded: number;
}

export interface ModeCost {
  mode: MemoryMode;
  steps: number;
  timestamp: number;
  /** done: the run ended; capped: it reached the step cap; error: it failed (the cost is up to the failure). */
  status: 'done' | 'capped' | 'error';
  error: ErrorInfo | null;
  /** script: the script's own `finalize`; added: finalized where the run stopped; failed: finalize asserted. */
  finalize: 'script' | 'added' | 'failed';
  records: { splits: number; merges: number };
  adapters: AdapterLine[];
  boundary: { air: string; entries: number; rows: number; padded: number };
  total: { rows: number; padded: number };
  /**
   * What caused the adapter rows (adapterCauses.ts): for each cause that caused any, its rows per
   * AccessAdapterAir<N> (N = 2..32, as `adapters`); per N they sum to `adapters[k].rows`.
   */
  causes: { cause: string; rows: number[] }[];
}

export interface CostComparison {
  kind: 'mtrace' | 'guest';
  /** The mode the program is loaded in; runs[0] is that mode, runs[1] the other. */
  mode: MemoryMode;
  stepCap: number;
  runs: [ModeCost, ModeCost];
  notes: string[];
}

interface CostMachine {
  readonly step: number;
  readonly memory: TracingMemory;
  run(n: number): MachineEnd | null;
}

/**
 * How a run's records are charged to causes: `chunk` steps per run() call, and `after` (called after each
 * call) flushes the records appended meanwhile. A guest charges per instruction from its interpreter's
 * onStep (installed by the caller); a script steps one directive at a time, its own `finalize` last.
 */
interface Attribution {
  chunk: number;
  after(tally: CauseTally): void;
}

class Tally {
  readonly splits = [0, 0, 0, 0, 0];
  readonly merges = [0, 0, 0, 0, 0];
  take(log: RecordLog): void {
    for (let i = 0; i < log.length; i++) {
      const k = 31 - Math.clz32(log.blockSize[i]) - 1;
      if (log.isMerge(i)) this.merges[k]++;
      else this.splits[k]++;
    }
    log.clear();
  }
}

function measure(
  machine: CostMachine,
  mode: MemoryMode,
  cap: number,
  finalizedByScript: () => boolean,
  attribution: Attribution,
  causes: CauseTally,
): ModeCost {
  const memory = machine.memory;
  memory.records.keep = true;
  const tally = new Tally();
  let end: MachineEnd | null = null;
  while (end === null && machine.step < cap) {
    end = machine.run(Math.min(attribution.chunk, cap - machine.step));
    attribution.after(causes);
    tally.take(memory.records);
  }
  const persistent = mode === 'persistent';
  let finalize: ModeCost['finalize'] = 'script';
  let error = end?.status === 'error' ? end.error : null;
  if (!finalizedByScript()) {
    finalize = 'added';
    try {
      memory.finalize(persistent);
    } catch (e) {
      finalize = 'failed';
      error ??= toErrorInfo(e);
    }
    causes.flush(CAUSE_FINALIZE);
    tally.take(memory.records);
  }
  // The equipartition covers exactly the touched blocks (finalize leaves the metadata as it is).
  const chunk = persistent ? 8 : 1;
  const entries =
    finalize === 'failed' ? 0 : touchedBlocks(memory).reduce((n, b) => n + b.blockSize, 0) / chunk;
  const cost = adapterCost(memory.records.rows, entries, persistent);
  const adapters = ADAPTER_SIZES.map((n, k) => ({
    n,
    splits: tally.splits[k],
    merges: tally.merges[k],
    rows: cost.rows[n],
    padded: cost.padded[n],
  }));
  const boundary = {
    air: persistent ? 'PersistentBoundaryAir<8>' : 'VolatileBoundaryAir',
    entries,
    rows: cost.boundaryRows,
    padded: cost.boundaryPadded,
  };
  return {
    mode,
    steps: machine.step,
    timestamp: memory.timestamp,
    status: end?.status === 'error' ? 'error' : end === null ? 'capped' : 'done',
    error,
    finalize,
    records: { splits: memory.records.splits, merges: memory.records.merges },
    adapters,
    boundary,
    total: {
      rows: adapters.reduce((n, a) => n + a.rows, 0) + boundary.rows,
      padded: adapters.reduce((n, a) => n + a.padded, 0) + boundary.padded,
    },
    causes: causes
      .byCause()
      .map((rows, c) => ({ cause: ADAPTER_CAUSES[c] as string, rows }))
      .filter((c) => c.rows.some((r) => r > 0)),
  };
}

const otherMode = (m: MemoryMode): MemoryMode => (m === 'persistent' ? 'volatile' : 'persistent');

/** Runs `bytes` (a .mtrace script or a guest ELF with `options`) in both modes, at most `stepCap` steps each. */
export function costComparison(
  kind: 'mtrace' | 'guest',
  bytes: Uint8Array,
  options: SessionOptions = {},
  stepCap = DEFAULT_COST_STEP_CAP,
): CostComparison {
  if (!Number.isSafeInteger(stepCap) || stepCap <= 0)
    throw new EngineError('request', `the step cap must be a positive integer, got ${stepCap}`);
  const notes: string[] = [];
  let mode: MemoryMode;
  let runOne: (m: MemoryMode) => ModeCost;
  if (kind === 'mtrace') {
    const decoded = decodeScriptText(bytes);
    if ('error' in decoded)
      throw new EngineError('script', decoded.error.message, { line: decoded.error.line });
    const program = parseMtrace(decoded.text);
    mode = program.mode;
    runOne = (m) => {
      const machine = new MtraceMachine({ ...program, mode: m });
      // One directive per call: a script's own `finalize` (its last directive) is charged to finalize.
      const attribution: Attribution = {
        chunk: 1,
        after: (t) => t.flush(machine.finalized ? CAUSE_FINALIZE : CAUSE_SCRIPT),
      };
      return measure(
        machine,
        m,
        stepCap,
        () => machine.finalized,
        attribution,
        new CauseTally(machine.memory.records),
      );
    };
    if (program.inits.length > 0)
      notes.push(
        'The script has an `init` image: volatile mode assumes memory starts all-zero, so its volatile run executes but could not be proven.',
      );
  } else {
    mode = options.mode ?? 'persistent';
    runOne = (m) => {
      const opened = openRun('guest', bytes, { ...options, mode: m, allocator: 'none' });
      if (opened.kind !== 'guest') throw new EngineError('internal', 'a guest run expected');
      const machine = opened.machine;
      const decoded = machine.program.decoded;
      const causeOf = instructionCauses(decoded.code, decoded.imm);
      const tally = new CauseTally(machine.memory.records);
      // Called before each instruction: what was recorded since the previous one is that one's.
      let current = causeOf[0] ?? 0;
      machine.interpreter.onStep = (idx) => {
        tally.flush(current);
        current = causeOf[idx];
      };
      const attribution: Attribution = { chunk: CHUNK_STEPS, after: (t) => t.flush(current) };
      return measure(machine, m, stepCap, () => false, attribution, tally);
    };
  }
  const runs: [ModeCost, ModeCost] = [runOne(mode), runOne(otherMode(mode))];
  // One note per condition, naming the runs it applies to.
  const subject = (pred: (r: ModeCost) => boolean): { who: string; was: string } | null => {
    const modes = runs.filter(pred).map((r) => r.mode);
    if (modes.length === 0) return null;
    return modes.length === 2
      ? { who: 'Both runs', was: 'were' }
      : { who: `The ${modes[0]} run`, was: 'was' };
  };
  const capped = subject((r) => r.status === 'capped');
  if (capped !== null)
    notes.push(
      `${capped.who} stopped at the step cap (${stepCap.toLocaleString('en-US')} steps) and ${capped.was} finalized there: the figures cover that prefix only.`,
    );
  const added = subject((r) => r.finalize === 'added' && r.status !== 'capped');
  if (added !== null && kind === 'mtrace')
    notes.push(
      `The script has no \`finalize\`: ${added.who.toLowerCase()} ${added.was} finalized at the end, as a proof needs.`,
    );
  for (const r of runs)
    if (r.status === 'error' && r.error !== null)
      notes.push(
        `The ${r.mode} run failed: ${r.error.message}. Its figures cover the steps before the failure.`,
      );
  notes.push(
    'Only the access adapters and the boundary chip are counted (not MemoryMerkleAir or the other chips).',
  );
  return { kind, mode, stepCap, runs, notes };
}

// The end state of a guest run as plain data (the CLI's `exec --format summary` line, the UI's run panel):
// exit code, instructions, final timestamp, public values, console output, adapter records by kind, rows
// per AccessAdapterAir<N> (unpadded and padded), touched memory after finalize, and the error if any.
// Invariant: finalize runs exactly once (GuestRun.finalize caches it), after execution stopped.

import type { ErrorInfo } from '../errors';
import { toErrorInfo } from '../errors';
import { adapterCost } from '../memory/adapterCost';
import { ADAPTER_SIZES } from '../memory/config';
import type { GuestRun } from './guestRun';
import { bytesToHex } from './io/input';

export interface GuestRunSummary {
  status: string;
  exitCode: number | null;
  instructions: number;
  finalTimestamp: number;
  mode: string;
  publicValues: string;
  console: string;
  records: { split: number; merge: number };
  adapterRows: Record<string, number>;
  adapterHeights: Record<string, number>;
  /** Finalize entries: 8-cell chunks (persistent) or cells (volatile). */
  touchedChunks: number;
  boundaryRows: number;
  pc: number;
  error?: ErrorInfo;
}

export function summarizeRun(run: GuestRun): GuestRunSummary {
  const machine = run.machine;
  const finalTimestamp = run.memory.timestamp;
  // Finalize only a run that ended: a paused run could still go on.
  const ended = machine.status === 'terminated' || machine.status === 'failed';
  let touchedChunks = 0;
  let finalizeError: ErrorInfo | undefined;
  if (ended) {
    try {
      touchedChunks = run.finalize().pointer.length;
    } catch (e) {
      finalizeError = toErrorInfo(e);
    }
  }
  const records = run.memory.records;
  const cost = adapterCost(records.rows, touchedChunks, run.mode === 'persistent');
  const adapterRows: Record<string, number> = {};
  const adapterHeights: Record<string, number> = {};
  for (const n of ADAPTER_SIZES) {
    adapterRows[`AccessAdapterAir<${n}>`] = cost.rows[n];
    adapterHeights[`AccessAdapterAir<${n}>`] = cost.padded[n];
  }
  const summary: GuestRunSummary = {
    status: machine.status,
    exitCode: machine.exitCode,
    instructions: machine.instret,
    finalTimestamp,
    mode: run.mode,
    publicValues: bytesToHex(run.publicValues()),
    console: machine.console,
    records: { split: records.splits, merge: records.merges },
    adapterRows,
    adapterHeights,
    touchedChunks,
    boundaryRows: ended ? cost.boundaryRows : 0,
    pc: machine.pc,
  };
  const error = machine.error !== null ? toErrorInfo(machine.error) : finalizeError;
  if (error !== undefined) summary.error = error;
  return summary;
}

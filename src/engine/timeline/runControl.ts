// Run control of a session: run / continue with breakpoints and watchpoints in either direction, and step
// over a call. Guest breakpoints are pcs (or symbols) watched by interpreter hooks; script breakpoints are
// lines, whose steps are known statically (directives are in line order); watchpoints watch TracingMemory
// accesses. A run stops before the step that hits (before the instruction at the breakpoint, before the
// step that performs the watched access) and never stops again at the step it started from.
// Invariant: requests that cannot be honoured (a symbol the ELF lacks, a line without a directive, a
// watchpoint outside memory or in a run without traced memory) throw EngineError('request') before running.

import { EngineError } from '../errors';
import { debugInfoOf } from '../guest/debuginfo/dwarf/debugInfo';
import { OP_JAL, OP_JALR } from '../guest/isa/opcodes';
import type { MachineState } from './machines/machine';
import type { OpenedRun } from './openRun';
import { AccessProbe, AnyProbe, PcProbe, type Probe, type WatchRange, watches } from './queries/probes';
import { searchBackward, searchForward, type SearchResult } from './queries/search';
import type { Breakpoint, RunOptions, Watchpoint } from './sessionTypes';
import type { Timeline } from './recording/timeline';

const bad = (message: string) => new EngineError('request', message);

/** The cell range of a request, checked against the address space's storage. */
export function checkRange(run: OpenedRun, as: number, addr: number, len: number): void {
  const memory = run.machine.memory;
  if (memory === null) throw bad('an .alloc run has no traced memory');
  if (!Number.isSafeInteger(as) || memory.spaces[as] === undefined)
    throw bad(`address space ${as} has no storage (1 registers, 2 memory, 3 public values, 4 native)`);
  const cells = memory.space(as).hostCells;
  if (!Number.isSafeInteger(addr) || !Number.isSafeInteger(len) || addr < 0 || len < 1 || addr + len > cells)
    throw bad(`cells ${addr}..${addr + len} are not a range inside address space ${as} (${cells} cells)`);
}

/** The pcs of a guest breakpoint: one for a pc or symbol, every statement start of a source line (DWARF). */
export function resolvePcs(run: OpenedRun, bp: Breakpoint): number[] {
  if (run.kind === 'guest' && 'file' in bp) {
    const debug = debugInfoOf(run.machine.program);
    if (!debug.hasLines)
      throw bad('this program has no line information (DWARF .debug_line): use pc or symbol breakpoints');
    const pcs = debug.lines.addressesOf(bp.file, bp.line);
    if (pcs.length === 0) throw bad(`no code at ${bp.file}:${bp.line}`);
    return pcs;
  }
  return [resolvePc(run, bp)];
}

export function resolvePc(run: OpenedRun, bp: Breakpoint): number {
  if (run.kind !== 'guest') throw bad('script runs take line breakpoints ({ line })');
  if ('file' in bp) return resolvePcs(run, bp)[0];
  if ('line' in bp) throw bad('guest runs take pc, symbol or file:line breakpoints');
  if ('pc' in bp) {
    if (!Number.isSafeInteger(bp.pc) || bp.pc < 0) throw bad(`bad breakpoint pc ${bp.pc}`);
    return bp.pc;
  }
  const sym = run.machine.program.symbols.get(bp.symbol);
  if (sym === undefined) throw bad(`unknown symbol \`${bp.symbol}\``);
  return sym.address;
}

/** The step of the directive on `line` (scripts). */
export function stepOfLine(run: OpenedRun, line: number): number {
  if (run.kind === 'guest') throw bad('guest runs take pc or symbol breakpoints');
  const count = run.kind === 'mtrace' ? run.machine.program.count : run.machine.trace.directives.length;
  const lineAt = (i: number) =>
    run.kind === 'mtrace' ? run.machine.program.line[i] : run.machine.trace.directives[i].line;
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (lineAt(mid) < line) lo = mid + 1;
    else hi = mid;
  }
  if (lo === count || lineAt(lo) !== line) throw bad(`no directive on line ${line}`);
  return lo;
}

function watchRanges(run: OpenedRun, wps: readonly Watchpoint[]): WatchRange[] {
  return wps.map((w) => {
    checkRange(run, w.addressSpace, w.addr, w.len);
    if (w.writesOnly === true && w.readsOnly === true)
      throw bad(
        'a watchpoint watches writes, reads or both (writesOnly and readsOnly together watch nothing)',
      );
    return {
      addressSpace: w.addressSpace,
      addr: w.addr,
      len: w.len,
      writesOnly: w.writesOnly === true,
      readsOnly: w.readsOnly === true,
    };
  });
}

function reasonOf(r: SearchResult): 'breakpoint' | 'watchpoint' | 'end' | 'budget' | 'none' {
  if (r.reason !== 'hit' || r.hit === undefined) return r.reason === 'hit' ? 'none' : r.reason;
  return r.hit.kind === 'breakpoint' ? 'breakpoint' : 'watchpoint';
}

export interface RunOutcome {
  reason: 'breakpoint' | 'watchpoint' | 'end' | 'budget' | 'none';
  result?: SearchResult;
  /** The breakpoints and watchpoints (indices into the options') the stop is for. */
  matched?: { breakpoints: number[]; watchpoints: number[] };
}

/** The breakpoints and watchpoints a stop is for: those whose pcs / line / range the hit matches. */
function matchedBy(
  run: OpenedRun,
  options: RunOptions,
  ranges: readonly WatchRange[],
  outcome: RunOutcome,
  step: number,
): RunOutcome {
  if (outcome.reason !== 'breakpoint' && outcome.reason !== 'watchpoint') return outcome;
  const hit = outcome.result?.hit;
  const breakpoints: number[] = [];
  const watchpoints: number[] = [];
  (options.breakpoints ?? []).forEach((bp, i) => {
    if (run.kind === 'guest') {
      if (hit?.kind === 'breakpoint' && resolvePcs(run, bp).includes(hit.pc as number)) breakpoints.push(i);
    } else if ('line' in bp && !('file' in bp) && stepOfLine(run, bp.line) === step) breakpoints.push(i);
  });
  if (hit?.kind === 'access')
    ranges.forEach((r, i) => {
      if (watches(r, hit.addressSpace!, hit.pointer!, hit.size!, hit.write === true)) watchpoints.push(i);
    });
  return { ...outcome, matched: { breakpoints, watchpoints } };
}

export function runSession<S extends MachineState>(
  run: OpenedRun,
  tl: Timeline<S>,
  options: RunOptions,
): RunOutcome {
  const ranges = watchRanges(run, options.watchpoints ?? []);
  return matchedBy(run, options, ranges, runProbes(run, tl, options, ranges), tl.step);
}

function runProbes<S extends MachineState>(
  run: OpenedRun,
  tl: Timeline<S>,
  options: RunOptions,
  ranges: readonly WatchRange[],
): RunOutcome {
  const backward = options.direction === 'backward';
  const maxSteps = options.maxSteps ?? Number.POSITIVE_INFINITY;
  if (!(maxSteps >= 0)) throw bad(`maxSteps must be >= 0, got ${maxSteps}`);
  const bps = options.breakpoints ?? [];
  const probes: Probe[] = [];
  const memory = run.machine.memory;
  if (ranges.length > 0 && memory !== null)
    probes.push(
      new AccessProbe(memory, ranges, () =>
        'timestampOffset' in run.machine ? run.machine.timestampOffset : 0,
      ),
    );
  let lineSteps: number[] = [];
  if (run.kind === 'guest') {
    const pcs = bps.flatMap((bp) => resolvePcs(run, bp));
    if (pcs.length > 0) probes.push(new PcProbe(run.machine.interpreter, pcs));
  } else {
    lineSteps = bps.map((bp) => {
      if (!('line' in bp) || 'file' in bp) throw bad('script runs take line breakpoints ({ line })');
      return stepOfLine(run, bp.line);
    });
  }
  const cur = tl.step;
  // Script line breakpoints: the nearest breakpoint step in the run's direction bounds the search.
  const ahead = lineSteps.filter((s) => (backward ? s < cur : s > cur));
  const bpStep = ahead.length === 0 ? -1 : backward ? Math.max(...ahead) : Math.min(...ahead);
  if (backward) {
    let r: SearchResult | null = null;
    if (probes.length > 0) r = searchBackward(tl, new AnyProbe(probes));
    if (r !== null && r.reason === 'hit' && tl.step > bpStep) return { reason: reasonOf(r), result: r };
    if (bpStep >= 0) {
      tl.seekStep(bpStep);
      return { reason: 'breakpoint' };
    }
    if (r !== null) return { reason: 'none', result: r };
    tl.seekStep(0); // reverse with nothing to stop at: back to the start
    return { reason: 'end' };
  }
  const budget = bpStep >= 0 ? Math.min(maxSteps, bpStep - cur) : maxSteps;
  if (probes.length > 0) {
    const r = searchForward(tl, new AnyProbe(probes), budget);
    if (r.reason === 'hit') return { reason: reasonOf(r), result: r };
  } else tl.forward(budget);
  if (bpStep >= 0 && tl.step === bpStep) return { reason: 'breakpoint' };
  return { reason: tl.end !== null && tl.step === tl.end.step ? 'end' : 'budget' };
}

/** Guest step over: a call (jal/jalr writing ra) runs until it returns to the next instruction, same sp. */
export function stepOver<S extends MachineState>(run: OpenedRun, tl: Timeline<S>): void {
  if (run.kind !== 'guest') {
    tl.forward(1);
    return;
  }
  const { interpreter, program, memory } = run.machine;
  const idx = (interpreter.pc - program.decoded.pcBase) / 4;
  const code = program.decoded.code[idx];
  const op = code === undefined ? -1 : code & 0xff;
  const rd = code === undefined ? -1 : (code >>> 8) & 0xff;
  if (!((op === OP_JAL || op === OP_JALR) && rd === 4)) {
    tl.forward(1);
    return;
  }
  const probe = new PcProbe(interpreter, [interpreter.pc + 4], memory.peekWord(1, 8));
  searchForward(tl, new AnyProbe([probe]), Number.POSITIVE_INFINITY);
}

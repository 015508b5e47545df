// Which run "Cost by function" measures, said in the panel (issue 22: on hashmap with allocator orthotope
// the debugged run had 335,808 steps while the panel said "5,188,937 instructions" with malloc frames —
// the allocator-off run — and nothing said so). Metering (engine/metering) runs the program with the
// Input, the openvm.toml and the allocator interposition the session was opened with: the run being
// debugged (orthotope's served calls are one instruction each, in "malloc [orthotope]" frames:
// engine/metering/servedCalls.ts), in its memory mode: a volatile session is metered as OpenVM v1.7.0 proves
// it, one segment with VolatileBoundaryAir and no Merkle tree (engine/metering/meteredRun.ts). What it still
// cannot reproduce is named, exactly:
//   * a view metered in another memory mode than the session's (the panel shows the view it has);
//   * a persistent session with segments switched off (Run ▾): metering cuts where OpenVM would;
//   * an orthotope run cut into segments: the session runs it as one segment (not a run OpenVM executes),
//     metering cuts it where OpenVM would (persistent memory only: a volatile run is never cut).
import type { MeterView } from '../../engine/metering/meterView';
import type { RunOptionsUi } from '../debugger/storeTypes';

export interface MeterSubject {
  /** "hashmap.elf · input 0x01… · openvm.toml · allocator calls served by orthotope · persistent memory" */
  measures: string;
  /** How the run being debugged differs from the metered one (empty: it is the same run). */
  differs: string[];
}

function shortInput(input: string): string {
  const t = input.trim();
  return t.length > 24 ? `${t.slice(0, 21)}…` : t;
}

const MEMORY: Record<MeterView['mode'], string> = {
  persistent: 'persistent memory',
  volatile: 'volatile memory (one segment: VolatileBoundaryAir, no Merkle tree)',
};

const ALLOCATOR: Record<RunOptionsUi['alloc'], string> = {
  off: "the guest's own allocator",
  observe: "the guest's own allocator (observed)",
  orthotope: 'allocator calls served by orthotope',
};

export function meterSubject(
  program: string,
  options: Pick<RunOptionsUi, 'mode' | 'alloc' | 'input'> & Partial<Pick<RunOptionsUi, 'segments'>>,
  configName: string | undefined,
  meter?: Pick<MeterView, 'mode' | 'segments'>,
): MeterSubject {
  const mode = meter?.mode ?? 'persistent';
  const measures = [
    program,
    options.input.trim() ? `input ${shortInput(options.input)}` : 'no input',
    configName ?? 'default VM config (no openvm.toml)',
    ALLOCATOR[options.alloc],
    MEMORY[mode],
  ].join(' · ');
  const differs: string[] = [];
  if (options.mode !== mode)
    differs.push(
      `the debugged run is in ${options.mode} memory mode, the metered one in ${mode} mode, so its boundary, Merkle and adapter rows are ${mode} mode's (instructions and chip rows are the same)`,
    );
  const segments = meter?.segments.length ?? 0;
  if (options.segments === 'off' && options.mode === 'persistent' && segments > 1)
    differs.push(
      `the debugged run is one TracingMemory (segments off in Run ▾); metering cuts it where OpenVM would, into ${segments} segments`,
    );
  if (options.alloc === 'orthotope' && segments > 1)
    differs.push(
      `the debugged run is one segment (orthotope serves the allocator: not a run OpenVM executes); metering cuts it where OpenVM would, into ${segments} segments`,
    );
  return { measures, differs };
}

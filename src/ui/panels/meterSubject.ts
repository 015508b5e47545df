// Which run "Cost by function" measures, said in the panel (issue 22: on hashmap with allocator orthotope
// the debugged run had 335,808 steps while the panel said "5,188,937 instructions" with malloc frames —
// the allocator-off run — and nothing said so). Metering (engine/metering) runs the program with the
// Input, the openvm.toml and the allocator interposition the session was opened with: the run being
// debugged (orthotope's served calls are one instruction each, in "malloc [orthotope]" frames:
// engine/metering/servedCalls.ts). What it still cannot reproduce is named, exactly:
//   * volatile memory: metering has persistent memory's AIRs only, so the memory AIR rows are persistent
//     mode's (the instructions and chip rows are the same: the mode changes no instruction);
//   * an orthotope run cut into segments: the session runs it as one segment (not a run OpenVM executes),
//     metering cuts it where OpenVM would.
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

const ALLOCATOR: Record<RunOptionsUi['alloc'], string> = {
  off: "the guest's own allocator",
  observe: "the guest's own allocator (observed)",
  orthotope: 'allocator calls served by orthotope',
};

export function meterSubject(
  program: string,
  options: Pick<RunOptionsUi, 'mode' | 'alloc' | 'input'>,
  configName: string | undefined,
  meter?: Pick<MeterView, 'mode' | 'segments'>,
): MeterSubject {
  const mode = meter?.mode ?? 'persistent';
  const measures = [
    program,
    options.input.trim() ? `input ${shortInput(options.input)}` : 'no input',
    configName ?? 'default VM config (no openvm.toml)',
    ALLOCATOR[options.alloc],
    `${mode} memory`,
  ].join(' · ');
  const differs: string[] = [];
  if (options.mode === 'volatile' && mode !== 'volatile')
    differs.push(
      "the debugged run is in volatile memory mode (VolatileBoundaryAir, no Merkle tree); metering has persistent memory's AIRs only, so its boundary, Merkle and adapter rows are persistent mode's (instructions and chip rows are the same)",
    );
  const segments = meter?.segments.length ?? 0;
  if (options.alloc === 'orthotope' && segments > 1)
    differs.push(
      `the debugged run is one segment (orthotope serves the allocator: not a run OpenVM executes); metering cuts it where OpenVM would, into ${segments} segments`,
    );
  return { measures, differs };
}

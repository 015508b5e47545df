// Which run "Cost by function" measures, said in the panel (issue 22: on hashmap with allocator orthotope
// the debugged run had 335,808 steps while the panel said "5,188,937 instructions" with malloc frames —
// the allocator-off run — and nothing said so). Metering (engine/metering) runs the program with the
// Input and the openvm.toml the session was opened with, the guest's own allocator and persistent memory
// (OpenVM's metered execution segments continuation runs): whatever of the debugged run differs from that
// is named, so the figures are never mistaken for the run on screen.
import type { RunOptionsUi } from '../debugger/storeTypes';

export interface MeterSubject {
  /** "hashmap.elf · input 0x01… · openvm.toml · guest's own allocator · persistent memory" */
  measures: string;
  /** How the run being debugged differs from the metered one (empty: it is the same run). */
  differs: string[];
}

function shortInput(input: string): string {
  const t = input.trim();
  return t.length > 24 ? `${t.slice(0, 21)}…` : t;
}

export function meterSubject(
  program: string,
  options: Pick<RunOptionsUi, 'mode' | 'alloc' | 'input'>,
  configName: string | undefined,
): MeterSubject {
  const measures = [
    program,
    options.input.trim() ? `input ${shortInput(options.input)}` : 'no input',
    configName ?? 'default VM config (no openvm.toml)',
    "the guest's own allocator",
    'persistent memory',
  ].join(' · ');
  const differs: string[] = [];
  if (options.alloc === 'orthotope')
    differs.push(
      "the debugged run serves malloc & co with the orthotope model (allocator: orthotope); metering runs the guest's own allocator, the code OpenVM would prove, so its steps and malloc frames are counted here",
    );
  if (options.mode === 'volatile')
    differs.push(
      "the debugged run is in volatile memory mode; OpenVM's metered execution segments persistent (continuation) runs, so rows are those of persistent mode",
    );
  return { measures, differs };
}

// One entry point for every profile format memscope writes, for the CLI (`exec --profile FILE`) and the
// app's Cost by function Export, over any instruction range of a metered run (a RangeProfiler):
//   folded      "a;b;c weight" lines of one measure (costProfile.ts) — flamegraph.pl, inferno, speedscope
//   pprof       a profile.proto with the three measures as sample types (pprofProfile.ts) — go tool pprof
//   speedscope  evented (time order) and sampled profiles (speedscopeProfile.ts) — speedscope
// The format follows the file name (`.pb.gz`/`.pb`/`.pprof` pprof, `.speedscope.json` speedscope, anything
// else folded, as before there were formats) unless one is given. Bytes come back unzipped: pprof's are
// gzipped by the caller (`gzip: true`), which has node:zlib or CompressionStream.

import { type CostMeasure, foldedText } from '../attribution/costProfile';
import type { RangeProfiler } from '../attribution/rangeProfile';
import { pprofBytes } from './pprofProfile';
import { speedscopeFile } from './speedscopeProfile';

export const PROFILE_FORMATS = ['folded', 'pprof', 'speedscope'] as const;
export type ProfileFormat = (typeof PROFILE_FORMATS)[number];

/** The format a file name asks for. */
export function profileFormatOf(file: string): ProfileFormat {
  const f = file.toLowerCase();
  if (f.endsWith('.pb.gz') || f.endsWith('.pb') || f.endsWith('.pprof')) return 'pprof';
  if (f.endsWith('.speedscope.json')) return 'speedscope';
  return 'folded';
}

/** The file name extension a format is saved with (the app's downloads). */
export const PROFILE_EXTENSIONS: Record<ProfileFormat, string> = {
  folded: '.folded',
  pprof: '.pb.gz',
  speedscope: '.speedscope.json',
};

export interface ProfileExportOptions {
  /** The program's file name (profile names, pprof's mapping). */
  programName: string;
  /** The measure of a folded profile (the other formats hold all three). */
  measure: CostMeasure;
  /** Who wrote it, e.g. "memscope exec" (speedscope's exporter field). */
  exporter: string;
}

export interface ExportedProfile {
  bytes: Uint8Array;
  /** True when the bytes are to be gzipped before they are written (pprof). */
  gzip: boolean;
  /** What the file holds, for a note: "812 stacks (instructions)", "3 sample types, 1,204 samples". */
  summary: string;
}

export function exportProfile(
  q: RangeProfiler,
  from: number,
  to: number,
  format: ProfileFormat,
  options: ProfileExportOptions,
): ExportedProfile {
  const scope = from === 0 && to === q.instret ? 'whole run' : `instructions [${from}, ${to})`;
  if (format === 'pprof') {
    const comment = `memscope: ${options.programName}, ${scope}`;
    const bytes = pprofBytes(q, from, to, { programName: options.programName, comment });
    return {
      bytes,
      gzip: true,
      summary: `pprof profile (instructions, cells, adapter_rows) of the ${scope}`,
    };
  }
  if (format === 'speedscope') {
    const file = speedscopeFile(q, from, to, { name: options.programName, exporter: options.exporter });
    const events = file.profiles.filter((p) => p.type === 'evented').length;
    return {
      bytes: new TextEncoder().encode(JSON.stringify(file)),
      gzip: false,
      summary: `speedscope file (${events} evented profile${events === 1 ? '' : 's'} in instruction order, 3 sampled) of the ${scope}`,
    };
  }
  const entries = q.entries(from, to, options.measure);
  return {
    bytes: new TextEncoder().encode(foldedText(entries)),
    gzip: false,
    summary: `${entries.length} stacks (${options.measure})`,
  };
}

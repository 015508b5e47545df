// A metered run's cost as a pprof profile (github.com/google/pprof proto/profile.proto), encoded by
// DataDog's `pprof-format` (no hand-written protobuf): three sample types — instructions, trace cells,
// adapter rows (costProfile.ts's measures) — one sample per (call stack with call sites, instruction)
// (lineSamples.ts). Locations are instructions: address = pc, lines = the DWARF frames at the pc, innermost
// inlined call first and the containing function last (pprof's order for inlined frames), each at its
// file:line; a caller's location is its call instruction (callSites.ts), or, call site unknown, the
// function alone. Without DWARF (OpenVM's benchmark ELFs) a location is one line of the ELF function
// symbol (demangled) at line 0. The containing function is always named by its ELF symbol, as the app's
// icicle and the folded stacks name it, so `pprof -top` and the icicle agree.
// Output: the uncompressed profile bytes; gzip them at the edge (node:zlib in the CLI, CompressionStream in
// the app) — `go tool pprof` reads both. Pure TypeScript: the CLI and the worker share it.

import { Profile, StringTable } from 'pprof-format';
import type { FunctionInput, LineInput, LocationInput, SampleInput } from 'pprof-format';
import { debugInfoOf } from '../../guest/debuginfo/dwarf/debugInfo';
import type { RangeProfiler } from '../attribution/rangeProfile';
import { callSitesOf } from './callSites';
import { lineSamples } from './lineSamples';

/** The sample types, in the order of their values (go tool pprof -sample_index=0/1/2 or by name). */
export const PPROF_SAMPLE_TYPES = [
  { type: 'instructions', unit: 'count' },
  { type: 'cells', unit: 'count' },
  { type: 'adapter_rows', unit: 'count' },
] as const;

export interface PprofOptions {
  /** The ELF's file name (the mapping's file). */
  programName: string;
  /** A comment line (what was profiled: the range, the config). */
  comment?: string;
}

export function pprofProfile(q: RangeProfiler, from: number, to: number, options: PprofOptions): Profile {
  const strings = new StringTable();
  const str = (s: string) => strings.dedup(s);
  const samples = lineSamples(q, from, to);
  const sites = callSitesOf(q);
  const program = q.program;
  const debug = debugInfoOf(program);
  const names = q.functions.names;
  const funcOf = q.functions.funcOf;
  const pcBase = program.decoded.pcBase;

  const functions: FunctionInput[] = [];
  const functionIds = new Map<string, number>();
  const fn = (name: string, file: string | null): number => {
    let id = functionIds.get(name);
    if (id === undefined) {
      id = functions.length + 1;
      functions.push({ id, name: str(name), systemName: str(name), filename: str(file ?? '') });
      functionIds.set(name, id);
    }
    return id;
  };
  const locations: LocationInput[] = [];
  const locationIds = new Map<string, number>();
  const location = (key: string, make: () => { address: number; line: LineInput[] }): number => {
    let id = locationIds.get(key);
    if (id === undefined) {
      id = locations.length + 1;
      const { address, line } = make();
      locations.push({ id, mappingId: address === 0 ? 0 : 1, address, line });
      locationIds.set(key, id);
    }
    return id;
  };
  /** The location of instruction `idx`: its DWARF frames, the outermost named by the ELF symbol. */
  const atInstruction = (idx: number): number =>
    location(`i${idx}`, () => {
      const pc = pcBase + 4 * idx;
      const symbol = names[funcOf[idx]];
      const frames = debug.framesAt(pc);
      if (frames.length === 0) return { address: pc, line: [{ functionId: fn(symbol, null), line: 0 }] };
      const line = frames.map((f, k) => ({
        functionId: fn(k === frames.length - 1 ? symbol : f.function, f.file),
        line: f.line,
        column: f.column,
      }));
      return { address: pc, line };
    });
  const ofFunction = (name: string): number =>
    location(`f${name}`, () => ({ address: 0, line: [{ functionId: fn(name, null), line: 0 }] }));

  const sample: SampleInput[] = [];
  for (let i = 0; i < samples.ctx.length; i++) {
    const ids: number[] = [];
    const syn = samples.synthetic[i];
    if (syn !== null) for (let k = syn.length - 1; k >= 0; k--) ids.push(ofFunction(syn[k]));
    else {
      ids.push(atInstruction(samples.idx[i]));
      for (let c = samples.ctx[i]; sites.parent[c] > 0; c = sites.parent[c]) {
        const site = sites.site[c];
        ids.push(
          site >= 0 ? atInstruction(site) : ofFunction(names[q.trie.func[sites.node[sites.parent[c]]]]),
        );
      }
    }
    sample.push({
      locationId: ids,
      value: [samples.values[0][i], samples.values[1][i], samples.values[2][i]],
    });
  }
  const end = pcBase + 4 * funcOf.length;
  return new Profile({
    sampleType: PPROF_SAMPLE_TYPES.map((t) => ({ type: str(t.type), unit: str(t.unit) })),
    sample,
    mapping: [
      {
        id: 1,
        memoryStart: pcBase,
        memoryLimit: end,
        filename: str(options.programName),
        hasFunctions: true,
        hasFilenames: debug.hasLines,
        hasLineNumbers: debug.hasLines,
        hasInlineFrames: debug.scopes.length > 0,
      },
    ],
    location: locations,
    function: functions,
    stringTable: strings,
    comment: options.comment === undefined ? [] : [str(options.comment)],
    defaultSampleType: str('instructions'),
  });
}

/** The profile's bytes (uncompressed protobuf). */
export function pprofBytes(q: RangeProfiler, from: number, to: number, options: PprofOptions): Uint8Array {
  return pprofProfile(q, from, to, options).encode();
}

// What `memscope diff` compares, read from a file: an `exec --segments` JSON report (per AIR: rows, padded
// rows, cells; the instruction count) or a profile memscope writes — pprof (`.pb.gz`, gzipped or not,
// decoded by pprof-format), speedscope (its sampled profiles, one per measure) or folded stacks (one
// unnamed measure). The kind is read from the content, not the name. Every value is checked: a file that
// is none of these, or a field that is missing or not a count, is a DiffInputError naming the file and the
// field (`segments[2].airs[0].cells`), which the command reports with exit code 2.
// Per function means the frame a cost was charged to (the leaf: folded stacks' last frame, speedscope's
// last frame, pprof's leaf location's containing function — its last line), so a diff of two profiles
// says which functions' own cost changed.

import { gunzipSync } from 'node:zlib';
import { Profile } from 'pprof-format';

export type DiffMeasure = 'instructions' | 'cells' | 'adapter-rows' | 'rows' | 'padded-rows';
export const DIFF_MEASURES: readonly DiffMeasure[] = [
  'cells',
  'instructions',
  'adapter-rows',
  'rows',
  'padded-rows',
];

export class DiffInputError extends Error {}

export interface DiffInput {
  file: string;
  kind: 'segments' | 'pprof' | 'speedscope' | 'folded';
  /** What the breakdown is by. */
  by: 'AIR' | 'function';
  /** Per measure the file holds: the cost per AIR or function. */
  measures: Map<DiffMeasure, Map<string, number>>;
  /** A line about the file: "3 segments, 1,200,000 instructions". */
  describe: string;
}

const count = (file: string, field: string, v: unknown): number => {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new DiffInputError(`${file}: ${field}: expected a count (a number ≥ 0), got ${JSON.stringify(v)}`);
  return v;
};
const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function segmentsInput(file: string, doc: Record<string, unknown>): DiffInput {
  const segments = doc.segments;
  if (!Array.isArray(segments)) throw new DiffInputError(`${file}: segments: expected an array`);
  const cells = new Map<string, number>();
  const rows = new Map<string, number>();
  const padded = new Map<string, number>();
  let insns = 0;
  segments.forEach((s: unknown, i) => {
    const at = `segments[${i}]`;
    if (!isObject(s)) throw new DiffInputError(`${file}: ${at}: expected an object`);
    insns += count(file, `${at}.num_insns`, s.num_insns);
    if (!Array.isArray(s.airs)) throw new DiffInputError(`${file}: ${at}.airs: expected an array`);
    s.airs.forEach((a: unknown, j) => {
      const f = `${at}.airs[${j}]`;
      if (!isObject(a)) throw new DiffInputError(`${file}: ${f}: expected an object`);
      if (typeof a.air_name !== 'string' || a.air_name === '')
        throw new DiffInputError(
          `${file}: ${f}.air_name: expected a name, got ${JSON.stringify(a.air_name)}`,
        );
      add(cells, a.air_name, count(file, `${f}.cells`, a.cells));
      add(rows, a.air_name, count(file, `${f}.rows`, a.rows));
      add(padded, a.air_name, count(file, `${f}.padded_rows`, a.padded_rows));
    });
  });
  const adapters = new Map([...rows].filter(([k]) => k.startsWith('AccessAdapterAir')));
  return {
    file,
    kind: 'segments',
    by: 'AIR',
    measures: new Map<DiffMeasure, Map<string, number>>([
      ['cells', cells],
      ['rows', rows],
      ['padded-rows', padded],
      ['adapter-rows', adapters],
      ['instructions', new Map([['instructions', insns]])],
    ]),
    describe: `${segments.length} segment${segments.length === 1 ? '' : 's'}, ${insns.toLocaleString('en-US')} instructions`,
  };
}

const SPEEDSCOPE_MEASURES: [string, DiffMeasure][] = [
  ['adapter rows', 'adapter-rows'],
  ['trace cells', 'cells'],
  ['instructions', 'instructions'],
];

function speedscopeInput(file: string, doc: Record<string, unknown>): DiffInput {
  const frames = isObject(doc.shared) ? doc.shared.frames : undefined;
  if (!Array.isArray(frames)) throw new DiffInputError(`${file}: shared.frames: expected an array`);
  if (!Array.isArray(doc.profiles)) throw new DiffInputError(`${file}: profiles: expected an array`);
  const measures = new Map<DiffMeasure, Map<string, number>>();
  doc.profiles.forEach((p: unknown, i) => {
    if (!isObject(p) || p.type !== 'sampled' || typeof p.name !== 'string') return;
    const hit = SPEEDSCOPE_MEASURES.find(([suffix]) => (p.name as string).endsWith(`, ${suffix}`));
    if (hit === undefined) return;
    const at = `profiles[${i}]`;
    if (!Array.isArray(p.samples) || !Array.isArray(p.weights) || p.samples.length !== p.weights.length)
      throw new DiffInputError(`${file}: ${at}.samples/weights: expected two arrays of one length`);
    const m = new Map<string, number>();
    p.samples.forEach((stack: unknown, k) => {
      const leaf = Array.isArray(stack) ? stack[stack.length - 1] : undefined;
      const frame: unknown = typeof leaf === 'number' ? frames[leaf] : undefined;
      if (!isObject(frame) || typeof frame.name !== 'string')
        throw new DiffInputError(`${file}: ${at}.samples[${k}]: expected frame indexes into shared.frames`);
      add(m, frame.name, count(file, `${at}.weights[${k}]`, (p.weights as unknown[])[k]));
    });
    measures.set(hit[1], m);
  });
  if (measures.size === 0)
    throw new DiffInputError(
      `${file}: profiles[].name: no sampled profile of instructions, trace cells or adapter rows (not written by memscope?)`,
    );
  return { file, kind: 'speedscope', by: 'function', measures, describe: 'speedscope profile' };
}

function pprofInput(file: string, bytes: Uint8Array): DiffInput {
  let profile: Profile;
  try {
    profile = Profile.decode(bytes);
  } catch (e) {
    throw new DiffInputError(`${file}: not a pprof profile (${(e as Error).message})`);
  }
  const s = profile.stringTable.strings;
  const fnName = new Map(profile.function.map((f) => [Number(f.id), s[Number(f.name)]]));
  const leafName = new Map(
    profile.location.map((l) => [Number(l.id), fnName.get(Number(l.line[l.line.length - 1]?.functionId))]),
  );
  const types = profile.sampleType.map((t) => s[Number(t.type)]);
  if (types.length === 0) throw new DiffInputError(`${file}: sample_type: the profile has no sample types`);
  const measures = new Map<DiffMeasure, Map<string, number>>();
  types.forEach((t, k) => {
    const measure: DiffMeasure | undefined =
      t === 'instructions'
        ? 'instructions'
        : t === 'cells'
          ? 'cells'
          : t === 'adapter_rows'
            ? 'adapter-rows'
            : undefined;
    if (measure === undefined) return;
    const m = new Map<string, number>();
    profile.sample.forEach((x, i) => {
      const name = leafName.get(Number(x.locationId[0]));
      if (name === undefined)
        throw new DiffInputError(`${file}: sample[${i}].location_id: no location with a function line`);
      add(m, name, count(file, `sample[${i}].value[${k}]`, Number(x.value[k])));
    });
    measures.set(measure, m);
  });
  if (measures.size === 0)
    throw new DiffInputError(
      `${file}: sample_type: none of instructions, cells, adapter_rows (got ${types.join(', ')})`,
    );
  return { file, kind: 'pprof', by: 'function', measures, describe: 'pprof profile' };
}

function foldedInput(file: string, text: string): DiffInput {
  const m = new Map<string, number>();
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    const match = /^(.*\S) (\d+(?:\.\d+)?)$/.exec(line);
    if (match === null)
      throw new DiffInputError(
        `${file}: line ${i + 1}: expected "frame;frame;… weight", got ${JSON.stringify(line.slice(0, 80))}`,
      );
    const frames = match[1].split(';');
    add(m, frames[frames.length - 1], Number(match[2]));
  });
  if (m.size === 0) throw new DiffInputError(`${file}: no stacks (an empty file)`);
  // Folded stacks carry one measure and do not say which: it stands for whichever is asked.
  const measures = new Map<DiffMeasure, Map<string, number>>();
  for (const k of ['instructions', 'cells', 'adapter-rows'] as const) measures.set(k, m);
  return { file, kind: 'folded', by: 'function', measures, describe: 'folded stacks' };
}

/** Reads one side of a diff. Throws DiffInputError naming the file and the field. */
export function readDiffInput(file: string, bytes: Uint8Array): DiffInput {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) {
    let raw: Uint8Array;
    try {
      raw = gunzipSync(bytes);
    } catch (e) {
      throw new DiffInputError(`${file}: a broken gzip stream (${(e as Error).message})`);
    }
    return pprofInput(file, raw);
  }
  if (/\.(pb|pprof)$/i.test(file)) return pprofInput(file, bytes);
  const text = new TextDecoder().decode(bytes);
  if (text.trimStart().startsWith('{')) {
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch (e) {
      throw new DiffInputError(`${file}: not JSON (${(e as Error).message})`);
    }
    if (!isObject(doc)) throw new DiffInputError(`${file}: expected a JSON object`);
    if ('segments' in doc) return segmentsInput(file, doc);
    if ('profiles' in doc || 'shared' in doc) return speedscopeInput(file, doc);
    throw new DiffInputError(
      `${file}: segments: missing (neither an exec --segments report nor a speedscope file)`,
    );
  }
  return foldedInput(file, text);
}

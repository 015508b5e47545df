// `memscope diff OLD NEW [--measure M] [--fail-over PCT] [--format markdown|json]`: what changed in cost
// between two runs, for people and CI steps — openvm-prof's `--prev` comparison in spirit. OLD and NEW are
// two `exec --segments` reports (per AIR) or two profiles (per function; pprof, speedscope or folded,
// diffInputs.ts). The rows are the per-AIR / per-function deltas, largest |delta| first, then the total.
// --fail-over PCT: exit 1 when the total of the measure grew by more than PCT percent (from 0 to anything
// is infinite growth). Exit 2: a file that is none of those, a field that is wrong (named), or a pair that
// does not compare (a report and a profile, a measure one file lacks).

import { defineCommand } from './command';
import { DIFF_MEASURES, type DiffInput, DiffInputError, type DiffMeasure, readDiffInput } from './diffInputs';
import { EXIT } from './exitCodes';
import { readFileOrReport } from './io';
import { choice, UsageError, value } from './options';

export interface DiffRow {
  name: string;
  old: number;
  new: number;
  delta: number;
  /** Percent change (null: from 0). */
  percent: number | null;
}

export interface DiffReport {
  measure: DiffMeasure;
  by: 'AIR' | 'function';
  old: { file: string; kind: string; describe: string };
  new: { file: string; kind: string; describe: string };
  total: DiffRow;
  rows: DiffRow[];
}

const row = (name: string, a: number, b: number): DiffRow => ({
  name,
  old: a,
  new: b,
  delta: b - a,
  percent: a === 0 ? (b === 0 ? 0 : null) : ((b - a) / a) * 100,
});

/** The deltas of `measure` between two inputs; DiffInputError when they do not compare. */
export function diffInputs(a: DiffInput, b: DiffInput, measure: DiffMeasure): DiffReport {
  const kindOf = (x: DiffInput) => (x.kind === 'segments' ? 'an exec --segments report' : `a ${x.describe}`);
  if ((a.kind === 'segments') !== (b.kind === 'segments'))
    throw new DiffInputError(
      `${b.file}: is ${kindOf(b)} but ${a.file} is ${kindOf(a)}: compare two reports or two profiles`,
    );
  for (const x of [a, b])
    if (!x.measures.has(measure))
      throw new DiffInputError(
        `${x.file}: ${measure}: ${kindOf(x)} has no ${measure} (it has ${[...x.measures.keys()].join(', ')})`,
      );
  const ma = a.measures.get(measure) as Map<string, number>;
  const mb = b.measures.get(measure) as Map<string, number>;
  const names = new Set([...ma.keys(), ...mb.keys()]);
  const rows = [...names].map((n) => row(n, ma.get(n) ?? 0, mb.get(n) ?? 0)).filter((r) => r.old || r.new);
  rows.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || x.name.localeCompare(y.name));
  const sum = (m: Map<string, number>) => [...m.values()].reduce((t, v) => t + v, 0);
  const side = (x: DiffInput) => ({ file: x.file, kind: x.kind, describe: x.describe });
  return { measure, by: a.by, old: side(a), new: side(b), total: row('total', sum(ma), sum(mb)), rows };
}

const n = (x: number) => x.toLocaleString('en-US');
const signed = (x: number) => (x > 0 ? `+${n(x)}` : n(x));
const pct = (p: number | null) => (p === null ? 'new' : `${p > 0 ? '+' : ''}${p.toFixed(1)}%`);

export function diffMarkdown(r: DiffReport): string {
  const lines = [
    `## ${r.measure} per ${r.by}: ${pct(r.total.percent)} (${signed(r.total.delta)})`,
    '',
    `old: ${r.old.file} (${r.old.describe}); new: ${r.new.file} (${r.new.describe})`,
    '',
    `| ${r.by} | old | new | delta | change |`,
    '| --- | ---: | ---: | ---: | ---: |',
  ];
  for (const x of r.rows)
    lines.push(`| ${x.name} | ${n(x.old)} | ${n(x.new)} | ${signed(x.delta)} | ${pct(x.percent)} |`);
  const t = r.total;
  lines.push(
    `| **total** | **${n(t.old)}** | **${n(t.new)}** | **${signed(t.delta)}** | **${pct(t.percent)}** |`,
  );
  return `${lines.join('\n')}\n`;
}

const percentValue = (s: string) => {
  const v = /^\d+(\.\d+)?$/.test(s) ? Number(s) : NaN;
  return Number.isFinite(v) ? v : { error: 'expected a percentage ≥ 0, e.g. 50 or 12.5' };
};

export const diffCommand = defineCommand({
  name: 'diff',
  summary: 'compare two exec --segments reports (per AIR) or two profiles (per function): deltas by size',
  operands: ['OLD', 'NEW'],
  options: {
    measure: choice(DIFF_MEASURES, 'what to compare (rows/padded-rows: reports only)', 'cells'),
    'fail-over': value('PCT', "exit 1 when the measure's total grew by more than PCT percent", percentValue),
    format: choice(['markdown', 'json'], 'a markdown table, or one JSON object', 'markdown'),
  },
  details:
    'OLD and NEW: `exec --segments` JSON, or profiles from `exec --profile` (.pb.gz, .speedscope.json,\n' +
    'folded). Exit 1 also means: the total grew by more than --fail-over PCT (stderr says by how much).\n' +
    'Exit 2: a file that is not one of those or has a bad field (named), or two files that do not compare.',
  exitCodes: [EXIT.ok, EXIT.usage, EXIT.invalidInput],
  run({ values: opts, operands: [oldFile, newFile] }, io) {
    if (oldFile === undefined || newFile === undefined) throw new UsageError('diff needs OLD and NEW');
    const inputs: DiffInput[] = [];
    let report: DiffReport;
    try {
      for (const f of [oldFile, newFile]) {
        const bytes = readFileOrReport(io, f);
        if (bytes === undefined) return EXIT.usage;
        inputs.push(readDiffInput(f, bytes));
      }
      report = diffInputs(inputs[0], inputs[1], opts.measure);
    } catch (e) {
      if (!(e instanceof DiffInputError)) throw e;
      io.err(`error: ${e.message}\n`);
      return EXIT.invalidInput;
    }
    const limit = opts['fail-over'];
    const grew = report.total.percent;
    const failed = limit !== undefined && (grew === null || grew > limit);
    io.out(
      opts.format === 'json'
        ? `${JSON.stringify({ ...report, failOver: limit ?? null, failed })}\n`
        : diffMarkdown(report),
    );
    if (failed) {
      io.err(`error: ${report.measure} grew ${pct(grew)}, more than --fail-over ${limit}%\n`);
      return EXIT.usage;
    }
    return EXIT.ok;
  },
});

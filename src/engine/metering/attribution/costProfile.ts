// What each call stack of a metered run costs, in one of three measures, as folded stacks (the
// "a;b;c weight" lines of Brendan Gregg's stackcollapse, which flamegraph.pl, inferno and speedscope read)
// and as a tree for the app's icicle.
//   instructions  instructions executed in the frame
//   cells         every row charged to the frame times its AIR's main + perm columns, plus, at the root,
//                 "[fixed] AIR" (ProgramAir, VmConnectorAir, lookup tables: rows no instruction caused) and
//                 "[padding] AIR" (padded - rows of each segment): the weights sum to the segments' cells
//   adapter-rows  AccessAdapterAir<N> rows charged to the frame (unpadded)
// Frame names are demangled symbols; ';' inside a name (Rust array types) becomes ',' so that it cannot
// split a frame. The source is a whole run (MeteredRun's totals) or an instruction range of it
// (rangeProfile.ts: its rows, and the segments the range holds whole for [fixed] and [padding]).

import type { MeteredRun } from '../meteredRun';

/** What the cost entries are read from: a run's per-node totals, or a range's (rangeProfile.ts). */
export type CostSource = Pick<
  MeteredRun,
  'inventory' | 'functions' | 'trie' | 'nodeRows' | 'nodeInstructions' | 'segments'
>;

/** A function name as a folded-stack frame (';' separates frames). */
export function frameName(name: string): string {
  return name.replace(/;/g, ',');
}

export type CostMeasure = 'instructions' | 'cells' | 'adapter-rows';
export const COST_MEASURES: readonly CostMeasure[] = ['instructions', 'cells', 'adapter-rows'];

export interface CostEntry {
  /** Outermost frame first. */
  stack: string[];
  weight: number;
}

export function costEntries(run: CostSource, measure: CostMeasure): CostEntry[] {
  const inv = run.inventory;
  const a = inv.length;
  const names = run.functions.names.map(frameName);
  const out: CostEntry[] = [];
  for (let node = 1; node < run.trie.size; node++) {
    let w = 0;
    if (measure === 'instructions') w = run.nodeInstructions[node];
    else
      for (const air of inv.airs) {
        const rows = run.nodeRows[node * a + air.id];
        if (rows === 0) continue;
        if (measure === 'cells') w += rows * (air.mainCols + air.permCols);
        else if (air.kind === 'adapter') w += rows;
      }
    if (w > 0) out.push({ stack: run.trie.path(node, names), weight: w });
  }
  // Rows charged to the root (no instruction yet: none in practice) and the rows nobody caused.
  if (measure !== 'instructions') {
    let rootW = 0;
    for (const air of inv.airs) {
      const rows = run.nodeRows[air.id];
      if (measure === 'cells') rootW += rows * (air.mainCols + air.permCols);
      else if (air.kind === 'adapter') rootW += rows;
    }
    if (rootW > 0) out.push({ stack: ['[before the first instruction]'], weight: rootW });
  }
  if (measure === 'cells') {
    for (const air of inv.airs) {
      let fixed = 0;
      let padding = 0;
      for (const s of run.segments) {
        const unattributed = air.constantHeight !== undefined || air.kind === 'program';
        if (unattributed) fixed += s.rows[air.id];
        padding += s.padded[air.id] - s.rows[air.id];
      }
      const width = air.mainCols + air.permCols;
      if (fixed > 0) out.push({ stack: ['[fixed]', frameName(air.name)], weight: fixed * width });
      if (padding > 0) out.push({ stack: ['[padding]', frameName(air.name)], weight: padding * width });
    }
  }
  return out;
}

/** Folded stacks: one `frame;frame;frame weight` line per entry (entries have non-zero weights). */
export function foldedText(entries: readonly CostEntry[]): string {
  return entries.map((e) => `${e.stack.join(';')} ${e.weight}\n`).join('');
}

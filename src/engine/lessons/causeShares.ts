// The cost view's sentences about what caused each AccessAdapterAir<N>'s rows (ModeCost.causes, from
// adapterCauses.ts): the extension chips' share against the RV32IM instructions' and finalize's, e.g.
// "ecrecover: 50 % of AccessAdapterAir<16> rows come from extension chips (ECC 38 %, modular 12 %), 30 %
// from RV32IM instructions, 20 % from finalize." Pure; percentages rounded to whole numbers, a non-zero
// share below 0.5 % written "<1 %".

import { ADAPTER_SIZES } from '../memory/config';
import type { ModeCost } from './costComparison';

const NOT_A_CHIP = new Set(['RV32IM', 'finalize', 'script accesses']);

/** Whether a cause is an extension chip (not RV32IM, finalize or a script's accesses). */
export function isChipCause(cause: string): boolean {
  return !NOT_A_CHIP.has(cause);
}

export function percent(part: number, whole: number): string {
  if (part === 0) return '0 %';
  const p = (100 * part) / whole;
  return p < 0.5 ? '<1 %' : `${Math.round(p)} %`;
}

const label = (cause: string) =>
  cause === 'RV32IM'
    ? 'RV32IM instructions'
    : cause === 'script accesses'
      ? "the script's accesses"
      : cause === 'finalize'
        ? 'finalize'
        : `the ${cause} chip`;

/** One sentence per AccessAdapterAir<N> with rows, prefixed by `program` (the file name without extension). */
export function causeSentences(run: ModeCost, program: string): string[] {
  const out: string[] = [];
  ADAPTER_SIZES.forEach((n, k) => {
    const total = run.adapters[k].rows;
    if (total === 0) return;
    const parts = run.causes
      .map((c) => ({ cause: c.cause, rows: c.rows[k] }))
      .filter((c) => c.rows > 0)
      .sort((a, b) => b.rows - a.rows);
    const chips = parts.filter((c) => isChipCause(c.cause));
    const rest = parts.filter((c) => !isChipCause(c.cause));
    const air = `AccessAdapterAir<${n}>`;
    const restText = rest.map((c) => `${percent(c.rows, total)} from ${label(c.cause)}`);
    let text: string;
    if (chips.length === 0) {
      text = `${program}: ${air} rows: ${restText.join(', ')} (no extension chip)`;
    } else {
      const chipRows = chips.reduce((s, c) => s + c.rows, 0);
      const head =
        chips.length === 1
          ? `${percent(chipRows, total)} of ${air} rows come from ${label(chips[0].cause)}`
          : `${percent(chipRows, total)} of ${air} rows come from extension chips (${chips
              .map((c) => `${c.cause} ${percent(c.rows, total)}`)
              .join(', ')})`;
      text = `${program}: ${[head, ...restText].join(', ')}`;
    }
    out.push(`${text}.`);
  });
  return out;
}

// The time axis's ticks, thinned so that their labels never overlap. d3's `ticks(count)` treats the count
// as a hint and may return ~1.4× as many (its steps are 1, 2 or 5 × 10^k), so on a run of 10^8 timestamps
// "20,000,000" and "40,000,000" were drawn touching ("20,000,00040,000,000", issue 22). Here the count is
// lowered until the widest label (11 px monospace, AXIS_CHAR_PX per character) plus a gap fits between
// two ticks. Cost: a few d3 tick computations per redraw.
import { format, scaleLinear } from 'd3';

/** Width of one character of the axis font (11 px monospace, timeline.css .tl-axis text), rounded up. */
export const AXIS_CHAR_PX = 7;
/** Space kept between two labels. */
export const AXIS_LABEL_GAP_PX = 14;

export const formatTick = format(',');

/** Whole-time ticks over [t0, t1] drawn `width` px wide, with labels that do not overlap. */
export function axisTicks(t0: number, t1: number, width: number): number[] {
  const x = scaleLinear().domain([t0, t1]).range([0, width]);
  let count = Math.max(2, Math.floor(width / 90));
  for (;;) {
    const ticks = x.ticks(count).filter((t) => Number.isInteger(t));
    if (ticks.length < 2 || count <= 1) return ticks;
    const widest = Math.max(...ticks.map((t) => formatTick(t).length)) * AXIS_CHAR_PX;
    const spacing = x(ticks[1]) - x(ticks[0]);
    if (spacing >= widest + AXIS_LABEL_GAP_PX) return ticks;
    count--;
  }
}

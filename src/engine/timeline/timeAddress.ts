// How a user names a moment of a run, in one syntax for the toolbar's Go to, the URL, `exec --at`, and the
// gdbserver's `monitor seek` (issue 23: a position is the global step plus (segment, timestamp within it)):
//   T          the run's global timestamp (segmented runs: as if one segment — unchanged from before
//              segments, so existing links and scripts keep their meaning)
//   SEG:T      timestamp T of segment SEG's own TracingMemory (OpenVM's preflight of that segment)
//   step:N     the state after N instructions (or directives)
// Numbers are decimal or 0x-hex, `_` and `,` allowed as separators. Pure: no session here.

export type TimeAddress =
  | { kind: 'timestamp'; timestamp: number }
  | { kind: 'segment'; segment: number; timestamp: number }
  | { kind: 'step'; step: number };

export const TIME_ADDRESS_HELP = 'T (timestamp), SEG:T (segment SEG, its timestamp T) or step:N';

function num(text: string): number | null {
  const t = text.trim().replace(/[_,]/g, '');
  let n: number;
  if (/^0x[0-9a-f]+$/i.test(t)) n = parseInt(t.slice(2), 16);
  else if (/^[0-9]+$/.test(t)) n = Number(t);
  else return null;
  return Number.isSafeInteger(n) ? n : null;
}

/** Parses a time address; null when the text is none of the forms. */
export function parseTimeAddress(text: string): TimeAddress | null {
  const s = text.trim();
  const step = /^step\s*[:=]\s*(.+)$/i.exec(s);
  if (step !== null) {
    const n = num(step[1]);
    return n === null ? null : { kind: 'step', step: n };
  }
  const parts = s.split(':');
  if (parts.length === 2) {
    const seg = num(parts[0]);
    const t = num(parts[1]);
    return seg === null || t === null ? null : { kind: 'segment', segment: seg, timestamp: t };
  }
  const t = parts.length === 1 ? num(s) : null;
  return t === null ? null : { kind: 'timestamp', timestamp: t };
}

/** The canonical text of an address (what parseTimeAddress reads back). */
export function formatTimeAddress(a: TimeAddress): string {
  if (a.kind === 'step') return `step:${a.step}`;
  if (a.kind === 'segment') return `${a.segment}:${a.timestamp}`;
  return String(a.timestamp);
}

// `monitor` commands of memscope's gdbserver (qRcmd): what gdb cannot show about an OpenVM run — the
// TracingMemory timestamp, time travel to a timestamp, a block's AccessMetadata (the packed word, the block
// it belongs to, its size and last access) and the access-adapter rows per AccessAdapterAir<N> so far.
// Each command returns the text gdb prints; bad arguments give a usage line, never an exception.

import { EngineError } from '../errors';
import type { Session } from '../session';
import { parseTimeAddress, TIME_ADDRESS_HELP } from '../timeline/timeAddress';

const hex = (n: number) => `0x${n.toString(16)}`;
const AS_MEMORY = 2;
const AIR_SIZES = [2, 4, 8, 16, 32];

export const MONITOR_HELP = [
  'memscope monitor commands:',
  '  monitor timestamp      the current TracingMemory timestamp (segment and its own timestamp), step and pc',
  '  monitor seek T         travel to the last state with timestamp <= T; SEG:T in segment SEG; step:N after N',
  '                         instructions (then: maintenance flush register-cache)',
  "  monitor segments       the run's segments as OpenVM cuts it (persistent mode)",
  '  monitor block ADDR     the AS2 block holding ADDR: metadata word, block, size, last access',
  '  monitor adapters       access-adapter rows per AccessAdapterAir<N> so far (finalize not included)',
  '',
].join('\n');

function parseNumber(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim().replace(/_/g, '');
  if (/^0x[0-9a-f]+$/i.test(t)) return parseInt(t.slice(2), 16);
  if (/^[0-9]+$/.test(t)) return Number(t);
  return null;
}

function where(session: Session): string {
  const p = session.position();
  const info = session.info();
  const end =
    info.end === null
      ? `recorded up to timestamp ${info.head.timestamp} so far`
      : `the run ends at timestamp ${info.end.timestamp} (${info.end.status})`;
  const n = info.segmentation.segments.length;
  const seg =
    n > 1
      ? `segment ${p.segment} of ${n} at its timestamp ${p.segmentTimestamp} (run timestamp ${p.timestamp})`
      : `timestamp ${p.timestamp}`;
  return `${seg}, step ${p.step}, pc ${p.pc === null ? '-' : hex(p.pc)}; ${end}`;
}

function segments(session: Session): string {
  const info = session.segmentation();
  const lines = [
    info.kind === 'segments'
      ? `${info.segments.length} segment(s) as OpenVM v1.7 cuts the run (max trace height ${info.maxTraceHeight}, max cells ${info.maxCells})`
      : `one segment: ${info.reason ?? ''}`,
  ];
  for (const s of info.segments)
    lines.push(
      `  ${s.index}: steps ${s.startStep}..${s.startStep + s.numInsns}, timestamps 1..${s.endTimestamp ?? '?'} (run timestamp ${s.startTimestamp}..)`,
    );
  return lines.join('\n') + '\n';
}

function block(session: Session, addr: number): string {
  const view = session.memory(AS_MEMORY, addr, 1);
  const raw = view.raw[0];
  const lines = [
    `AS2 ${hex(addr)}: unit ${hex(view.unitAddr)} (${view.align} cells), metadata word ${hex(raw)} (offset_to_start ${view.offsetToStart[0]})`,
  ];
  if (view.blockStart[0] < 0)
    lines.push('  never accessed: no block yet (the initial image is not an access)');
  else {
    const start = view.blockStart[0];
    const size = view.blockSize[0];
    lines.push(
      `  block [${hex(start)}, ${hex(start + size)}) size ${size}, last access at timestamp ${view.timestamp[0]}`,
    );
    const h = session.blockHistory(AS_MEMORY, start, size, 1);
    if (h.count > 0) {
      const k = h.count - 1;
      lines.push(
        `  last access: ${h.write[k] ? 'write' : 'read'} of ${h.size[k]} cells at ${hex(h.pointer[k])}, timestamp ${h.timestamp[k]}, t_prev ${h.tPrev[k]}`,
      );
    }
  }
  lines.push(`  value: ${Array.from(session.memory(AS_MEMORY, addr, 1).values, (v) => hex(v)).join(' ')}`);
  return lines.join('\n') + '\n';
}

function adapters(session: Session): string {
  const a = session.adapterRows();
  const lines = [`${a.splits} splits, ${a.merges} merges so far (${where(session)})`];
  for (let i = 0; i < AIR_SIZES.length; i++)
    lines.push(`  AccessAdapterAir<${AIR_SIZES[i]}>: ${a.rows[i]} rows (padded ${a.padded[i]})`);
  return lines.join('\n') + '\n';
}

/** Runs one monitor command line; returns the output text. */
export function runMonitor(session: Session, line: string): string {
  const [cmd, ...args] = line.trim().split(/\s+/);
  try {
    switch (cmd) {
      case '':
      case 'help':
        return MONITOR_HELP;
      case 'timestamp':
        return `${where(session)}\n`;
      case 'seek': {
        const at = args.length === 1 ? parseTimeAddress(args[0]) : null;
        if (at === null) return `usage: monitor seek ${TIME_ADDRESS_HELP}\n`;
        session.seekAddress(at);
        return `${where(session)}\ngdb still shows the old state: run \`maintenance flush register-cache\` to re-read it\n`;
      }
      case 'block': {
        const addr = parseNumber(args[0]);
        if (addr === null || args.length !== 1)
          return 'usage: monitor block ADDRESS (hex 0x... or decimal)\n';
        return block(session, addr);
      }
      case 'adapters':
        return adapters(session);
      case 'segments':
        return segments(session);
      default:
        return `unknown monitor command \`${cmd}\`\n${MONITOR_HELP}`;
    }
  } catch (e) {
    if (e instanceof EngineError) return `error: ${e.message}\n`;
    throw e;
  }
}

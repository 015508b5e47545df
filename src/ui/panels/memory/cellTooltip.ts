// The tooltip of one cell: its address in both bases (and, in the register space, which register byte it
// is), the value in every format, the block that holds it, and the raw AccessMetadata of its unit, so a
// hover answers "what is here and why is it in a block this size" without opening the inspector.
import { REG_NAMES } from '../../../engine/guest/isa/registerNames';
import { markName } from './accessMarks';
import type { CellInfo } from './gridModel';
import { asciiChar, type CellKind, fieldParts, hex, wordOf } from './valueFormat';

export interface TooltipContext {
  laneName: string;
  addressSpace: number;
  kind: CellKind;
  /** The four bytes of the aligned 32-bit word holding the cell (byte spaces), if in view. */
  word?: readonly number[];
  /** READ | WRITE bits of the current step. */
  mark: number;
}

const both = (a: number) => `0x${a.toString(16)} (${a})`;

export function cellTooltip(c: CellInfo, ctx: TooltipContext): string {
  const lines: string[] = [];
  let head = `${ctx.laneName} (AS${ctx.addressSpace}) cell ${both(c.addr)}`;
  if (ctx.addressSpace === 1)
    head += ` · x${c.addr >> 2} (${REG_NAMES[c.addr >> 2] ?? '?'}) byte ${c.addr & 3}`;
  lines.push(head);
  if (ctx.kind === 'native') {
    const f = fieldParts(c.value);
    lines.push(
      `value ${f.canonical} (canonical) = 0x${hex(f.canonical, 8)}${f.signed < 0 ? ` = ${f.signed} in the field` : ''}`,
    );
    lines.push(`raw Montgomery word 0x${hex(f.montgomery, 8)} (${f.montgomery})`);
  } else {
    lines.push(`value 0x${hex(c.value, 2)} = ${c.value} = '${asciiChar(c.value)}'`);
    if (ctx.word) {
      const w = wordOf(ctx.word[0], ctx.word[1], ctx.word[2], ctx.word[3]);
      lines.push(`word (LE32 at ${both(c.addr & ~3)}): 0x${hex(w, 8)} = ${w} = ${w | 0} signed`);
    }
  }
  if (c.blockStart < 0) {
    lines.push('untouched: never accessed (initial memory)');
  } else {
    lines.push(
      `block [${both(c.blockStart)}, ${both(c.blockStart + c.blockSize)}) · ${c.blockSize} cells · last access t ${c.timestamp}`,
    );
  }
  lines.push(
    `metadata of unit ${both(c.unitAddr)}: raw 0x${hex(c.raw, 8)} · offset_to_start ${c.offsetToStart}`,
  );
  const m = markName(ctx.mark);
  if (m !== null)
    lines.push(`this step: ${m === 'read-write' ? 'read and written' : m === 'write' ? 'written' : 'read'}`);
  return lines.join('\n');
}

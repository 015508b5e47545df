// The zoomed-in cells of one lane, drawn as positioned DOM boxes (DESIGN: detail as shapes; DOM rather
// than SVG so every cell carries a real `title` tooltip, written on hover, and data attributes for tests): rows with their
// address, block outlines in the block size's hue with a size label at the block's start, untouched units
// dimmed, the current step's reads and writes highlighted, the selected cell outlined. Arrow keys move the
// selection (and the window, when the selection leaves it).
import type { KeyboardEvent, PointerEvent } from 'react';
import type { MemoryRangeView } from '../../../engine/timeline/queries/memoryView';
import { markName } from './accessMarks';
import { blockColor } from './blockPalette';
import { cellTooltip } from './cellTooltip';
import {
  ADDRESS_FONT,
  CELL_H,
  fitFont,
  gridGeometry,
  gridHeight,
  gutterWidth,
  LABEL_BAND,
  ROW_PITCH,
  valueChars,
} from './gridLayout';
import { blockSegments, cellInfos } from './gridModel';
import { type CellKind, effectiveFormat, formatCell, formatWord, type ValueFormat } from './valueFormat';

export interface CellGridProps {
  view: MemoryRangeView;
  laneName: string;
  kind: CellKind;
  /** Size of the space (arrow keys stop at its ends). */
  cells: number;
  width: number;
  format: ValueFormat;
  words: boolean;
  marks: ReadonlyMap<number, number>;
  selected?: number;
  /** The last jump's target (outlined dashed until the next jump). */
  target?: number;
  fmtAddr(addr: number): string;
  addressChars: number;
  onSelect(pointer: number): void;
  onFocus(pointer: number): void;
}

const KEY_STEP: Record<string, (perRow: number) => number> = {
  ArrowLeft: () => -1,
  ArrowRight: () => 1,
  ArrowUp: (n) => -n,
  ArrowDown: (n) => n,
};

export function CellGrid(props: CellGridProps) {
  const { view, kind, width, format, words, marks, selected, target, fmtAddr } = props;
  const geo = gridGeometry(kind, view.align, view.len, width, gutterWidth(props.addressChars));
  const { perRow, cw, gutter } = geo;
  // A few hundred cells at most: decoding them on every render is cheaper than caching.
  const cells = cellInfos(view);
  const segments = blockSegments(cells, perRow, view.addr);
  const asWords = words && kind === 'byte';
  const font = fitFont(asWords ? 4 * cw : cw, valueChars(kind, effectiveFormat(format, kind), asWords));
  const rows = Math.ceil(view.len / perRow);
  const x = (i: number) => geo.cellX(i % perRow);
  const y = (i: number) => Math.floor(i / perRow) * ROW_PITCH + LABEL_BAND;
  const wordBytes = (i: number) => {
    const base = i - ((view.addr + i) & 3);
    return base >= 0 && base + 4 <= view.len ? Array.from(view.values.subarray(base, base + 4)) : undefined;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = KEY_STEP[e.key];
    if (step === undefined) return;
    e.preventDefault();
    // The first key press selects the window's first cell; later ones move from the selection.
    const next =
      selected === undefined ? view.addr : Math.max(0, Math.min(props.cells - 1, selected + step(perRow)));
    props.onSelect(next);
    if (next < view.addr || next >= view.addr + view.len) props.onFocus(next);
  };

  // Each cell's tooltip is written when the pointer enters it (always for the state shown then): building
  // a few hundred tooltips on every render made each step's render of the grid several times longer.
  const showTooltip = (e: PointerEvent<HTMLDivElement>) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('[data-testid=cell]');
    if (el === null) return;
    const i = Number(el.dataset.addr) - view.addr;
    const c = cells[i];
    if (c === undefined) return;
    const mark = marks.get(c.addr) ?? 0;
    el.title = cellTooltip(c, {
      laneName: props.laneName,
      addressSpace: view.addressSpace,
      kind,
      word: kind === 'byte' ? wordBytes(i) : undefined,
      mark,
    });
  };

  return (
    <div
      className={geo.gap > 0 ? 'mem-grid grouped' : 'mem-grid'}
      style={{ height: gridHeight(view.len, perRow), width: geo.width }}
      tabIndex={0}
      role="group"
      aria-label={`${props.laneName} cells ${fmtAddr(view.addr)} to ${fmtAddr(view.addr + view.len - 1)}; arrow keys move the selection`}
      onKeyDown={onKeyDown}
      onPointerOver={showTooltip}
    >
      {Array.from({ length: rows }, (_, r) => (
        <div
          key={`a${r}`}
          className="mem-row-addr"
          style={{
            top: r * ROW_PITCH + LABEL_BAND,
            width: gutter - 6,
            height: CELL_H,
            fontSize: ADDRESS_FONT,
          }}
        >
          {fmtAddr(view.addr + r * perRow)}
        </div>
      ))}
      {cells.map((c, i) => {
        const mark = marks.get(c.addr) ?? 0;
        const access = markName(mark);
        const cls = [
          'mem-cell',
          c.blockStart < 0 ? 'untouched' : '',
          access ? `acc-${access}` : '',
          // In the words view only word boundaries get a separator line.
          asWords && (c.addr & 3) !== 3 && i % perRow !== perRow - 1 ? 'mid-word' : '',
          c.addr === selected ? 'selected' : '',
          c.addr === target ? 'target' : '',
        ];
        return (
          <div
            key={c.addr}
            className={cls.filter(Boolean).join(' ')}
            style={{ left: x(i), top: y(i), width: cw, height: CELL_H, fontSize: font }}
            data-testid="cell"
            data-as={view.addressSpace}
            data-addr={c.addr}
            data-value={c.value}
            data-block-start={c.blockStart}
            data-block-size={c.blockSize}
            data-ts={c.timestamp}
            data-access={access ?? undefined}
            onClick={() => props.onSelect(c.addr)}
          >
            {asWords ? null : formatCell(c.value, format, kind)}
          </div>
        );
      })}
      {asWords &&
        cells.map((c, i) => {
          if ((c.addr & 3) !== 0 && i !== 0) return null;
          const bytes = Array.from(view.values.subarray(i, Math.min(view.len, i - (c.addr & 3) + 4)));
          const span = Math.min(bytes.length, perRow - (i % perRow));
          return (
            <div
              key={`w${c.addr}`}
              className={c.blockStart < 0 ? 'mem-word untouched' : 'mem-word'}
              style={{ left: x(i), top: y(i), width: span * cw, height: CELL_H, fontSize: font }}
            >
              {formatWord(bytes, format)}
            </div>
          );
        })}
      {segments.map((s) => {
        // Grouped byte cells: the outline's sides lie in the gaps between units (off the values); field
        // cells have no gaps, so the outline is inset by a pixel to keep neighbouring blocks apart.
        const out = geo.gap > 0 ? 1.5 : -1;
        const left = geo.cellX(s.col0) - (s.openLeft ? 0 : out);
        const right = geo.cellX(s.col1 - 1) + cw + (s.openRight ? 0 : out);
        const color = blockColor(s.blockSize);
        const cls = ['mem-block', s.openLeft ? 'open-left' : '', s.openRight ? 'open-right' : '']
          .filter(Boolean)
          .join(' ');
        return (
          <div key={`b${s.row}:${s.col0}`}>
            <div
              className={cls}
              style={{
                left,
                top: s.row * ROW_PITCH + LABEL_BAND - 1,
                width: right - left,
                height: CELL_H + 2,
                borderColor: color,
              }}
            />
            {s.label !== null && (
              <div
                className="mem-block-label"
                style={{
                  left,
                  top: s.row * ROW_PITCH,
                  height: LABEL_BAND,
                  color: `color-mix(in srgb, ${color} 62%, var(--fg))`,
                }}
                title={`block of ${s.blockSize} cells at ${fmtAddr(s.blockStart)}`}
              >
                {s.label}
              </div>
            )}
          </div>
        );
      })}
    </div>
  );
}

// Sizes the Address spaces lanes to the panel (issue 21): a ResizeObserver on the panel, and after every
// render the free height under the toolbar minus each lane's own chrome (header, overview, borders:
// measured, as they wrap with the width) is cut into grid rows (laneRows.ts). The sizes go to the store,
// which asks the worker for windows of that size; nothing changes (no request) while they stay the same.
// It measures only when a size or the lanes' shape changed (see below), not after every frame's commit.
import { type RefObject, useLayoutEffect, useRef, useState } from 'react';
import type { LaneView } from '../../../engine/views/frameTypes';
import type { LaneSize } from '../../debugger/storeTypes';
import { gridGeometry, gutterWidth, ROW_PITCH } from './gridLayout';
import { laneSizes } from './laneRows';
import { addressBase, addressDigits, cellKindOf, type ValueFormat } from './valueFormat';

/** Characters of a lane's row addresses in `format` (the grid's gutter). */
export function addressCharsOf(cells: number, format: ValueFormat): number {
  return addressBase(format) === 'hex' ? addressDigits(cells) + 2 : String(cells - 1).length;
}

/** Cells per grid row of a lane at `width`. */
export function perRowOf(lane: LaneView, format: ValueFormat, width: number): number {
  const gutter = gutterWidth(addressCharsOf(lane.cells, format));
  return gridGeometry(cellKindOf(lane.align), lane.align, lane.cells, width, gutter).perRow;
}

export function useLaneSizes(
  panel: RefObject<HTMLElement | null>,
  lanesBox: RefObject<HTMLElement | null>,
  lanes: readonly LaneView[],
  format: ValueFormat,
  width: number,
  onSizes: ((sizes: Record<number, LaneSize>) => void) | undefined,
): void {
  // Bumped by the ResizeObserver when the panel, anything in it above the lanes, or a lane changes size
  // (a header that wraps, a grid that got its rows): the measurement below re-runs on those only, so a
  // new frame that leaves every size as it was does not force a layout in the middle of its commit.
  const [resized, setResized] = useState(0);
  const laneCount = lanes.length;
  useLayoutEffect(() => {
    const el = panel.current;
    const box = lanesBox.current;
    if (el === null) return;
    const observer = new ResizeObserver(() => setResized((n) => n + 1));
    observer.observe(el);
    for (const child of el.children) observer.observe(child);
    for (const lane of box?.querySelectorAll(':scope > [data-testid=lane]') ?? []) observer.observe(lane);
    return () => observer.disconnect();
  }, [panel, lanesBox, laneCount]);

  const shape = lanes.map((l) => `${l.addressSpace}:${l.cells}:${l.align}:${l.lastAccess !== null}`).join();
  const measured = useRef<string | null>(null);
  const onSized = useRef<typeof onSizes>(undefined);
  useLayoutEffect(() => {
    const el = panel.current;
    const box = lanesBox.current;
    if (el === null || box === null || onSizes === undefined || lanes.length === 0) return;
    const key = `${resized}|${width}|${format}|${shape}`;
    if (measured.current === key && onSized.current === onSizes) return;
    const style = getComputedStyle(el);
    const top =
      box.getBoundingClientRect().top - el.getBoundingClientRect().top - el.clientTop + el.scrollTop;
    const room = el.clientHeight - parseFloat(style.paddingBottom) - top;
    const laneEls = box.querySelectorAll<HTMLElement>(':scope > [data-testid=lane]');
    if (laneEls.length !== lanes.length) return;
    measured.current = key;
    onSized.current = onSizes;
    let chrome = parseFloat(getComputedStyle(box).rowGap || '0') * (lanes.length - 1);
    for (const l of laneEls)
      chrome += l.offsetHeight - (l.querySelector<HTMLElement>('.mem-grid')?.offsetHeight ?? 0);
    // One pixel of slack: a rounding overflow would bring a scrollbar, which narrows the rows.
    const budget = Math.floor((room - chrome - 1) / ROW_PITCH);
    const shapes = lanes.map((l) => ({
      addressSpace: l.addressSpace,
      cells: l.cells,
      perRow: perRowOf(l, format, width),
      touched: l.lastAccess !== null,
    }));
    onSizes(laneSizes(shapes, budget));
  });
}

// Dockview's sashes (the splitters between panels) move with the pointer only; this makes each one a
// focusable ARIA separator that the arrow keys move (Shift: 100 px, else 20 px), in the pointer's
// direction: ArrowRight / ArrowDown grow the panel before the sash. A key press is replayed as a short
// pointer drag on the sash (pointerdown there, pointermove / pointerup on the document: dockview-core's
// Splitview.addView listeners), so dockview's own limits and saved proportions apply unchanged.
const STEP = 20;
const BIG_STEP = 100;

function viewName(view: Element | undefined): string {
  const tab = view?.querySelector('.dv-tab.dv-active-tab, .dv-tab');
  return tab?.textContent?.trim() || 'panel';
}

function parts(sash: HTMLElement) {
  const container = sash.parentElement?.parentElement;
  const views = container?.querySelector(':scope > .dv-view-container')?.children;
  const index = Array.prototype.indexOf.call(sash.parentElement?.children ?? [], sash) as number;
  const horizontal = container?.classList.contains('dv-horizontal') ?? true;
  return { before: views?.[index], after: views?.[index + 1], horizontal };
}

/** Sets `name` on `el` only when it changes (an unchanged write still invalidates the element's style). */
function setAttr(el: HTMLElement, name: string, value: string): void {
  if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Gives every sash under `root` its role, name, orientation and current size. */
export function decorateSashes(root: HTMLElement): void {
  // All sizes are read before anything is written: one layout, not one per sash.
  const sashes = [...root.querySelectorAll<HTMLElement>('.dv-sash')].map((sash) => {
    const { before, after, horizontal } = parts(sash);
    if (!before || !after) return null;
    const size = Math.round(before.getBoundingClientRect()[horizontal ? 'width' : 'height']);
    return { sash, before, after, horizontal, size };
  });
  for (const s of sashes) {
    if (s === null) continue;
    const { sash, before, after, horizontal, size } = s;
    if (sash.tabIndex !== 0) sash.tabIndex = 0;
    setAttr(sash, 'role', 'separator');
    setAttr(sash, 'aria-orientation', horizontal ? 'vertical' : 'horizontal');
    setAttr(sash, 'aria-label', `Resize between ${viewName(before)} and ${viewName(after)}`);
    setAttr(sash, 'aria-valuenow', String(size));
    setAttr(sash, 'aria-valuemin', '0');
  }
}

/** Moves a focused sash by the arrow key of `e`; true when it did. */
export function sashKey(e: KeyboardEvent, root: HTMLElement): boolean {
  const sash = e.target as HTMLElement;
  if (!sash.classList?.contains('dv-sash')) return false;
  const { horizontal } = parts(sash);
  const keys = horizontal ? ['ArrowLeft', 'ArrowRight'] : ['ArrowUp', 'ArrowDown'];
  const sign = e.key === keys[0] ? -1 : e.key === keys[1] ? 1 : 0;
  if (sign === 0) return false;
  const delta = sign * (e.shiftKey ? BIG_STEP : STEP);
  const r = sash.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  const at = (dx: number, dy: number) => ({ clientX: x + dx, clientY: y + dy, bubbles: true, pointerId: 1 });
  sash.dispatchEvent(new PointerEvent('pointerdown', at(0, 0)));
  const doc = sash.ownerDocument;
  doc.dispatchEvent(new PointerEvent('pointermove', horizontal ? at(delta, 0) : at(0, delta)));
  doc.dispatchEvent(new PointerEvent('pointerup', horizontal ? at(delta, 0) : at(0, delta)));
  decorateSashes(root);
  return true;
}

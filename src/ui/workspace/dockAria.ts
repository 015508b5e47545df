// Dockview's own ARIA, adjusted to the app's: each dockview group is a role="region" named after its
// active panel, which doubles the panel's own region (the panels are named regions already, and tests
// and screen readers find them by name); its assertive live region is role="alert", which would read as
// an error banner. Both lose the role (the live region keeps aria-live, so announcements still work),
// and the sashes become keyboard separators (sashKeys.ts). Kept current by a MutationObserver, since
// dockview rewrites these attributes as groups come and go.
import { useEffect, type RefObject } from 'react';
import { decorateSashes } from './sashKeys';

function tidy(root: HTMLElement) {
  for (const g of root.querySelectorAll('.dv-groupview[role]')) {
    g.removeAttribute('role');
    g.removeAttribute('aria-label');
  }
  for (const r of root.querySelectorAll('.dv-live-region-assertive[role], .dv-live-region-polite[role]'))
    r.removeAttribute('role');
}

function insideBody(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el?.closest('.dock-body') != null;
}

export function useDockAria(root: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (el === null) return;
    let queued = false;
    const run = () => {
      queued = false;
      observer.disconnect();
      tidy(el);
      decorateSashes(el);
      observer.observe(el, { subtree: true, childList: true, attributes: true, attributeFilter: ['role'] });
    };
    // Only dockview's own frame matters: a change inside a panel's body (a list scrolled, a frame shown)
    // leaves groups, live regions and sashes as they were, and re-reading every sash's size after it would
    // force a layout in the middle of the panels' commit.
    const observer = new MutationObserver((records) => {
      if (records.every((r) => insideBody(r.target))) return;
      if (!queued) {
        queued = true;
        queueMicrotask(run);
      }
    });
    run();
    return () => observer.disconnect();
  }, [root]);
}

// Issue 21 (ui_longest_frame_ms): work a new frame must not cause outside the panels that show it. The
// dock's sashes were re-decorated (every sash's size read, five attributes re-written) after every change
// anywhere in the workspace, a forced layout in each panel commit; a step changes panel bodies only.
import { expect, test } from '@playwright/test';
import { ready } from './helpers';

test('issue 21: stepping leaves the dock sashes alone; they stay labelled separators with their size', async ({
  page,
}) => {
  await page.goto('/?example=hello.elf');
  await ready(page, 60_000);
  const sash = page.getByRole('separator', { name: 'Resize between Program and Address spaces' });
  await expect(sash).toHaveAttribute('aria-valuenow', /^\d+$/);
  await page.evaluate(() => {
    const w = window as unknown as { __sashWrites: string[] };
    w.__sashWrites = [];
    new MutationObserver((records) => {
      for (const r of records)
        if ((r.target as Element).classList?.contains('dv-sash')) w.__sashWrites.push(r.attributeName ?? '');
    }).observe(document.querySelector('.workspace')!, { subtree: true, attributes: true });
  });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('ArrowRight');
    await ready(page);
  }
  await expect(page.getByTestId('current-step')).toHaveText('5');
  const writes = await page.evaluate(() => (window as unknown as { __sashWrites: string[] }).__sashWrites);
  expect(writes).toEqual([]);
  await expect(sash).toHaveAttribute('role', 'separator');
  const before = Number(await sash.getAttribute('aria-valuenow'));
  await sash.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(sash).toHaveAttribute('aria-valuenow', String(before + 100));
});

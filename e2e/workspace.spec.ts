// The workspace (issue 21) at 1440×900 and 1024×700: task layouts chosen for the program, lesson 10's
// narration and check in view in the Lesson layout, the Cost layout's icicle at full size, the Allocator
// panel's tables not clipped, maximize / restore of every panel by mouse and keyboard, the View menu,
// and a shared link that restores the layout. Screenshots in e2e/screens/.
import { expect, type Locator, type Page, test } from '@playwright/test';
import { ready, watchErrors } from './helpers';

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];

/** The element is wholly inside the window and every scrolling ancestor (nothing to scroll to see it). */
async function wholeInView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (
      r.height === 0 ||
      r.top < 0 ||
      r.bottom > window.innerHeight + 0.5 ||
      r.right > window.innerWidth + 0.5
    )
      return false;
    for (let p = el.parentElement; p; p = p.parentElement) {
      const s = getComputedStyle(p);
      if (!/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) continue;
      const q = p.getBoundingClientRect();
      if (
        r.top < q.top - 0.5 ||
        r.bottom > q.bottom + 0.5 ||
        r.left < q.left - 0.5 ||
        r.right > q.right + 0.5
      )
        return false;
    }
    return true;
  });
}

/** Elements under `root` whose content is wider than their box and that are not scroll containers. */
async function clipped(root: Locator): Promise<string[]> {
  return root.evaluate((r) => {
    const out: string[] = [];
    for (const el of [r, ...r.querySelectorAll('*')] as HTMLElement[]) {
      if (el instanceof SVGElement || el.clientWidth === 0) continue;
      const s = getComputedStyle(el);
      const scrolls = /(auto|scroll)/.test(s.overflowX);
      if (el.scrollWidth > el.clientWidth + 1 && (!scrolls || el === r))
        out.push(`${el.tagName.toLowerCase()}.${el.className} ${el.scrollWidth}>${el.clientWidth}`);
    }
    return out;
  });
}

async function layoutPressed(page: Page, name: string) {
  await expect(page.getByRole('button', { name: `${name} layout` })).toHaveAttribute('aria-pressed', 'true');
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('lesson 10 opens the Lesson layout: first paragraph, prediction and options in view', async ({
      page,
    }) => {
      const errors = watchErrors(page);
      await page.goto('/?lesson=10-precompile-blocks');
      await ready(page, 60_000);
      await layoutPressed(page, 'Lesson');
      const narration = page.getByRole('region', { name: 'Narration' });
      await expect(narration).toBeVisible();
      expect(await wholeInView(page.getByTestId('narration').locator('p').first())).toBe(true);
      // on to the check: the prediction and its options in view with the first paragraph of that stop
      const choices = page.getByRole('radiogroup', { name: 'Your prediction' });
      for (let i = 0; i < 10 && !(await choices.isVisible()); i++) {
        await narration.getByRole('button', { name: 'Next step' }).click();
        await ready(page);
      }
      await expect(choices).toBeVisible();
      await expect(choices.getByRole('radio').first()).toBeVisible();
      expect(await wholeInView(page.getByTestId('narration').locator('p').first())).toBe(true);
      expect(await wholeInView(choices)).toBe(true);
      expect(await wholeInView(page.getByRole('button', { name: 'Reveal' }))).toBe(true);
      await page.screenshot({ path: `e2e/screens/lesson10-${size.width}x${size.height}.png` });
      expect(errors).toEqual([]);
    });

    test('the Allocator panel is not clipped: an allocator trace and a guest run', async ({ page }) => {
      await page.goto('/?example=mixed_size_churn.alloc');
      await ready(page, 60_000);
      await layoutPressed(page, 'Allocator');
      await page.getByRole('button', { name: 'Run to end' }).click();
      await ready(page, 60_000);
      const alloc = page.getByTestId('allocator');
      await expect(alloc).toBeVisible();
      expect(await clipped(alloc)).toEqual([]);
      await page.screenshot({ path: `e2e/screens/alloc-trace-${size.width}x${size.height}.png` });

      await page.goto('/?example=hashmap.elf&alloc=orthotope');
      await ready(page, 60_000);
      await page.getByRole('button', { name: 'Run to end' }).click();
      await ready(page, 120_000);
      await expect(alloc).toBeVisible();
      expect(await clipped(alloc)).toEqual([]);
      const box = (await alloc.boundingBox())!;
      expect(box.height).toBeGreaterThan(150);
      await page.screenshot({ path: `e2e/screens/hashmap-debug-${size.width}x${size.height}.png` });
      await page.getByRole('button', { name: 'Allocator layout' }).click();
      await ready(page);
      expect(await clipped(alloc)).toEqual([]);
      await page.screenshot({ path: `e2e/screens/hashmap-allocator-${size.width}x${size.height}.png` });
    });
  });
}

test.describe('at 1440×900', () => {
  test.use({ viewport: { width: 1440, height: 900 } });

  test('the Cost layout gives the icicle at least 900×500 px', async ({ page }) => {
    await page.goto('/?example=matmul.elf');
    await ready(page, 60_000);
    await page.getByRole('button', { name: 'Cost layout' }).click();
    const panel = page.getByRole('region', { name: 'Cost by function' });
    await expect(panel.getByTestId('meter-summary')).toContainText('instructions in', { timeout: 120_000 });
    const icicle = panel.getByRole('img', { name: /^Icicle of/ });
    await expect(icicle).toBeVisible();
    const box = (await icicle.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(900);
    expect(box.height).toBeGreaterThanOrEqual(500);
    // innermost name first on the frames
    await expect(panel.locator('[data-testid="icicle-frame"][data-name="main"]')).toHaveCount(1);
    await page.screenshot({ path: 'e2e/screens/cost-layout-1440x900.png' });
  });

  test('every panel maximizes and restores by mouse and by keyboard', async ({ page }) => {
    await page.goto('/?example=hello.elf');
    await ready(page, 60_000);
    const workspace = page.getByRole('main', { name: 'Workspace' });
    const area = (await workspace.boundingBox())!;
    const tabs = page.locator('.dv-tab');
    const names = await tabs.allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(6);
    for (const name of names.map((n) => n.trim())) {
      const tab = page.locator('.dv-tab', { hasText: name });
      // mouse: double-click the tab, Escape restores
      await tab.dblclick();
      const maximize = page.getByRole('button', { name: `Restore ${name}` });
      await expect(maximize).toBeVisible();
      const group = page.locator('.dv-groupview', { has: maximize });
      const box = (await group.boundingBox())!;
      expect(box.width).toBeGreaterThan(area.width * 0.9);
      expect(box.height).toBeGreaterThan(area.height * 0.85);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('button', { name: `Maximize ${name}` })).toBeVisible();
      // keyboard: focus the group's maximize button, Enter; Enter again restores
      await tab.click();
      await page.getByRole('button', { name: `Maximize ${name}` }).focus();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: `Restore ${name}` })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page.getByRole('button', { name: `Maximize ${name}` })).toBeVisible();
      if (name === 'Address spaces') {
        await tab.dblclick();
        await page.screenshot({ path: 'e2e/screens/maximized-address-spaces-1440x900.png' });
        await page.keyboard.press('Escape');
      }
    }
  });

  test('the View menu closes and re-opens panels; a shared link restores the layout', async ({
    page,
    browser,
  }) => {
    await page.goto('/?example=hello.elf');
    await ready(page, 60_000);
    await layoutPressed(page, 'Debug');
    await page.getByRole('button', { name: 'View', exact: true }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Adapter records' }).click();
    await expect(page.getByRole('region', { name: 'Adapter records' })).toHaveCount(0);
    // a splitter moved by keyboard
    const sash = page.getByRole('separator', { name: 'Resize between Program and Address spaces' });
    const before = Number(await sash.getAttribute('aria-valuenow'));
    await sash.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect(sash).toHaveAttribute('aria-valuenow', String(before + 100));
    await expect(page).toHaveURL(/#layout=debug:/);
    const link = page.url();
    const programWidth = (await page.getByRole('region', { name: 'Program' }).boundingBox())!.width;

    // a fresh browser (no saved layout) opening the link
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await other.goto(link);
    await ready(other, 60_000);
    await expect(other.getByRole('region', { name: 'Address spaces' })).toBeVisible();
    await expect(other.getByRole('region', { name: 'Adapter records' })).toHaveCount(0);
    const w = (await other.getByRole('region', { name: 'Program' }).boundingBox())!.width;
    expect(Math.abs(w - programWidth)).toBeLessThan(12);
    await other.close();

    // re-open from the View menu; Reset goes back to the built-in layout
    await page.getByRole('button', { name: 'View', exact: true }).click();
    await page.getByRole('menuitemcheckbox', { name: 'Adapter records' }).click();
    await expect(page.getByRole('region', { name: 'Adapter records' })).toBeVisible();
    await page.getByRole('button', { name: 'View', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Reset Debug layout' }).click();
    await expect(page).toHaveURL(/#layout=debug$/);
  });
});

// axe-core (via @axe-core/playwright) on the five views of issue 21, light and dark: the default view,
// a guest run, an allocator trace, a lesson, and Cost by function. No serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { ready } from './helpers';

const VIEWS: { name: string; open(page: Page): Promise<void> }[] = [
  { name: 'default view', open: async (page) => void (await page.goto('/')) },
  {
    name: 'guest run',
    open: async (page) => {
      await page.goto('/?example=hello.elf');
      await ready(page, 60_000);
      await page.getByRole('button', { name: 'Run to end' }).click();
    },
  },
  {
    name: 'allocator trace',
    open: async (page) => void (await page.goto('/?example=mixed_size_churn.alloc')),
  },
  { name: 'lesson', open: async (page) => void (await page.goto('/?lesson=03-split')) },
  {
    name: 'Cost by function',
    open: async (page) => {
      await page.goto('/?example=matmul.elf');
      await ready(page, 60_000);
      await page.getByRole('button', { name: 'Cost layout' }).click();
      await expect(page.getByTestId('meter-summary')).toContainText('instructions in', { timeout: 120_000 });
    },
  },
];

for (const scheme of ['light', 'dark'] as const)
  for (const view of VIEWS)
    test(`axe: no serious or critical violation, ${view.name}, ${scheme}`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1440, height: 900 });
      await view.open(page);
      await ready(page, 60_000);
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(' ')}`);
      expect(bad).toEqual([]);
    });

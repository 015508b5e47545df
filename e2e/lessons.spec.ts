// Issue 7: every lesson walked from start to end in the real app: the narration changes at each stop,
// the panels follow the engine, the check is answered with the engine's computed choices and revealed.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cli, ready, watchErrors, togglePanel } from './helpers';

const lessons = (
  JSON.parse(readFileSync('public/lessons/index.json', 'utf8')) as {
    lessons: { id: string; title: string; kind: string }[];
  }
).lessons;

test('the lessons gallery lists every lesson as a button', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  const gallery = page.getByRole('region', { name: 'Lessons' });
  await expect(gallery).toBeVisible();
  for (const l of lessons) await expect(gallery.getByRole('button', { name: l.title })).toBeVisible();
  await page.screenshot({ path: 'test-results/lessons-gallery.png' });
});

for (const [n, l] of lessons.entries()) {
  test(`lesson ${n + 1}: ${l.title}`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await ready(page);
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page.getByRole('region', { name: 'Lessons' }).getByRole('button', { name: l.title }).click();
    await ready(page);
    const narration = page.getByRole('region', { name: 'Narration' });
    await expect(narration).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`lesson=${l.id}`));
    let previous = await page.getByTestId('narration').textContent();
    expect(previous?.length ?? 0).toBeGreaterThan(20);
    let checked = false;
    for (let stop = 0; stop < 30; stop++) {
      if (await page.getByTestId('lesson-complete').isVisible()) break;
      const choices = page.getByRole('radiogroup', { name: 'Your prediction' });
      // The check shows with its stop's narration; its choices come when the engine has computed them
      // (a separate request): wait for them, not for time.
      if (!checked && (await page.getByTestId('lesson-check').isVisible())) {
        await expect(choices).toBeVisible({ timeout: 60_000 });
        await choices.getByRole('radio').first().check();
        await page.getByRole('button', { name: 'Reveal' }).click();
        await expect(page.getByTestId('verdict')).toBeVisible();
        await page.screenshot({ path: `test-results/lesson-${l.id}-check.png` });
        checked = true;
      }
      const stepBefore = await page.getByTestId('current-step').textContent();
      await narration.getByRole('button', { name: 'Next step' }).click();
      await ready(page);
      const text = await page.getByTestId('narration').textContent();
      expect(text).not.toBe(previous);
      previous = text;
      // the engine moved, and the panels show the step it ran
      expect(await page.getByTestId('current-step').textContent()).not.toBe(stepBefore);
      await expect(page.getByRole('region', { name: 'Adapter records' })).toBeVisible();
      if (l.kind === 'guest') await expect(page.getByRole('region', { name: 'Registers' })).toBeVisible();
    }
    await expect(page.getByTestId('lesson-complete')).toBeVisible();
    expect(checked).toBe(true);
    await page.screenshot({ path: `test-results/lesson-${l.id}-end.png` });
    expect(errors).toEqual([]);
  });
}

test('the cost view compares both memory modes', async ({ page }) => {
  await page.goto('/?example=subword.elf');
  await ready(page);
  await togglePanel(page, 'Cost');
  const cost = page.getByRole('region', { name: 'Cost' });
  await expect(cost).toBeVisible();
  await expect(cost.getByTestId('cost-summary')).toBeVisible({ timeout: 30_000 });
  // the numbers are the engine's: the persistent total equals the CLI's padded rows of a run to the end
  const summary = JSON.parse(cli(['exec', 'public/examples/subword.elf']));
  const adapters = Object.values(summary.adapterRows as Record<string, number>).reduce((a, b) => a + b, 0);
  expect(adapters).toBeGreaterThan(0);
  await expect(cost.getByRole('rowheader', { name: 'AccessAdapterAir<8>' })).toBeVisible();
  await expect(cost).toContainText('volatile');
  await page.screenshot({ path: 'test-results/cost.png' });
});

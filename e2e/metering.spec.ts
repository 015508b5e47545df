// "Cost by function": the loaded guest metered as OpenVM v1.7 segments it, checked against the CLI's
// `exec --segments` (the same engine in Node): instruction count, the segment's AIR table, the icicle in
// instructions and in trace cells (whose total is the sum of the segments' cells).
import { expect, test } from '@playwright/test';
import { cli, ready, watchErrors } from './helpers';

interface Segment {
  instret_start: number;
  num_insns: number;
  airs: { air_name: string; rows: number; padded_rows: number; cells: number }[];
}

test('Cost by function: segments, AIR table and icicle agree with exec --segments', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?example=matmul.elf');
  await ready(page, 60_000);
  const { segments } = JSON.parse(cli(['exec', 'public/examples/matmul.elf', '--segments'])) as { segments: Segment[] };
  const instructions = segments.reduce((t, s) => t + s.num_insns, 0);
  const cells = segments.reduce((t, s) => t + s.airs.reduce((u, a) => u + a.cells, 0), 0);

  await page.getByRole('button', { name: 'Cost by function' }).click();
  const panel = page.getByRole('region', { name: 'Cost by function' });
  await expect(panel.getByTestId('meter-summary')).toContainText(`${instructions.toLocaleString('en-US')} instructions in ${segments.length} segment`, { timeout: 60_000 });

  const rows = panel.getByTestId('air-row');
  await expect(rows).toHaveCount(segments[0].airs.length);
  const adapter = segments[0].airs.find((a) => a.air_name === 'AccessAdapterAir<8>');
  expect(adapter).toBeDefined();
  await expect(panel.locator('[data-air="AccessAdapterAir<8>"] td').nth(2)).toHaveText((adapter?.padded_rows ?? 0).toLocaleString('en-US'));

  const icicle = panel.getByRole('img', { name: /^Icicle of instructions/ });
  await expect(icicle).toHaveAttribute('aria-label', `Icicle of instructions by call stack, ${instructions.toLocaleString('en-US')} in all`);
  await expect(panel.locator('[data-testid="icicle-frame"][data-name="main"]')).toHaveCount(1);

  await panel.getByRole('radio', { name: 'Trace cells' }).check();
  await expect(panel.getByRole('img', { name: /^Icicle of cells/ })).toHaveAttribute('aria-label', `Icicle of cells by call stack, ${cells.toLocaleString('en-US')} in all`);
  await expect(panel.locator('[data-testid="icicle-frame"][data-name="[padding]"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/metering-cost-by-function.png' });
  expect(errors).toEqual([]);
});

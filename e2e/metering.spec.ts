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

test('Cost by function: a small max segment length cuts the run; the cuts show on the Timeline', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?example=matmul.elf');
  await ready(page, 60_000);
  const { segments } = JSON.parse(cli(['exec', 'public/examples/matmul.elf', '--segments', '--max-segment-length', '8192'])) as { segments: Segment[] };
  expect(segments.length).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Cost by function' }).click();
  const panel = page.getByRole('region', { name: 'Cost by function' });
  await expect(panel.getByTestId('meter-summary')).toContainText('in 1 segment', { timeout: 60_000 });
  await panel.getByRole('combobox', { name: 'Max segment length' }).selectOption('8192');
  await expect(panel.getByTestId('meter-summary')).toContainText(`in ${segments.length} segments`, { timeout: 60_000 });
  const markers = page.locator('[data-testid="timeline-marker"][data-kind="segment"]');
  await expect(markers).toHaveCount(segments.length - 1);
  // Segment 2's table is the CLI's.
  await panel.getByRole('combobox', { name: 'Segment', exact: true }).selectOption('2');
  await expect(panel.getByTestId('air-row')).toHaveCount(segments[2].airs.length);
  const boundary = segments[2].airs.find((a) => a.air_name === 'PersistentBoundaryAir<8>');
  await expect(panel.locator('[data-air="PersistentBoundaryAir<8>"] td').nth(1)).toHaveText((boundary?.rows ?? -1).toLocaleString('en-US'));
  await page.screenshot({ path: 'test-results/metering-segments-timeline.png' });
  expect(errors).toEqual([]);
});

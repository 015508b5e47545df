// The Cost view's charts: rows per AIR as bars (persistent against volatile, padding faint, log2 scale),
// and what caused the adapter rows (RV32IM instructions, each extension chip, finalize) as stacked bars,
// checked against the CLI (`memscope exec --mode M`) and, for ecrecover with its openvm.toml and input,
// against the engine's attribution (src/engine/lessons/adapterCauses.test.ts has the same figures).
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cli, ready, watchErrors, togglePanel } from './helpers';

const BENCH = '../shared/guests/openvm-v1.7-benchmarks';
const ECRECOVER_INPUT = 'examples/inputs/ecrecover.input.json';
const present = existsSync(`${BENCH}/ecrecover.elf`);
if (!present && process.env.CI === 'true') throw new Error(`fixture missing: ${BENCH}`);

test('the cost view draws rows per AIR as bars, persistent against volatile, with the padding', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?example=subword.elf');
  await ready(page);
  await togglePanel(page, 'Cost');
  const cost = page.getByRole('region', { name: 'Cost' });
  await expect(cost.getByTestId('cost-summary')).toBeVisible({ timeout: 30_000 });
  const chart = cost.getByRole('img', { name: /Rows per AIR, persistent against volatile/ });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText('log₂ scale');
  for (const mode of ['persistent', 'volatile'] as const) {
    const ref = JSON.parse(cli(['exec', 'public/examples/subword.elf', '--mode', mode])) as {
      adapterRows: Record<string, number>;
      adapterHeights: Record<string, number>;
      boundaryRows: number;
    };
    for (const n of [2, 4, 8, 16, 32]) {
      const bar = chart.getByTestId(`bar AccessAdapterAir<${n}> ${mode}`);
      await expect(bar).toHaveAttribute('data-rows', String(ref.adapterRows[`AccessAdapterAir<${n}>`]));
      await expect(bar).toHaveAttribute('data-padded', String(ref.adapterHeights[`AccessAdapterAir<${n}>`]));
    }
    const boundary = mode === 'persistent' ? 'PersistentBoundaryAir<8>' : 'VolatileBoundaryAir';
    await expect(chart.getByTestId(`bar ${boundary} ${mode}`)).toHaveAttribute(
      'data-rows',
      String(ref.boundaryRows),
    );
  }
  // The exact figures: each bar's title, and the table below the chart.
  await expect(chart.getByTestId('bar AccessAdapterAir<8> persistent').locator('title')).toHaveText(
    /AccessAdapterAir<8>, persistent: [\d,]+ rows, padded to [\d,]+/,
  );
  await expect(cost.getByRole('rowheader', { name: 'AccessAdapterAir<8>' })).toBeVisible();
  // A pure RV32IM guest: no extension chip caused any row.
  await expect(cost.getByTestId('cause-sentences')).toContainText('no extension chip');
  await page.setViewportSize({ width: 1280, height: 2200 });
  await cost.screenshot({ path: 'test-results/cost-bars-subword.png' });
  expect(errors).toEqual([]);
});

test.describe('the cost view on a precompile guest', () => {
  test.skip(!present, `${BENCH} not found`);

  test('ecrecover with its openvm.toml and input: the chips’ share of AccessAdapterAir<16>/<32> rows', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await page.goto('/');
    await ready(page);
    await page.locator('input[type=file]').setInputFiles([
      {
        name: 'ecrecover.elf',
        mimeType: 'application/octet-stream',
        buffer: readFileSync(`${BENCH}/ecrecover.elf`),
      },
      {
        name: 'ecrecover.openvm.toml',
        mimeType: 'application/toml',
        buffer: readFileSync(`${BENCH}/ecrecover.openvm.toml`),
      },
      { name: 'ecrecover.input.json', mimeType: 'application/json', buffer: readFileSync(ECRECOVER_INPUT) },
    ]);
    // The set is read before it opens: until its openvm.toml shows, the page is still the default example.
    await expect(page.getByTestId('config-file')).toContainText('ecrecover.openvm.toml', { timeout: 60_000 });
    await ready(page, 120_000);
    await togglePanel(page, 'Cost');
    const cost = page.getByRole('region', { name: 'Cost' });
    await expect(cost.getByTestId('cost-summary')).toBeVisible({ timeout: 120_000 });
    // The run's rows as the CLI reports them (exec --config ... --input ...).
    const ref = JSON.parse(
      cli([
        'exec',
        `${BENCH}/ecrecover.elf`,
        '--config',
        `${BENCH}/ecrecover.openvm.toml`,
        '--input',
        ECRECOVER_INPUT,
      ]),
    ) as { exitCode: number; adapterRows: Record<string, number> };
    expect(ref.exitCode).toBe(0);
    const chart = cost.getByRole('img', { name: /Rows per AIR/ });
    for (const n of [8, 16, 32])
      await expect(chart.getByTestId(`bar AccessAdapterAir<${n}> persistent`)).toHaveAttribute(
        'data-rows',
        String(ref.adapterRows[`AccessAdapterAir<${n}>`]),
      );
    // The causes: the stacked segments of <16> and <32> sum to the AIR's rows, with modular and ECC in them.
    const causes = cost.getByRole('img', { name: /What caused the adapter rows/ });
    for (const n of [16, 32]) {
      const bar = causes.getByTestId(`causes AccessAdapterAir<${n}> persistent`);
      const segments = await bar
        .locator('rect')
        .evaluateAll((rs) =>
          rs.map((r) => [r.getAttribute('data-cause'), Number(r.getAttribute('data-rows'))]),
        );
      const byCause = Object.fromEntries(segments) as Record<string, number>;
      expect(Object.values(byCause).reduce((a, b) => a + b, 0)).toBe(
        ref.adapterRows[`AccessAdapterAir<${n}>`],
      );
      expect(byCause.modular).toBeGreaterThan(0);
      expect(byCause.ECC).toBeGreaterThan(0);
    }
    // adapterCauses.test.ts: <16> 3,004 rows = ECC 1,150 + modular 352 + RV32IM 912 + finalize 590
    await expect(cost.getByTestId('cause-sentences')).toContainText(
      'ecrecover: 50 % of AccessAdapterAir<16> rows come from extension chips (ECC 38 %, modular 12 %), 30 % from RV32IM instructions, 20 % from finalize.',
    );
    await page.setViewportSize({ width: 1280, height: 2200 });
    await cost.screenshot({ path: 'test-results/cost-bars-ecrecover.png' });
    expect(errors).toEqual([]);
  });

  test('the algebra-blocks lesson carries its openvm.toml and input to the cost view', async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await page.goto('/');
    await ready(page);
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page
      .getByRole('region', { name: 'Lessons' })
      .getByRole('button', { name: /Algebra and ECC chips/ })
      .click();
    await ready(page, 120_000);
    await expect(page.getByTestId('narration')).toContainText('Rv32VecHeapAdapter');
    await togglePanel(page, 'Cost');
    const cost = page.getByRole('region', { name: 'Cost' });
    await expect(cost.getByTestId('cost-summary')).toBeVisible({ timeout: 120_000 });
    await expect(cost.getByTestId('cause-sentences')).toContainText(
      'ecrecover: 50 % of AccessAdapterAir<16> rows come from extension chips (ECC 38 %, modular 12 %)',
    );
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('the segments lesson: Cost by function with the report limit shows its two segments', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await page.goto('/');
    await ready(page);
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page
      .getByRole('region', { name: 'Lessons' })
      .getByRole('button', { name: /Segments and padding/ })
      .click();
    await ready(page, 120_000);
    await expect(page.getByTestId('narration')).toContainText('2 segments of 873,000 and 627,278');
    await togglePanel(page, 'Cost by function');
    const panel = page.getByRole('region', { name: 'Cost by function' });
    await expect(panel.getByTestId('meter-summary')).toContainText('in 1 segment', { timeout: 120_000 });
    await panel.getByRole('combobox', { name: 'Max segment length' }).selectOption('1048476');
    await expect(panel.getByTestId('meter-summary')).toContainText('in 2 segments', { timeout: 120_000 });
    await panel.getByRole('combobox', { name: 'Segment', exact: true }).selectOption('0');
    await expect(panel.locator('[data-air="AccessAdapterAir<8>"] td').nth(1)).toHaveText('48');
    await page.screenshot({ path: 'test-results/lesson-segments-meter.png' });
    expect(errors).toEqual([]);
  });
});

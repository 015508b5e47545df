// "Cost by function": the loaded guest metered as OpenVM v1.7 segments it, checked against the CLI's
// `exec --segments` (the same engine in Node): instruction count, the segment's AIR table, the icicle in
// instructions and in trace cells (whose total is the sum of the segments' cells).
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { expect, test } from '@playwright/test';
import { cli, ready, watchErrors, togglePanel, readyWith } from './helpers';

interface Segment {
  instret_start: number;
  num_insns: number;
  airs: { air_name: string; rows: number; padded_rows: number; main_cols: number; cells: number }[];
}

test('Cost by function: segments, AIR table and icicle agree with exec --segments', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?example=matmul.elf');
  await ready(page, 60_000);
  const { segments } = JSON.parse(cli(['exec', 'public/examples/matmul.elf', '--segments'])) as {
    segments: Segment[];
  };
  const instructions = segments.reduce((t, s) => t + s.num_insns, 0);
  const cells = segments.reduce((t, s) => t + s.airs.reduce((u, a) => u + a.cells, 0), 0);

  await togglePanel(page, 'Cost by function');
  const panel = page.getByRole('region', { name: 'Cost by function' });
  await expect(panel.getByTestId('meter-summary')).toContainText(
    `${instructions.toLocaleString('en-US')} instructions in ${segments.length} segment`,
    { timeout: 60_000 },
  );

  const rows = panel.getByTestId('air-row');
  await expect(rows).toHaveCount(segments[0].airs.length);
  const adapter = segments[0].airs.find((a) => a.air_name === 'AccessAdapterAir<8>');
  expect(adapter).toBeDefined();
  await expect(panel.locator('[data-air="AccessAdapterAir<8>"] td').nth(2)).toHaveText(
    (adapter?.padded_rows ?? 0).toLocaleString('en-US'),
  );

  const icicle = panel.getByRole('img', { name: /^Icicle of instructions/ });
  await expect(icicle).toHaveAttribute(
    'aria-label',
    `Icicle of instructions by call stack, ${instructions.toLocaleString('en-US')} in all`,
  );
  await expect(panel.locator('[data-testid="icicle-frame"][data-name="main"]')).toHaveCount(1);

  await panel.getByRole('radio', { name: 'Trace cells' }).check();
  await expect(panel.getByRole('img', { name: /^Icicle of cells/ })).toHaveAttribute(
    'aria-label',
    `Icicle of cells by call stack, ${cells.toLocaleString('en-US')} in all`,
  );
  await expect(panel.locator('[data-testid="icicle-frame"][data-name="[padding]"]')).toHaveCount(1);
  await page.screenshot({ path: 'test-results/metering-cost-by-function.png' });
  expect(errors).toEqual([]);
});

test('Cost by function: a small max segment length cuts the run; the cuts show on the Timeline', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?example=matmul.elf');
  await ready(page, 60_000);
  const { segments } = JSON.parse(
    cli(['exec', 'public/examples/matmul.elf', '--segments', '--max-segment-length', '8192']),
  ) as { segments: Segment[] };
  expect(segments.length).toBeGreaterThan(5);
  await togglePanel(page, 'Cost by function');
  const panel = page.getByRole('region', { name: 'Cost by function' });
  await expect(panel.getByTestId('meter-summary')).toContainText('in 1 segment', { timeout: 60_000 });
  await panel.getByRole('combobox', { name: 'Max segment length' }).selectOption('8192');
  await expect(panel.getByTestId('meter-summary')).toContainText(`in ${segments.length} segments`, {
    timeout: 60_000,
  });
  const markers = page.locator('[data-testid="timeline-marker"][data-kind="segment"]');
  await expect(markers).toHaveCount(segments.length - 1);
  // Segment 2's table is the CLI's.
  await panel.getByRole('combobox', { name: 'Segment', exact: true }).selectOption('2');
  await expect(panel.getByTestId('air-row')).toHaveCount(segments[2].airs.length);
  const boundary = segments[2].airs.find((a) => a.air_name === 'PersistentBoundaryAir<8>');
  await expect(panel.locator('[data-air="PersistentBoundaryAir<8>"] td').nth(1)).toHaveText(
    (boundary?.rows ?? -1).toLocaleString('en-US'),
  );
  await page.screenshot({ path: 'test-results/metering-segments-timeline.png' });
  expect(errors).toEqual([]);
});

const BENCH = '../shared/guests/openvm-v1.7-benchmarks';
const benchPresent = existsSync(`${BENCH}/ecrecover.elf`);
if (!benchPresent && process.env.CI === 'true') throw new Error(`fixture missing: ${BENCH}`);

function fileOf(path: string, name = basename(path)) {
  return { name, mimeType: 'application/octet-stream', buffer: readFileSync(path) };
}

test.describe('Cost by function with the guest openvm.toml', () => {
  test.skip(!benchPresent, `${BENCH} not found`);

  test('ecrecover with its openvm.toml and input: every segment AIR row is the CLI one', async ({ page }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await page.goto('/');
    await ready(page);
    await page
      .locator('input[type=file]')
      .setInputFiles([
        fileOf(`${BENCH}/ecrecover.elf`),
        fileOf(`${BENCH}/ecrecover.openvm.toml`),
        fileOf('examples/inputs/ecrecover.input.json'),
      ]);
    await ready(page, 90_000);
    const { segments } = JSON.parse(
      cli([
        'exec',
        `${BENCH}/ecrecover.elf`,
        '--config',
        `${BENCH}/ecrecover.openvm.toml`,
        '--input',
        'examples/inputs/ecrecover.input.json',
        '--segments',
      ]),
    ) as { segments: Segment[] };
    const instructions = segments.reduce((t, s) => t + s.num_insns, 0);
    await togglePanel(page, 'Cost by function');
    const panel = page.getByRole('region', { name: 'Cost by function' });
    await expect(panel.getByTestId('meter-summary')).toHaveText(
      `${instructions.toLocaleString('en-US')} instructions in ${segments.length} segment${segments.length === 1 ? '' : 's'}`,
      { timeout: 90_000 },
    );
    await expect(panel.getByTestId('meter-missing-settings')).toHaveCount(0);
    const n = (x: number) => x.toLocaleString('en-US');
    for (let k = 0; k < segments.length; k++) {
      await panel.getByRole('combobox', { name: 'Segment', exact: true }).selectOption(String(k));
      const rows = panel.getByTestId('air-row');
      await expect(rows).toHaveCount(segments[k].airs.length);
      const shown = await rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')),
      );
      expect(shown).toEqual(
        segments[k].airs.map((a) => [
          a.air_name,
          n(a.rows),
          n(a.padded_rows),
          String(a.main_cols),
          n(a.cells),
        ]),
      );
    }
    // The algebra and ECC chips are in the table: the config's moduli and curve were metered.
    await expect(
      panel.locator('[data-testid="air-row"][data-air*="FieldExpressionCoreAir"]'),
    ).not.toHaveCount(0);
    await page.screenshot({ path: 'test-results/metering-ecrecover-config.png' });
    expect(errors).toEqual([]);
  });

  test('without the settings it needs: the panel names them (keccak256 meters, ecrecover cannot)', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const errors = watchErrors(page);
    await page.goto('/');
    await ready(page);
    await page.locator('input[type=file]').setInputFiles([fileOf(`${BENCH}/keccak256.elf`)]);
    await readyWith(page, 'keccak256.elf', 90_000);
    await togglePanel(page, 'Cost by function');
    const panel = page.getByRole('region', { name: 'Cost by function' });
    await expect(panel.getByTestId('meter-summary')).toContainText('instructions in', { timeout: 90_000 });
    await expect(panel.getByTestId('meter-missing-settings')).toContainText('[app_vm_config.keccak]');

    // Opened while the panel is shown: metered as soon as it is recorded.
    await page.locator('input[type=file]').setInputFiles([fileOf(`${BENCH}/ecrecover.elf`)]);
    await readyWith(page, 'ecrecover.elf', 90_000);
    const missing = panel.getByTestId('meter-missing-settings');
    await expect(missing).toContainText('Settings missing from the defaults', { timeout: 60_000 });
    await expect(missing).toContainText('[app_vm_config.modular] supported_moduli is not configured');
    await expect(missing).toContainText('[[app_vm_config.ecc.supported_curves]] is not configured');
    await expect(panel.getByTestId('meter-unavailable')).toContainText("without the guest's openvm.toml");
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.screenshot({ path: 'test-results/metering-ecrecover-missing.png' });
    expect(errors).toEqual([]);
  });
});

test('Cost by function scopes (segment, a shift-dragged range) and a function highlighted on the Timeline', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  await page.goto('/?example=hashmap.elf');
  await ready(page, 120_000);
  const { segments } = JSON.parse(
    cli(['exec', 'public/examples/hashmap.elf', '--segments', '--max-segment-length', '1048476']),
  ) as { segments: Segment[] };
  expect(segments.length).toBeGreaterThan(2);
  await togglePanel(page, 'Cost by function');
  const panel = page.getByRole('region', { name: 'Cost by function' });
  await expect(panel.getByTestId('meter-summary')).toContainText('instructions in', { timeout: 120_000 });
  await panel.getByRole('combobox', { name: 'Max segment length' }).selectOption('1048476');
  await expect(panel.getByTestId('meter-summary')).toContainText(`in ${segments.length} segments`, {
    timeout: 120_000,
  });
  const n = (x: number) => x.toLocaleString('en-US');

  // One segment: its instructions, and its cells are its AIR table's.
  await panel.getByRole('radio', { name: 'Segment' }).check();
  await panel.getByRole('combobox', { name: 'Segment', exact: true }).selectOption('2');
  await expect(panel.getByRole('img', { name: /^Icicle of instructions/ })).toHaveAttribute(
    'aria-label',
    `Icicle of instructions by call stack, ${n(segments[2].num_insns)} in all`,
  );
  await panel.getByRole('radio', { name: 'Trace cells' }).check();
  await expect(panel.getByRole('img', { name: /^Icicle of cells/ })).toHaveAttribute(
    'aria-label',
    `Icicle of cells by call stack, ${n(segments[2].airs.reduce((t, a) => t + a.cells, 0))} in all`,
  );
  await panel.getByRole('radio', { name: 'Instructions' }).check();

  // A range shift-dragged on the Timeline: the icicle holds exactly its instructions.
  const slider = page.getByRole('slider', { name: 'Timestamp' });
  const box = await slider.boundingBox();
  if (box === null) throw new Error('no timeline');
  await page.keyboard.down('Shift');
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByTestId('timeline-selection')).toHaveCount(1);
  await expect(panel.getByRole('radio', { name: 'Selected range' })).toBeChecked();
  const scopeText = panel.getByTestId('meter-scope');
  await expect(scopeText).toContainText('Instructions ', { timeout: 30_000 });
  const m = /Instructions ([\d,]+) – ([\d,]+)/.exec((await scopeText.textContent()) ?? '');
  expect(m).not.toBeNull();
  const [from, to] = [Number(m?.[1].replace(/,/g, '')), Number(m?.[2].replace(/,/g, ''))];
  expect(to - from).toBeGreaterThan(100_000);
  await expect(panel.getByRole('img', { name: /^Icicle of instructions/ })).toHaveAttribute(
    'aria-label',
    `Icicle of instructions by call stack, ${n(to - from)} in all`,
  );
  await page.screenshot({ path: 'test-results/metering-range.png' });

  // Clicking a function shows its time as bands; Escape clears them, clicking twice too.
  await panel.getByRole('radio', { name: 'Whole run' }).check();
  const malloc = panel.locator('[data-testid="icicle-frame"][data-path="_start;__start_c;main;malloc"]');
  await malloc.click();
  const bands = page.getByTestId('timeline-bands');
  await expect(bands).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByTestId('timeline-band').first()).toBeVisible();
  expect(Number(await bands.getAttribute('data-count'))).toBeGreaterThan(100);
  await expect(panel.getByTestId('meter-highlight')).toContainText('malloc: ran ');
  await expect(malloc).toHaveAttribute('data-highlighted', 'true');
  await page.screenshot({ path: 'test-results/metering-highlight.png' });
  await page.keyboard.press('Escape');
  await expect(bands).toHaveCount(0);
  await malloc.click();
  await expect(bands).toHaveCount(1, { timeout: 30_000 });
  await malloc.click();
  await expect(bands).toHaveCount(0);
  // A rarer function: a few bands, where it ran.
  await panel.locator('[data-testid="icicle-frame"][data-path="_start;__start_c;main;strlen"]').click();
  await expect(bands).toHaveCount(1, { timeout: 30_000 });
  await expect(panel.getByTestId('meter-highlight')).toContainText('strlen: ran 51,325 instructions');
  await page.screenshot({ path: 'test-results/metering-highlight-strlen.png' });
  expect(errors).toEqual([]);
});

// Segments in the session (issue 23): OpenVM's fibonacci benchmark with n = 1,000,000 (15,000,278
// instructions) is cut by OpenVM's default limits into the segments `exec --segments` prints. The app opens it
// segmented: the Timeline shows one band per segment, the toolbar says the segment and its own timestamp, Go
// to SEG:T lands in the last segment (its first-touch accesses have t_prev 0, as OpenVM's preflight of that
// segment has them) and back into the first; the same state as `exec --at SEG:T`.
import { expect, test } from '@playwright/test';
import { cli, cliAt, openRunOptions, ready, watchErrors, readyWith } from './helpers';

const INPUT = '0140420f0000000000'; // n = 1,000,000 (u64 LE after the 0x01 vector tag)

test('a segmented run: bands per segment, Go to SEG:T into the last segment and back', async ({ page }) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  const { segments } = JSON.parse(
    cli(['exec', 'public/examples/fibonacci.elf', '--input', `0x${INPUT}`, '--segments']),
  ) as { segments: { instret_start: number; num_insns: number }[] };
  expect(segments.length).toBeGreaterThan(1);
  const last = segments.length - 1;

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?example=split.mtrace');
  await ready(page);
  await page.locator('input[type=file]').setInputFiles('public/examples/fibonacci.elf');
  await readyWith(page, 'fibonacci.elf'); // without input the run stops at its first read
  await page.getByRole('textbox', { name: 'Input' }).fill(`0x${INPUT}`);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await ready(page, 240_000);
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 240_000 });
  const bands = page.getByTestId('timeline-segments').locator('.tl-segment');
  await expect(bands).toHaveCount(segments.length, { timeout: 240_000 });

  const goTo = async (where: string) => {
    await page.getByLabel('Go to timestamp').fill(where);
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await ready(page, 120_000);
  };
  await goTo(`${last}:100`);
  const seg = page.getByTestId('current-segment');
  await expect(seg).toHaveAttribute('data-segment', String(last));
  const ref = cliAt([
    'exec',
    'public/examples/fibonacci.elf',
    '--input',
    `0x${INPUT}`,
    '--at',
    `${last}:100`,
  ]) as unknown as { step: number; timestamp: number; segment_timestamp: number };
  await expect(seg).toHaveAttribute('data-segment-timestamp', String(ref.segment_timestamp));
  await expect(page.getByTestId('current-step')).toHaveText(String(ref.step));
  await expect(page.getByTestId('current-timestamp')).toHaveText(String(ref.timestamp));
  await page.screenshot({ path: 'test-results/segments-last.png' });

  // Zoom the Timeline into the last segment by its band.
  await bands.nth(last).click();
  await expect(page.getByTestId('timeline-window')).not.toHaveAttribute('data-t0', '0');
  await page.screenshot({ path: 'test-results/segments-zoomed.png' });

  await goTo('0:1000');
  await expect(seg).toHaveAttribute('data-segment', '0');
  await page.screenshot({ path: 'test-results/segments-first.png' });
  expect(errors).toEqual([]);
});

test('segment run options: Run ▾ cuts the session with a max segment length, the link keeps it, off is one segment', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const errors = watchErrors(page);
  const { segments } = JSON.parse(
    cli(['exec', 'public/examples/matmul.elf', '--segments', '--max-segment-length', '8192']),
  ) as { segments: unknown[] };
  expect(segments.length).toBeGreaterThan(2);
  await page.goto('/?example=matmul.elf'); // one segment at the SDK limits
  await ready(page, 120_000);
  // One segment: the Timeline draws no bands.
  const bands = page.getByTestId('timeline-segments').locator('.tl-segment');
  await expect(bands).toHaveCount(0);
  await openRunOptions(page);
  const length = page.getByRole('textbox', { name: 'Max segment length (run option)' });
  await length.fill('8,192');
  await length.press('Enter');
  await ready(page, 120_000);
  await expect(bands).toHaveCount(segments.length, { timeout: 120_000 });
  await expect.poll(() => new URL(page.url()).searchParams.get('seglen')).toBe('8192');
  await page.screenshot({ path: 'test-results/segments-run-options.png' });

  await page.reload();
  await ready(page, 120_000);
  await expect(bands).toHaveCount(segments.length, { timeout: 120_000 });
  await openRunOptions(page);
  await expect(page.getByRole('textbox', { name: 'Max segment length (run option)' })).toHaveValue('8192');

  // Both limits at once is what exec refuses too: the error names them and the last session stays.
  await page.getByRole('textbox', { name: 'Segment max height bits (run option)' }).fill('18');
  await page.getByRole('textbox', { name: 'Segment max height bits (run option)' }).press('Enter');
  await expect(page.getByRole('alert')).toContainText('not both', { timeout: 60_000 });
  await page.getByRole('textbox', { name: 'Segment max height bits (run option)' }).fill('');
  await page.getByRole('textbox', { name: 'Segment max height bits (run option)' }).press('Enter');
  await ready(page, 120_000);
  await expect(bands).toHaveCount(segments.length, { timeout: 120_000 });

  await page.getByRole('combobox', { name: 'Segmentation' }).selectOption('off');
  await ready(page, 120_000);
  await expect.poll(() => new URL(page.url()).searchParams.get('seg')).toBe('off');
  await expect(bands).toHaveCount(0);
  await expect(page.locator('button[aria-controls=run-options]')).toHaveAttribute('title', /unsegmented/);
  expect(errors).toEqual([]);
});

// Issue 23 at scale: OpenVM's fibonacci benchmark guest with n = 7,000,000 — 105,000,278 instructions, more
// segments than the 10^6 run (e2e/segments.spec.ts) — opens in the app at the default step limit, records
// with progress (the step, the segment it is in and instructions per second), and then Go to SEG:T goes into
// its last segment and back into the first; each position is `exec --at`'s.
import { expect, test } from '@playwright/test';
import { cli, cliAt, ready, watchErrors, readyWith } from './helpers';

const INPUT = '01c0cf6a0000000000'; // n = 7,000,000 (u64 LE after the 0x01 vector tag)
const ELF = 'public/examples/fibonacci.elf';

test('a run of 10^8 instructions: records with progress, Go to its last segment and back', async ({
  page,
}) => {
  test.setTimeout(600_000);
  const errors = watchErrors(page);
  const summary = JSON.parse(cli(['exec', ELF, '--input', `0x${INPUT}`])) as {
    instructions?: number;
    total?: { segments: number; instructions: number };
  };
  const total = summary.total as { segments: number; instructions: number };
  expect(total.instructions).toBe(105_000_278);
  const last = total.segments - 1;

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?example=split.mtrace');
  await ready(page);
  await page.locator('input[type=file]').setInputFiles(ELF);
  await readyWith(page, 'fibonacci.elf'); // without input the run stops at its first read
  await page.getByRole('textbox', { name: 'Input' }).fill(`0x${INPUT}`);
  await page.getByRole('button', { name: 'Run to end' }).click();
  // Progress while it records: the step, the segment it has reached and the rate.
  const progress = page.getByTestId('run-progress');
  await expect(progress).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('progress-segment')).toContainText(`of ${total.segments}`);
  await expect(page.getByTestId('progress-rate')).toContainText('instr/s', { timeout: 60_000 });
  await page.screenshot({ path: 'test-results/scale-recording.png' });
  await ready(page, 540_000);
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 60_000 });
  // The notice about the run without its input (it stopped at its first read) went with that run.
  await expect(page.getByText(/EndOfInputStream/)).toHaveCount(0);
  await expect(page.getByTestId('current-step')).toHaveText(String(total.instructions));
  await expect(page.getByTestId('timeline-segments').locator('.tl-segment')).toHaveCount(total.segments);

  const goTo = async (where: string) => {
    await page.getByLabel('Go to timestamp').fill(where);
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await ready(page, 120_000);
  };
  const seg = page.getByTestId('current-segment');
  for (const where of [`${last}:1000`, '0:1000', `${last}:5`]) {
    await goTo(where);
    const ref = cliAt(['exec', ELF, '--input', `0x${INPUT}`, '--at', where]) as unknown as {
      step: number;
      timestamp: number;
      segment_timestamp: number;
    };
    await expect(seg).toHaveAttribute('data-segment', where.split(':')[0]);
    await expect(seg).toHaveAttribute('data-segment-timestamp', String(ref.segment_timestamp));
    await expect(page.getByTestId('current-step')).toHaveText(String(ref.step));
    await expect(page.getByTestId('current-timestamp')).toHaveText(String(ref.timestamp));
    // The long position still fits: neither the controls bar nor the page scrolls sideways.
    expect(
      await page.evaluate(() => {
        const bar = document.querySelector<HTMLElement>('.control-bar')!;
        return [
          bar.scrollWidth - bar.clientWidth,
          document.scrollingElement!.scrollWidth - window.innerWidth,
        ];
      }),
    ).toEqual([0, 0]);
    if (where !== '0:1000') await page.screenshot({ path: 'test-results/scale-last-segment.png' });
    else await page.screenshot({ path: 'test-results/scale-first-segment.png' });
  }
  expect(errors).toEqual([]);
});

// Issue 13: what a demanding new user hit in the first minutes, each reproduced here: the action that
// started a recording is carried out; a second Run to end is a seek; progress and Cancel while recording;
// a JSON input survives the URL; a bad file keeps the session; shortcuts leave focused controls alone;
// a dropped set (ELF + input + openvm.toml) is kept; the Input box shows what was dropped.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { ready, timestamp, watchErrors, openLink, readyWith } from './helpers';

const SHARED = path.resolve('../shared/guests');
const FIBONACCI = path.join(SHARED, 'openvm-v1.7/fibonacci.elf');
const BINCODE = path.join(SHARED, 'openvm-v1.7-benchmarks/bincode.elf');
const BINCODE_INPUT = path.join(SHARED, 'openvm-v1.7-benchmarks/bincode.input.json');
const FIBONACCI_BENCH = path.join(SHARED, 'openvm-v1.7-benchmarks/fibonacci.elf');

/** A fixture this test needs: missing, it fails in CI and is skipped (with the reason) elsewhere. */
function need(file: string): void {
  if (existsSync(file)) return;
  if (process.env.CI) throw new Error(`missing fixture ${file} (../shared must sit beside the repository)`);
  test.skip(true, `missing fixture ${file}`);
}

/** Drops files on the page as a user's drag and drop would (one DataTransfer holding them all). */
async function drop(page: Page, files: { name: string; bytes: Buffer }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, data: f.bytes.toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list)
      dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    document
      .querySelector('.drop-zone')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

const step = (page: Page) => page.getByRole('button', { name: 'Step', exact: true });
const runToEnd = (page: Page) => page.getByRole('button', { name: 'Run to end' });

test('defect 1: Run to end as the first action on fibonacci is carried out after recording', async ({
  page,
}) => {
  need(FIBONACCI);
  const errors = watchErrors(page);
  await page.goto('/?example=split.mtrace');
  await ready(page);
  await page.locator('input[type=file]').setInputFiles(FIBONACCI);
  await readyWith(page, 'fibonacci.elf'); // without input the run stops at its first read (EndOfInputStream)
  await page.getByRole('textbox', { name: 'Input' }).fill('0x01a086010000000000');
  // Clicking Run to end leaves the Input box, which opens the run again with the new input: the click
  // that started the recording must still be carried out once it is recorded.
  await runToEnd(page).click();
  await ready(page, 120_000);
  await expect(page.getByTestId('current-timestamp')).toHaveText('4100711');
  await expect(page.getByTestId('status')).toHaveText('done');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/hardening-fibonacci-end.png' });
  expect(errors).toEqual([]);
});

test('defects 1, 2 and 6: bincode opened with its input; progress and Cancel; Step first; a second Run to end reaches the same end', async ({
  page,
}) => {
  test.setTimeout(900_000); // minutes of recording on a loaded machine
  need(BINCODE);
  need(BINCODE_INPUT);
  need(FIBONACCI_BENCH);
  const errors = watchErrors(page);
  await page.goto('/?example=split.mtrace');
  await ready(page);
  // The ELF and its input, selected together (the dropped set is kept: defect 6). Cancel is tried on a
  // run that cannot end while the test looks at it: fibonacci with n = 10^9 (~1.5·10^10 instructions; the
  // recording stops at the 2 × 10^9 step limit, minutes away), so the Cancel button is there to be clicked.
  // Without its input the guest would stop at its first read, with no progress to see.
  const longInput = test.info().outputPath('fibonacci-1e9.input.json');
  writeFileSync(longInput, JSON.stringify({ input: ['0x0100ca9a3b00000000'] }));
  await page.locator('input[type=file]').setInputFiles([FIBONACCI_BENCH, longInput]);
  const progress = page.getByTestId('run-progress');
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(async () => Number(await progress.getAttribute('data-step')), { timeout: 30_000 })
    .toBeGreaterThan(0);
  const first = Number(await progress.getAttribute('data-step'));
  await expect
    .poll(async () => Number(await progress.getAttribute('data-step')), { timeout: 30_000 })
    .toBeGreaterThan(first);
  await expect(page.getByTestId('progress-rate')).toHaveText(/\d+(\.\d)? [Mk]? ?instr\/s/);
  await page.screenshot({ path: 'test-results/hardening-bincode-recording.png' });
  // Cancel keeps what was recorded.
  await progress.getByRole('button', { name: 'Cancel' }).click();
  await ready(page, 60_000);
  await expect(page.getByTestId('notice')).toContainText('Recording cancelled at step');
  const slider = page.getByRole('slider', { name: 'Timestamp' });
  const head = Number(await slider.getAttribute('aria-valuemax'));
  expect(head).toBeGreaterThan(0);
  await expect(page.getByTestId('current-step')).toHaveText('0');

  // A Step asked for while a run records is carried out once recorded. The run must still be recording when
  // the click lands, whatever the machine's load: fibonacci with n = 7,000,000 (105 M instructions, seconds
  // of recording), not a run that may end between two polls of the progress bar.
  const midInput = test.info().outputPath('fibonacci-7e6.input.json');
  writeFileSync(midInput, JSON.stringify({ input: ['0x01c0cf6a0000000000'] }));
  await page.locator('input[type=file]').setInputFiles([FIBONACCI_BENCH, midInput]);
  await expect(progress).toBeVisible({ timeout: 30_000 });
  await step(page).click();
  await expect(page.getByTestId('queued-action')).toHaveText('then Step');
  await ready(page, 240_000);
  await expect(page.getByTestId('current-step')).toHaveText('1');

  // bincode with its input (13.7 M instructions), selected together: it opens with that input and runs to
  // its end without an alert.
  await page.locator('input[type=file]').setInputFiles([BINCODE, BINCODE_INPUT]);
  // Ready right after the selection could still be the run before: wait for bincode to be the open program.
  await expect(page.getByRole('combobox', { name: 'Examples' })).toContainText('bincode.elf', {
    timeout: 120_000,
  });
  await ready(page, 300_000);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Run to end, then back to the start and Run to end again: the same end. That it is a seek, replaying
  // nothing, is src/worker/inProcessClient.test.ts's (a wall-clock bound here failed on a loaded machine).
  await runToEnd(page).click();
  await ready(page, 60_000);
  const end = await timestamp(page);
  await expect(page.getByTestId('status')).toHaveText('done');
  await page.getByRole('button', { name: 'Reset' }).click();
  await ready(page);
  await expect(page.getByTestId('current-step')).toHaveText('0');
  await runToEnd(page).click();
  await ready(page, 60_000);
  expect(await timestamp(page)).toBe(end);
  await expect(page.getByTestId('status')).toHaveText('done');
  await page.screenshot({ path: 'test-results/hardening-bincode-end.png' });
  expect(errors).toEqual([]);
});

test('defects 3 and 7: a JSON input typed in the Input box round-trips through the URL', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?example=sum_input.elf');
  await ready(page, 60_000);
  const input = page.getByRole('textbox', { name: 'Input' });
  await input.fill('{"input": ["0x0101020304", "0x01ff"]}');
  await input.press('Tab');
  await ready(page, 60_000);
  await runToEnd(page).click();
  await ready(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  // words 0..2 = 2 vectors, 5 bytes, 265 = 1+2+3+4+255 (examples/guests/sum_input.c)
  await expect(page.getByTestId('public-values')).toHaveText(/^02 00 00 00 05 00 00 00 09 01 00 00/);
  await expect(page).toHaveURL(/inputs=0101020304%2C01ff/);
  // The URL's timestamp is written throttled (urlWriter.ts): reload only once it holds the end's.
  const end = await timestamp(page);
  await expect(page).toHaveURL(new RegExp(`[?&]t=${end}(&|#|$)`));
  await openLink(page);
  await ready(page, 60_000);
  await expect(input).toHaveValue('{"input":["0x0101020304","0x01ff"]}');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('public-values')).toHaveText(/^02 00 00 00 05 00 00 00 09 01 00 00/);
  expect(errors).toEqual([]);
});

test('defect 4: opening a bad file keeps the current session and shows the error beside it', async ({
  page,
}) => {
  await page.goto('/?example=split.mtrace');
  await ready(page);
  await step(page).click();
  await ready(page);
  await step(page).click();
  await ready(page);
  const t = await timestamp(page);
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.elf',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  });
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Not a usable ELF');
  await expect(page.getByRole('region', { name: 'Program' })).toBeVisible();
  await expect(page.getByTestId('script')).toBeVisible();
  expect(await timestamp(page)).toBe(t);
  await expect(alert).toContainText('Could not open broken.elf — split.mtrace stays open');
  await page.screenshot({ path: 'test-results/hardening-bad-file.png' });
  await step(page).click();
  await ready(page);
  expect(await timestamp(page)).toBeGreaterThan(t);
});

test('defect 5: shortcuts leave a focused splitter, cell grid and button alone', async ({ page }) => {
  await page.goto('/?example=split.mtrace');
  await ready(page);
  const splitter = page.getByRole('separator', { name: 'Resize between Program and Address spaces' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowRight');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before + 20));
  await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before));
  await expect(page.getByTestId('current-step')).toHaveText('0');
  // a cell grid's arrows move the selection, not the program
  const grid = page.locator('.mem-grid').first();
  await grid.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await ready(page);
  await expect(page.getByTestId('current-step')).toHaveText('0');
  // Space on a focused button presses it (here: Step), it does not pause
  await step(page).focus();
  await page.keyboard.press(' ');
  await ready(page);
  await expect(page.getByTestId('current-step')).toHaveText('1');
  // and with nothing focused, the arrows still step
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('ArrowRight');
  await ready(page);
  await expect(page.getByTestId('current-step')).toHaveText('2');
});

test('defects 6 and 7: an ELF dropped with its input .json and openvm.toml keeps the set; the Input box shows the dropped input', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?example=split.mtrace');
  await ready(page);
  const json = '{"input": ["0x0101020304", "0x01ff"]}';
  const toml = '[app_vm_config.rv32i]\n[app_vm_config.rv32m]\n';
  await drop(page, [
    { name: 'sum_input.elf', bytes: readFileSync('public/examples/sum_input.elf') },
    { name: 'sum.input.json', bytes: Buffer.from(json) },
    { name: 'openvm.toml', bytes: Buffer.from(toml) },
  ]);
  await ready(page, 60_000);
  const input = page.getByRole('textbox', { name: 'Input' });
  await expect(input).toHaveValue(json);
  await expect(page.getByTestId('config-file')).toHaveText(/openvm\.toml/);
  await runToEnd(page).click();
  await ready(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('public-values')).toHaveText(/^02 00 00 00 05 00 00 00 09 01 00 00/);
  // Another input dropped alone: the box shows it, and leaving the box does not re-open with the old one.
  const json2 = '{"input": ["0x0110", "0x01203040"]}';
  await drop(page, [{ name: 'other.json', bytes: Buffer.from(json2) }]);
  await ready(page, 60_000);
  await expect(input).toHaveValue(json2);
  // Enter commits what is typed (and Escape drops it).
  await input.fill('0x01ff');
  await input.press('Escape');
  await expect(input).toHaveValue(json2);
  await step(page).click();
  await ready(page);
  await input.focus();
  // Leaving the box commits synchronously (CommitField's blur): a re-open would already be under way
  // here (status loading), and would return to step 0 — no need to wait for time.
  await input.blur();
  await ready(page);
  await expect(page.getByTestId('current-step')).toHaveText('1');
  await runToEnd(page).click();
  await ready(page);
  // 2 vectors, 4 bytes, 0x10 + 0x20 + 0x30 + 0x40 = 160
  await expect(page.getByTestId('public-values')).toHaveText(/^02 00 00 00 04 00 00 00 a0 00 00 00/);
  await page.screenshot({ path: 'test-results/hardening-dropped-set.png' });
  expect(errors).toEqual([]);
});

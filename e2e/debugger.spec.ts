// The debugger in Debian Chromium: loading every example, stepping both ways, scrubbing and typing a
// timestamp (registers and memory checked against the CLI's --at), the adapter panel on a known script
// step, a malformed file's error, and the URL round trip. Every test takes a screenshot.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cli, cliAt, ready, timestamp, watchErrors, togglePanel, openLink, readyWith } from './helpers';

const index = JSON.parse(readFileSync('public/examples/index.json', 'utf8')) as {
  examples: { file: string; kind: string }[];
};

test("issue 2: stepping a script shows every access's records exactly as the CLI prints them", async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?example=split.mtrace');
  await ready(page);
  const lines = cli(['run', 'public/examples/split.mtrace'])
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  const fmt = (r: { kind: string; as: number; ptr: number; size: number; lowest: number; t: number }) =>
    [r.kind, r.as, r.ptr, r.size, r.lowest, r.t].join(' ');
  for (const line of lines) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
    const shown = await page
      .getByTestId('adapter-record')
      .evaluateAll((els) =>
        els.map((r) =>
          ['kind', 'as', 'ptr', 'size', 'lowest', 't'].map((k) => r.getAttribute(`data-${k}`)).join(' '),
        ),
      );
    expect(shown).toEqual(line.records.map(fmt));
    if (line.op !== 'finalize')
      await expect(page.getByTestId('step-access')).toHaveAttribute('data-tprev', String(line.t_prev));
  }
  const summary = JSON.parse(cli(['run', 'public/examples/split.mtrace', '--summary']));
  for (const n of ['2', '4', '8', '16', '32'])
    await expect(page.getByTestId(`rows-${n}`)).toHaveText(String(summary.adapter_rows[n]));
  await page.screenshot({ path: 'test-results/debugger-split-end.png' });
  expect(errors).toEqual([]);
});

for (const example of index.examples) {
  test(`loads example ${example.file}`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto('/');
    await ready(page);
    await page.getByRole('combobox', { name: 'Examples' }).selectOption(example.file);
    await readyWith(page, example.file, 60_000);
    await expect(page).toHaveURL(new RegExp(`example=${example.file.replace('.', '\\.')}`));
    for (const name of example.kind === 'alloc'
      ? ['Program', 'Allocator', 'Timeline']
      : ['Program', 'Address spaces', 'Block inspector', 'Adapter records', 'Timeline'])
      await expect(page.getByRole('region', { name })).toBeVisible();
    if (example.kind === 'guest') await expect(page.getByRole('region', { name: 'Registers' })).toBeVisible();
    await page.getByRole('button', { name: 'Run to end' }).click();
    await ready(page, 60_000);
    if (example.file !== 'sum_input.elf') await expect(page.getByRole('alert')).toHaveCount(0);
    await page.screenshot({ path: `test-results/example-${example.file}.png` });
    expect(errors).toEqual([]);
  });
}

test('steps forward and back through a guest; registers match the CLI at every position', async ({
  page,
}) => {
  await page.goto('/?example=hello.elf');
  await ready(page);
  const seen: number[] = [];
  for (let i = 0; i < 6; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
    seen.push(await timestamp(page));
  }
  expect(seen).toEqual([...seen].sort((a, b) => a - b));
  await page.keyboard.press('ArrowLeft'); // step back
  await ready(page);
  expect(await timestamp(page)).toBe(seen[4]);
  const t = await timestamp(page);
  const ref = cliAt(['exec', 'public/examples/hello.elf', '--at', String(t)]);
  const regs = await page
    .getByTestId('register')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(regs).toEqual(ref.registers);
  await page.screenshot({ path: 'test-results/debugger-hello-steps.png' });
});

test('typing a timestamp and dragging the scrubber land where the CLI --at says', async ({ page }) => {
  await page.goto('/?example=matmul.elf');
  await ready(page, 60_000);
  // the recording's memory against its budget is visible
  const stats = page.getByTestId('recording-stats');
  await expect(stats).toContainText(/checkpoints \d+ · [\d.]+ \/ 48\.0 MB/);
  expect(Number(await stats.getAttribute('data-bytes'))).toBeLessThanOrEqual(
    Number(await stats.getAttribute('data-budget')),
  );
  await page.getByRole('textbox', { name: 'Go to timestamp' }).fill('5000');
  await page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button', { name: 'Go' }).click();
  await ready(page);
  await expect(page.getByTestId('current-timestamp')).toHaveText(/^\d+$/);
  let t = await timestamp(page);
  expect(t).toBeLessThanOrEqual(5000);
  let ref = cliAt(['exec', 'public/examples/matmul.elf', '--at', '5000']);
  expect(t).toBe(ref.timestamp);
  let regs = await page
    .getByTestId('register')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(regs).toEqual(ref.registers);

  const slider = page.getByRole('slider', { name: 'Timestamp' });
  const box = (await slider.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await ready(page);
  await expect
    .poll(async () => Number(await slider.getAttribute('aria-valuenow')))
    .toBe(await timestamp(page));
  t = await timestamp(page);
  ref = cliAt(['exec', 'public/examples/matmul.elf', '--at', String(t)]);
  expect(t).toBe(ref.timestamp);
  regs = await page
    .getByTestId('register')
    .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  expect(regs).toEqual(ref.registers);
  // memory: the detail cells shown for AS2 equal the CLI dump of the same range
  const cells = page.locator('[data-testid=cell][data-as="2"]');
  const first = Number(await cells.first().getAttribute('data-addr'));
  const count = await cells.count();
  const values = await cells.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
  const dump = cliAt([
    'exec',
    'public/examples/matmul.elf',
    '--at',
    String(t),
    '--dump',
    `2:${first}:${count}`,
  ]);
  expect(values).toEqual(dump.dumps[0].values);
  await page.screenshot({ path: 'test-results/debugger-scrub.png' });
});

test('the adapter panel shows and explains the records of a known script step', async ({ page }) => {
  await page.goto('/?example=split.mtrace');
  await ready(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await ready(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click(); // read 2 8 4: splits the 16-block
  await ready(page);
  const rec = page.getByTestId('adapter-record');
  await expect(rec).toHaveCount(1);
  await expect(rec).toHaveAttribute('data-kind', 'split');
  await expect(rec).toHaveAttribute('data-size', '16');
  await expect(rec).toHaveAttribute('data-cause', 'existing-block-split');
  await expect(rec).toContainText('overlapped the 16 cells block starting at 0');
  await rec.getByRole('button', { name: 'explain' }).click();
  await expect(page.getByTestId('explanation')).toContainText('split_by_meta');
  await page.screenshot({ path: 'test-results/debugger-adapter-panel.png' });
});

test('the allocator chart matches the CLI statistics', async ({ page }) => {
  await page.goto('/?example=mixed_size_churn.alloc');
  await ready(page, 60_000);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await ready(page);
  const out = cli(['alloc', 'public/examples/mixed_size_churn.alloc']);
  const final = out.slice(out.lastIndexOf('final begin'));
  const cached = new Map<string, number>();
  for (const m of final.matchAll(/stats\.cache t=0 class=(\w+) blocks=(\d+)/g))
    cached.set(m[1], Number(m[2]));
  const remaining = Number(/stats\.arena capacity=\d+ remaining=(\d+)/.exec(final)![1]);
  await expect(page.getByTestId('arena-usage')).toHaveAttribute('data-remaining', String(remaining));
  const bars = await page.getByTestId('class-bar').evaluateAll((els) =>
    els.map((e) => ({
      cls: Number(e.getAttribute('data-class')),
      cached: ['reclaimed', 'shared', 'fresh'].reduce((s, k) => s + Number(e.getAttribute(`data-${k}`)), 0),
    })),
  );
  const names = ['B64', 'B256', 'B4K', 'B6K', 'B8K', 'B16K', 'B32K', 'B64K', 'B128K', 'B256K', 'B1M', 'B16M'];
  expect(bars.length).toBeGreaterThan(0);
  for (const b of bars) expect(b.cached).toBe(cached.get(names[b.cls]));
  // metrics over time: a cursor at the current operation, values at the cursor equal to the summary
  await expect(page.getByRole('img', { name: 'Allocator metrics over time' })).toBeVisible();
  await expect(page.getByTestId('metrics-cursor')).toHaveAttribute('data-t', '1602');
  const carved = await page.getByTestId('metric-carvedBytes').getAttribute('data-value');
  expect(Number(carved)).toBe(Number(/stats\.arena capacity=(\d+)/.exec(final)![1]) - remaining);
  await page.screenshot({ path: 'test-results/debugger-allocator.png' });
  // a peak: the metrics at a given operation equal the summary there
  await page.goto('/?example=mixed_size_churn.alloc&t=1593');
  await ready(page, 60_000);
  await expect(page.getByTestId('metrics-cursor')).toHaveAttribute('data-t', '1593');
  const live = await page.getByTestId('metric-liveBytes').getAttribute('data-value');
  await expect(page.getByTestId('alloc-summary-live')).toHaveAttribute('data-value', live!);
});

test('a malformed file shows its error in place and the app stays usable', async ({ page }) => {
  await page.goto('/?example=split.mtrace');
  await ready(page);
  await page.locator('input[type=file]').setInputFiles({
    name: 'broken.elf',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
  });
  await expect(page.getByRole('alert')).toContainText('Not a usable ELF');
  await page.locator('input[type=file]').setInputFiles({
    name: 'bad.mtrace',
    mimeType: 'text/plain',
    buffer: Buffer.from('write 2 0 4 1 2 3 4\nread 2 3 4\n'),
  });
  await ready(page);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await ready(page);
  await expect(page.getByRole('alert')).toContainText('line 2');
  await expect(page.getByRole('region', { name: 'Program' })).toBeVisible();
  await page.screenshot({ path: 'test-results/debugger-error.png' });
});

test('the URL holds the program, timestamp and selection: a reload restores the view', async ({ page }) => {
  await page.goto('/?example=split.mtrace');
  await ready(page);
  for (let i = 0; i < 2; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
  }
  await page.locator('[data-testid=cell][data-as="2"][data-addr="8"]').click();
  await ready(page);
  await expect(page.getByTestId('block-meta')).toHaveAttribute('data-block-start', '8');
  await togglePanel(page, 'Cost');
  await expect(page.getByRole('region', { name: 'Cost' })).toBeVisible();
  // URL writes are throttled (a trailing write follows the last change).
  await expect(page).toHaveURL(/t=3/);
  await expect(page).toHaveURL(/sel=2/);
  await expect(page).toHaveURL(/panels=cost/);
  const url = page.url();
  await openLink(page, url);
  await ready(page);
  await expect(page.getByTestId('current-timestamp')).toHaveText('3');
  await expect(page.getByTestId('block-meta')).toHaveAttribute('data-block-start', '8');
  await expect(page.getByRole('region', { name: 'Cost' })).toBeVisible();
  await page.screenshot({ path: 'test-results/debugger-url.png' });
});

test('a crashed engine worker is restarted with the session restored to its position', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?example=hello.elf');
  await ready(page);
  for (let i = 0; i < 5; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
  }
  const t = await timestamp(page);
  const step = await page.getByTestId('current-step').textContent();
  await page.evaluate(() => window.memscopeEngine?.crashForTest());
  await expect(page.getByTestId('notice')).toContainText(`restored at step ${step}`);
  expect(await timestamp(page)).toBe(t);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await ready(page);
  expect(await timestamp(page)).toBeGreaterThan(t);
  const ref = cliAt(['exec', 'public/examples/hello.elf', '--at', String(await timestamp(page))]);
  expect(
    await page
      .getByTestId('register')
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value')))),
  ).toEqual(ref.registers);
  await page.screenshot({ path: 'test-results/debugger-crash-restored.png' });
  // the simulated crash itself is reported by the browser as an uncaught error in the worker: expected
  expect(errors.filter((e) => !e.includes('simulated engine crash'))).toEqual([]);
});

test('the help overlay lists every shortcut and closes with Escape', async ({ page }) => {
  await page.goto('/?example=split.mtrace');
  await ready(page);
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  for (const name of ['Step', 'Step back', 'Step over', 'Run', 'Pause', 'Run to end', 'Reset'])
    await expect(dialog.getByRole('rowheader', { name, exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/debugger-help.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // the shortcuts drive the engine
  await page.keyboard.press('s');
  await ready(page);
  await expect(page.getByTestId('current-step')).toHaveText('1');
});

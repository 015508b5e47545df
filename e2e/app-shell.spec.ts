// The app shell: the page runs an example script in the engine worker and shows, per access, the records
// (kind, pointer, sizes, timestamps) and the summary — checked against the CLI's output for the same script.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';

interface CliRecord { kind: string; as: number; ptr: number; size: number; lowest: number; t: number }
interface CliLine { i?: number; op: string; t?: number; t_prev?: number; records: CliRecord[] }

function cli(args: string[]): string {
  return execFileSync('node', ['scripts/memscope.mjs', ...args], { encoding: 'utf8' });
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  return errors;
}

for (const example of ['split.mtrace', 'field-space.mtrace', 'volatile.mtrace']) {
  test(`shows the records of ${example} exactly as the CLI prints them`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.goto(`/?example=${example}`);
    await expect(page.getByTestId('status')).toHaveText('done', { timeout: 20_000 });
    const lines: CliLine[] = cli(['run', `public/examples/${example}`]).trim().split('\n').map((l) => JSON.parse(l));
    const accesses = lines.filter((l) => l.op !== 'finalize');

    const shown = await page.getByTestId('access').evaluateAll((els) =>
      els.map((el) => ({
        line: Number(el.getAttribute('data-line')),
        t: Number(el.getAttribute('data-t')),
        tPrev: Number(el.getAttribute('data-tprev')),
        records: [...el.querySelectorAll('[data-testid=record]')].map((r) =>
          ['kind', 'as', 'ptr', 'size', 'lowest', 't'].map((k) => r.getAttribute(`data-${k}`)).join(' '),
        ),
      })),
    );
    const fmt = (r: CliRecord) => [r.kind, r.as, r.ptr, r.size, r.lowest, r.t].join(' ');
    expect(shown).toEqual(accesses.map((l) => ({ line: l.i, t: l.t, tPrev: l.t_prev, records: l.records.map(fmt) })));
    const finalize = lines.find((l) => l.op === 'finalize');
    const finalShown = await page.getByTestId('finalize').locator('[data-testid=record]').evaluateAll((els) =>
      els.map((r) => ['kind', 'as', 'ptr', 'size', 'lowest', 't'].map((k) => r.getAttribute(`data-${k}`)).join(' ')),
    );
    expect(finalShown).toEqual(finalize?.records.map(fmt));

    const summary = JSON.parse(cli(['run', `public/examples/${example}`, '--summary']));
    await expect(page.getByTestId('summary-timestamp')).toHaveText(String(summary.timestamp));
    await expect(page.getByTestId('summary-records')).toHaveText(`${summary.splits} splits, ${summary.merges} merges`);
    for (const n of ['2', '4', '8', '16', '32']) await expect(page.getByTestId(`rows-${n}`)).toHaveText(String(summary.adapter_rows[n]));
    await page.screenshot({ path: `test-results/app-shell-${example}.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
}

test('picking another example runs it and puts it in the URL', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 20_000 });
  await page.getByRole('combobox', { name: 'Examples' }).selectOption('merge.mtrace');
  await expect(page).toHaveURL(/example=merge\.mtrace/);
  await expect(page.getByTestId('status')).toHaveText('done');
  await expect(page.getByTestId('summary-timestamp')).toHaveText('17');
  await page.reload();
  await expect(page.getByTestId('summary-timestamp')).toHaveText('17', { timeout: 20_000 });
});

test('an invalid script shows its error line and keeps the accesses before it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('status')).toHaveText('done', { timeout: 20_000 });
  await page.locator('input[type=file]').setInputFiles({ name: 'bad.mtrace', mimeType: 'text/plain', buffer: Buffer.from('write 2 0 4 1 2 3 4\nread 2 0 8\nread 2 3 4\n') });
  await expect(page.getByRole('alert')).toContainText('Invalid script at line 3: pointer 3 not aligned to min_block_size 4 of address space 2');
  await expect(page.getByTestId('access')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/app-shell-error.png', fullPage: true });
});

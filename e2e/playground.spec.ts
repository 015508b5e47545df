// The playground (issue 26), as a newcomer uses it at 1440×900 and 1024×700: a 3-line script typed into an
// empty editor runs (its split record in Adapter records and on the Timeline); a syntax error shows inline
// while the last good run stays; a 10-line assembly program with a loop, sb and lw of one word and reveal
// runs to the end, steps back and shows the public value; the link holds the text and the position.
// Keyboard: Tab reaches the editor, Escape leaves it, the app's shortcuts leave typed keys alone.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { ready, timestamp, watchErrors } from './helpers';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1024, height: 700 },
];

const editor = (page: Page) => page.getByRole('textbox', { name: /Playground editor/ });

async function typeLines(page: Page, lines: string[]) {
  for (const [k, line] of lines.entries()) {
    await page.keyboard.type(line);
    // A completion list open at the end of a line would take Enter: close it (Escape closes it first).
    if (await page.locator('.cm-tooltip-autocomplete').isVisible()) await page.keyboard.press('Escape');
    if (k < lines.length - 1) await page.keyboard.press('Enter');
  }
}

async function blank(page: Page, value: 'playground:mtrace' | 'playground:asm') {
  await page.getByRole('combobox', { name: 'Examples' }).selectOption(value);
  await expect(editor(page)).toBeVisible();
  await editor(page).click();
}

async function editorText(page: Page): Promise<string> {
  return (await page.locator('.cm-line').allInnerTexts()).join('\n');
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}x${viewport.height}`;

  test(`a typed script runs, and a syntax error keeps the last good run (${size})`, async ({ page }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(viewport);
    await page.goto('/');
    await ready(page);
    await blank(page, 'playground:mtrace');
    await typeLines(page, ['write 2 0 8 1 2 3 4 5 6 7 8', 'read 2 0 4', 'finalize']);
    // The app's shortcuts left the typed letters alone (s, b, n, r, e would have moved the run).
    expect(await editorText(page)).toBe('write 2 0 8 1 2 3 4 5 6 7 8\nread 2 0 4\nfinalize');
    await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();
    await expect(page.getByTestId('timeline-densities')).toHaveAttribute('data-totals', /splits=[1-9]/);
    await ready(page);
    await page.locator('#playground-errors').click(); // leave the editor before using the keys
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
    const rec = page.getByTestId('adapter-record');
    await expect(rec.first()).toHaveAttribute('data-kind', 'split');
    const t = await timestamp(page);
    await page.screenshot({ path: `test-results/playground-script-${size}.png` });

    // A syntax error: inline (gutter, underline, the list a screen reader reads); the last good run stays.
    await editor(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('End');
    await page.keyboard.type('x');
    const list = page.locator('#playground-errors');
    await expect(list).toContainText('Line 2, column 10: invalid number `4x`');
    await expect(list).toContainText('the last good run stays');
    await expect(page.locator('.cm-lint-marker-error')).toHaveCount(1);
    await expect(page.locator('.cm-lintRange-error')).toHaveCount(1);
    expect(await timestamp(page)).toBe(t);
    await expect(rec.first()).toHaveAttribute('data-kind', 'split');
    await page.screenshot({ path: `test-results/playground-script-error-${size}.png` });

    // Escape leaves the editor (to the pane's Run button); Tab comes back.
    await editor(page).click();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('button', { name: 'Run text' })).toBeFocused();
    await page.getByRole('button', { name: 'Close the playground' }).focus();
    await page.keyboard.press('Tab');
    await expect(editor(page)).toBeFocused();
    expect(errors).toEqual([]);
  });

  test(`an assembly program runs to the end, steps back and shows its public value (${size})`, async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await page.setViewportSize(viewport);
    await page.goto('/');
    await ready(page);
    await blank(page, 'playground:asm');
    await typeLines(page, [
      '_start: la a1, word',
      'li t0, 3',
      'loop: sb t0, 1(a1)',
      'addi t0, t0, -1',
      'bnez t0, loop',
      'lw a0, 0(a1)',
      'reveal a0, 0(zero)',
      'terminate 0',
      '.data',
      'word: .word 0x11223344',
    ]);
    await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();
    await page.locator('#playground-errors').click();
    await ready(page);
    await page.getByRole('button', { name: 'Run to end' }).click();
    await ready(page);
    const pv = page.getByTestId('public-values');
    await expect(pv).toHaveText('44 01 22 11');
    await page.getByRole('button', { name: 'Step back' }).click();
    await ready(page);
    await expect(pv).toHaveText('44 01 22 11'); // before terminate: revealed already
    await page.getByRole('button', { name: 'Step back' }).click();
    await ready(page);
    await expect(pv).toContainText('all zero'); // before reveal
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
    await expect(pv).toHaveText('44 01 22 11');
    await page.screenshot({ path: `test-results/playground-asm-${size}.png` });

    // The link holds the text and the position: a new page opens both.
    const t = await timestamp(page);
    const text = await editorText(page);
    await expect.poll(() => new URL(page.url()).searchParams.get('t')).toBe(String(t));
    const url = page.url();
    expect(new URL(url).searchParams.get('lang')).toBe('asm');
    const other = await page.context().newPage();
    await other.setViewportSize(viewport);
    await other.goto(url);
    await ready(other);
    await expect(other.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();
    expect(await editorText(other)).toBe(text);
    expect(await timestamp(other)).toBe(t);
    await expect(other.getByTestId('public-values')).toHaveText('44 01 22 11');
    await other.screenshot({ path: `test-results/playground-shared-${size}.png` });
    expect(errors).toEqual([]);
  });
}

test('Edit on a lesson opens a copy whose goal the engine grades; a .s opens like an ELF; Save downloads', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?lesson=13-free-read');
  await ready(page);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(editor(page)).toBeVisible();
  expect(await editorText(page)).toContain('#! goal: read 2 8 4 costs 0 adapter records');
  const goal = page.getByTestId('playground-goal');
  await expect(goal).toHaveAttribute('data-met', 'false');
  await expect(goal).toContainText('Not yet: `read 2 8 4` at line 22 appends 1 record (split of 16)');
  // The edit the lesson hints at: an earlier access that leaves a 4-cell block at 8.
  // The editor's copy is the lesson file (the DOM holds only the lines in view: read the file instead).
  const lesson = readFileSync('public/lessons/13-free-read.mtrace', 'utf8');
  await editor(page).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.insertText(lesson.replace(/^read 2 0 16$/m, 'write 2 8 4 9 10 11 12'));
  await expect(goal).toHaveAttribute('data-met', 'true');
  await expect(goal).toContainText('Goal met');
  await page.screenshot({ path: 'test-results/playground-goal-met.png' });

  // Save downloads the text under the playground's name.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('13-free-read-copy.mtrace');

  // A .s file opened with Open… runs as a guest, its text in the editor.
  await page.locator('input[type=file]').setInputFiles({
    name: 'seven.s',
    mimeType: 'text/plain',
    buffer: Buffer.from('_start:\n  li a0, 7\n  reveal a0, 0(zero)\n  terminate 0\n'),
  });
  await expect(page.getByRole('status').filter({ hasText: 'No errors' })).toBeVisible();
  await ready(page);
  expect(await editorText(page)).toContain('li a0, 7');
  await page.locator('#playground-errors').click();
  await page.getByRole('button', { name: 'Run to end' }).click();
  await ready(page);
  await expect(page.getByTestId('public-values')).toHaveText('07 00 00 00');
  expect(errors).toEqual([]);
});

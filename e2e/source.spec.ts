// Source-level debugging in the app (issue 14): on debug examples built with -g the Program panel shows the
// source line of pc, Step / Step back / Step over move by source line, a file:line breakpoint stops Run
// at its line, dropped source files show their text, the call stack lists inlined calls; a guest without
// DWARF still opens in disassembly view. Lines are checked against the line table (llvm-dwarfdump agrees
// with it on every address: src/engine/guest/debuginfo/dwarf/lineProgram.test.ts).
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { ready, watchErrors } from './helpers';

const location = (page: import('@playwright/test').Page) => page.getByTestId('source-location');

test('debug_loop: source line of pc, Step / Step back / Step over by line, a file:line breakpoint', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?example=debug_loop.elf');
  await ready(page, 60_000);
  const source = page.getByRole('region', { name: 'Source' });
  await expect(source).toBeVisible();
  await expect(location(page)).toHaveText('examples/guests/runtime/start.c:8'); // _start
  // A breakpoint typed as file:line, then Run: stops at main's loop body (line 13).
  await page.getByLabel('Breakpoint at file:line').fill('debug_loop.c:13');
  await page.getByRole('button', { name: 'Add breakpoint' }).click();
  await expect(page.getByRole('list', { name: 'Source breakpoints' })).toContainText('debug_loop.c:13');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await ready(page, 60_000);
  await expect(location(page)).toHaveText('examples/guests/debug_loop.c:13');
  const seen: string[] = [];
  for (let i = 0; i < 4; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
    seen.push((await location(page).textContent()) ?? '');
  }
  expect(seen.map((s) => s.replace(/^.*:/, ''))).toEqual(['14', '15', '16', '12']);
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  await ready(page);
  await expect(location(page)).toHaveText('examples/guests/debug_loop.c:16');
  await page.getByRole('button', { name: 'Step over', exact: true }).click();
  await ready(page);
  await expect(location(page)).toHaveText('examples/guests/debug_loop.c:12');
  // By instruction: a step moves one instruction, inside the line.
  await page.getByLabel('step by source line').uncheck();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await ready(page);
  await expect(location(page)).toHaveText('examples/guests/debug_loop.c:12');
  // Dropping the source shows its text, the current line highlighted.
  await page.locator('input[type=file]').setInputFiles({
    name: 'debug_loop.c',
    mimeType: 'text/x-c',
    buffer: readFileSync('examples/guests/debug_loop.c'),
  });
  await expect(page.getByTestId('source-text').locator('li.current')).toContainText(
    'for (uint32_t i = 0; i < COUNT; i++)',
  );
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/source-debug-loop.png' });
  expect(errors).toEqual([]);
});

test('debug_calls: the call stack shows the inlined triangle() inside push() called from main()', async ({
  page,
}) => {
  const errors = watchErrors(page);
  await page.goto('/?example=debug_calls.elf');
  await ready(page, 60_000);
  await page.getByLabel('Breakpoint at file:line').fill('debug_calls.c:15');
  await page.getByRole('button', { name: 'Add breakpoint' }).click();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await ready(page, 60_000);
  const stack = page.getByRole('list', { name: 'Call stack' }).getByRole('listitem');
  await expect(stack.nth(0)).toContainText('triangle (inlined) debug_calls.c:15');
  await expect(stack.nth(1)).toContainText('push debug_calls.c:20');
  await expect(stack.nth(2)).toContainText('main debug_calls.c:46');
  await page.screenshot({ path: 'test-results/source-debug-calls-stack.png' });
  expect(errors).toEqual([]);
});

test('a guest without DWARF opens in disassembly view, with no source pane', async ({ page }) => {
  const errors = watchErrors(page);
  await page.goto('/?example=hello.elf');
  await ready(page);
  await expect(page.getByTestId('disassembly')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Source' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await ready(page);
  await expect(page.getByTestId('disassembly').locator('li.current')).toHaveAttribute(
    'data-pc',
    String(0x200804),
  );
  expect(errors).toEqual([]);
});

// Issue 22, items 1–2 in the app: a watchpoint on regex's digest cell stops at the keccak256 that writes
// it, forward (Run) and backward (Reverse continue from the end), with hit counts; Step out of memcmp in
// hashmap (forward and back, Reverse step over, the access history's pcs, the cell context menu); break on
// `main` by typing it in a guest without DWARF, and the Program panel's search, jump and Follow pc.
// References: the CLI's disassembly (addresses of memcmp, main and regex's keccak256) and trace.
// ../shared missing: the regex test is skipped locally, a failure under CI=true.
import { existsSync, readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import { cli, ready, watchErrors } from './helpers';

const BENCH = '../shared/guests/openvm-v1.7-benchmarks';
const present = existsSync(`${BENCH}/regex.elf`);
if (!present && process.env.CI === 'true') throw new Error(`fixture missing: ${BENCH}`);

/** A function's address from the CLI's disassembly (`00200fa4 <memcmp>:`). */
function symbolAddress(elf: string, name: string): number {
  const m = new RegExp(`^([0-9a-f]{8}) <${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>:$`, 'm').exec(
    cli(['disasm', elf]),
  );
  if (m === null) throw new Error(`${name} not in ${elf}`);
  return parseInt(m[1], 16);
}

const current = (page: Page) => page.getByTestId('disassembly').locator('li.current');
const probeRow = (page: Page, text: string) =>
  page.getByTestId('probe-list').locator('li', { hasText: text });

async function shots(page: Page, name: string) {
  for (const [w, h] of [
    [1440, 900],
    [1024, 700],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await ready(page);
    await page.screenshot({ path: `test-results/${name}-${w}x${h}.png` });
  }
}

test.describe('watchpoints and reverse continue on regex', () => {
  test.skip(!present, `${BENCH} not found`);

  test('a write watchpoint on the digest cell stops at the keccak256 that writes it, both ways', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const errors = watchErrors(page);
    // The reference: the CLI's disassembly names the keccak256 instruction in native_keccak256 that ran.
    const disasm = cli(['disasm', `${BENCH}/regex.elf`, '--config', `${BENCH}/regex.openvm.toml`]);
    const keccakPcs = [...disasm.matchAll(/^ {2}([0-9a-f]+):\t[0-9a-f]{8}\tkeccak256 /gm)].map((m) =>
      parseInt(m[1], 16),
    );
    expect(keccakPcs.length).toBeGreaterThan(0);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await ready(page);
    await page.locator('input[type=file]').setInputFiles([
      { name: 'regex.elf', mimeType: 'application/octet-stream', buffer: readFileSync(`${BENCH}/regex.elf`) },
      {
        name: 'regex.input.json',
        mimeType: 'application/json',
        buffer: readFileSync(`${BENCH}/regex.input.json`),
      },
      {
        name: 'openvm.toml',
        mimeType: 'text/plain',
        buffer: readFileSync(`${BENCH}/regex.openvm.toml`),
      },
    ]);
    await ready(page, 240_000);
    // The digest: keccak256 writes its 32 bytes at 0x2002c0 (revealed as the public values).
    const digest = 0x2002c0;
    const jump = page.getByRole('combobox', { name: 'Jump to address or symbol in memory' });
    await jump.fill('0x2002c0');
    await jump.press('Enter');
    await page.locator(`[data-testid=cell][data-as="2"][data-addr="${digest}"]`).click();
    await ready(page);
    const inspector = page.getByRole('region', { name: 'Block inspector' });
    await inspector.getByRole('button', { name: 'Writes', exact: true }).click();
    const row = probeRow(page, 'write AS2 [0x2002c0');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('hits')).toHaveText('0 hits');

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await ready(page, 120_000);
    const pc = Number(await current(page).getAttribute('data-pc'));
    expect(keccakPcs).toContain(pc);
    await expect(current(page).locator('.text')).toHaveText(/^keccak256/);
    await expect(page.getByTestId('last-stop')).toContainText('write of AS2 [0x2002c0, 0x2002c4)');
    await expect(row.getByTestId('hits')).toHaveText('1 hit');
    const forwardT = Number(await page.getByTestId('current-timestamp').textContent());
    await shots(page, 'debugmoves-regex-watchpoint');

    // From the end of the run, Reverse continue finds the same write (nothing writes the digest later).
    await page.getByRole('button', { name: 'Run to end' }).click();
    await ready(page, 120_000);
    await expect(page.getByTestId('hint-position')).toContainText('exit code 0');
    await page.keyboard.press('Shift+R');
    await ready(page, 120_000);
    await expect(page.getByTestId('current-timestamp')).toHaveText(String(forwardT));
    expect(Number(await current(page).getAttribute('data-pc'))).toBe(pc);
    await expect(row.getByTestId('hits')).toHaveText('2 hits');
    // Disabled, it no longer stops a run: Reverse continue goes back to the start.
    await row.getByRole('checkbox').uncheck();
    await page.getByRole('button', { name: 'Reverse continue' }).click();
    await ready(page, 120_000);
    await expect(page.getByTestId('current-step')).toHaveText('0');
    expect(errors).toEqual([]);
  });
});

test('Step out of memcmp in hashmap, forward and back; Reverse step over; access sites', async ({ page }) => {
  test.setTimeout(240_000);
  const errors = watchErrors(page);
  const memcmp = symbolAddress('public/examples/hashmap.elf', 'memcmp');
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?example=hashmap.elf');
  await ready(page, 180_000);
  // Break on memcmp by typing it in the Program panel's search.
  await page.getByRole('textbox', { name: 'Search functions or addresses' }).fill('memcmp');
  await page.getByRole('button', { name: 'Break on function or address' }).click();
  await expect(probeRow(page, 'memcmp')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('r');
  await ready(page, 120_000);
  await expect(current(page)).toHaveAttribute('data-pc', String(memcmp));
  await expect(probeRow(page, 'memcmp').getByTestId('hits')).toHaveText('1 hit');
  const entryStep = Number(await page.getByTestId('current-step').textContent());
  for (let i = 0; i < 3; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await ready(page);
  }
  await page.getByRole('button', { name: 'Step out', exact: true }).click();
  await ready(page, 60_000);
  await expect(page.locator('.program .where')).not.toContainText('memcmp');
  // The instruction before the return address is the call to memcmp.
  const back = Number(await current(page).getAttribute('data-pc')) - 4;
  await expect(page.locator(`[data-testid=disassembly] li[data-pc="${back}"]`)).toContainText('memcmp');
  const outStep = Number(await page.getByTestId('current-step').textContent());
  expect(outStep).toBeGreaterThan(entryStep + 3);
  // Reverse step over: back over the whole call, to the call instruction.
  await page.keyboard.press('Shift+N');
  await ready(page);
  await expect(page.getByTestId('current-step')).toHaveText(String(entryStep - 1));
  await expect(current(page)).toHaveAttribute('data-pc', String(back));
  // Into memcmp again and Step out back: to the same call.
  await page.keyboard.press('s');
  await ready(page);
  await page.keyboard.press('s');
  await ready(page);
  await page.getByRole('button', { name: 'Step out back' }).click();
  await ready(page);
  await expect(page.getByTestId('current-step')).toHaveText(String(entryStep - 1));
  await shots(page, 'debugmoves-hashmap-stepout');

  // A cell's context menu watches its block; the inspector lists accesses with their pc and function.
  await page.setViewportSize({ width: 1440, height: 900 });
  const cell = page.locator('[data-testid=cell][data-as="1"]').nth(8);
  await cell.click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Watch accesses to this block' }).click();
  await expect(page.getByTestId('probe-list').locator('li[data-kind=watchpoint]')).toContainText(
    'access AS1',
  );
  await cell.click();
  await ready(page);
  const sites = page.getByTestId('access-site');
  await expect(sites.first()).toContainText(/pc 0x[0-9a-f]+ in \S+/);
  const before = await sites.count();
  await page.getByRole('button', { name: 'Older accesses' }).click();
  await expect.poll(() => sites.count()).toBeGreaterThan(before);
  expect(errors).toEqual([]);
});

test('break on main by typing it in a guest without DWARF; search, jump and Follow pc', async ({ page }) => {
  const errors = watchErrors(page);
  const main = symbolAddress('public/examples/hello.elf', 'main');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('/?example=hello.elf');
  await ready(page);
  await page.getByRole('textbox', { name: 'Break at' }).fill('main');
  await page.getByRole('textbox', { name: 'Break at' }).press('Enter');
  await expect(probeRow(page, 'main')).toContainText(`main (0x${main.toString(16)})`);
  await expect(page.locator(`[data-testid=disassembly] li[data-pc="${main}"] .gutter`)).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await ready(page);
  await expect(current(page)).toHaveAttribute('data-pc', String(main));
  await expect(probeRow(page, 'main').getByTestId('hits')).toHaveText('1 hit');
  // A typo names the symbols it might be.
  await page.getByRole('textbox', { name: 'Break at' }).fill('mai');
  await page.getByRole('textbox', { name: 'Break at' }).press('Enter');
  await expect(page.getByRole('alert').filter({ hasText: 'did you mean `main`' })).toBeVisible();
  // Search: the last function of the program, far from pc, is one click away; Follow pc comes back.
  const search = page.getByRole('textbox', { name: 'Search functions or addresses' });
  await search.fill('memcpy');
  await page.getByRole('list', { name: 'Matching functions' }).getByRole('button').first().click();
  const memcpy = symbolAddress('public/examples/hello.elf', 'memcpy');
  await expect(page.locator(`[data-testid=disassembly] li[data-pc="${memcpy}"]`)).toBeInViewport();
  await expect(current(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Follow pc' }).click();
  await expect(current(page)).toBeInViewport();
  await page.screenshot({ path: 'test-results/debugmoves-hello-break-main-1024x700.png' });
  expect(errors).toEqual([]);
});

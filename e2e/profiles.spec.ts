// Cost by function's Export, opened in the tool it is for: hashmap's speedscope file, downloaded from the
// app, loads in speedscope's own build (the `speedscope` npm package's dist/release, served to Chromium from
// node_modules through a route, no network) with no import error, shows hashmap's functions, and its
// time-order profile spans the run's instruction count (exec --segments). The pprof and folded exports of
// the app's scope download too (their content is checked in src/worker/meterExport.test.ts and against
// go tool pprof in src/cli/profileFormats.test.ts).
import { readFileSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, type Page, test } from '@playwright/test';
import { cli, ready, togglePanel, watchErrors } from './helpers';

const SPEEDSCOPE = resolve('node_modules/speedscope/dist/release');
const ORIGIN = 'http://speedscope.localhost';
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain',
};

/** Serves speedscope's release build, and `profile` at /profile.speedscope.json, on ORIGIN. */
async function serveSpeedscope(page: Page, profile: Buffer): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/profile.speedscope.json')
      return route.fulfill({ body: profile, contentType: 'application/json' });
    const file = join(SPEEDSCOPE, path === '/' ? 'index.html' : path);
    if (!file.startsWith(SPEEDSCOPE)) return route.fulfill({ status: 404 });
    try {
      return route.fulfill({
        body: readFileSync(file),
        contentType: TYPES[extname(file)] ?? 'application/octet-stream',
      });
    } catch {
      return route.fulfill({ status: 404 });
    }
  });
}

async function exportAs(page: Page, format: string): Promise<{ name: string; body: Buffer }> {
  const panel = page.getByRole('region', { name: 'Cost by function' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    panel
      .getByRole('group', { name: 'Export profile' })
      .getByRole('button', { name: format, exact: true })
      .click(),
  ]);
  const path = await download.path();
  return { name: download.suggestedFilename(), body: readFileSync(path) };
}

test("hashmap's exported speedscope file opens in speedscope: no import error, its frames, the instruction count", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const errors = watchErrors(page);
  const { segments } = JSON.parse(cli(['exec', 'public/examples/hashmap.elf', '--segments'])) as {
    segments: { num_insns: number }[];
  };
  const instructions = segments.reduce((t, s) => t + s.num_insns, 0);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/?example=hashmap.elf');
  await ready(page, 60_000);
  await togglePanel(page, 'Cost by function');
  const panel = page.getByRole('region', { name: 'Cost by function' });
  await expect(panel.getByTestId('meter-summary')).toContainText(
    `${instructions.toLocaleString('en-US')} instructions`,
    { timeout: 90_000 },
  );

  const speedscope = await exportAs(page, 'speedscope');
  expect(speedscope.name).toBe('hashmap-whole-run.speedscope.json');
  await expect(panel.getByTestId('cost-export-status')).toContainText(
    'Saved hashmap-whole-run.speedscope.json',
  );
  const doc = JSON.parse(speedscope.body.toString('utf8'));
  expect(doc.profiles[0].type).toBe('evented');
  expect(doc.profiles[0].endValue - doc.profiles[0].startValue).toBe(instructions);
  const pprof = await exportAs(page, 'pprof');
  expect(pprof.name).toBe('hashmap-whole-run.pb.gz');
  expect(gunzipSync(pprof.body).length).toBeGreaterThan(100); // a real gzip stream
  const folded = await exportAs(page, 'folded');
  expect(
    folded.body
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .reduce((t, l) => t + Number(l.split(' ').at(-1)), 0),
  ).toBe(instructions);
  await panel.screenshot({ path: 'test-results/profiles-export-panel.png' });
  expect(errors).toEqual([]);

  // speedscope's own build, offline.
  const ss = await page.context().newPage();
  const ssErrors = watchErrors(ss);
  await ss.setViewportSize({ width: 1440, height: 900 });
  await serveSpeedscope(ss, speedscope.body);
  await ss.goto(`${ORIGIN}/index.html#profileURL=${encodeURIComponent(`${ORIGIN}/profile.speedscope.json`)}`);
  await expect(ss.getByText('hashmap.elf: whole run, in time order (1/4)')).toBeVisible({ timeout: 30_000 });
  await expect(ss.getByText(/Something went wrong|Unrecognized format/)).toHaveCount(0);
  await ss.screenshot({ path: 'test-results/profiles-speedscope-time-order.png' });
  // The Sandwich view lists every function with its total: the outermost frame's is the instruction count.
  await ss.getByText(/Sandwich/).click();
  const names = (doc.shared.frames as { name: string }[]).map((f) => f.name);
  for (const name of ['main', names[doc.profiles[0].events[0].frame]])
    await expect(ss.getByText(name, { exact: true }).first()).toBeVisible();
  await ss.screenshot({ path: 'test-results/profiles-speedscope-sandwich.png' });
  const outermost = ss.locator('tr', {
    has: ss.getByText(names[doc.profiles[0].events[0].frame], { exact: true }),
  });
  await expect(outermost).toContainText(`${instructions.toLocaleString('en-US')} (100%)`);
  expect(ssErrors).toEqual([]);
});

// The README's screenshots, taken from the built app in Debian's Chromium (as the e2e tests run it):
//   npm run build && node scripts/readme-screenshots.mjs
// docs/screenshot.png: hashmap.elf with the orthotope allocator, run to its end, in the Debug layout at
// 1440×900.
// Not a test: run it by hand when the workspace changes, look at the files, commit them.
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';

const PORT = Number(process.env.SCREENSHOT_PORT ?? 4195);
const BASE = `http://127.0.0.1:${PORT}`;

const server = spawn(
  'npx',
  ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  {
    stdio: 'ignore',
    detached: true,
  },
);

async function up() {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not start on ${BASE}`);
}

/** The engine is idle and every panel shows the newest frame (e2e/helpers.ts `ready`). */
async function ready(page) {
  await page.waitForSelector('[data-testid=status][data-status=ready]', { timeout: 120_000 });
  await page.waitForSelector('.app[data-settled=true]', { timeout: 120_000 });
}

try {
  await up();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic'],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' });
  await page.goto(`${BASE}/?example=hashmap.elf&alloc=orthotope`);
  await ready(page);
  await page.getByRole('button', { name: 'Run to end' }).click();
  await ready(page);
  await page.screenshot({ path: 'docs/screenshot.png' });
  await browser.close();
  console.log('wrote docs/screenshot.png');
} finally {
  process.kill(-server.pid);
}

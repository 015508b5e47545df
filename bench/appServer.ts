// The real app for the Playwright bench groups (ui.bench.ts, appScale.bench.ts): built with vite into
// .cache/bench-dist, served by `vite preview` on BENCH_PORT (or E2E_PORT, so checkouts run side by side), and
// Debian's Chromium (playwright.config.ts's flags) launched to drive it. Plus the helpers both groups use to
// open the fibonacci guest with an input and to wait until the app has settled.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { type Browser, chromium, type Page } from '@playwright/test';

/** OpenVM's fibonacci benchmark guest (examples/inputs/fibonacci*.input.json give its n). */
export const FIBONACCI_ELF = path.resolve(process.cwd(), '../shared/guests/openvm-v1.7/fibonacci.elf');

export interface AppServer {
  /** http://127.0.0.1:PORT — the built app. */
  readonly url: string;
  readonly browser: Browser;
  /** Closes the browser and stops the preview server. */
  close(): Promise<void>;
}

/**
 * Builds the app, serves it and launches Chromium. `chromiumArgs` are added to the usual flags
 * (e.g. `--enable-precise-memory-info`).
 */
export async function startApp(chromiumArgs: readonly string[] = []): Promise<AppServer> {
  const port = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4177);
  const url = `http://127.0.0.1:${port}`;
  const build = spawnSync('npx', ['vite', 'build', '--outDir', '.cache/bench-dist', '--emptyOutDir'], {
    stdio: 'ignore',
  });
  if (build.status !== 0) throw new Error('vite build failed');
  const server: ChildProcess = spawn(
    'npx',
    [
      'vite',
      'preview',
      '--outDir',
      '.cache/bench-dist',
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  );
  const stopServer = () => {
    if (server.pid) process.kill(-server.pid);
  };
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', ...chromiumArgs],
    });
    await waitServing(url);
  } catch (e) {
    stopServer();
    throw e;
  }
  return {
    url,
    browser,
    async close() {
      await browser.close();
      stopServer();
    },
  };
}

/** Waits (up to ~30 s) until the preview server answers. */
async function waitServing(url: string): Promise<void> {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the preview server at ${url} did not answer`);
}

/** One OpenVM input vector for `read::<u64>()`: 0x01 then the u64 little-endian. */
export function u64Hex(n: number): string {
  let hex = '';
  let v = BigInt(n);
  for (let i = 0; i < 8; i++, v >>= 8n)
    hex += Number(v & 0xffn)
      .toString(16)
      .padStart(2, '0');
  return `01${hex}`;
}

/** The engine is idle and every panel shows the position. */
export async function waitReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('[data-testid=status][data-status=ready]', { timeout });
  await page.waitForSelector('.app[data-settled=true]', { timeout });
}

/** Opens the app with fibonacci's input n in the URL; `open` then gives the ELF (setInputFiles). */
export async function gotoWithInput(page: Page, url: string, n: number): Promise<void> {
  await page.goto(`${url}/?example=hello.elf&input=${u64Hex(n)}`);
  await waitReady(page);
}

/**
 * Types `text` into the toolbar's Go to field and submits it as Enter does; times, in the page, from the
 * submit to the first frame painted after the position shown in `shownTestId` changed, the engine is idle
 * and every deferred panel has caught up (`.app[data-settled]`), and to that position first showing.
 */
export async function goToAndTime(
  page: Page,
  text: string,
  shownTestId: 'current-step' | 'current-timestamp',
): Promise<{ settled: number; shown: number }> {
  return page.evaluate(
    async ([target, testId]) => {
      const shown = document.querySelector(`[data-testid=${testId}]`) as HTMLElement;
      const before = shown.textContent;
      const input = document.getElementById('goto-timestamp') as HTMLInputElement;
      const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      setter.call(input, target);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      const start = performance.now();
      let shownAt = 0;
      (input.form as HTMLFormElement).requestSubmit(); // what Enter does
      await new Promise<void>((resolve) => {
        const check = () => {
          if (shownAt === 0 && shown.textContent !== before) shownAt = performance.now();
          const status = document.querySelector('[data-testid=status]')?.getAttribute('data-status');
          const settled = document.querySelector('.app')?.getAttribute('data-settled') === 'true';
          if (shown.textContent !== before && status === 'ready' && settled) resolve();
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      return { settled: performance.now() - start, shown: shownAt - start };
    },
    [text, shownTestId] as const,
  );
}

// ui group (Playwright, Debian Chromium): the real app, built and served, running the real fibonacci guest.
//  - ui_longest_frame_ms: the longest gap between animation frames on the main thread while fibonacci
//    (n = 100000, 1.5 million instructions) is opened, recorded to its end in the worker and shown.
//  - ui_scrub_to_paint_ms (median) / ui_scrub_to_paint_p95_ms: on fibonacci n = 800000 (12 million
//    instructions), from typing a random timestamp to the first frame painted after every panel shows it.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { BenchGroup } from './benchGroup';

const root = process.cwd();
const ELF = path.resolve(root, '../shared/guests/openvm-v1.7/fibonacci.elf');
// BENCH_PORT (or E2E_PORT) lets checkouts run the group side by side.
const PORT = Number(process.env.BENCH_PORT ?? process.env.E2E_PORT ?? 4177);

/** One OpenVM input vector for `read::<u64>()`: 0x01 then the u64 little-endian. */
function u64Hex(n: number): string {
  let hex = '';
  let v = BigInt(n);
  for (let i = 0; i < 8; i++, v >>= 8n)
    hex += Number(v & 0xffn)
      .toString(16)
      .padStart(2, '0');
  return `01${hex}`;
}

async function waitReady(page: Page, timeout = 120_000): Promise<void> {
  await page.waitForSelector('[data-testid=status][data-status=ready]', { timeout });
  await page.waitForSelector('.app[data-settled=true]', { timeout });
}

async function openFibonacci(page: Page, n: number): Promise<void> {
  await page.goto(`http://127.0.0.1:${PORT}/?example=hello.elf&input=${u64Hex(n)}`);
  await waitReady(page);
  await page.locator('input[type=file]').setInputFiles(ELF);
}

export const uiBench: BenchGroup = async (report) => {
  if (!existsSync(ELF)) throw new Error(`${ELF} is missing (the bench needs ../shared)`);
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
      String(PORT),
      '--strictPort',
    ],
    { stdio: 'ignore', detached: true },
  );
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage'],
  });
  try {
    for (let i = 0; i < 50; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${PORT}/`)).ok) break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });

    // Longest frame while fibonacci (n = 100000) is opened and recorded.
    await openFibonacci(page, 100_000);
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __stop: boolean };
      w.__gaps = [];
      w.__stop = false;
      let last = performance.now();
      const tick = (now: number) => {
        w.__gaps.push(now - last);
        last = now;
        if (!w.__stop) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page
      .waitForSelector('[data-testid=status][data-status=running]', { timeout: 10_000 })
      .catch(() => {});
    await waitReady(page);
    await page.getByRole('button', { name: 'Run to end' }).click();
    await waitReady(page);
    const gaps = await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __stop: boolean };
      w.__stop = true;
      return w.__gaps;
    });
    const steps = Number((await page.getByTestId('current-timestamp').textContent()) ?? 0);
    process.stderr.write(`# fibonacci n=100000 recorded to timestamp ${steps}; ${gaps.length} frames\n`);
    report('ui_longest_frame_ms', Math.max(...gaps.slice(1)).toFixed(1));

    // Scrub to paint on the 12-million-instruction run.
    await openFibonacci(page, 800_000);
    await page
      .waitForSelector('[data-testid=status][data-status=running]', { timeout: 10_000 })
      .catch(() => {});
    await waitReady(page, 300_000);
    const end = Number(await page.getByRole('slider', { name: 'Timestamp' }).getAttribute('aria-valuemax'));
    process.stderr.write(`# fibonacci n=800000 recorded: timeline end ${end}\n`);
    const times: number[] = [];
    let seed = 12345;
    for (let i = 0; i < 30; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const t = Math.floor((seed / 2 ** 31) * end);
      const ms = await page.evaluate(async (target) => {
        const shown = document.querySelector('[data-testid=current-timestamp]') as HTMLElement;
        const before = shown.textContent;
        const input = document.getElementById('goto-timestamp') as HTMLInputElement;
        const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
        setter.call(input, String(target));
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const start = performance.now();
        (input.form as HTMLFormElement).requestSubmit();
        await new Promise<void>((resolve) => {
          const check = () => {
            const status = document.querySelector('[data-testid=status]')?.getAttribute('data-status');
            // all panels show the new position: the engine is idle and the deferred panels have caught up
            const settled = document.querySelector('.app')?.getAttribute('data-settled') === 'true';
            if (shown.textContent !== before && status === 'ready' && settled) resolve();
            else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return performance.now() - start;
      }, t);
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    report('ui_scrub_to_paint_ms', times[Math.floor(times.length / 2)].toFixed(1));
    report('ui_scrub_to_paint_p95_ms', times[Math.floor(times.length * 0.95)].toFixed(1));
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
};

// ui group (Playwright, Debian Chromium): the real app, built and served, running the real fibonacci guest.
//  - ui_longest_frame_ms: the longest gap between animation frames on the main thread while fibonacci
//    (n = 100000, 1.5 million instructions) is opened, recorded to its end in the worker and shown.
//  - ui_scrub_to_paint_ms (median) / ui_scrub_to_paint_p95_ms: on fibonacci n = 800000 (12 million
//    instructions), from typing a random timestamp to the first frame painted after every panel shows it.
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FIBONACCI_ELF as ELF, goToAndTime, gotoWithInput, startApp, waitReady } from './appServer';
import type { BenchGroup } from './benchGroup';

export const uiBench: BenchGroup = async (report) => {
  if (!existsSync(ELF)) throw new Error(`${ELF} is missing (the bench needs ../shared)`);
  const app = await startApp();
  const openFibonacci = async (page: Page, n: number) => {
    await gotoWithInput(page, app.url, n);
    await page.locator('input[type=file]').setInputFiles(ELF);
  };
  try {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 720 } });

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
      const { settled: ms } = await goToAndTime(page, String(t), 'current-timestamp');
      times.push(ms);
    }
    times.sort((a, b) => a - b);
    report('ui_scrub_to_paint_ms', times[Math.floor(times.length / 2)].toFixed(1));
    report('ui_scrub_to_paint_p95_ms', times[Math.floor(times.length * 0.95)].toFixed(1));
  } finally {
    await app.close();
  }
};

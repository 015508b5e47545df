// app-scale group (issue 23), opt-in — `npm run bench -- app-scale` (2–10 min): the real app in Debian's
// Chromium (built and served as the `ui` group does, bench/appServer.ts) opens OpenVM's fibonacci guest with
// n = 66,666,650 (1,000,000,028 instructions, 144 segments: the run `scale-session` measures in Node), records
// it in the engine's worker, and goes to 20 random steps with the toolbar's "Go to timestamp" (`step:N`, Enter).
// Issue 23's acceptance: it opens, records with progress and seeks anywhere with the worker's heap ≤ 1 GB.
//   app_open_1e9_ms              from giving the ELF (setInputFiles) until the first frame is shown (the status
//                                leaves `loading`: the metered pass over the whole run + the first segment)
//   app_record_1e9_ms            from giving the ELF until the recording has ended and the app has settled
//   app_seek_1e9_p50_ms / _p95   Enter in "Go to timestamp" (step:N) to the frame painted with every panel
//                                settled at step N (the group fails if the position shown is not step N)
//   app_seek_1e9_shown_p50_ms    … to the toolbar first showing step N (the frame is in; other panels may lag)
// The worker's figures are Runtime.getHeapUsage in the worker's own target (bench/workerHeap.ts), after the
// seeks unless said: "memory" = V8 heap used + Blink's heap + ArrayBuffer backing stores (the memory's pages,
// shared by the checkpoints, and the step samples are typed arrays, outside V8's heap): what the 1 GB is about.
//   app_worker_memory_1e9_mb          all the worker's isolate holds (no forced GC: garbage included)
//   app_worker_heap_1e9_mb            its V8 heap, used       app_worker_heap_total_1e9_mb  … its total size
//   app_worker_buffers_1e9_mb         ArrayBuffer backing stores (and external strings)
//   app_worker_memory_live_1e9_mb     all it holds after a forced GC (HeapProfiler.collectGarbage): live data
//   app_worker_memory_recorded_1e9_mb all it holds right after the recording ended
//   app_worker_memory_peak_1e9_mb     the most seen: sampled about every 2 s while recording, and the above
//   app_page_heap_1e9_mb              the page's (main thread's) V8 heap, used: a different isolate
//   app_renderer_rss_1e9_mb           the largest renderer process's resident set (page + worker + Blink),
//                                     highest seen (SystemInfo.getProcessInfo's pids, /proc/PID/status)
//   app_checkpoints_1e9_mb            the engine's own count of its checkpoint bytes (the recording stats)
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { FIBONACCI_ELF, goToAndTime, gotoWithInput, startApp, waitReady } from './appServer';
import { type BenchGroup, quantile } from './benchGroup';
import {
  attachWorker,
  heldBytes,
  type HeapUsage,
  pageHeap,
  rendererRss,
  type WorkerChannel,
} from './workerHeap';
import { Random } from '../src/engine/random';

const N = 66_666_650;
const LONG = 15 * 60_000; // the machine may be loaded: the recording alone takes 20–60 s unloaded
const SEEKS = 20;
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/**
 * Records the status's changes (with performance.now()) from now on, in the page, and as `settled` the first
 * time, after `running`, that it is ready with every panel settled (the recording has ended, as one sees it).
 */
async function watchStatus(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __status: [string, number][]; __settled?: number };
    w.__status = [];
    // polled, not observed: the status element may be replaced, and the page changes a lot while recording
    const note = () => {
      const s = document.querySelector('[data-testid=status]')?.getAttribute('data-status') ?? '';
      if (w.__status.at(-1)?.[0] !== s) w.__status.push([s, performance.now()]);
      const settled = document.querySelector('.app')?.getAttribute('data-settled') === 'true';
      const ran = w.__status.some(([x]) => x === 'running');
      if (w.__settled === undefined && ran && s === 'ready' && settled) w.__settled = performance.now();
    };
    note();
    setInterval(note, 20);
  });
}

/** Goes to step:N as a user does (the field, Enter) and times it to the first frame painted after. */
async function seekStep(page: Page, step: number): Promise<{ settled: number; shown: number }> {
  const ms = await goToAndTime(page, `step:${step}`, 'current-step');
  const at = await page.getByTestId('current-step').textContent();
  if (at !== String(step)) throw new Error(`app-scale: went to step:${step} but the app shows step ${at}`);
  return ms;
}

/** Samples the worker's heap and the renderers' RSS until `done` is set; returns the peaks. */
function sampler(worker: WorkerChannel, rss: () => Promise<number[]>) {
  const peak = { heap: 0, rss: 0, samples: 0, unanswered: 0 };
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      try {
        peak.heap = Math.max(
          peak.heap,
          heldBytes(await worker.send<HeapUsage>('Runtime.getHeapUsage', {}, 30_000)),
        );
        peak.samples++;
      } catch {
        peak.unanswered++;
      }
      peak.rss = Math.max(peak.rss, ...(await rss()));
      await new Promise((r) => setTimeout(r, 2000));
    }
  })();
  return {
    peak,
    async end() {
      stop = true;
      await loop;
      return peak;
    },
  };
}

export const appScaleBench: BenchGroup = async (report) => {
  if (!existsSync(FIBONACCI_ELF)) throw new Error(`${FIBONACCI_ELF} is missing (the bench needs ../shared)`);
  const app = await startApp();
  try {
    const page = await app.browser.newPage({ viewport: { width: 1440, height: 900 } });
    await gotoWithInput(page, app.url, N);
    const worker = await attachWorker(page, 'worker');
    // It is the worker's isolate that answers: its global scope is a DedicatedWorkerGlobalScope.
    const scope = await worker.send<{ result: { value: string } }>('Runtime.evaluate', {
      expression: 'self.constructor.name',
      returnByValue: true,
    });
    process.stderr.write(`# app-scale: worker ${worker.url} (${scope.result.value})\n`);
    // Chromium's performance.memory (window only, it turns out) cannot be asked instead: say what it gives.
    const pm = await worker.send<{ result: { value: string } }>('Runtime.evaluate', {
      expression: 'typeof performance.memory',
      returnByValue: true,
    });
    process.stderr.write(`# performance.memory in the worker: ${pm.result.value}\n`);
    if (scope.result.value !== 'DedicatedWorkerGlobalScope')
      throw new Error(`app-scale: the attached target is not a dedicated worker (${scope.result.value})`);
    const rss = () => rendererRss(app.browser);
    const before = { worker: await worker.heap(), page: await pageHeap(page) };
    process.stderr.write(
      `# before: worker heap ${mb(before.worker.usedSize)} MB, page heap ${mb(before.page.usedSize)} MB\n`,
    );

    await watchStatus(page);
    const t0 = await page.evaluate(() => performance.now());
    const sampling = sampler(worker, rss);
    await page.locator('input[type=file]').setInputFiles(FIBONACCI_ELF);
    await page.waitForFunction(
      () => {
        const s = (window as unknown as { __status: [string, number][] }).__status;
        const i = s.findIndex(([x]) => x === 'loading');
        return i >= 0 && s.slice(i + 1).some(([x]) => x !== 'loading');
      },
      undefined,
      { timeout: LONG, polling: 200 },
    );
    const t1 = (await (
      await page.waitForFunction(() => (window as unknown as { __settled?: number }).__settled, undefined, {
        timeout: LONG,
        polling: 1000,
      })
    ).jsonValue()) as number;
    await waitReady(page, LONG);
    const peak = await sampling.end();
    const status = await page.evaluate(
      () => (window as unknown as { __status: [string, number][] }).__status,
    );
    const i = status.findIndex(([x]) => x === 'loading');
    const opened = status.slice(i + 1).find(([x]) => x !== 'loading') as [string, number];
    report('app_open_1e9_ms', Math.round(opened[1] - t0));
    report('app_record_1e9_ms', Math.round(t1 - t0));
    const recorded = await worker.heap();
    process.stderr.write(
      `# recorded: statuses ${status.map(([s, t]) => `${s}@${Math.round(t - t0)}`).join(' ')}; ` +
        `${peak.samples} heap samples (${peak.unanswered} unanswered)\n`,
    );

    // The run's end: Run to end goes there (recorded already).
    await page.getByRole('button', { name: 'Run to end' }).click();
    await page.waitForFunction(
      () => document.querySelector('[data-testid=current-step]')?.textContent !== '0',
      undefined,
      { timeout: LONG },
    );
    await waitReady(page, LONG);
    const end = Number(await page.getByTestId('current-step').textContent());
    process.stderr.write(`# app-scale: fibonacci n=${N}: ${end} instructions\n`);
    if (!(end > 1e9)) throw new Error(`app-scale: the run ended at step ${end}, not past 10^9`);

    const rng = new Random(23);
    const times: number[] = [];
    const shown: number[] = [];
    for (let k = 0; k < SEEKS; k++) {
      const t = await seekStep(page, Math.floor(rng.float() * end));
      times.push(t.settled);
      shown.push(t.shown);
    }
    process.stderr.write(
      `# seeks (ms, settled/shown): ${times.map((t, k) => `${t.toFixed(0)}/${shown[k].toFixed(0)}`).join(' ')}\n`,
    );
    report('app_seek_1e9_p50_ms', Math.round(quantile(times, 0.5)));
    report('app_seek_1e9_p95_ms', Math.round(quantile(times, 0.95)));
    report('app_seek_1e9_shown_p50_ms', Math.round(quantile(shown, 0.5)));

    const after = { worker: await worker.heap(), page: await pageHeap(page) };
    const rssAfter = await rss();
    report('app_worker_memory_1e9_mb', mb(heldBytes(after.worker)));
    report('app_worker_heap_1e9_mb', mb(after.worker.usedSize));
    report('app_worker_heap_total_1e9_mb', mb(after.worker.totalSize));
    report('app_worker_buffers_1e9_mb', mb(after.worker.backingStorageSize));
    await worker.send('HeapProfiler.collectGarbage');
    const live = await worker.heap();
    report('app_worker_memory_live_1e9_mb', mb(heldBytes(live)));
    report('app_worker_memory_recorded_1e9_mb', mb(heldBytes(recorded)));
    report(
      'app_worker_memory_peak_1e9_mb',
      mb(Math.max(peak.heap, heldBytes(recorded), heldBytes(after.worker))),
    );
    process.stderr.write(
      `# worker heap after the seeks: ${JSON.stringify(after.worker)}; after a GC: ${JSON.stringify(live)}\n`,
    );
    report('app_page_heap_1e9_mb', mb(after.page.usedSize));
    if (rssAfter.length > 0) report('app_renderer_rss_1e9_mb', mb(Math.max(peak.rss, ...rssAfter)));
    const checkpoints = await page.getByTestId('recording-stats').getAttribute('data-bytes');
    if (checkpoints !== null) report('app_checkpoints_1e9_mb', mb(Number(checkpoints)));
  } finally {
    await app.close();
  }
};

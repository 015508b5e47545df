// Profiles the `ui` bench's first figure (ui_longest_frame_ms, bench/ui.bench.ts) with Chromium's tracing:
// builds the app unminified (so JS function and React component names stay readable), serves it, opens
// fibonacci (n = 100000), waits for the recording, clicks "Run to end", and lists the long main-thread
// tasks with what ran inside them (style, layout, paint, JS self time by function, components rendered).
//   node scripts/profile-frames.mjs [--no-build] [--min=40]   (BENCH_PORT picks the port, default 4198)
//   node scripts/profile-frames.mjs --report   (reports on the last trace, .cache/profile-trace.json, again)
// Not a bench: it prints a report for a human; the measurement itself stays in bench/ui.bench.ts.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = process.cwd();
const PORT = Number(process.env.BENCH_PORT ?? 4198);
const ELF = path.resolve(root, '../shared/guests/openvm-v1.7/fibonacci.elf');
const OUT = '.cache/profile-dist';
const MIN = Number(process.argv.find((a) => a.startsWith('--min='))?.slice(6) ?? 40);

/** One OpenVM input vector for `read::<u64>()`: 0x01 then the u64 little-endian. */
const u64Hex = (n) => {
  const le = Buffer.alloc(8);
  le.writeBigUInt64LE(BigInt(n));
  return `01${le.toString('hex')}`;
};

if (process.argv.includes('--report')) {
  report(JSON.parse(readFileSync('.cache/profile-trace.json', 'utf8')).traceEvents, []);
  process.exit(0);
}
if (!process.argv.includes('--no-build')) {
  const b = spawnSync('npx', ['vite', 'build', '--minify', 'false', '--outDir', OUT, '--emptyOutDir'], {
    stdio: 'inherit',
  });
  if (b.status !== 0) process.exit(1);
}
const server = spawn(
  'npx',
  ['vite', 'preview', '--outDir', OUT, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'],
  { stdio: 'ignore', detached: true },
);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
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
  const ready = async () => {
    await page.waitForSelector('[data-testid=status][data-status=ready]', { timeout: 120_000 });
    await page.waitForSelector('.app[data-settled=true]', { timeout: 120_000 });
  };
  page.on('console', (m) => m.text().startsWith('[prof]') && console.log(m.text()));
  await page.goto(`http://127.0.0.1:${PORT}/?example=hello.elf&input=${u64Hex(100_000)}`);
  await ready();
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        'v8.execute',
        'blink.user_timing',
        'disabled-by-default-v8.cpu_profiler',
      ],
    },
  });
  // React's profiling marks: component names are in the unminified bundle's function names
  await page.evaluate(() => {
    const w = window;
    w.__gaps = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (now) => {
      w.__gaps.push([last, now - last]);
      last = now;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.locator('input[type=file]').setInputFiles(ELF);
  await page
    .waitForSelector('[data-testid=status][data-status=running]', { timeout: 10_000 })
    .catch(() => {});
  await ready();
  await page.getByRole('button', { name: 'Run to end' }).click();
  await ready();
  const gaps = await page.evaluate(() => {
    window.__stop = true;
    return window.__gaps;
  });
  await cdp.send('Tracing.end');
  await done;
  writeFileSync('.cache/profile-trace.json', JSON.stringify({ traceEvents: events }));
  report(events, gaps);
} finally {
  await browser.close();
  if (server.pid) process.kill(-server.pid);
}

/** The trace's renderer main thread: the CrRendererMain with the most events. */
function mainThread(events) {
  const count = new Map();
  for (const e of events) count.set(`${e.pid}:${e.tid}`, (count.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  mains.sort((a, b) => count.get(`${b.pid}:${b.tid}`) - count.get(`${a.pid}:${a.tid}`));
  return mains[0];
}

/** Inclusive JS samples per function (the trace's CPU profile) between a and b (trace µs). */
function jsByFunction(events, main, a, b) {
  const prof = events.find((x) => x.name === 'Profile' && x.pid === main.pid && x.tid === main.tid);
  const nodes = new Map();
  const parent = new Map();
  const out = new Map();
  let t = prof?.args?.data?.startTime ?? 0;
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.id === prof?.id)) {
    const d = e.args?.data?.cpuProfile;
    for (const n of d?.nodes ?? []) {
      nodes.set(n.id, n.callFrame);
      if (n.parent !== undefined) parent.set(n.id, n.parent);
    }
    const deltas = e.args?.data?.timeDeltas ?? [];
    (d?.samples ?? []).forEach((s, i) => {
      t += deltas[i] ?? 0;
      if (t < a || t > b) return;
      const seen = new Set();
      for (let n = s; n !== undefined; n = parent.get(n)) {
        const name = nodes.get(n)?.functionName;
        if (!name || seen.has(name) || name.startsWith('(')) continue;
        seen.add(name);
        out.set(name, (out.get(name) ?? 0) + 1);
      }
    });
  }
  return [...out].sort((x, y) => y[1] - x[1]).slice(0, 14);
}

// Wall time on a loaded 2-core machine is mostly waiting for a core: each gap is shown with the main
// thread's CPU time in it (trace `tdur`), which is what the app itself can make smaller.
function report(events, gaps) {
  const main = mainThread(events);
  const on = (e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X';
  const mine = events.filter(on).sort((a, b) => a.ts - b.ts);
  const ticks = mine.filter((e) => e.name === 'FunctionCall' && e.args?.data?.functionName === 'tick');
  const tasks = mine.filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');
  const cpuIn = (a, b) =>
    tasks.reduce((sum, e) => {
      const overlap = Math.max(0, Math.min(e.ts + e.dur, b) - Math.max(e.ts, a));
      return sum + ((e.tdur ?? 0) * overlap) / Math.max(e.dur, 1);
    }, 0) / 1000;
  const rows = [];
  for (let i = 0; i + 1 < ticks.length; i++) {
    const a = ticks[i].ts;
    const b = ticks[i + 1].ts;
    rows.push({ a, b, gap: (b - a) / 1000, cpu: cpuIn(a, b), at: (a - ticks[0].ts) / 1000 });
  }
  console.log(`rAF gaps (page clock): ${gaps.length}; in the trace: ${rows.length}`);
  const fmt = (r) => `${r.gap.toFixed(0)} ms (main CPU ${r.cpu.toFixed(1)}) @${r.at.toFixed(0)}`;
  console.log(
    'longest gaps:  ' +
      [...rows]
        .sort((x, y) => y.gap - x.gap)
        .slice(0, 8)
        .map(fmt)
        .join(', '),
  );
  const byCpu = [...rows].sort((x, y) => y.cpu - x.cpu);
  console.log('most main CPU: ' + byCpu.slice(0, 8).map(fmt).join(', '));
  console.log(`max main-thread CPU in one frame: ${byCpu[0]?.cpu.toFixed(1)} ms`);
  const skip =
    /^(RunTask|ThreadControllerImpl::RunTask|V8\.StackGuard|V8\.HandleInterrupts|UpdateLayer|V8\.BytecodeBudgetInterrupt)$/;
  for (const r of byCpu.filter((x) => x.cpu >= MIN / 2).slice(0, 5)) {
    console.log(
      `\n== frame @${r.at.toFixed(0)} ms: gap ${r.gap.toFixed(0)} ms, main CPU ${r.cpu.toFixed(1)} ms`,
    );
    for (const e of mine) {
      if (e.ts < r.a || e.ts > r.b || skip.test(e.name) || (e.tdur ?? 0) < 1500) continue;
      const d = e.args?.data ?? {};
      const what =
        e.name === 'FunctionCall'
          ? `${d.functionName || '(anon)'}:${d.lineNumber}`
          : e.name === 'EventDispatch'
            ? d.type
            : e.name === 'UpdateLayoutTree'
              ? `${e.args?.elementCount ?? '?'} elements`
              : '';
      console.log(
        `   +${((e.ts - r.a) / 1000).toFixed(1).padStart(6)} cpu ${(e.tdur / 1000).toFixed(1).padStart(5)} ${e.name} ${what}`,
      );
    }
    console.log(
      '   JS (inclusive samples): ' +
        jsByFunction(events, main, r.a, r.b)
          .map(([k, v]) => `${k}=${v}`)
          .join(' '),
    );
  }
}

// Profiles the `ui` bench's first figure (ui_longest_frame_ms, bench/ui.bench.ts) with Chromium's tracing:
// builds the app unminified (so JS function and React component names stay readable), serves it, opens
// fibonacci (n = 100000), waits for the recording, clicks "Run to end", and lists the long main-thread
// tasks with what ran inside them (style, layout, paint, JS self time by function, components rendered).
//   node scripts/profile-frames.mjs [--no-build] [--min=40]   (BENCH_PORT picks the port, default 4198)
// Not a bench: it prints a report for a human; the measurement itself stays in bench/ui.bench.ts.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';

const root = process.cwd();
const PORT = Number(process.env.BENCH_PORT ?? 4198);
const ELF = path.resolve(root, '../shared/guests/openvm-v1.7/fibonacci.elf');
const OUT = '.cache/profile-dist';
const MIN = Number(process.argv.find((a) => a.startsWith('--min='))?.slice(6) ?? 40);

const u64Hex = (n) => {
  let hex = '';
  let v = BigInt(n);
  for (let i = 0; i < 8; i++, v >>= 8n)
    hex += Number(v & 0xffn)
      .toString(16)
      .padStart(2, '0');
  return `01${hex}`;
};

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

function report(events, gaps) {
  const sorted = gaps
    .slice(1)
    .map((g) => g[1])
    .sort((a, b) => b - a);
  console.log(
    `rAF gaps: ${gaps.length}, longest ${sorted
      .slice(0, 8)
      .map((x) => x.toFixed(0))
      .join(' ')}`,
  );
  // the renderer main thread: the one with the most devtools.timeline events named like Blink's
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const count = (m) => events.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
  const main = mains.sort((a, b) => count(b) - count(a))[0];
  const mainEv = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X');
  const tasks = mainEv.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const long = tasks.filter((t) => t.dur / 1000 >= MIN).sort((a, b) => a.ts - b.ts);
  console.log(`main-thread tasks >= ${MIN} ms: ${long.length}`);
  // JS samples from the trace's CPU profile (ProfileChunk events)
  const nodes = new Map();
  const samples = [];
  let t = 0;
  const prof = events.find((x) => x.name === 'Profile' && x.pid === main?.pid && x.tid === main?.tid);
  for (const e of events.filter((x) => x.name === 'ProfileChunk' && x.id === prof?.id)) {
    const d = e.args?.data?.cpuProfile;
    for (const n of d?.nodes ?? []) nodes.set(n.id, n.callFrame);
    const deltas = e.args?.data?.timeDeltas ?? [];
    (d?.samples ?? []).forEach((s, i) => {
      t += deltas[i] ?? 0;
      samples.push([t, s]);
    });
  }
  const profStart = prof?.args?.data?.startTime ?? 0;
  for (const task of long) {
    const inside = mainEv.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task);
    const by = new Map();
    for (const e of inside) {
      if (
        !/^(Layout|UpdateLayoutTree|Paint|PrePaint|Layerize|FunctionCall|EvaluateScript|V8\.GC.*|MajorGC|MinorGC|ParseHTML|HitTest|FireAnimationFrame|TimerFire|EventDispatch|v8\.run.*|RunMicrotasks|UpdateLayer|CommitLoad)$/.test(
          e.name,
        )
      )
        continue;
      by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
    }
    const layouts = inside.filter((e) => e.name === 'Layout').map((e) => (e.dur / 1000).toFixed(1));
    const styles = inside
      .filter((e) => e.name === 'UpdateLayoutTree')
      .map((e) => `${(e.dur / 1000).toFixed(1)}(${e.args?.elementCount ?? '?'}el)`);
    const self = new Map();
    for (const [st, id] of samples) {
      const ts = profStart + st;
      if (ts < task.ts || ts > task.ts + task.dur) continue;
      const cf = nodes.get(id);
      const k = `${cf?.functionName || '(anon)'} ${(cf?.url ?? '').split('/').pop()}:${cf?.lineNumber ?? ''}`;
      self.set(k, (self.get(k) ?? 0) + 1);
    }
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 12);
    const inv = inside
      .filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace)
      .map((e) => e.args.beginData.stackTrace[0]?.functionName);
    console.log(
      `\n== task at ${((task.ts - long[0].ts) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(1)} ms`,
    );
    console.log(
      '  ' +
        [...by]
          .sort((a, b) => b[1] - a[1])
          .map(([k, v]) => `${k} ${v.toFixed(1)}`)
          .join(', '),
    );
    console.log(`  Layout x${layouts.length}: ${layouts.slice(0, 12).join(' ')}`);
    console.log(`  Style x${styles.length}: ${styles.slice(0, 12).join(' ')}`);
    if (inv.length) console.log(`  forced layouts from: ${[...new Set(inv)].join(', ')}`);
    console.log('  JS self (samples ~0.1ms? see interval): ' + top.map(([k, v]) => `${k}=${v}`).join(' | '));
  }
}

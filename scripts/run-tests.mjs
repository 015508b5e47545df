#!/usr/bin/env node
// `npm test`: typecheck, lint, formatting (prettier --check), unit tests (Vitest) and e2e tests (Playwright
// in Debian Chromium), in that order, each run even if an earlier one failed. Ends with one plain line `N
// passed, N failed, N skipped` summing all runners (typecheck, lint and format count as one check each),
// and exits non-zero if anything failed. A skipped test is one whose fixture or reference tool is missing
// outside CI (with CI=true it fails: src/engine/guest/fixtures.testutil.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

rmSync('reports', { recursive: true, force: true });
const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
const run = (cmd, args) => {
  console.log(`\n::: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env });
  console.log(`::: exit ${r.status} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
};
const readJson = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined);

const lines = [];
let passed = 0;
let failed = 0;
let skipped = 0;
const count = (name, p, f, s = 0) => {
  passed += p;
  failed += f;
  skipped += s;
  lines.push(`${name}: ${p} passed, ${f} failed, ${s} skipped`);
};

// The whole tree (DOM + Node types), then the engine alone without them (src/engine/tsconfig.json).
const tsc = run('npx', ['tsc', '--noEmit']) || run('npx', ['tsc', '--noEmit', '-p', 'src/engine']);
count('typecheck', tsc === 0 ? 1 : 0, tsc === 0 ? 0 : 1);
const lint = run('npx', ['eslint', '.', '--max-warnings', '0']);
count('lint', lint === 0 ? 1 : 0, lint === 0 ? 0 : 1);
const format = run('npx', ['prettier', '--check', '.', '--log-level', 'warn']);
count('format', format === 0 ? 1 : 0, format === 0 ? 0 : 1);

const unitExit = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=reports/vitest.json']);
const unit = readJson('reports/vitest.json');
if (unit)
  count(
    'unit',
    unit.numPassedTests,
    unit.numFailedTests + (unitExit !== 0 && unit.numFailedTests === 0 ? 1 : 0),
    unit.numPendingTests + unit.numTodoTests,
  );
else count('unit', 0, 1);

run('npx', ['playwright', 'test']);
const e2e = readJson('reports/e2e.json');
if (e2e) count('e2e', e2e.stats.expected + e2e.stats.flaky, e2e.stats.unexpected, e2e.stats.skipped);
else count('e2e', 0, 1);

console.log('');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

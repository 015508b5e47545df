#!/usr/bin/env node
// `npm test`: typecheck, lint, formatting (prettier --check), unit tests (Vitest) and e2e tests (Playwright
// in Debian Chromium), in that order, each run even if an earlier one failed. Ends with one plain line `N
// passed, N failed, N skipped` summing all runners (typecheck, lint and format count as one check each),
// and exits non-zero if anything failed. A skipped test is one whose fixture or reference tool is missing
// outside CI (with CI=true it fails: src/engine/guest/fixtures.testutil.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { e2eCounts, unitCounts } from './runnerCounts.mjs';

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

const unitExit = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=reports/vitest.json',
]);
count('unit', ...unitCounts(unitExit, readJson('reports/vitest.json')));

const e2eExit = run('npx', ['playwright', 'test']);
count('e2e', ...e2eCounts(e2eExit, readJson('reports/e2e.json')));

console.log('');
for (const l of lines) console.log(l);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);

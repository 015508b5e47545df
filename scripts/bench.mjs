#!/usr/bin/env node
// `npm run bench [-- GROUP]`: prints one `name=value` line per figure (bench/main.ts), bundled on first use.
import { runBundled } from './bundle.mjs';
await runBundled('bench/main.ts', 'memscope-bench.mjs', ['src/engine', 'src/cli', 'bench']);

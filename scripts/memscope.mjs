#!/usr/bin/env node
// `npm run memscope -- <command> ...`: the memscope CLI (src/cli/main.ts), bundled on first use.
import { runBundled } from './bundle.mjs';
await runBundled('src/cli/main.ts', 'memscope-cli.mjs', ['src/engine', 'src/cli']);

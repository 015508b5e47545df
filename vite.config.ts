/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The dev server's inline React-refresh script and HMR websocket under index.html's CSP (dev only). */
const devCsp = {
  name: 'memscope-dev-csp',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) =>
    html
      .replace("script-src 'self' 'unsafe-eval'", "script-src 'self' 'unsafe-eval' 'unsafe-inline'")
      .replace("connect-src 'self'", "connect-src 'self' ws: wss:"),
};

/** The tier setting the debugger suites run with a second time: the opposite of tierSwitch.ts's default. */
const OTHER_TIER = 'interpreter';
const DEBUGGER_SUITES = [
  'src/engine/timeline/**/*.test.ts',
  'src/engine/gdb/**/*.test.ts',
  'src/engine/guest/compiled/tierFromEnv.test.ts',
  'src/engine/views/operandAccesses.test.ts',
  'src/worker/{debugMoves,lessonRequests,inProcessClient}.test.ts',
  'src/cli/{gdbserver,gdbserver.gdb,sourceStepping.gdb}.test.ts',
];

const unitTests = {
  environment: 'node' as const,
  testTimeout: 60_000,
  // MEMSCOPE_TIER=interpreter runs every suite with the compiled tier off (guest/compiled/tierSwitch.ts).
  setupFiles: ['src/engine/guest/compiled/tierFromEnv.testutil.ts'],
};

export default defineConfig({
  plugins: [react(), devCsp],
  worker: { format: 'es' }, // module worker in the production build too
  test: {
    // Every suite once with the tier's default, and the debugger-facing ones once more with the other
    // setting (issue 24: breakpoints, watchpoints, stepping, seeks and gdb must not depend on the tier).
    // `npx vitest run --project unit FILE` runs a file once.
    projects: [
      {
        test: {
          ...unitTests,
          name: 'unit',
          include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          ...unitTests,
          name: `debugger (${OTHER_TIER})`,
          include: DEBUGGER_SUITES,
          env: { MEMSCOPE_TIER: OTHER_TIER },
        },
      },
    ],
  },
});

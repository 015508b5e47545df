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

export default defineConfig({
  plugins: [react(), devCsp],
  worker: { format: 'es' }, // module worker in the production build too
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    // MEMSCOPE_TIER=interpreter runs every suite with the compiled tier off (guest/compiled/tierSwitch.ts).
    setupFiles: ['src/engine/guest/compiled/tierFromEnv.testutil.ts'],
  },
});

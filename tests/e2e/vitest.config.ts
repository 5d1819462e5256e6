import { defineConfig } from 'vitest/config';

// Real browsers on a 2-core machine: one file at a time, generous timeouts (no timing assertions).
// One process for all files (isolate: false), so files can share one browser per run (tests/support/extension-with-server.ts).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    // Fails each test on errors of ours in either browser (extension errors list); see the file.
    setupFiles: ['tests/e2e/fail-on-extension-errors.ts'],
    fileParallelism: false,
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    environment: 'node',
  },
});

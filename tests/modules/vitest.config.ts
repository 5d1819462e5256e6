import { defineConfig } from 'vitest/config';

// The middle tier: content-script modules in real Chromium and Firefox, without the extension. One file at a time.
export default defineConfig({
  test: {
    include: ['tests/modules/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    environment: 'node',
  },
});

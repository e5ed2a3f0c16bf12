import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest leaves one core free by default: on the 2-core machines this project runs on, that is one worker.
    maxWorkers: 2,
  },
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest leaves one core free by default: on the 2-core machines this project runs on, that is one worker.
    maxWorkers: 2,
    // Each test file in a fresh module graph cost 60 s of the suite's 127 s in
    // imports (pdfjs-dist, Vega, pdfkit loaded again per file). Files share a
    // worker's modules instead; tests that mock a module (vi.mock) still get
    // their mock, and the in-process caches only ever save time.
    isolate: false,
    // Shared processes share process.env: a variable a test stubs (vi.stubEnv) is put back after it.
    unstubEnvs: true,
    // As for briefdeck's own workers (src/batch/start-worker.ts): V8 optimises
    // a function only after 16 times its default budget. The test processes
    // run much code a few times each, and optimising it on background threads
    // cost more CPU than it saved (measured: the test processes' CPU 90 → 84 s).
    execArgv: [`--interrupt-budget=${2 * 1024 * 1024}`],
  },
});

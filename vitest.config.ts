import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * pdfkit's fontkit is briefdeck's memoising wrapper, as in the bundle
 * (scripts/bundle.mjs sends every `import 'fontkit'` there): pdfkit draws
 * with the very font object the layout measured, each font is parsed once
 * per process and a word shaped once is not shaped again. Without it, every
 * document a test builds parsed its fonts and shaped all its text again
 * (14 s of the suite's CPU), on another path than the bundle's. pdfkit is
 * transformed by vitest (`deps.inline`) so that its import comes here.
 */
const wrapper = path.resolve(import.meta.dirname, 'src/theme/fontkit-shared.ts');
const pdfkitFontkit = {
  name: 'pdfkit-fontkit',
  enforce: 'pre' as const,
  resolveId: (id: string, importer?: string) => (id === 'fontkit' && importer && /[\\/]node_modules[\\/]pdfkit[\\/]/.test(importer) ? wrapper : undefined),
};

export default defineConfig({
  plugins: [pdfkitFontkit],
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    server: { deps: { inline: ['pdfkit'] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Vitest leaves one core free by default: on the 2-core machines this project runs on, that is one worker.
    maxWorkers: 2,
    // Each test file in a fresh module graph cost 60 s of the suite's 127 s in
    // imports (pdfjs-dist, Vega, pdfkit loaded again per file). Files share a
    // worker's modules instead; tests that mock a module (vi.mock) still get
    // their mock, and the in-process caches only ever save time.
    isolate: false,
    // Shared processes share process.env: a variable a test stubs (vi.stubEnv) is put back before the next
    // test, and at the end of its file (tests/unstub-envs.ts), before the next file's beforeAll.
    unstubEnvs: true,
    setupFiles: ['tests/unstub-envs.ts'],
    // Flags for the test processes (not briefdeck's: its workers have their own):
    // - V8 optimises a function only after 16 times its default budget, as in
    //   briefdeck's workers (src/batch/start-worker.ts): the tests run much
    //   code a few times each, and optimising it on background threads cost
    //   more CPU than it saved (the test processes' CPU 90 → 84 s);
    // - garbage collection on the main thread only: these processes hold a
    //   large heap (isolate: false, above), and parallel marking cost more
    //   than it saved on 2 cores busy with CLI runs (two alternating runs each:
    //   the suite 139–145 → 124–129 s, the test processes' CPU 97–98 → 87–89 s).
    execArgv: [`--interrupt-budget=${2 * 1024 * 1024}`, '--single-threaded-gc'],
  },
});

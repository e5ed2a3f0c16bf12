// Test files share a process (vitest.config.ts: isolate: false), and
// `unstubEnvs` puts a stubbed variable back only before the next *test*:
// the next file's `beforeAll` still saw it. A stub left by a file's last
// test (BRIEFDECK_NO_CACHE=1 from tests/hostile/) made the next file's
// first build write no up-to-date record. Every file puts them back as it ends.
import { afterAll, vi } from 'vitest';

afterAll(() => {
  vi.unstubAllEnvs();
});

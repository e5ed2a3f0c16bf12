// Before the tests: bundle the CLI once (the tests that run it as a process
// need dist/), and give this run a folder of its own, removed at the end:
// - TMPDIR: every temp project a test makes is inside it, so none is left
//   behind, whatever a test does;
// - BRIEFDECK_CACHE_DIR: the CLI runs of this test run share their content
//   caches (charts, pictures, shaping, subsets, parsed Markdown and data;
//   src/util/cache-dir.ts),
//   as the runs of one project do. Nothing is kept from one test run to the
//   next. Tests of the caches themselves set their own.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'scripts', 'bundle.mjs')], { cwd: root, stdio: 'inherit' });
  const run = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-tests-'));
  const tmp = path.join(run, 'tmp');
  mkdirSync(tmp);
  process.env['TMPDIR'] = tmp;
  process.env['BRIEFDECK_CACHE_DIR'] = path.join(run, 'cache');
  return async () => {
    // The test processes save what their caches learnt as they exit (`beforeExit`, src/util/at-exit.ts),
    // which can be after this starts; a CLI's worker too, after its CLI returned. Tried again for a few seconds.
    for (let attempt = 1; ; attempt++) {
      try {
        rmSync(run, { recursive: true, force: true });
        return;
      } catch (e) {
        if (attempt === 20) {
          process.stderr.write(`could not remove ${run}: ${(e as Error).message}\n`);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  };
}

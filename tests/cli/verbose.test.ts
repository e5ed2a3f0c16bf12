// Issue 9: build and validate print errors and warnings; information only with --verbose; check always.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { makeProject, runHere } from './run-cli.js';

describe('information messages', () => {
  const dir = makeProject(['a'], 'documents:\n  - data: data/a\n    template: brief\n');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('are not printed by build or validate by default, only counted', async () => {
    for (const command of ['build', 'validate']) {
      const r = await runHere(dir, command);
      expect(r.code).toBe(0);
      expect(r.stderr).not.toContain('[check/conflict]');
      expect(r.stderr).toContain('1 information message not shown (--verbose shows it');
    }
  });

  it('are printed with --verbose, and always by check', async () => {
    for (const args of [['build', '--verbose'], ['validate', '--verbose'], ['check']]) {
      const r = await runHere(dir, ...args);
      expect(r.code).toBe(0);
      expect(r.stderr + r.stdout).toContain('[check/conflict]');
    }
  });

  it('are listed in the help of build and validate', async () => {
    expect((await runHere(dir, 'build', '--help')).stdout).toContain('--verbose');
    expect((await runHere(dir, 'validate', '--help')).stdout).toContain('--verbose');
  });
});

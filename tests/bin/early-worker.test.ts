// The launcher starts a build's first worker before loading the CLI's
// bundle (src/bin/launch.ts, src/batch/start-worker.ts). The CLI adopts it,
// replaces it when the project asks for another memory limit, and never
// leaves it behind: not when the command fails before planning, not when
// nothing is to be built.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, makeProject } from '../cli/run-cli.js';

/** Processes (by pid) whose environment holds `mark`: the CLI's children inherit it. */
function processesMarked(mark: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      if (readFileSync(`/proc/${pid}/environ`, 'latin1').includes(mark)) found.push(Number(pid));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

function runMarked(cwd: string, mark: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', env: { ...process.env, BRIEFDECK_TEST_MARK: mark } });
  return { code: r.status, stderr: r.stderr, output: r.stdout + r.stderr };
}

/** No process with the mark is left, once any that is ending has ended. */
async function noneLeft(mark: string): Promise<number[]> {
  for (let i = 0; i < 20 && processesMarked(mark).length; i++) await new Promise((r) => setTimeout(r, 50));
  return processesMarked(mark);
}

describe.skipIf(!existsSync('/proc/self/environ'))('the early worker', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('is ended when the command fails before it plans, and the command does not wait for it', async () => {
    const dir = makeProject(['alpha']);
    dirs.push(dir);
    const mark = `early-${process.pid}-bad-option`;
    const t0 = performance.now();
    const r = runMarked(dir, mark, 'build', '--jobs', 'many');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs must be a whole number');
    // Far below a worker's own start and build: the CLI did not wait for the worker it started.
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(await noneLeft(mark)).toEqual([]);
  });

  it('is ended when everything is up to date, and adopted (or replaced, for another memory limit) when not', async () => {
    const dir = makeProject(['alpha'], 'limits:\n  documentMemoryMb: 1536\ndocuments:\n  - data: data/alpha\n    template: brief\n');
    dirs.push(dir);
    // Build records live in the project's node_modules/.cache (src/util/cache-dir.ts).
    mkdirSync(path.join(dir, 'node_modules'));
    const mark = `early-${process.pid}-limits`;
    const first = runMarked(dir, mark, 'build', '--quiet');
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'out')).some((f) => f.endsWith('.pdf'))).toBe(true);
    expect(await noneLeft(mark)).toEqual([]);
    const again = runMarked(dir, mark, 'build');
    expect(again.code, again.stderr).toBe(0);
    expect(again.output).toContain('up to date');
    expect(await noneLeft(mark)).toEqual([]);
  });
});

// The CLI's batches on worker processes: the same bytes and the same messages
// as a serial run, and a failed document that stops only itself. The worker
// limits are in tests/hostile/runaway-workers.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../src/batch/run-batch.js';
import { planJobs } from '../../src/batch/plan-jobs.js';
import { loadProject } from '../../src/project.js';
import { edit } from '../helpers.js';
import { deckSaysPptx, makeProject, remove, run } from '../cli/run-cli.js';

const everyDataset = 'documents:\n  - data: data/*\n    template: [brief, deck]\n';

const filesIn = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(path.join(dir, f))]));

describe('a batch on two workers', () => {
  it('writes the same bytes as one worker and as a serial run in this thread, with the same messages', async () => {
    // Two datasets: one for each worker.
    const dir = makeProject(['a', 'b'], everyDataset);
    deckSaysPptx(dir);
    const two = run(dir, 'build', '--jobs', '2', '--out', 'two');
    const one = run(dir, 'build', '--jobs', '1', '--out', 'one');
    expect(two.code).toBe(0);
    expect(two.stdout.replaceAll('two/', 'X/')).toBe(one.stdout.replaceAll('one/', 'X/'));
    expect(two.stderr).toBe(one.stderr);
    // Serial, in this thread (the library's runBatch), from the TypeScript sources.
    const project = loadProject(dir).value!;
    const plan = planJobs(project, {}, path.join(dir, 'serial'));
    if ('usage' in plan) throw new Error(plan.usage);
    const results = await runBatch('build', plan.jobs, { templatesDir: project.templatesDir, outDir: path.join(dir, 'serial'), root: dir });
    expect(results.every((r) => !r.failed)).toBe(true);
    const serial = filesIn(path.join(dir, 'serial'));
    expect(Object.keys(serial)).toHaveLength(4);
    for (const out of ['one', 'two']) {
      const files = filesIn(path.join(dir, out));
      expect(Object.keys(files)).toEqual(Object.keys(serial));
      for (const [f, bytes] of Object.entries(files)) expect(Buffer.compare(bytes, serial[f]!), `${out}/${f}`).toBe(0);
    }
    remove(dir);
  });

  it('one failing document stops only itself; messages come in plan order', () => {
    const dir = makeProject(['a', 'b', 'c'], everyDataset);
    deckSaysPptx(dir);
    edit(dir, 'data/b/facts.yaml', '    source: gacc\n  - id: trade-2023', '  - id: trade-2023');
    const r = run(dir, 'build', '--jobs', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('built 4 of 6 documents; failed: data/b (brief: 1 error, deck: 1 error)');
    const lines = r.stderr.split('\n').filter((l) => /^\[\d\/\d\]/.test(l));
    expect(lines.map((l) => l.replace(/ … .*/, ''))).toEqual(['[1/6] data/a brief', '[2/6] data/a deck', '[3/6] data/b brief', '[4/6] data/b deck', '[5/6] data/c brief', '[6/6] data/c deck']);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['a-brief.pdf', 'a-deck.pptx', 'c-brief.pdf', 'c-deck.pptx']);
    remove(dir);
  });

  it('--jobs takes a whole number', () => {
    const dir = makeProject(['a']);
    const r = run(dir, 'build', '--jobs', 'many');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--jobs must be a whole number from 1 to 999, found many');
    remove(dir);
  });
});

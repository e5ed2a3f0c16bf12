// The CLI's batches on worker threads: the same bytes and the same messages
// as a serial run, a failed document that stops only itself, and the worker
// limits (a stage that never returns, a document that eats memory) ending a
// worker instead of the process.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
    const dir = makeProject(['a', 'b', 'c'], everyDataset);
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
    expect(Object.keys(serial)).toHaveLength(6);
    for (const out of ['one', 'two']) {
      const files = filesIn(path.join(dir, out));
      expect(Object.keys(files)).toEqual(Object.keys(serial));
      for (const [f, bytes] of Object.entries(files)) expect(Buffer.compare(bytes, serial[f]!), `${out}/${f}`).toBe(0);
    }
    remove(dir);
  });

  it('one failing document stops only itself; messages come in plan order', () => {
    const dir = makeProject(['a', 'b', 'c', 'd'], everyDataset);
    deckSaysPptx(dir);
    edit(dir, 'data/b/facts.yaml', '    source: gacc\n  - id: trade-2023', '  - id: trade-2023');
    const r = run(dir, 'build', '--jobs', '2');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('built 6 of 8 documents; failed: data/b (brief: 1 error, deck: 1 error)');
    const lines = r.stderr.split('\n').filter((l) => /^\[\d\/\d\]/.test(l));
    expect(lines.map((l) => l.replace(/ … .*/, ''))).toEqual(['[1/8] data/a brief', '[2/8] data/a deck', '[3/8] data/b brief', '[4/8] data/b deck', '[5/8] data/c brief', '[6/8] data/c deck', '[7/8] data/d brief', '[8/8] data/d deck']);
    expect(readdirSync(path.join(dir, 'out')).sort()).toEqual(['a-brief.pdf', 'a-deck.pptx', 'c-brief.pdf', 'c-deck.pptx', 'd-brief.pdf', 'd-deck.pptx']);
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

/** A chart that makes 30 million rows in Vega: seconds and gigabytes in one stage the build cannot interrupt (allowed by the test's limits). */
function addSequenceChart(dir: string): void {
  writeFileSync(
    path.join(dir, 'templates', 'charts', 'slow.vl.json'),
    JSON.stringify({
      data: { name: 'trade' },
      usermeta: { mixes: ['bases'] },
      layer: [
        { mark: 'bar', encoding: { x: { field: 'periodLabel', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } } },
        { data: { sequence: { start: 0, stop: 30_000_000, as: 'n' } }, transform: [{ calculate: 'sqrt(datum.n) * 2', as: 'm' }, { aggregate: [{ op: 'sum', field: 'm', as: 's' }] }], mark: 'rule', encoding: { y: { field: 's', type: 'quantitative' } } },
      ],
    }),
  );
  edit(dir, 'templates/brief/document.md.hbs', '::chart{spec="trade"}', '::chart{spec="trade"}\n\n::chart{spec="slow"}');
}

describe('worker limits', () => {
  it('a chart stage that runs past documentSeconds is ended with its worker; the other documents are built', () => {
    // A Vega sequence far over the default transform limit, allowed here so
    // that rendering takes seconds in one stage the build cannot interrupt.
    const dir = makeProject(['a'], `${everyDataset}limits:\n  documentSeconds: 1\n  transformRows: 100000000\n  documentMemoryMb: 4096\n`);
    addSequenceChart(dir);
    const t0 = Date.now();
    const r = run(dir, 'build', '--format', 'pdf', '--jobs', '1');
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^briefdeck\.yaml:2:5 error limit exceeded: seconds one document may take \(1\): the document was stopped after 2 s/m);
    // The deck came after, on a fresh worker.
    expect(r.stderr).toContain('built 1 of 2 documents; failed: data/a (brief: 1 error)');
    expect(r.stderr).not.toMatch(/^\s+at /m);
    remove(dir);
  });

  it('a document that runs its worker out of memory fails with documentMemoryMb; the process goes on', () => {
    const dir = makeProject(['a'], `${everyDataset}limits:\n  transformRows: 100000000\n  documentMemoryMb: 300\n`);
    addSequenceChart(dir);
    const r = run(dir, 'build', '--format', 'pdf', '--jobs', '1');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^briefdeck\.yaml:2:5 error limit exceeded: memory a document may use, in MB \(300\): the document was stopped when its worker ran out of memory/m);
    expect(r.stderr).toContain('built 1 of 2 documents; failed: data/a (brief: 1 error)');
    expect(r.stderr).not.toMatch(/^\s+at |FATAL|heap out/im);
    remove(dir);
  });
});

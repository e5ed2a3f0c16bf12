// Runaway stages (issue 10): a stage that never returns and a document that
// eats memory end their worker process, not the CLI; the other documents are
// built and the error names the limit, with no V8 abort or stack trace.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { edit } from '../helpers.js';
import { makeProject, remove, run } from '../cli/run-cli.js';

const everyDataset = 'documents:\n  - data: data/*\n    template: [brief, deck]\n';

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

// The runner in process: one document's errors never stop the others, and
// the events come in plan order.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planJobs } from '../../src/batch/plan-jobs.js';
import { runBatch } from '../../src/batch/run-batch.js';
import { loadProject } from '../../src/project.js';
import { edit } from '../helpers.js';
import { makeProject } from '../cli/run-cli.js';

describe('runBatch', () => {
  it('builds the good documents when one fails, reporting events in order', async () => {
    const dir = makeProject(['a', 'b', 'c'], 'documents:\n  - template: brief\n    data: data/*\n');
    edit(dir, 'data/b/facts.yaml', 'value: 171.9', 'value: {amount: 171.9}');
    const project = loadProject(dir).value!;
    const plan = planJobs(project, {});
    if ('usage' in plan) throw new Error(plan.usage);
    const events: string[] = [];
    const results = await runBatch('build', plan.jobs, { templatesDir: project.templatesDir, outDir: project.outDir }, {
      start: (job, i, n) => events.push(`start ${i + 1}/${n} ${path.basename(job.data)}`),
      done: (r, i, n) => events.push(`done ${i + 1}/${n} ${r.failed ? 'failed' : 'ok'}`),
    });
    expect(events).toEqual(['start 1/3 a', 'done 1/3 ok', 'start 2/3 b', 'done 2/3 failed', 'start 3/3 c', 'done 3/3 ok']);
    expect(results.map((r) => r.outputs.map((f) => path.basename(f)))).toEqual([['a-brief.pdf'], [], ['c-brief.pdf']]);
    expect(results[1]!.diagnostics.map((d) => d.rule)).toContain('facts/schema');
    expect(existsSync(path.join(dir, 'out', 'b-brief.pdf'))).toBe(false);
  });

  it('check writes nothing and still reports each document', async () => {
    const dir = makeProject(['a'], 'documents:\n  - template: [brief, deck]\n    data: data/a\n');
    const project = loadProject(dir).value!;
    const plan = planJobs(project, {});
    if ('usage' in plan) throw new Error(plan.usage);
    const results = await runBatch('check', plan.jobs, { templatesDir: project.templatesDir, outDir: project.outDir });
    expect(results.map((r) => r.failed)).toEqual([false, false]);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });
});

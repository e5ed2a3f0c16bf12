// Which jobs a request plans, without building any: pairing, the standard
// templates for an unpaired dataset, and the format each job gets.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { planJobs, type PlanRequest } from '../../src/batch/plan-jobs.js';
import { loadProject, type Project } from '../../src/project.js';
import { deckSaysPptx, makeProject } from '../cli/run-cli.js';

function project(yaml?: string, datasets = ['a', 'b']): Project {
  const dir = makeProject(datasets, yaml);
  deckSaysPptx(dir);
  const p = loadProject(dir);
  if (!p.value) throw new Error(JSON.stringify(p.diagnostics));
  return p.value;
}

function planned(p: Project, req: PlanRequest = {}) {
  const plan = planJobs(p, req);
  if ('usage' in plan) return plan.usage;
  return plan.jobs.map((j) => `${path.relative(p.root, j.data)} ${j.template} ${j.format}${j.name ? ` as ${j.name}` : ''}${j.locale ? ` in ${j.locale}` : ''}`);
}

describe('planJobs', () => {
  const paired = 'documents:\n  - template: brief\n    data: data/a\n    locale: vi\n  - template: [brief, deck]\n    data: data/b\n';

  it('plans every document of briefdeck.yaml, formats from the front matter', () => {
    expect(planned(project(paired))).toEqual(['data/a brief pdf in vi', 'data/b brief pdf', 'data/b deck pptx']);
  });

  it('--data plans the documents paired with that folder', () => {
    const p = project(paired);
    expect(planned(p, { data: path.join(p.root, 'data', 'b') })).toEqual(['data/b brief pdf', 'data/b deck pptx']);
    expect(planned(p, { data: path.join(p.root, 'data', 'b'), template: 'deck' })).toEqual(['data/b deck pptx']);
  });

  it('--data of a dataset paired with nothing plans the standard templates', () => {
    const p = project('documents:\n  - template: brief\n    data: data/a\n', ['a', 'other']);
    // The standard templates come with briefdeck; the deck's front matter says pptx.
    expect(planned(p, { data: path.join(p.root, 'data', 'other') })).toEqual(['data/other standard-brief pdf', 'data/other standard-deck pptx']);
  });

  it('--data with --template of an unlisted pair plans that one document', () => {
    const p = project(undefined, ['a']);
    expect(planned(p, { data: path.join(p.root, 'data', 'a'), template: 'deck' })).toEqual(['data/a deck pptx']);
  });

  it('--template alone plans that template for the documents that use it, or for each listed dataset', () => {
    const p = project(paired);
    expect(planned(p, { template: 'deck' })).toEqual(['data/b deck pptx']);
    expect(planned(p, { template: 'other' })).toEqual(['data/a other pdf', 'data/b other pdf']);
  });

  it('--format and --locale override the project and the template', () => {
    expect(planned(project(paired), { format: 'pdf', locale: 'en' })).toEqual(['data/a brief pdf in en', 'data/b brief pdf in en', 'data/b deck pdf in en']);
  });

  it('nothing to plan is a usage error', () => {
    expect(planned(project(undefined))).toMatch(/^no documents: pass --data DIR/);
    expect(planned(project(undefined), { template: 'brief' })).toMatch(/^no dataset: pass --data DIR/);
  });

  it('reports two jobs writing one file', () => {
    const p = project('documents:\n  - template: brief\n    data: data/a\n  - template: brief\n    data: data/*\n', ['a']);
    const plan = planJobs(p, {});
    expect('diagnostics' in plan && plan.diagnostics.map((d) => `${d.rule} ${d.position.line}`)).toEqual(['project/duplicate-output 4']);
  });
});

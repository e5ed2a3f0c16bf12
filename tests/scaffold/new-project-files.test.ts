// `briefdeck new`: a dataset that builds at once into a brief and a deck,
// a template copy to customise, and never an overwrite.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf, buildPptx } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { newDataset, newTemplate } from '../../src/scaffold/new-project-files.js';

const project = () => mkdtempSync(path.join(os.tmpdir(), 'briefdeck-new-'));

describe('new data', () => {
  it('writes every dataset file, which loads clean and builds a brief and a deck at once', async () => {
    const root = project();
    const r = newDataset(path.join(root, 'data'), 'kenya-eu', '2026-12-01');
    expect(r.diagnostics).toEqual([]);
    expect(r.value.map((f) => path.relative(root, f)).sort()).toEqual(['data/kenya-eu/dataset.yaml', 'data/kenya-eu/facts.yaml', 'data/kenya-eu/series.yaml', 'data/kenya-eu/series/exports-by-year.csv', 'data/kenya-eu/sources.yaml']);
    expect(loadDataset(path.join(root, 'data', 'kenya-eu')).diagnostics).toEqual([]);
    const req = (template: string) => ({ templatesDir: path.join(root, 'templates'), template, dataDir: path.join(root, 'data', 'kenya-eu'), outDir: path.join(root, 'out') });
    const brief = await buildPdf(req('standard-brief'));
    const deck = await buildPptx(req('standard-deck'));
    for (const o of [brief, deck]) expect(o.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(brief.outputs.map((f) => path.basename(f))).toEqual(['kenya-eu-standard-brief.pdf']);
    expect(deck.outputs.map((f) => path.basename(f))).toEqual(['kenya-eu-standard-deck.pptx']);
  });

  it('comments every field it shows', () => {
    const root = project();
    const files = newDataset(path.join(root, 'data'), 'x', '2026-12-01').value;
    const dataset = readFileSync(files.find((f) => f.endsWith('dataset.yaml'))!, 'utf8');
    for (const field of ['units:', 'id:', 'title:', 'subtitle:', 'description:', 'locale:', 'asOf:', 'date:', 'bases:', 'highlights:', 'sections:']) expect(dataset).toContain(field);
    expect(dataset).toMatch(/EXAMPLES, invented/);
  });

  it('refuses to overwrite, and writes nothing', () => {
    const root = project();
    newDataset(path.join(root, 'data'), 'x', '2026-12-01');
    const facts = path.join(root, 'data', 'x', 'facts.yaml');
    writeFileSync(facts, 'mine');
    const again = newDataset(path.join(root, 'data'), 'x', '2026-12-01');
    expect(again.diagnostics.map((d) => d.rule)).toEqual(['scaffold/exists']);
    expect(readFileSync(facts, 'utf8')).toBe('mine');
  });

  it('refuses a name that cannot be a dataset id', () => {
    const r = newDataset(path.join(project(), 'data'), '../escape', '2026-12-01');
    expect(r.diagnostics.map((d) => d.rule)).toEqual(['scaffold/bad-name']);
  });
});

describe('new template', () => {
  it('copies a standard template into the project, to edit', async () => {
    const root = project();
    const r = newTemplate(path.join(root, 'templates'), 'my-brief', 'standard-brief');
    expect(r.diagnostics).toEqual([]);
    expect(readFileSync(path.join(root, 'templates', 'my-brief', 'document.md.hbs'), 'utf8')).toContain('{{#each dataset.sections}}');
    expect(newTemplate(path.join(root, 'templates'), 'my-brief', 'standard-brief').diagnostics.map((d) => d.rule)).toEqual(['scaffold/exists']);
  });

  it('names the templates there are when the one to copy is not found', () => {
    const d = newTemplate(path.join(project(), 'templates'), 'mine', 'standard-breif').diagnostics[0]!;
    expect(d.rule).toBe('scaffold/unknown-template');
    expect(d.hint).toBe(messages['scaffold/unknown-template'].hint!({ name: 'standard-breif', known: ['standard-brief', 'standard-deck'] }));
  });
});

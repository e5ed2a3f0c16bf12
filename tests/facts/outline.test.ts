// dataset.yaml `highlights:` and `sections:`, and series `chart:` hints: each
// mistake is reported at its line, with the rule from the catalog.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { copyFixture, edit, lineOf } from '../helpers.js';

const cases: { rule: keyof typeof messages; file: string; from: string; to: string; at: string }[] = [
  { rule: 'facts/outline-unknown', file: 'data/dataset.yaml', from: '  - trade-total-2024-kr', to: '  - trade-total-2024-korea', at: 'trade-total-2024-korea' },
  { rule: 'facts/outline-unknown', file: 'data/dataset.yaml', from: 'measures: [fdi.]', to: 'measures: [investment.]', at: 'measures: [investment.]' },
  { rule: 'facts/outline-unknown', file: 'data/dataset.yaml', from: 'series: fdi-by-year', to: 'series: fdi-by-yr', at: 'series: fdi-by-yr' },
  { rule: 'facts/outline-unknown', file: 'data/dataset.yaml', from: 'facts: [shipping-route]', to: 'facts: [port-calls-2024, shipping-rute]', at: 'shipping-rute' },
  { rule: 'facts/schema', file: 'data/dataset.yaml', from: '  - title: Investment', to: '  - titel: Investment', at: 'titel: Investment' },
  { rule: 'facts/series-unknown-column', file: 'data/series.yaml', from: 'chart: { mark: bar, color: kind }', to: 'chart: { mark: bar, color: sort }', at: 'color: sort' },
  { rule: 'facts/bad-date', file: 'data/dataset.yaml', from: 'date: "2025-07-15"', to: 'date: "15 July"', at: 'date: "15 July"' },
];

describe('dataset outline', () => {
  it.each(cases)('$rule at $at', (c) => {
    const dir = copyFixture('standard');
    edit(dir, c.file, c.from, c.to);
    const errors = loadDataset(path.join(dir, 'data')).diagnostics.filter((d) => d.severity === 'error');
    expect(new Set(errors.map((d) => d.rule))).toEqual(new Set([c.rule]));
    expect(errors.map((d) => d.position.line)).toContain(lineOf(dir, c.file, c.at));
  });

  it('suggests the id meant', () => {
    const dir = copyFixture('standard');
    edit(dir, 'data/dataset.yaml', '  - trade-total-2024-kr', '  - trade-total-2024-korea');
    const d = loadDataset(path.join(dir, 'data')).diagnostics[0]!;
    expect(d.message).toBe(messages['facts/outline-unknown'].text({ kind: 'fact', id: 'trade-total-2024-korea', suggestions: [] }));
    expect(d.hint).toMatch(/^did you mean `trade-total-2024-kr`/);
  });

  it('refuses a highlight whose measure has conflicting figures, at its line, naming the bases', () => {
    const dir = copyFixture('standard');
    edit(dir, 'data/dataset.yaml', '  - trade-total-2024-kr', '  - { measure: trade.total }');
    const req = { templatesDir: path.join(dir, 'templates'), template: 'standard-brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') };
    const errors = checkDocument(req).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.rule)).toEqual(['template/conflicting-figures']);
    expect(errors[0]!.position).toMatchObject({ file: path.join(dir, 'data/dataset.yaml'), line: lineOf(dir, 'data/dataset.yaml', '{ measure: trade.total }') });
    expect(errors[0]!.hint).toContain('basis="kr-customs"');
  });

  it('takes a highlight query that names its basis', () => {
    const dir = copyFixture('standard');
    edit(dir, 'data/dataset.yaml', '  - trade-total-2024-kr', '  - { measure: trade.total, basis: cl-bank }');
    const req = { templatesDir: path.join(dir, 'templates'), template: 'standard-brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') };
    const checked = checkDocument(req);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(checked.prepared!.markdown).toContain('fact="trade-total-2024-cl"');
  });

  it('makes one section of everything when the dataset declares none', () => {
    const dir = copyFixture('standard');
    const file = path.join(dir, 'data/dataset.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^sections:[\s\S]*$/m, ''));
    const req = { templatesDir: path.join(dir, 'templates'), template: 'standard-brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') };
    const checked = checkDocument(req);
    expect(checked.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const md = checked.prepared!.markdown;
    expect(md.match(/^## /gm)).toHaveLength(2);
    expect(md).toContain('## Key facts');
    for (const id of ['trade-by-year', 'exports-by-product', 'fdi-by-year']) expect(md).toContain(`::chart{series="${id}"}`);
  });
});

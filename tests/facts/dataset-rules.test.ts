// One bad edit per rule, each must give exactly that rule at the edited line.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { copyFixture, edit, lineOf } from '../helpers.js';

const cases: { rule: string; file: string; from: string; to: string; at: string }[] = [
  { rule: 'facts/duplicate-id', file: 'data/facts.yaml', from: 'id: trade-2023', to: 'id: trade-2024', at: '' },
  { rule: 'facts/unknown-unit', file: 'data/facts.yaml', from: 'unit: USD bn\n    period: 2023', to: 'unit: USD billions\n    period: 2023', at: 'unit: USD billions' },
  { rule: 'facts/bad-date', file: 'data/sources.yaml', from: 'date: 2024-11-04', to: 'date: 4 Nov 2024', at: 'date: 4 Nov 2024' },
  { rule: 'facts/text-with-unit', file: 'data/facts.yaml', from: 'value: Lào Cai – Hà Nội – Hải Phòng', to: 'value: Lào Cai – Hà Nội – Hải Phòng\n    unit: count', at: 'unit: count' },
  { rule: 'facts/number-without-unit', file: 'data/facts.yaml', from: 'value: 171.9\n    unit: USD bn\n', to: 'value: 171.9\n', at: 'value: 171.9' },
  { rule: 'facts/series-source-mismatch', file: 'data/series.yaml', from: 'sources: [vns, gacc]', to: 'sources: [vns]', at: '' },
  { rule: 'csv/missing-column', file: 'data/series/trade.csv', from: 'period,value,', to: 'period,amount,', at: '' },
  { rule: 'csv/syntax', file: 'data/series/trade.csv', from: '2023,171.9,vns,', to: '2023,"171.9,vns,', at: '2023,"171.9,vns,' },
];

describe('dataset rules', () => {
  it.each(cases)('$rule', (c) => {
    // `at` is the edited line's text where the rule points at a line of that file.
    const dir = copyFixture('mini');
    edit(dir, c.file, c.from, c.to);
    const r = loadDataset(path.join(dir, 'data'));
    const errors = r.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.rule)).toContain(c.rule);
    const d = errors.find((x) => x.rule === c.rule)!;
    if (c.at) expect(d.position.line).toBe(lineOf(dir, c.file, c.at));
  });

  it('notes a declared basis no fact uses', () => {
    const dir = copyFixture('mini');
    edit(dir, 'data/dataset.yaml', 'bases:', 'bases:\n  unused: { label: Unused, according: according to nobody }');
    const r = loadDataset(path.join(dir, 'data'));
    expect(r.diagnostics.map((d) => `${d.severity} ${d.rule} ${d.position.line}`)).toEqual(['info facts/unused-basis 6']);
  });
});

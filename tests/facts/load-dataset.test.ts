import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { copyFixture, edit, fixtures, lineOf } from '../helpers.js';

const at = (d: { position: { file: string; line: number; column: number } }) => `${path.basename(d.position.file)}:${d.position.line}:${d.position.column}`;

describe('loadDataset', () => {
  it('loads a valid dataset with no errors', () => {
    const r = loadDataset(path.join(fixtures, 'mini', 'data'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const ds = r.value!;
    expect(Object.keys(ds.facts)).toContain('trade-2024');
    expect(ds.facts['trade-2024']).toMatchObject({ value: 260.65, unit: 'USD bn', basis: 'cn-customs', source: 'gacc' });
    expect(ds.facts['trade-2024']!.period).toMatchObject({ kind: 'year', text: '2024' });
    expect(ds.series['trade']!.rows.map((r) => r.values['value'])).toEqual([171.9, 260.65]);
    expect(ds.series['trade']!.rows[1]!.position.line).toBe(3);
  });

  it('reports malformed YAML with file, line and column', () => {
    const dir = copyFixture('mini');
    edit(dir, 'data/facts.yaml', '    label: Growth of bilateral trade', '    label: [Growth of bilateral trade');
    const r = loadDataset(path.join(dir, 'data'));
    const d = r.diagnostics.find((x) => x.rule === 'yaml/syntax');
    expect(d).toBeDefined();
    expect(d!.position.file).toBe(path.join(dir, 'data/facts.yaml'));
    expect(d!.position.line).toBeGreaterThanOrEqual(lineOf(dir, 'data/facts.yaml', '[Growth'));
  });

  it('rejects duplicate keys', () => {
    const dir = copyFixture('mini');
    edit(dir, 'data/facts.yaml', '    value: 260.65\n', '    value: 260.65\n    value: 261\n');
    const r = loadDataset(path.join(dir, 'data'));
    const d = r.diagnostics.find((x) => x.rule === 'yaml/duplicate-key')!;
    expect(d.message).toBe(messages['yaml/duplicate-key'].text({ key: 'value' }));
    expect(at(d)).toBe(`facts.yaml:${lineOf(dir, 'data/facts.yaml', 'value: 261')}:5`);
  });

  it('caps alias expansion', () => {
    const dir = copyFixture('mini');
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`)].join('\n');
    edit(dir, 'data/sources.yaml', 'sources:', `${bomb}\nsources:`);
    const r = loadDataset(path.join(dir, 'data'));
    expect(r.diagnostics.some((x) => x.rule === 'yaml/alias-limit')).toBe(true);
  });

  it('reports every problem in one run: missing source, wrong type, unknown basis, bad period, bad CSV number', () => {
    const dir = copyFixture('mini');
    edit(dir, 'data/facts.yaml', '    source: gacc\n  - id: trade-2023', '  - id: trade-2023');
    edit(dir, 'data/facts.yaml', 'value: 171.9', 'value: [171.9]');
    edit(dir, 'data/facts.yaml', 'basis: vn-stats', 'basis: vn-statz');
    edit(dir, 'data/facts.yaml', 'period: 2024-12', 'period: December 2024');
    edit(dir, 'data/series/trade.csv', '260.65,gacc', '260,65,gacc');
    const r = loadDataset(path.join(dir, 'data'));
    const got = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${at(d)} ${d.rule}`);
    const f = (needle: string) => lineOf(dir, 'data/facts.yaml', needle);
    expect(got).toEqual(
      expect.arrayContaining([
        `facts.yaml:${f('id: trade-2024')}:5 facts/missing-source`,
        `facts.yaml:${f('value: [171.9]')}:12 facts/schema`,
        `facts.yaml:${f('basis: vn-statz')}:12 facts/unknown-basis`,
        `facts.yaml:${f('period: December 2024')}:13 facts/bad-period`,
      ]),
    );
    // "260,65" splits into two cells: the row has more columns than the header.
    expect(r.diagnostics.some((d) => d.rule.startsWith('csv/') && d.position.line === 3)).toBe(true);
    const missing = r.diagnostics.find((d) => d.rule === 'facts/missing-source')!;
    expect(missing.message).toBe(messages['facts/missing-source'].text({ owner: 'fact `trade-2024`' }));
    const unknownBasis = r.diagnostics.find((d) => d.rule === 'facts/unknown-basis')!;
    expect(unknownBasis.hint).toContain('`vn-stats`');
  });

  it('reports an unknown source id and a non-numeric CSV value', () => {
    const dir = copyFixture('mini');
    edit(dir, 'data/facts.yaml', 'source: gacc', 'source: gac');
    edit(dir, 'data/series/trade.csv', '171.9,vns', 'n/a,vns');
    const r = loadDataset(path.join(dir, 'data'));
    const unknown = r.diagnostics.find((d) => d.rule === 'facts/unknown-source')!;
    expect(at(unknown)).toBe(`facts.yaml:${lineOf(dir, 'data/facts.yaml', 'source: gac')}:13`);
    const nan = r.diagnostics.find((d) => d.rule === 'csv/not-a-number')!;
    expect(at(nan)).toBe('trade.csv:2:6');
    expect(nan.message).toBe(messages['csv/not-a-number'].text({ column: 'value', found: 'n/a' }));
  });

  it('names unknown fields and missing required ones', () => {
    const dir = copyFixture('mini');
    edit(dir, 'data/facts.yaml', '    label: Bilateral trade\n    measure: trade.bilateral.total\n    value: 260.65', '    lable: Bilateral trade\n    measure: trade.bilateral.total\n    value: 260.65');
    const r = loadDataset(path.join(dir, 'data'));
    const texts = r.diagnostics.map((d) => d.message);
    expect(texts).toContain('facts[0].label: missing required field');
    expect(texts).toContain('facts[0]: unknown field `lable`');
  });

  it('checks a series row against the fact it names', () => {
    const dir = copyFixture('mini');
    edit(dir, 'data/series/trade.csv', 'period,value,source,basis\n2023,171.9,vns,\n2024,260.65,gacc,cn-customs', 'period,value,source,basis,fact\n2023,171.9,vns,,trade-2023\n2024,260.6,gacc,cn-customs,trade-2024\n2024,1,gacc,,trade-2042');
    const r = loadDataset(path.join(dir, 'data'));
    expect(r.diagnostics.map((d) => `${at(d)} ${d.rule}`)).toEqual(['trade.csv:3:1 facts/series-fact-mismatch', 'trade.csv:4:1 facts/series-unknown-fact']);
    expect(r.diagnostics[0]!.message).toBe(messages['facts/series-fact-mismatch'].text({ series: 'trade', id: 'trade-2024', field: 'value', row: '260.6', fact: '260.65' }));
  });
});

// Declared units and written precision in template output, in both locales:
// running text, the `number` field, key figures, fact tables, context views,
// and the `currency` helper.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { report } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { unknownUnitArgs } from '../../src/facts/unit-hint.js';
import { expandTemplate, type TemplateSet } from '../../src/template/expand-template.js';
import { fixtures } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'units', 'data')).value!;
const file = '/virtual/templates/t/document.md.hbs';
const set = (text: string): TemplateSet => ({ main: { name: 't', file, text }, partials: [] });
const run = (text: string, locale: 'en' | 'vi') => expandTemplate(set(text), dataset, locale);
/** Output without citation markers. */
const out = (text: string, locale: 'en' | 'vi') => run(text, locale).value!.markdown.replace(/:cite\{[^}]*\}/g, '');

const cases: [string, string, string, string][] = [
  // template, English, Vietnamese, what it shows
  ['{{fact "exports-2024"}}', '€1.40 billion', '1,40 tỷ euro', 'a declared currency unit keeps 1.40'],
  ['{{fact "exports-2024" form="short"}}', '€1.40bn', '1,40 tỷ euro', 'short form'],
  ['{{fact "exports-kes-2024"}}', 'KES 2,973.0 million', '2.973,0 triệu KES', '2973.0 keeps its .0; symbol after in Vietnamese'],
  ['{{fact "exports-kes-2024" "number"}}', '2,973.0', '2.973,0', 'the number field'],
  ['{{fact "containers-2024"}}', '12,500 TEU', '12.500 TEU', 'a unit that is a word after the number'],
  ['{{fact "volume-2024"}}', '0.35 million tonnes', '0,35 triệu tấn', 'a scaled word unit'],
  ['{{fact "volume-2024" form="short"}}', '0.35m t', '0,35 triệu tấn', 'an explicit short form, generated where not given'],
  ['{{fact "flowers-change-2024"}}', '-€0.25 billion', '-0,25 tỷ euro', 'a negative value, sign before the symbol'],
  ['{{fact "imports-2024"}}', '€0.20 billion', '0,20 tỷ euro', '`decimals: 2` on a fact written 0.2'],
  ['{{fact "exports-2024" decimals=1}}', '€1.4 billion', '1,4 tỷ euro', 'the helper option still wins'],
  ['{{fact "exports-2024" "unit"}}', '€ billion', 'tỷ euro', 'the unit field: axis words'],
  ['{{#eachFact ids="exports-kes-2024"}}{{value}}{{/eachFact}}', 'KES 2,973.0 million', '2.973,0 triệu KES', 'the context view'],
  ['{{facts.exports-2024.value}}', '€1.40 billion', '1,40 tỷ euro', 'the context view by id'],
  ['{{currency 2.5 unit="EUR bn"}}', '€2.5 billion', '2,5 tỷ euro', 'the currency helper knows declared units'],
];

describe('declared units and written precision in text', () => {
  it.each(cases)('%s', (template, en, vi) => {
    expect(out(template, 'en')).toBe(en);
    expect(out(template, 'vi')).toBe(vi);
  });

  it('key figures use the short form at the written precision', () => {
    const t = '{{keyFigure "exports-2024"}}\n{{keyFigure "exports-kes-2024"}}\n{{keyFigure "volume-2024"}}';
    expect(out(t, 'en').match(/value="[^"]*"/g)).toEqual(['value="€1.40bn"', 'value="KES 2,973.0m"', 'value="0.35m t"']);
    expect(out(t, 'vi').match(/value="[^"]*"/g)).toEqual(['value="1,40 tỷ euro"', 'value="2.973,0 triệu KES"', 'value="0,35 triệu tấn"']);
  });

  it('fact tables use the short form at the written precision', () => {
    const t = '{{factTable ids="exports-2024 exports-kes-2024 containers-2024 imports-2024" columns="value"}}';
    const values = (locale: 'en' | 'vi') => out(t, locale).split('\n').slice(2).map((l) => l.replace(/^\| | \|$/g, ''));
    expect(values('en')).toEqual(['€1.40bn', 'KES 2,973.0m', '12,500 TEU', '€0.20bn']);
    expect(values('vi')).toEqual(['1,40 tỷ euro', '2.973,0 triệu KES', '12.500 TEU', '0,20 tỷ euro']);
  });

  it('reports an unknown unit in the currency helper, with the declaration hint', () => {
    const r = run('{{currency 2.5 unit="GBP bn"}}', 'en');
    expect(r.diagnostics).toEqual([report('facts/unknown-unit', { file, line: 1, column: 1 }, unknownUnitArgs('GBP bn', dataset.units))]);
    expect(r.diagnostics[0]!.hint).toContain('symbol: GBP\n          scale: billion');
  });
});

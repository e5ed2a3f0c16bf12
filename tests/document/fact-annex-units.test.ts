// The fact annex prints declared units at the written precision, in both
// locales; chart nodes carry their series' precision.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDocument } from '../../src/build.js';
import type { Chart, Table } from '../../src/document/nodes.js';
import { plainText } from '../../src/document/plain-text.js';
import { fixtures } from '../helpers.js';

const dir = path.join(fixtures, 'units');
const prepared = (locale: 'en' | 'vi') => {
  const r = checkDocument({ templatesDir: path.join(dir, 'templates'), template: 'brief', dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out'), locale });
  expect(r.diagnostics).toEqual([]);
  return r.prepared!;
};
/** The annex is the last table: its label and value columns as text. */
function annex(locale: 'en' | 'vi'): [string, string][] {
  const tables = prepared(locale).document.children.filter((b): b is Table => b.type === 'table');
  return tables.at(-1)!.rows.map((r) => [r[0]!.children.map(plainText).join(''), r[1]!.children.map(plainText).join('')]);
}

describe('fact annex with declared units', () => {
  it('prints each fact in its short form at the precision it was written with', () => {
    const values = (locale: 'en' | 'vi') => Object.fromEntries(annex(locale));
    expect(values('en')).toMatchObject({
      'Horticultural exports to the EU': '€1.40bn',
      'Horticultural exports to the EU in shillings': 'KES 2,973.0m',
      'Reefer containers shipped': '12,500 TEU',
      'Horticultural export volume': '0.35m t',
      'Horticultural imports from the EU': '€0.20bn',
    });
    expect(values('vi')).toMatchObject({
      'Horticultural exports to the EU': '1,40 tỷ euro',
      'Horticultural exports to the EU in shillings': '2.973,0 triệu KES',
      'Reefer containers shipped': '12.500 TEU',
      'Horticultural export volume': '0,35 triệu tấn',
      'Horticultural imports from the EU': '0,20 tỷ euro',
    });
  });

  it('gives a chart node its series precision and unit line from the declared unit', () => {
    const chart = (locale: 'en' | 'vi') => prepared(locale).document.children.find((b): b is Chart => b.type === 'chart')!;
    expect(chart('en').decimals).toBe(2);
    expect(chart('en').unitLine).toBe('Unit: € billion');
    expect(chart('vi').unitLine).toMatch(/: tỷ euro$/);
  });
});

// The helpers the standard templates are written with, which any template
// may use: `eachMeasure`, `keyFigure change="auto"`, `factTable` by measure
// and ids, and the dataset outline in the context.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { expandTemplate, type TemplateSet } from '../../src/template/expand-template.js';
import { fixtures } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'standard', 'data')).value!;
const file = '/virtual/templates/t/document.md.hbs';
const run = (text: string, locale: 'en' | 'vi' = 'en') => expandTemplate({ main: { name: 't', file, text }, partials: [] } satisfies TemplateSet, dataset, locale);
const md = (text: string, locale: 'en' | 'vi' = 'en') => {
  const r = run(text, locale);
  expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return r.value!.markdown;
};

describe('eachMeasure', () => {
  const each = '{{#eachMeasure measure=m}}[{{label}}|{{period}}|{{value}}|{{changeText}}|{{conflict}}]{{/eachMeasure}}';
  it('gives the latest figure of each measure, with the change on a year earlier', () => {
    expect(md(each.replace('m}}', '"trade.exports.copper"}}'))).toBe(
      '[Copper exports to Korea|Jan–May 2025|US$2.96 billion:cite{source="cl-bank-bulletin" fact="copper-exports-2025-jan-may"}|up 22.8% on Jan–May 2024:cite{source="cl-bank-bulletin" fact="copper-exports-2024-jan-may"}|false]',
    );
  });
  it('shows disagreeing latest figures side by side, each with its basis, and computes no change', () => {
    expect(md(each.replace('m}}', '"trade.total"}}'))).toBe(
      '[Bilateral trade|2024|US$11.2 billion according to Korea\'s customs:cite{source="kr-trade-review" fact="trade-total-2024-kr"}; US$10.74 billion according to Chile\'s central bank:cite{source="cl-bank-bulletin" fact="trade-total-2024-cl"}||true]',
    );
  });
  it('takes measure prefixes and ids, in dataset order, up to a limit', () => {
    const out = md('{{#eachMeasure measure="fdi." ids="shipping-route" limit=2}}{{label}};{{/eachMeasure}}');
    expect(out).toBe('Korean direct investment stock in Chile;Korean investment projects in Chile;');
    expect(md('{{#eachMeasure ids="shipping-route"}}{{value}}{{/eachMeasure}}')).toBe('Busan – San Antonio – Valparaíso:cite{source="port-authority" fact="shipping-route"}');
  });
  it('is a block helper: called without a block, it says so and prints nothing', () => {
    for (const helper of ['eachMeasure', 'eachFact']) {
      const r = run(`{{${helper} measure="fdi."}}`);
      expect(r.value!.markdown).toBe('');
      expect(r.diagnostics.map((d) => d.message)).toEqual([messages['template/bad-argument'].text({ helper, detail: `is a block helper: \`{{#${helper} …}}…{{/${helper}}}\`` })]);
    }
  });
  it('speaks the document’s language', () => {
    expect(md(each.replace('m}}', '"shipping.port-calls"}}'), 'vi')).toContain('tăng 8,3% so với 2023');
  });
});

describe('keyFigure change="auto"', () => {
  it('uses the declared growth relation, else a year earlier, else nothing', () => {
    expect(md('{{keyFigure "trade-total-2024-kr" change="auto"}}')).toContain('change="+13.7% on 2023" changeSource="kr-trade-review" changeFact="trade-growth-2024-kr"');
    expect(md('{{keyFigure "port-calls-2024" change="auto"}}')).toContain('change="up 8.3% on 2023"');
    expect(md('{{keyFigure "lithium-exports-2024" change="auto"}}')).not.toContain('change=');
  });
  it('refuses another value', () => {
    const r = run('{{keyFigure "port-calls-2024" change="yes"}}');
    expect(r.diagnostics.map((d) => d.message)).toEqual([messages['template/bad-argument'].text({ helper: 'keyFigure', detail: '`change` takes "auto", found `yes`' })]);
  });
});

describe('the dataset outline in the context', () => {
  it('lists highlights as fact ids and sections with their measures and series', () => {
    expect(md('{{#each dataset.highlights}}{{id}}/{{label}};{{/each}}')).toBe('trade-total-2024-kr/;copper-exports-2025-jan-may/Copper exports to Korea;fdi-stock-2024/Korean investment stock;port-calls-2024/;');
    expect(md('{{#each dataset.sections}}{{title}}:{{measures}}:{{#each series}}{{this}},{{/each}}|{{/each}}')).toBe(
      "Trade:trade.total,trade.exports.copper,trade.exports.lithium,trade.growth:trade-by-year,exports-by-product,|Chile's exports by product:trade.product.:|Investment:fdi.:fdi-by-year,|Shipping:shipping.:|",
    );
    expect(md('{{dataset.subtitle}} / {{dataset.date}} / {{words.keyFigures}}')).toBe('Copper, lithium and shipping links ahead of the trade talks / 15 July 2025 / Key figures');
  });
  it('makes an empty selection an empty table, not a header alone', () => {
    expect(md('{{factTable measure="nothing."}}')).toBe('');
  });
});

// Issue 9: every number a loop prints is cited; queries that select nothing,
// unknown citation ids and growth figures of another measure are reported.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { expandTemplate, type TemplateSet } from '../../src/template/expand-template.js';
import { fixtures } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'mini', 'data')).value!;
const file = '/virtual/templates/t/document.md.hbs';
const set = (text: string): TemplateSet => ({ main: { name: 't', file, text }, partials: [] });
const run = (text: string) => expandTemplate(set(text), dataset, 'en');

describe('eachFact cites what it prints', () => {
  it('`{{value}}` carries the citation marker, `{{valueText}}` is bare', () => {
    const out = run('{{#eachFact ids="trade-2024"}}{{value}} / {{valueText}}{{/eachFact}}').value!.markdown;
    expect(out).toBe('US$260.65 billion:cite{source="gacc" fact="trade-2024"} / US$260.65 billion');
  });
  it('`cite=false` on the block leaves `{{value}}` bare', () => {
    expect(run('{{#eachFact ids="trade-2024" cite=false}}{{value}}{{/eachFact}}').value!.markdown).toBe('US$260.65 billion');
  });
});

describe('a query that selects nothing', () => {
  for (const [helper, call] of [
    ['factTable', '{{factTable measure="trad"}}'],
    ['eachFact', '{{#eachFact measure="trad"}}{{value}}{{/eachFact}}'],
    ['eachMeasure', '{{#eachMeasure measure="trad"}}{{value}}{{/eachMeasure}}'],
  ] as const) {
    it(`is a warning naming the query, with a suggestion (${helper})`, () => {
      const r = run(`x\n${call}\n`);
      const d = r.diagnostics.filter((x) => x.rule === 'template/empty-query');
      expect(d).toHaveLength(1);
      expect(d[0]!.severity).toBe('warning');
      expect(d[0]!.position.line).toBe(2);
      expect(d[0]!.message).toBe(messages['template/empty-query'].text({ helper, query: 'measure="trad"', prefix: 'trad', suggestions: [] }));
      expect(d[0]!.hint).toContain('did you mean `trade`');
    });
  }
  it('suggests the measures a string prefix starts (`trade.bil` → `trade.bilateral`)', () => {
    const d = run('{{factTable measure="trade.bil"}}').diagnostics.find((x) => x.rule === 'template/empty-query')!;
    expect(d.hint).toContain('`trade.bilateral`');
  });
  it('stays silent for an empty query and for a query that matches', () => {
    expect(run('{{factTable measure="" ids=""}}{{factTable measure="trade."}}').diagnostics.filter((x) => x.rule === 'template/empty-query')).toEqual([]);
  });
});

describe('cite with an unknown id', () => {
  it('says "unknown fact or source" and suggests facts and sources', () => {
    const r = run('{{cite "trade-2025"}} {{cite "gac"}}');
    const ds = r.diagnostics.filter((x) => x.rule === 'template/unknown-source');
    expect(ds.map((d) => d.message)).toEqual([messages['template/unknown-source'].text({ id: 'trade-2025', suggestions: [] }), messages['template/unknown-source'].text({ id: 'gac', suggestions: [] })]);
    expect(ds[0]!.message).toContain('unknown fact or source');
    expect(ds[0]!.hint).toContain('`trade-2024`');
    expect(ds[1]!.hint).toContain('`gacc`');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../../src/diagnostics/messages.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { expandTemplate, loadTemplateSet, type TemplateSet } from '../../src/template/expand-template.js';
import { fixtures } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'mini', 'data')).value!;
const file = '/virtual/templates/t/document.md.hbs';
const set = (text: string, partials: TemplateSet['partials'] = []): TemplateSet => ({ main: { name: 't', file, text }, partials });
const run = (text: string, locale: 'en' | 'vi' = 'en', partials: TemplateSet['partials'] = []) => expandTemplate(set(text, partials), dataset, locale);

describe('expandTemplate', () => {
  it('prints a fact with its unit and a citation marker, in each locale', () => {
    expect(run('{{fact "trade-2024"}}').value!.markdown).toBe('US$260.65 billion:cite{source="gacc" fact="trade-2024"}');
    expect(run('{{fact "trade-2024"}}', 'vi').value!.markdown).toBe('260,65 tỷ USD:cite{source="gacc" fact="trade-2024"}');
    expect(run('{{fact "trade-2024" "period"}} / {{fact "trade-2024" "label"}}').value!.markdown).toBe('2024 / Bilateral trade');
    expect(run('{{fact "trade-2024" cite=false decimals=1}}').value!.markdown).toBe('US$260.7 billion');
    expect(run('{{fact "vn-2024" "according"}}').value!.markdown).toBe("according to Viet Nam's statistics");
  });

  it('escapes data for Markdown but not for HTML', () => {
    const out = run('{{fact "star"}} {{facts.star.label}}').value!.markdown;
    expect(out).toContain('\\*not emphasis\\* \\[not a link\\] \\#1 & \\_x\\_');
    expect(out).toContain('Odd \\*value\\* with \\[brackets\\] & \\#hash');
    expect(out).not.toContain('&amp;');
  });

  it('computes a change between two facts and cites both', () => {
    const out = run('{{change "trade-2023" "trade-2024" mixedBases=true}}').value!.markdown;
    expect(out).toBe('up 51.6%:cite{source="vns" fact="trade-2023"}:cite{source="gacc" fact="trade-2024"}');
    expect(run('{{change "trade-2023" "trade-2024" mixedBases=true}}', 'vi').value!.markdown).toMatch(/^tăng 51,6%/);
  });

  it('formats numbers, percentages, currency, dates and periods', () => {
    const out = run('{{number 1234.5}} {{percent 17.46}} {{currency 3.13 unit="USD bn"}} {{date "2025-09-30"}} {{period "2024-01..2024-08"}}', 'vi').value!.markdown;
    expect(out).toBe('1.234,5 17,46% 3,13 tỷ USD 30/9/2025 tháng 1–8/2024');
  });

  it('reports an unknown fact with the template file, line and column, and a suggestion', () => {
    const r = run('# Title\n\nTrade was {{fact "trade-2042"}}.\n');
    const d = r.diagnostics.find((x) => x.rule === 'template/unknown-fact')!;
    expect(d.position).toEqual({ file, line: 3, column: 11 });
    expect(d.message).toBe(messages['template/unknown-fact'].text({ id: 'trade-2042', suggestions: [] }));
    expect(d.hint).toContain('`trade-2024`');
    // Reported once (statically and by the helper, deduplicated); the rest still expands, with a marker.
    expect(r.diagnostics.filter((x) => x.rule === 'template/unknown-fact')).toHaveLength(1);
    expect(r.value!.markdown).toContain('Trade was ⟨trade-2042⟩.');
  });

  it('reports all unknown facts, helpers and partials at once, even in branches not taken', () => {
    const r = run('{{fact "nope-1"}}\n{{#if false}}{{fact "nope-2"}}{{/if}}\n{{shout "x"}}\n{{> missing}}\n{{factz}}\n');
    const got = r.diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.rule}`);
    expect(got).toEqual(['1:1 template/unknown-fact', '2:14 template/unknown-fact', '3:1 template/unknown-helper', '4:1 template/unknown-partial', '5:1 template/unknown-helper']);
  });

  it('reports a missing field inside a block, found when the template runs', () => {
    const r = run('{{#each facts}}\n{{labl}}\n{{/each}}');
    expect(r.diagnostics.map((d) => `${d.position.line}:${d.position.column} ${d.rule} ${d.message}`)).toEqual(['2:3 template/unknown-field unknown field `labl`']);
  });

  it('reports an unknown field of a fact', () => {
    const r = run('{{fact "trade-2024" "colour"}}');
    expect(r.diagnostics[0]!.rule).toBe('template/unknown-fact-field');
  });

  it('reports a template syntax error with its line', () => {
    const r = run('line one\n{{#if x}}\nunclosed\n');
    expect(r.diagnostics[0]!.rule).toBe('template/syntax');
  });

  it('maps output lines back to template lines, through partials', () => {
    const partial = { name: 'p', file: '/virtual/templates/partials/p.md.hbs', text: 'partial line 1\npartial line 2\n' };
    const r = run('first\n{{> p}}\nlast {{fact "trade-2024"}}\n', 'en', [partial]);
    const { markdown, origins } = r.value!;
    const lines = markdown.split('\n');
    const originOf = (needle: string) => origins[lines.findIndex((l) => l.includes(needle))]!;
    expect(originOf('first')).toMatchObject({ file, line: 1 });
    expect(originOf('partial line 2')).toMatchObject({ file: partial.file, line: 2 });
    expect(originOf('last')).toMatchObject({ file, line: 3 });
  });

  it('loads a template folder with shared partials', () => {
    const r = loadTemplateSet(path.join(fixtures, 'mini', 'templates'), 'brief');
    expect(r.value!.partials.map((p) => p.name)).toEqual(['signoff']);
    expect(loadTemplateSet(path.join(fixtures, 'mini', 'templates'), 'nope').diagnostics[0]!.rule).toBe('template/unknown-template');
  });

  it('renders key figures as directives with their change', () => {
    const out = run('{{keyFigure "trade-2024" growth="growth-2024" changeLabel="y/y"}}').value!.markdown;
    expect(out).toBe('::figure{value="US$260.65bn" label="Bilateral trade" period="2024" source="gacc" fact="trade-2024" change="+13.5% y/y" changeSource="gacc" changeFact="growth-2024"}');
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartCatalog } from '../../src/charts/chart-catalog.js';
import { markdownToDocument } from '../../src/document/markdown-to-document.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { expandTemplate } from '../../src/template/expand-template.js';
import { fixtures } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'mini', 'data')).value!;
const file = '/t/document.md.hbs';
const rules = (text: string) => {
  const r = expandTemplate({ main: { name: 't', file, text }, partials: [] }, dataset, 'en');
  return r.diagnostics.map((d) => `${d.position.line} ${d.rule}`);
};

describe('helper argument errors', () => {
  it.each([
    ['{{cite "nobody"}}', '1 template/unknown-source'],
    ['{{fact "trade-2024" decimals=99}}', '1 template/bad-argument'],
    ['{{number "many"}}', '1 template/bad-argument'],
    ['\n{{change "route" "trade-2024"}}', '2 template/not-a-number'],
    ['{{change "growth-2024" "trade-2024"}}', '1 template/unit-mismatch'],
    ['{{currency 3 unit="EUR bn"}}', '1 facts/unknown-unit'],
    ['{{date "soon"}}', '1 facts/bad-date'],
  ])('%s', (text, expected) => {
    expect(rules(text)).toEqual([expected]);
  });
});

describe('document errors', () => {
  const charts = chartCatalog(path.join(fixtures, 'mini', 'templates', 'charts'), dataset, 'en');
  const convert = (markdown: string) =>
    markdownToDocument({ markdown, origins: markdown.split('\n').map((_, i) => ({ file, line: i + 1, outputColumn: 1 })), file, dataset, locale: 'en', charts }).diagnostics.map((d) => `${d.position.line} ${d.severity} ${d.rule}`);

  it('reports bad attributes, unsupported Markdown and bad front matter at their lines', () => {
    expect(convert('---\ntitle: [unclosed\n---\n')).toEqual(expect.arrayContaining([expect.stringMatching(/ error yaml\/syntax$/)]));
    // An unknown key, and so no title either: both reported.
    expect(new Set(convert('---\ntitel: X\n---\n'))).toEqual(new Set(['2 error document/bad-front-matter']));
    expect(convert('para\n\n:::callout{kind=loud}\nx\n:::')).toEqual(['3 error document/bad-attribute']);
    expect(convert('::figure{value="1" label="x"}')).toEqual(['1 error document/bad-attribute']);
    expect(convert('```\ncode\n```\n\n<b>raw</b>')).toEqual(['1 warning document/unsupported-markdown', '5 warning document/unsupported-markdown', '5 warning document/unsupported-markdown']); // <b> and </b>
    expect(convert('x :cite{source="nobody"}')).toEqual(['1 error document/citation-outside-sources']);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartCatalog } from '../../src/charts/chart-catalog.js';
import { markdownToDocument } from '../../src/document/markdown-to-document.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { fixtures } from '../helpers.js';

const dataset = loadDataset(path.join(fixtures, 'mini', 'data')).value!;
const charts = chartCatalog(path.join(fixtures, 'mini', 'templates', 'charts'), dataset, 'en');
const file = '/t/document.md.hbs';
const convert = (markdown: string) => {
  // Pretend every Markdown line came from the same template line number + 10.
  const origins = markdown.split('\n').map((_, i) => ({ file, line: i + 11, outputColumn: 1 }));
  return markdownToDocument({ markdown, origins, file, dataset, locale: 'en', charts });
};

describe('markdownToDocument', () => {
  it('builds the typed tree: front matter, headings with ids, callouts, key figures, charts, tables, sources', () => {
    const r = convert(
      [
        '---',
        'title: T – Hải Phòng',
        'marking: Restricted',
        '---',
        '# Trade & more',
        ':::key-points',
        '- one :cite{source="gacc" fact="trade-2024"}',
        ':::',
        ':::key-figures',
        '::figure{value="US$1bn" label="L" period="2024" source="vns"}',
        ':::',
        '::chart{spec="trade"}',
        '',
        '| a | b |',
        '|---|--:|',
        '| 1 | 2 |',
        '',
        'Text[^n].',
        '',
        '[^n]: A note.',
        '',
        '::sources',
      ].join('\n'),
    );
    expect(r.diagnostics).toEqual([]);
    const doc = r.value;
    expect(doc.meta).toMatchObject({ title: 'T – Hải Phòng', marking: 'Restricted', date: '2025-04-10' });
    expect(doc.children.map((b) => b.type)).toEqual(['heading', 'callout', 'key-figures', 'chart', 'table', 'paragraph', 'footnote-list', 'sources-list']);
    expect(doc.children[0]).toMatchObject({ id: 'trade-more', level: 1, position: { file, line: 15, column: 1 } });
    expect(doc.sources.map((s) => [s.number, s.sourceId])).toEqual([
      [1, 'gacc'],
      [2, 'vns'],
    ]);
    const table = doc.children[4]!;
    expect(table.type === 'table' && table.align).toEqual(['left', 'right']);
  });

  it('reports unknown directives and missing attributes at the template line', () => {
    const r = convert('para\n\n::chrat{spec="trade"}\n\n::chart\n\n:::boxx\nx\n:::\n');
    expect(r.diagnostics.map((d) => `${d.position.line} ${d.rule}`)).toEqual(['13 document/unknown-directive', '15 document/missing-attribute', '17 document/unknown-directive']);
  });

  it('keeps a colon word in prose as text', () => {
    const r = convert('Ratio 3:1 and note:this');
    expect(r.diagnostics).toEqual([]);
    const p = r.value.children[0]!;
    expect(p.type === 'paragraph' && p.children.map((c) => (c.type === 'text' ? c.value : '')).join('')).toBe('Ratio 3:1 and note:this');
  });

  it('numbers citations by first use and merges repeats', () => {
    const r = convert('A :cite{source="vns"}:cite{source="vns"} B :cite{source="gacc"} C :cite{source="vns"}');
    const p = r.value.children[0]!;
    const nums = p.type === 'paragraph' ? p.children.filter((c) => c.type === 'citation').map((c) => (c.type === 'citation' ? c.number : 0)) : [];
    expect(nums).toEqual([1, 2, 1]);
  });
});

describe(':lang', () => {
  it('marks text in another language, and names a missing or malformed code', () => {
    const ok = convert('Called :lang[Cảng Hải Phòng]{code=vi} there.');
    expect(ok.diagnostics).toEqual([]);
    const p = ok.value.children[0];
    expect(p?.type === 'paragraph' && p.children[1]).toMatchObject({ type: 'lang', lang: 'vi', children: [{ type: 'text', value: 'Cảng Hải Phòng' }] });
    const bad = convert('A :lang[x]{code="not a tag"} and :lang[y].');
    expect(bad.diagnostics.map((d) => [d.rule, d.position.line])).toEqual([
      ['document/bad-attribute', 11],
      ['document/missing-attribute', 11],
    ]);
    // The text stays, unmarked.
    const q = bad.value.children[0];
    expect(q?.type === 'paragraph' && q.children.map((c) => (c.type === 'text' ? c.value : c.type)).join('')).toBe('A x and y.');
  });
});

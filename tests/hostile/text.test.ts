// Text that breaks the file: control characters, lone surrogates, bidi
// controls and markup characters in every field of a dataset (title,
// sources, facts, series, CSV cells that become chart categories and series
// names), and text long enough to choke a deck.
import path from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPdf, buildPptx } from '../../src/build.js';
import { report, messages } from '../../src/diagnostics/messages.js';
import { diagnosticsToJson, formatDiagnostic } from '../../src/diagnostics/format-diagnostic.js';
import { maxCsvCellLength, maxYamlTextLength } from '../../src/facts/clean-text.js';
import { loadDataset } from '../../src/facts/load-dataset.js';
import { slidesToPptx } from '../../src/render/pptx/slides-to-pptx.js';
import { defaultTheme } from '../../src/theme/theme.js';
import { chartToPng } from '../../src/charts/chart-png.js';
import { copyFixture, edit, lineOf, root } from '../helpers.js';
import { readPdf } from '../render/read-pdf.js';
import { readPptx } from '../render/read-pptx.js';
import { hostileStandard } from './hostile-data.js';
import { malformedParts, strictXmlError, xmlPartCount } from './strict-xml.js';

// No caches, so every build here runs every stage (restored after each test: test files share a process).
beforeEach(() => {
  vi.stubEnv('BRIEFDECK_NO_CACHE', '1');
});

const controls = ['U+0001', 'U+0000', 'U+D800', 'U+007F', 'U+0085'];
const bidi = ['U+202E', 'U+2066'];
const invisible = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]|[\uD800-\uDFFF]/;
const req = (dir: string, template: string) => ({ templatesDir: path.join(root, 'templates'), template, dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });

describe('hostile text in every field', async () => {
  const dir = hostileStandard();
  const deck = await buildPptx(req(dir, 'standard-deck'), { write: false });
  const data = (f: string) => path.join(dir, 'data', f);

  it('builds, with a warning naming each field or cell (file:line:col) and what was removed', () => {
    expect(deck.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warnings = deck.diagnostics.filter((d) => d.rule.startsWith('text/'));
    const at = (file: string, line: number) => warnings.filter((w) => w.position.file === data(file) && w.position.line === line).map((w) => w.message);
    expect(at('dataset.yaml', lineOf(dir, 'data/dataset.yaml', 'title:'))).toEqual([
      messages['text/control-character'].text({ where: '`title`', found: controls }),
      messages['text/bidi-control'].text({ where: '`title`', found: bidi }),
    ]);
    expect(at('facts.yaml', lineOf(dir, 'data/facts.yaml', 'value: "Busan'))).toEqual([
      messages['text/control-character'].text({ where: '`facts[45].value` (of `shipping-route`)', found: controls }),
      messages['text/bidi-control'].text({ where: '`facts[45].value` (of `shipping-route`)', found: bidi }),
    ]);
    const cell = warnings.filter((w) => w.position.file === data('series/exports-by-product.csv'));
    expect(cell.map((w) => [w.position.line, w.position.column, w.message])).toEqual([
      [2, 1, messages['text/control-character'].text({ where: 'exports-by-product.csv cell `product` (row 2)', found: ['U+0001', 'U+0000', 'U+007F', 'U+0085'] })],
      [2, 1, messages['text/bidi-control'].text({ where: 'exports-by-product.csv cell `product` (row 2)', found: bidi })],
    ]);
    // Sources, labels, the series title and the colour column (series names) are reported too.
    for (const file of ['sources.yaml', 'series.yaml', 'series/fdi-by-year.csv']) expect(warnings.some((w) => w.position.file === data(file)), file).toBe(true);
  });

  it('writes a deck whose every XML part, embedded workbooks included, parses with a strict XML parser', async () => {
    expect(await malformedParts(deck.pptx!)).toEqual([]);
    const count = await xmlPartCount(deck.pptx!);
    expect(count.embedded).toBeGreaterThanOrEqual(2);
    const read = await readPptx(deck.pptx!);
    const text = read.slides.flatMap((s) => s.texts).join('\n');
    // The markup characters survive as text; the invisible ones are gone.
    expect(text).toContain('Busan <&>"\' Valparaíso');
    expect(text).not.toMatch(invisible);
    const charts = read.slides.flatMap((s) => s.charts.map((c) => c.xml)).join('\n');
    expect(charts).toContain('Copper &lt;&amp;&gt;&quot;&apos; cathodes');
    expect(charts).toContain('reg &lt;&amp;&gt;&quot;&apos;');
  });

  it('writes a PDF with the cleaned text', async () => {
    const pdf = await buildPdf(req(dir, 'standard-brief'), { write: false });
    expect(pdf.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = (await readPdf(pdf.pdf!)).text;
    expect(text).toContain('Valparaíso');
    expect(text).not.toMatch(invisible);
  });

  it('the deck writer drops XML-forbidden characters that reach it anyway (last line of defence)', async () => {
    // Put them back into the slide model, past the loaders: text runs, chart categories and series names.
    const poison = (v: unknown): unknown =>
      typeof v === 'string' ? (/^[#\d.]/.test(v) || v.length === 0 ? v : `${v}\u0001\uD800\u001F`) : Array.isArray(v) ? v.map(poison) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ['text', 'title', 'name', 'labels', 'notes', 'altText', 'runs', 'paragraphs', 'items', 'slides', 'series', 'native', 'header', 'rows'].includes(k) ? poison(x) : x])) : v;
    const model = poison(deck.slideModel) as typeof deck.slideModel;
    expect(JSON.stringify(model)).toContain('\\u0001');
    const bytes = await slidesToPptx(model!, new Date('2025-07-15T00:00:00Z'), defaultTheme, (svg) => chartToPng(svg));
    expect(await malformedParts(bytes)).toEqual([]);
  });
});

describe('bidi controls in messages', () => {
  const d = report('template/unknown-fact', { file: 'templates/x/document.md.hbs', line: 3, column: 5 }, { id: 'trade\u202Eevil\u2066', suggestions: [] });

  it('are spelled out in the printed line', () => {
    const line = formatDiagnostic(d);
    expect(line).toContain('trade\\u202Eevil\\u2066');
    expect(line).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('are escaped in JSON output, which still reads back to the message', () => {
    const json = diagnosticsToJson([d]);
    expect(json).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(json).toContain('\\u202e');
    expect(JSON.parse(json)[0].message).toBe(d.message);
  });
});

describe('caps on text length', () => {
  it('a CSV cell over the cap is an error naming the cell (file:line:col), and a 1 MB cell is refused fast', () => {
    const dir = copyFixture('standard');
    const csv = 'data/series/exports-by-product.csv';
    edit(dir, csv, 'Copper ore,', `${'x'.repeat(maxCsvCellLength + 1)},`);
    const r = loadDataset(path.join(dir, 'data'));
    const errors = r.diagnostics.filter((x) => x.rule === 'text/too-long');
    expect(errors.map((e) => [e.position.line, e.position.column, e.message])).toEqual([[lineOf(dir, csv, 'xxx'), 1, messages['text/too-long'].text({ where: 'exports-by-product.csv cell `product` (row 3)', length: maxCsvCellLength + 1, max: maxCsvCellLength })]]);
    expect(r.diagnostics.find((x) => x.rule === 'text/too-long')!.severity).toBe('error');

    edit(dir, csv, 'Lithium carbonate,', `${'y'.repeat(1_000_000)},`);
    const started = Date.now();
    const big = loadDataset(path.join(dir, 'data'));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(big.diagnostics.filter((x) => x.rule === 'text/too-long')).toHaveLength(2);
  });

  it('a fact label or text value over the cap is an error naming the fact', async () => {
    const dir = copyFixture('standard');
    edit(dir, 'data/facts.yaml', 'value: "Busan – San Antonio – Valparaíso"', `value: "${'z'.repeat(maxYamlTextLength + 1)}"`);
    const outcome = await buildPptx(req(dir, 'standard-deck'), { write: false });
    const errors = outcome.diagnostics.filter((x) => x.rule === 'text/too-long');
    expect(errors.map((e) => [e.position.line, e.position.column, e.message])).toEqual([[lineOf(dir, 'data/facts.yaml', 'zzz'), 12, messages['text/too-long'].text({ where: '`facts[45].value` (of `shipping-route`)', length: maxYamlTextLength + 1, max: maxYamlTextLength })]]);
    expect(outcome.pptx).toBeUndefined();
  });
});

describe('strict XML check', () => {
  it('catches what the tag-balance check lets through', async () => {
    expect(strictXmlError('<a>\u0001</a>')).toBeDefined();
    expect(strictXmlError('<a>\uD800</a>')).toBeDefined();
    expect(strictXmlError('<a>&amp;&lt;</a>')).toBeUndefined();
    const zip = new JSZip();
    const inner = new JSZip();
    inner.file('xl/sharedStrings.xml', '<sst><si><t>bad\u0001</t></si></sst>');
    zip.file('ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx', await inner.generateAsync({ type: 'uint8array' }));
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect((await malformedParts(bytes))[0]).toMatch(/^ppt\/embeddings\/Microsoft_Excel_Worksheet1\.xlsx!xl\/sharedStrings\.xml: /);
  });
});

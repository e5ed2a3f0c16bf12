// A series with a header and no rows (issue 9): its charts are "No data"
// placeholders with their title and source line, in the brief and in the
// deck, with one warning per chart naming the series, at the directive.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf, buildPptx } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { fixtures, lineOf } from '../helpers.js';
import { readPdf } from '../render/read-pdf.js';
import { readPptx } from '../render/read-pptx.js';

const dir = path.join(fixtures, 'empty-series');
const req = (template: string, locale?: 'en' | 'vi') => ({ templatesDir: path.join(dir, 'templates'), template, dataDir: path.join(dir, 'data'), outDir: '/nonexistent', ...(locale ? { locale } : {}) });
const briefFile = path.join('brief', 'document.md.hbs');

describe('a chart of an empty series', async () => {
  const outcome = await buildPdf(req('brief'), { write: false });
  const pdf = await readPdf(outcome.pdf!);

  it('gives one warning per chart, naming the series, at the chart directive, and no Vega warning', () => {
    const warnings = outcome.diagnostics.filter((d) => d.severity !== 'info');
    expect(warnings.map((d) => d.rule)).toEqual(['chart/empty-series', 'chart/empty-series']);
    for (const d of warnings) expect(d.message).toBe(messages['chart/empty-series'].text({ series: 'landings' }));
    const lines = warnings.map((d) => d.position.line).sort((a, b) => a - b);
    expect(lines).toEqual([lineOf(path.join(dir, 'templates'), briefFile, '::chart{series="landings"}'), lineOf(path.join(dir, 'templates'), briefFile, '::chart{spec="landings-pie"}')]);
    expect(warnings.every((d) => d.position.file.endsWith(briefFile))).toBe(true);
  });
  it('draws "No data" with the chart title and source line, and no empty chart', () => {
    expect(outcome.pageModel!.svgs).toEqual([]);
    expect(pdf.text).toMatch(/Landings by port, 2024\s*Unit: tonnes\s*No data\s*Source: Ports Authority \(invented\)/);
    expect(pdf.text).toMatch(/Landings by port \(pie\)\s*Unit: tonnes\s*No data\s*Source: Ports Authority \(invented\)/);
    expect(pdf.text).toContain('Text after the charts.');
  });
  it('says it in Vietnamese in a Vietnamese brief', async () => {
    const vi = await buildPdf(req('brief', 'vi'), { write: false });
    expect((await readPdf(vi.pdf!)).text).toContain('Không có số liệu');
  });
  it('puts a "No data" text box where the chart would be in the deck', async () => {
    const deck = await buildPptx(req('deck'), { write: false });
    expect(deck.diagnostics.filter((d) => d.severity !== 'info').map((d) => d.rule)).toEqual(['chart/empty-series']);
    const items = deck.slideModel!.slides.flatMap((s) => s.items);
    expect(items.some((i) => i.type === 'chart')).toBe(false);
    const slides = (await readPptx(deck.pptx!)).slides;
    const texts = slides.flatMap((s) => s.texts);
    expect(texts).toContain('No data');
    expect(texts.join(' ')).toContain('Landings by port, 2024');
    expect(slides.flatMap((s) => s.charts)).toEqual([]);
  });
});

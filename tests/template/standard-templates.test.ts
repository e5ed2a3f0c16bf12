// The standard brief and deck on a dataset they were not written for (the
// `standard` fixture: Chile–Korea, invented figures), with no template files
// of its own: read back like the example's outputs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf, buildPptx } from '../../src/build.js';
import { fixtures, root } from '../helpers.js';
import { readPdf } from '../render/read-pdf.js';
import { readPptx } from '../render/read-pptx.js';

const dir = path.join(fixtures, 'standard');
const req = (template: string, locale?: 'en' | 'vi', templatesDir = path.join(dir, 'templates')) => ({ templatesDir, template, dataDir: path.join(dir, 'data'), outDir: '/nonexistent', ...(locale ? { locale } : {}) });
const errors = (o: { diagnostics: { severity: string }[] }) => o.diagnostics.filter((d) => d.severity === 'error');

describe('standard brief on another topic', async () => {
  const outcome = await buildPdf(req('standard-brief'), { write: false });
  const pdf = await readPdf(outcome.pdf!);

  it('needs no template files of the dataset’s own', () => {
    expect(existsSync(path.join(dir, 'templates'))).toBe(false);
    expect(errors(outcome)).toEqual([]);
    expect(outcome.diagnostics.filter((d) => d.severity === 'warning')).toEqual([]);
  });

  it('takes title, subtitle, date and data-as-of from dataset.yaml', () => {
    expect(pdf.pages[0]).toContain('Chile–Korea trade and investment (invented figures)');
    expect(pdf.pages[0]).toContain('Copper, lithium and shipping links ahead of the trade talks');
    expect(pdf.pages[0]).toContain('15 July 2025');
    expect(pdf.pages[0]).toContain('Data as of 30 June 2025');
  });

  it('shows the declared highlights as key figures, with changes computed or checked', () => {
    const first = pdf.pages[0]!;
    expect(first).toContain('US$11.2bn');
    expect(first).toContain('+13.7% on 2023'); // the declared growth relation
    expect(first).toMatch(/up 22\.8% on Jan–May\s*2024/); // computed from the same span a year earlier
    expect(first).toContain('Korean investment'); // the highlight's own label
  });

  it('writes one section per declared section, with cited bullets, charts and tables', () => {
    for (const title of ['Trade', 'Chile’s exports by product', 'Investment', 'Shipping']) expect(pdf.outline).toContain(title.replace('’', "'"));
    expect(pdf.text).toContain('Two-way trade grew again in 2024');
    expect(pdf.text).toMatch(/Lithium exports to Korea\s*\(2024\): US\$1\.35 billion\[\d\]/);
    expect(pdf.text).toMatch(/Busan – San Antonio – Valparaíso\[\d\]/);
    // Default charts from the series alone: titles, unit and source lines, labels as text.
    expect(pdf.text).toContain('Chile–Korea trade by year, Korea’s count'.replace('’', "'"));
    expect(pdf.text).toContain('Unit: US$ million');
    expect(pdf.text).toContain('Copper cathodes');
    expect(pdf.text).toContain('registered');
  });

  it('shows a conflict with both bases, never one picked silently', () => {
    expect(pdf.text.replace(/\s+/g, ' ')).toMatch(/US\$11\.2 billion according to Korea's customs\[\d\]; US\$10\.74 billion according to Chile's central bank\[\d\]/);
  });

  it('continues a long table over pages with its header repeated', () => {
    const withProducts = pdf.pages.map((p, i) => (p.includes('Potassium nitrate') || p.includes('Copper cathodes') ? i : -1)).filter((i) => i >= 0);
    const squid = pdf.pages.findIndex((p) => /Squid\s+US\$2\.2m/.test(p));
    const cathodes = pdf.pages.findIndex((p) => /Copper cathodes\s+US\$812\.4m/.test(p));
    expect(withProducts.length).toBeGreaterThan(0);
    expect(squid).toBeGreaterThan(cathodes);
    expect(pdf.pages[squid]).toContain('Indicator');
  });

  it('ends with the fact annex and the sources', () => {
    expect(pdf.outline).toContain('Figures used');
    expect(pdf.text).toMatch(/\[1\]\s*Korea Trade Review \(invented\), Annual trade with Chile, 2024/);
    expect(pdf.links.some((l) => l.url === 'https://example.org/port')).toBe(true);
  });

  it('builds in Vietnamese from the same dataset', async () => {
    const vi = await buildPdf(req('standard-brief', 'vi'), { write: false });
    expect(errors(vi)).toEqual([]);
    const text = (await readPdf(vi.pdf!)).text;
    expect(text).toContain('11,2 tỷ USD');
    expect(text).toContain('Số liệu tính đến 30/6/2025');
    expect(text).toContain('Số liệu đã dùng');
    expect(text).toContain('Nguồn tham khảo');
  });

  it('ignores the example’s templates and partials when pointed at from the example project', async () => {
    const o = await buildPdf(req('standard-brief', undefined, path.join(root, 'templates')), { write: false });
    expect(errors(o)).toEqual([]);
    expect(o.prepared!.templates.partials).toEqual([]);
  });
});

describe('standard deck on another topic', async () => {
  const outcome = await buildPptx(req('standard-deck'), { write: false });
  const deck = await readPptx(outcome.pptx!);
  const titles = outcome.slideModel!.slides.map((s) => s.title);

  it('builds without errors into a valid package', () => {
    expect(errors(outcome)).toEqual([]);
    expect(deck.malformed).toEqual([]);
    expect(deck.dangling).toEqual([]);
  });

  it('has a title slide, a key-figures slide, one idea per slide, and the sources', () => {
    expect(outcome.slideModel!.slides[0]!.kind).toBe('title');
    expect(titles[0]).toBe('Chile–Korea trade and investment (invented figures)');
    expect(deck.slides[0]!.texts.join(' ')).toContain('Copper, lithium and shipping links');
    expect(titles[1]).toBe('Key figures');
    expect(deck.slides[1]!.texts.join(' ')).toContain('US$11.2bn');
    expect(titles).toContain('Trade');
    expect(titles).toContain('Investment: Figures');
    expect(titles[titles.length - 1]).toBe('Sources');
  });

  it('draws every series as a native chart, in period order', () => {
    const charts = deck.slides.flatMap((s) => s.charts);
    expect(charts).toHaveLength(3);
    expect(outcome.slideModel!.pictures).toHaveLength(0);
    expect(charts[0]!.values).toEqual([6.9, 7.42, 8.91, 9.85, 11.2]);
    expect(charts[1]!.values.slice(0, 2)).toEqual([812.4, 640.2]);
    // Colour by the declared column: registered and disbursed as two series.
    expect(charts[2]!.values).toEqual([410, 520, 610, 265, 300, 355]);
  });

  it('continues a long table on further slides, titled once as continued', () => {
    const continued = titles.filter((t) => t.startsWith('Chile’s exports by product: Figures (continued)'.replace('’', "'")));
    expect(continued.length).toBeGreaterThan(0);
    expect(titles.some((t) => t.includes('(continued) (continued)'))).toBe(false);
  });

  it('cites on every slide that shows a figure', () => {
    const trade = deck.slides[titles.indexOf('Trade')]!;
    expect(trade.texts.join(' ')).toMatch(/Sources?: /);
    expect(trade.notes).toContain('Korea Trade Review (invented)');
  });
});

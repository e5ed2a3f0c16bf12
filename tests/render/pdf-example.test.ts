// The bundled example, built as `npm start` builds it, read back as a reader
// would see it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../src/build.js';
import { defaultTheme as theme } from '../../src/theme/theme.js';
import { root } from '../helpers.js';
import { readPdf } from './read-pdf.js';

const req = { templatesDir: path.join(root, 'templates'), template: 'brief', dataDir: path.join(root, 'data', 'vietnam-china'), outDir: '/nonexistent' };

describe('the Viet Nam–China brief', async () => {
  const outcome = await buildPdf(req, { write: false });
  const pdf = await readPdf(outcome.pdf!);
  const model = outcome.pageModel!;

  it('builds with no errors or warnings; the one real conflict is listed for information', () => {
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(outcome.diagnostics.map((d) => d.rule)).toEqual(['check/conflict']);
  });

  // Six since charts keep their place in the text (issue 9): one that does not fit leaves room behind it.
  it('is an A4 brief of 3 to 6 pages', () => {
    expect(pdf.pages.length).toBeGreaterThanOrEqual(3);
    expect(pdf.pages.length).toBeLessThanOrEqual(6);
    expect(model.widthPt).toBeCloseTo(595.28);
    expect(model.heightPt).toBeCloseTo(841.89);
  });

  it('has the exact Vietnamese names', () => {
    for (const s of ['Lào Cai – Hà Nội – Hải Phòng', 'Lạng Sơn – Hà Nội', 'Móng Cái – Hạ Long – Hải Phòng', 'Phạm Minh Chính']) expect(pdf.text).toContain(s);
  });

  it('has header, footer with page X of Y, key points, sections and sources', () => {
    pdf.pages.forEach((p, i) => {
      expect(p).toContain('BACKGROUND BRIEF');
      expect(p).toContain(`Page ${i + 1} of ${pdf.pages.length}`);
    });
    expect(pdf.text).toContain('Key points');
    expect(pdf.outline).toEqual(['Trade', 'Investment', 'Connectivity', 'Digital and green cooperation', 'Localities', 'Figures at a glance', 'Sources']);
    expect(pdf.text).toMatch(/\[1\]\s*Unattributed news article/);
  });

  it('states the date the data is current to under the title', () => {
    expect(pdf.pages[0]).toContain('Data as of 30 September 2025');
  });

  it('shows both 2024 trade totals with their bases', () => {
    const flat = pdf.text.replace(/\s+/g, ' ');
    expect(flat).toContain("US$260.65 billion according to China's customs[1]; over US$200 billion according to Viet Nam's statistics[2]");
  });

  it('draws at least three charts, with their labels as text', () => {
    const svgs = model.pages.flatMap((p) => p.items.filter((i) => i.type === 'svg'));
    expect(svgs.length).toBeGreaterThanOrEqual(3);
    for (const label of ['2024 (China customs)', "China's exports to Viet Nam", 'Jan–Aug 2025', 'Yunnan (Jan–Aug 2024)']) expect(pdf.text).toContain(label);
  });

  it('embeds only the bundled font', () => {
    expect(pdf.fonts.length).toBeGreaterThan(0);
    for (const f of pdf.fonts) expect(f).toMatch(/^[A-Z]{6}\+BeVietnamPro-(Regular|Bold|Italic|SemiBold|BoldItalic)$/);
  });

  it('continues the long table on the next page with its header row repeated', () => {
    const pagesWithHeader = pdf.pages.filter((p) => /Indicator\s*Value\s*Period\s*Basis/.test(p));
    expect(pagesWithHeader.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps everything inside the margins', () => {
    const P = theme.page;
    for (const page of model.pages) {
      for (const it of page.items) {
        if (it.type === 'text') {
          expect(it.x).toBeGreaterThanOrEqual(P.marginLeftPt - 0.01);
          expect(it.x + it.width).toBeLessThanOrEqual(P.widthPt - P.marginRightPt + 0.5);
        }
        if (it.type === 'svg') expect(it.x + it.w).toBeLessThanOrEqual(P.widthPt - P.marginRightPt + 0.5);
      }
    }
  });

  it('never leaves a heading at the bottom of a page', () => {
    const bottom = theme.page.heightPt - theme.page.marginBottomPt;
    for (const o of model.outline) {
      const page = model.pages[o.page - 1]!;
      const below = page.items.filter((it) => it.type === 'text' && it.y > o.y + 30 && it.y < bottom);
      expect(below.length, `heading "${o.title}" on page ${o.page}`).toBeGreaterThan(0);
    }
  });

  it('is byte-identical when built twice', async () => {
    const again = await buildPdf(req, { write: false });
    expect(Buffer.compare(again.pdf!, outcome.pdf!)).toBe(0);
  });

  it('shows four key figures, each with value, period and change', () => {
    const strip = outcome.prepared!.document.children.find((b) => b.type === 'key-figures');
    expect(strip?.type === 'key-figures' && strip.figures.map((f) => [f.value, f.period, f.change])).toEqual([
      ['US$260.65bn', '2024', '+13.5% on 2023'],
      ['US$51.25bn', 'Q1 2025', '+17.46% year on year'],
      ['US$31.26bn', 'April 2025', 'up 4.5% on October 2024'],
      ['US$2.09bn', 'Jan–Aug 2024', '+30.31% year on year'],
    ]);
  });

  it('carries metadata', () => {
    expect(pdf.info['Title']).toBe('Viet Nam–China economic cooperation');
    expect(pdf.info['Language']).toBe('en');
    expect(pdf.info['Subject']).toBeTruthy();
  });
});

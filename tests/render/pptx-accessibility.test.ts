// The deck for a screen reader (issue 14), on the example deck and every
// fixture deck: each chart and picture has alternative text made from its
// data, tables have `descr` and a marked header row, every slide's title is
// in the title placeholder, rules and boxes are decorative, and the shapes
// are read title → body → chart → source line → footer.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { fixtures, root } from '../helpers.js';
import { readPptx } from './read-pptx.js';

const cases = [
  { name: 'the example deck', req: { templatesDir: path.join(root, 'templates'), template: 'deck', dataDir: path.join(root, 'data', 'vietnam-china') } },
  // brand: built on a reference deck (corporate template), with a logo and images.
  ...['mini', 'fidelity', 'units', 'empty-series', 'brand'].map((f) => ({ name: `fixture ${f}`, req: { templatesDir: path.join(fixtures, f, 'templates'), template: 'deck', dataDir: path.join(fixtures, f, 'data') } })),
  { name: 'fixture standard', req: { templatesDir: path.join(fixtures, 'standard', 'templates'), template: 'standard-deck', dataDir: path.join(fixtures, 'standard', 'data') } },
  { name: 'fixture standard (vi)', req: { templatesDir: path.join(fixtures, 'standard', 'templates'), template: 'standard-deck', dataDir: path.join(fixtures, 'standard', 'data'), locale: 'vi' as const } },
];

const decode = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

interface Shape {
  kind: 'sp' | 'graphicFrame' | 'pic' | 'cxnSp';
  xml: string;
  descr?: string;
  decorative: boolean;
  title: boolean;
  text: string;
  yEmu: number;
}

/** The top-level shapes of a slide, in the order of its shape tree (the reading order). */
function shapes(xml: string): Shape[] {
  return [...xml.matchAll(/<p:(sp|graphicFrame|pic|cxnSp)>([\s\S]*?)<\/p:\1>/g)].map((m) => ({
    kind: m[1] as Shape['kind'],
    xml: m[2]!,
    descr: /<p:cNvPr [^>]*descr="([^"]*)"/.exec(m[2]!)?.[1],
    decorative: /adec:decorative [^>]*val="1"/.test(m[2]!),
    title: /<p:ph\s[^>]*type="(title|ctrTitle)"/.test(m[2]!),
    text: decode([...m[2]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join('')),
    yEmu: Number(/<a:off x="-?\d+" y="(-?\d+)"/.exec(m[2]!)?.[1] ?? 0),
  }));
}

const chartKind = /^(Bar chart|Line chart|Area chart|Pie chart|Dot chart|Biểu đồ \S+)/;

describe.each(cases)('accessible deck: $name', async ({ req }) => {
  const outcome = await buildPptx({ ...req, outDir: '/nonexistent' }, { write: false });
  const deck = await readPptx(outcome.pptx!);
  const model = outcome.slideModel!;
  const sourceWords = ['Source', 'Sources', 'Nguồn', 'Nguồn tham khảo'];

  it('builds', () => {
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(deck.malformed).toEqual([]);
  });

  it('gives every chart, picture and table alternative text; charts say what they show', () => {
    let charts = 0;
    for (const slide of deck.slides) {
      for (const s of shapes(slide.xml).filter((x) => x.kind === 'graphicFrame' || x.kind === 'pic')) {
        expect(s.descr, `${slide.file}: ${s.xml.slice(0, 120)}`).toBeTruthy();
        // A picture is a chart drawn as a picture, or an image (its directive's alt text).
        if (/<c:chart /.test(s.xml) || (s.kind === 'pic' && chartKind.test(decode(s.descr!)))) {
          charts++;
          expect(decode(s.descr!)).toMatch(chartKind);
          expect(s.descr).toMatch(/\d/);
        }
      }
    }
    expect(charts).toBe(model.slides.flatMap((sl) => sl.items.filter((it) => it.type === 'chart' && (it.native || it.picture !== undefined))).length);
  });

  it('marks the header row of every table', () => {
    for (const slide of deck.slides) {
      for (const tbl of slide.xml.match(/<a:tbl>[\s\S]*?<\/a:tbl>/g) ?? []) expect(tbl).toMatch(/<a:tblPr [^>]*firstRow="1"/);
    }
  });

  it('puts each slide title, and only it, in the title placeholder, first in the reading order', () => {
    deck.slides.forEach((slide, i) => {
      const all = shapes(slide.xml).filter((s) => !s.decorative);
      const titles = all.filter((s) => s.title);
      expect(titles, slide.file).toHaveLength(1);
      // The title slide's placeholder holds its whole title block (marking, title, subtitle, date), as on a reference deck.
      if (model.slides[i]!.kind === 'title') expect(titles[0]!.text).toContain(model.slides[i]!.title);
      else expect(titles[0]!.text).toBe(model.slides[i]!.title);
      expect(all[0]!.title).toBe(true);
    });
  });

  it('reads the shapes title → body → chart → source line → footer, and marks rules and boxes decorative', () => {
    const footerY = Math.round((model.heightIn - 0.5) * 914400);
    deck.slides.forEach((slide, i) => {
      const footer = model.slides[i]!.footer;
      const rank = (s: Shape): number => {
        if (s.title) return 0;
        if (footer && s.yEmu === footerY) return 4;
        if (sourceWords.some((w) => s.text.startsWith(`${w}:`))) return 3;
        if (/<c:chart /.test(s.xml) || (s.kind === 'pic' && chartKind.test(decode(s.descr ?? '')))) return 2;
        return 1;
      };
      const ranks = shapes(slide.xml)
        .filter((s) => !s.decorative)
        .map(rank);
      expect(ranks, slide.file).toEqual([...ranks].sort((a, b) => a - b));
      if (footer) expect(ranks.filter((r) => r === 4)).toHaveLength([footer.marking, footer.date, footer.number].filter(Boolean).length);
      // Shapes without text (rules, boxes behind text) are decorative; text never is.
      for (const s of shapes(slide.xml)) {
        if (s.kind === 'sp' && s.text === '' && !s.title) expect(s.decorative, `${slide.file}: ${s.xml.slice(0, 80)}`).toBe(true);
        if (s.text !== '') expect(s.decorative).toBe(false);
      }
    });
  });
});

describe('accessible deck: text in another language', async () => {
  it('keeps the language the text marks (`:lang`) on its runs, the deck language on the rest', async () => {
    const outcome = await buildPptx({ templatesDir: path.join(fixtures, 'fidelity', 'templates'), template: 'deck', dataDir: path.join(fixtures, 'fidelity', 'data'), outDir: '/nonexistent' }, { write: false });
    const deck = await readPptx(outcome.pptx!);
    const runs = deck.slides.flatMap((s) => [...s.xml.matchAll(/<a:rPr [^>]*lang="([^"]*)"[^>]*>[\s\S]*?<\/a:rPr><a:t>([^<]*)<\/a:t>/g)].map((m) => [m[1], decode(m[2]!)]));
    expect(runs.filter(([lang]) => lang === 'vi')).toEqual([['vi', 'Cảng Hải Phòng']]);
    expect(runs.filter(([lang]) => lang !== 'vi').every(([lang]) => lang === outcome.slideModel!.info.lang)).toBe(true);
  });
});

// Slides use their body: key figures sized to the space and centred, tables
// filling the slide height (and PowerPoint told the row heights), a long
// table continued with its title marked once.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { bodyArea } from '../../src/render/pptx/document-to-slides.js';
import type { Slide, TableItem, TextItem } from '../../src/render/pptx/slide-model.js';
import { copyFixture, edit, fixtures, root } from '../helpers.js';
import { readPptx } from './read-pptx.js';

const bodyH = bodyArea.bottom - bodyArea.top;
const bodyMid = (bodyArea.left + bodyArea.right) / 2;
const req = (d: string, template = 'deck', dataDir = path.join(d, 'data')) => ({ templatesDir: path.join(d, 'templates'), template, dataDir, outDir: '/nonexistent' });
const figureBoxes = (s: Slide) => s.items.filter((it): it is TextItem => it.type === 'text' && it.fill !== undefined);
const tables = (s: Slide) => s.items.filter((it): it is TableItem => it.type === 'table');

/** The key figure boxes fill most of the body, centred both ways. */
function expectCentredFigures(boxes: TextItem[], minShare: number) {
  const top = Math.min(...boxes.map((b) => b.y));
  const bottom = Math.max(...boxes.map((b) => b.y + b.h));
  expect(bottom - top).toBeGreaterThanOrEqual(minShare * bodyH);
  expect(Math.abs(top - bodyArea.top - (bodyArea.bottom - bottom))).toBeLessThan(0.02);
  const rows = [...new Set(boxes.map((b) => b.y.toFixed(3)))];
  for (const y of rows) {
    const row = boxes.filter((b) => b.y.toFixed(3) === y);
    const mid = (Math.min(...row.map((b) => b.x)) + Math.max(...row.map((b) => b.x + b.w))) / 2;
    expect(Math.abs(mid - bodyMid)).toBeLessThan(0.02);
  }
  return rows.length;
}

describe('key figures', () => {
  it('a lone figure: a tall box centred in the body, its value larger than the old 28 pt', async () => {
    const o = await buildPptx(req(path.join(fixtures, 'fidelity')), { write: false });
    const slide = o.slideModel!.slides.find((s) => s.title === 'Key figures')!;
    const boxes = figureBoxes(slide);
    expect(boxes).toHaveLength(1);
    expect(expectCentredFigures(boxes, 0.75)).toBe(1);
    expect(boxes[0]!.paragraphs[0]!.runs[0]!.sizePt).toBeGreaterThan(28);
  });

  it('four figures: one row of tall boxes, centred', async () => {
    const o = await buildPptx(req(root, 'deck', path.join(root, 'data', 'vietnam-china')), { write: false });
    const boxes = figureBoxes(o.slideModel!.slides.find((s) => s.title === 'Key figures')!);
    expect(boxes).toHaveLength(4);
    expect(expectCentredFigures(boxes, 0.6)).toBe(1);
  });

  it('six figures: two rows of three, filling the body', async () => {
    const d = copyFixture('fidelity');
    const one = '{{keyFigure "exports-2024" from="exports-2023"}}';
    edit(d, 'templates/deck/document.md.hbs', one, Array(6).fill(one).join('\n'));
    const o = await buildPptx(req(d), { write: false });
    const boxes = figureBoxes(o.slideModel!.slides.find((s) => s.title === 'Key figures')!);
    expect(boxes).toHaveLength(6);
    expect(expectCentredFigures(boxes, 0.9)).toBe(2);
  });

  it('keeps a 2.2 in row at the top when more follows on the slide', async () => {
    const d = copyFixture('fidelity');
    edit(d, 'templates/deck/document.md.hbs', ':::\n\n## Exports by product\n', ':::\n\nMore to say under the figures.\n\n## Exports by product\n');
    const o = await buildPptx(req(d), { write: false });
    const slide = o.slideModel!.slides.find((s) => s.title === 'Key figures')!;
    const [box] = figureBoxes(slide);
    expect(box!.y).toBeCloseTo(bodyArea.top, 5);
    expect(box!.h).toBeCloseTo(2.2, 5);
    const text = slide.items.find((it): it is TextItem => it.type === 'text' && !it.fill && it.role !== 'source-line')!;
    expect(text.y).toBeGreaterThanOrEqual(box!.y + box!.h);
  });
});

describe('a 60-row table', async () => {
  const o = await buildPptx(req(path.join(fixtures, 'fidelity')), { write: false });
  const slides = o.slideModel!.slides.filter((s) => tables(s).length > 0);
  const pieces = slides.flatMap(tables);

  it('is titled "… (continued)" once on every slide after the first, never twice', () => {
    expect(slides.length).toBeGreaterThan(2);
    expect(slides.map((s) => s.title)).toEqual(['Landings by port', ...Array(slides.length - 1).fill('Landings by port (continued)')]);
  });

  it('keeps every row once, in order, with the header on every slide', () => {
    expect(pieces.reduce((n, t) => n + t.rows.length, 0)).toBe(60);
    for (const t of pieces) expect(t.header).toEqual(pieces[0]!.header);
  });

  it('fills the body on every slide the table continues from, and continues only when needed', () => {
    for (const t of pieces.slice(0, -1)) expect(t.h).toBeGreaterThanOrEqual(0.8 * bodyH);
    for (const t of pieces) {
      expect(t.rowHeights).toHaveLength(t.rows.length + 1);
      expect(t.rowHeights.reduce((a, b) => a + b, 0)).toBeCloseTo(t.h, 5);
    }
    // The last slide's rows would not have fitted on the one before.
    const beforeLast = pieces.at(-2)!;
    expect(beforeLast.h + pieces.at(-1)!.rowHeights[1]!).toBeGreaterThan(bodyH);
  });

  it('tells PowerPoint the row heights (pptxgenjs writes h="0" without them, and the rows shrink to their text)', async () => {
    const deck = await readPptx(o.pptx!);
    let checked = 0;
    for (const [i, slide] of o.slideModel!.slides.entries()) {
      const t = tables(slide)[0];
      if (!t) continue;
      const xml = await deck.zip.file(deck.slides[i]!.file)!.async('string');
      const rowsEmu = [...xml.matchAll(/<a:tr h="(\d+)"/g)].map((m) => Number(m[1]));
      expect(rowsEmu).toHaveLength(t.rows.length + 1);
      expect(rowsEmu.every((h) => h > 0)).toBe(true);
      expect(rowsEmu.reduce((a, b) => a + b, 0) / 914400).toBeCloseTo(t.h, 2);
      checked++;
    }
    expect(checked).toBe(slides.length);
  });
});

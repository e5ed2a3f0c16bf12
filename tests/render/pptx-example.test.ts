// The bundled deck, unzipped and checked as PowerPoint would see it.
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { root } from '../helpers.js';
import { readPptx } from './read-pptx.js';

const req = { templatesDir: path.join(root, 'templates'), template: 'deck', dataDir: path.join(root, 'data', 'vietnam-china'), outDir: '/nonexistent' };

describe('the Viet Nam–China deck', async () => {
  const outcome = await buildPptx(req, { write: false });
  const deck = await readPptx(outcome.pptx!);
  const all = deck.slides.map((s) => s.texts.join(' ')).join('\n');

  it('builds with no errors or warnings', () => {
    expect(outcome.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
  });

  it('has the expected slides, in order, with their titles', () => {
    expect(deck.slides.map((s) => s.texts[0])).toEqual([
      'FOR DISCUSSION',
      'Agenda',
      'Key figures',
      'Trade: how big, on whose count',
      'Trade: China sells far more than it buys',
      'Investment: flows by period',
      'Investment: the stock keeps rising',
      'Connectivity',
      'Figures at a glance',
      'Figures at a glance (continued)',
      'Talking points',
      'Sources',
    ]);
  });

  it('keeps Vietnamese text exact, in slides and notes', () => {
    expect(all).toContain('Lào Cai – Hà Nội – Hải Phòng');
    expect(all).toContain('Móng Cái – Hạ Long – Hải Phòng');
    expect(deck.slides[10]!.notes).toContain('Phạm Minh Chính');
  });

  it('has speaker notes where the template has them', () => {
    expect(deck.slides[2]!.notes).toMatch(/US\$260\.65 billion according to China's customs\[\d\]; over US\$200 billion according to Viet Nam's statistics\[\d\]/);
    expect(deck.slides[1]!.notes).toContain('75th anniversary');
    // A chart slide with no notes block still gets the references of what it cites.
    expect(deck.slides[6]!.notes.split(/\r?\n/)[0]).toBe('Sources:');
  });

  it('gives every content slide that cites a source a source line, and its notes the full references', () => {
    for (const s of deck.slides.slice(1)) {
      const body = s.texts.join(' ');
      const numbers = [...new Set([...body.matchAll(/\[(\d+)\]/g)].map((m) => m[1]!))];
      if (numbers.length === 0 || s.texts.includes('Sources')) continue;
      // Named on the slide: in its source line, or in a chart caption ("Source: …[n]").
      for (const n of numbers) expect(body).toMatch(new RegExp(`(Sources: .*\\[${n}\\] \\S|Source: .*\\[${n}\\])`));
      for (const n of numbers) expect(s.notes).toMatch(new RegExp(`^\\[${n}\\] .+, .+\\.`, 'm'));
    }
    expect(deck.slides[2]!.texts.find((t) => t.startsWith('Sources: '))).toContain('[1] Unattributed news article');
  });

  it('states the date the data is current to', () => {
    expect(deck.slides[0]!.texts).toContain('Data as of 30 September 2025');
  });

  it('puts marking, date and slide number in the footer of every content slide', () => {
    deck.slides.slice(1).forEach((s, i) => {
      expect(s.texts).toContain('FOR DISCUSSION');
      expect(s.texts).toContain('30 September 2025');
      expect(s.texts).toContain(String(i + 2));
    });
  });

  it('draws native charts whose values are the series values, with their data embedded', async () => {
    const charts = deck.slides.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThanOrEqual(3);
    const direction = deck.slides[4]!.charts[0]!;
    expect(direction.values).toEqual([161.9, 98.8]);
    // One decimal as in the data (not pptxgenjs's `#,##0`); zeros hidden.
    expect(direction.formatCodes).toContain('#,##0.0;-#,##0.0;;');
    for (const c of charts) {
      expect(c.workbook).toBeDefined();
      expect(deck.names).toContain(c.workbook);
      const wb = await JSZip.loadAsync(await deck.zip.file(c.workbook!)!.async('nodebuffer'));
      expect(Object.keys(wb.files)).toContain('xl/worksheets/sheet1.xml');
    }
    // Coloured by coverage (full year or part of it): one series per colour.
    expect(deck.slides[3]!.charts[0]!.values.filter((v) => v !== 0)).toEqual([171.9, 200, 260.65, 148.6, 51.25]);
  });

  it('draws the chart PowerPoint cannot (a time axis) as a picture, with the source under it', () => {
    expect(deck.slides[6]!.pictures).toHaveLength(1);
    expect(deck.slides[6]!.texts.join(' ')).toMatch(/Source: .*VNS \(Viet Nam News\)/);
  });

  it('continues the long table on the next slide with its header repeated', () => {
    for (const s of [deck.slides[8]!, deck.slides[9]!]) expect(s.texts.slice(1, 5)).toEqual(['Indicator', 'Value', 'Period', 'Basis']);
  });

  it('is a valid package: well-formed XML, every relationship resolves, unique shape ids per slide', () => {
    expect(deck.malformed).toEqual([]);
    expect(deck.dangling).toEqual([]);
    for (const s of deck.slides) expect(new Set(s.shapeIds).size).toBe(s.shapeIds.length);
  });

  it('is byte-identical when built twice in one process, with fixed dates', async () => {
    const again = await buildPptx(req, { write: false });
    expect(Buffer.compare(again.pptx!, outcome.pptx!)).toBe(0);
    expect(deck.core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2025-09-30T00:00:00Z</dcterms:created>');
  });
});

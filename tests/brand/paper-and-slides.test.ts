// Paper and slide shape: A4 (default) or US Letter for a brief, 16:9
// (default) or 4:3 for a deck, from the brand file's `defaults.briefdeck`
// or the document's front matter (which wins).
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPdf, buildPptx } from '../../src/build.js';
import { bodyAreaOf } from '../../src/render/pptx/document-to-slides.js';
import { copyFixture, edit } from '../helpers.js';

const req = (d: string, template: string) => ({ templatesDir: path.join(d, 'templates'), template, dataDir: path.join(d, 'data'), outDir: path.join(d, 'out') });
const mediaBoxes = (pdf: Buffer) => [...new Set([...pdf.toString('latin1').matchAll(/\/MediaBox \[([^\]]*)\]/g)].map((m) => m[1]!.trim()))];

describe('paper', () => {
  it('is A4 by default', async () => {
    const o = await buildPdf(req(copyFixture('brand'), 'brief'), { write: false });
    expect(mediaBoxes(o.pdf!)).toEqual(['0 0 595.28 841.89']);
  });

  it('is US Letter when the brand says so, with charts as wide as the Letter text width', async () => {
    const d = copyFixture('brand');
    edit(d, '_brand.yml', '    chart-colors:', '    paper: letter\n    chart-colors:');
    const o = await buildPdf(req(d, 'brief'), { write: false });
    expect(o.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(mediaBoxes(o.pdf!)).toEqual(['0 0 612 792']);
    expect(o.prepared!.theme.chart.widthPx).toBe(488);
    const svg = o.pageModel!.svgs[0]!;
    expect(Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)![1])).toBeGreaterThan(471);
  });

  it('follows the front matter over the brand', async () => {
    const d = copyFixture('brand');
    edit(d, '_brand.yml', '    chart-colors:', '    paper: letter\n    chart-colors:');
    edit(d, 'templates/brief/document.md.hbs', 'title: Kenya–EU horticulture (invented figures)', 'title: Kenya–EU horticulture (invented figures)\npaper: a4');
    const o = await buildPdf(req(d, 'brief'), { write: false });
    expect(mediaBoxes(o.pdf!)).toEqual(['0 0 595.28 841.89']);
  });

  it('refuses a paper it does not know, in the front matter', async () => {
    const d = copyFixture('brand');
    edit(d, 'templates/brief/document.md.hbs', 'title: Kenya–EU horticulture (invented figures)', 'title: Kenya–EU horticulture (invented figures)\npaper: legal');
    const o = await buildPdf(req(d, 'brief'), { write: false });
    expect(o.diagnostics.find((x) => x.rule === 'document/bad-front-matter')!.message).toContain('`a4`, `letter`');
  });
});

describe('slide shape', () => {
  it('is 16:9 by default and 4:3 on request, every item inside the narrower slide', async () => {
    const d = copyFixture('brand');
    const wide = await buildPptx(req(d, 'deck'), { write: false });
    edit(d, 'templates/deck/document.md.hbs', 'title: Kenya–EU horticulture (invented figures)', 'title: Kenya–EU horticulture (invented figures)\nslides: "4:3"');
    const narrow = await buildPptx(req(d, 'deck'), { write: false });
    expect(narrow.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const size = async (b: Buffer) => /<p:sldSz [^>]*\/>/.exec(await (await JSZip.loadAsync(b)).file('ppt/presentation.xml')!.async('string'))![0];
    expect(await size(wide.pptx!)).toContain('cx="12192000" cy="6858000"');
    expect(await size(narrow.pptx!)).toContain('cx="9144000" cy="6858000"');
    expect(narrow.slideModel!.widthIn).toBe(10);
    const body = bodyAreaOf(10);
    for (const s of narrow.slideModel!.slides) {
      for (const it of s.items) expect(it.x + it.w, `slide ${s.number} ${it.type}`).toBeLessThanOrEqual(10 + 1e-9);
      if (s.kind === 'content') for (const it of s.items) expect(it.x + it.w, `slide ${s.number} ${it.type}`).toBeLessThanOrEqual(body.right + 1e-9);
    }
  });
});

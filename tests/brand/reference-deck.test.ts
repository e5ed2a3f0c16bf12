// A deck built on a corporate template (`reference-deck:`): the template is
// tests/fixtures/brand/corporate/corporate.pptx, written by hand-assembled
// PresentationML (make-corporate-deck.mjs), not by pptxgenjs. The deck uses
// its master, layouts and theme, puts titles into title placeholders, lays
// the body out in its content area, drops its example slide, and keeps the
// invariants every deck keeps (relationships resolve, XML well formed,
// shape ids unique).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { copyFixture, edit, fixtures } from '../helpers.js';
import { readPptx } from '../render/read-pptx.js';

const dir = path.join(fixtures, 'brand');
const req = (d: string) => ({ templatesDir: path.join(d, 'templates'), template: 'corporate-deck', dataDir: path.join(d, 'data'), outDir: path.join(d, 'out') });

// Only where LibreOffice is installed (it is not by default): the deck opens and every slide is drawn.
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
function pagesInImpress(pptx: Buffer): number {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-lo-'));
  writeFileSync(path.join(tmp, 'deck.pptx'), pptx);
  const r = spawnSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', tmp, path.join(tmp, 'deck.pptx')], { encoding: 'utf8', timeout: 110_000 });
  expect(r.status).toBe(0);
  return readFileSync(path.join(tmp, 'deck.pdf')).toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

async function parts(pptx: Buffer) {
  const zip = await JSZip.loadAsync(pptx);
  const read = (n: string) => zip.file(n)!.async('string');
  return { zip, names: Object.keys(zip.files).filter((n) => !zip.files[n]!.dir), read };
}

describe('a deck on a reference deck', async () => {
  const o = await buildPptx(req(dir), { write: false });

  it('builds without a problem', () => {
    expect(o.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    expect(o.pptx).toBeDefined();
  });

  it("uses the template's master, layouts and theme, and drops its example slide", async () => {
    const { names, read } = await parts(o.pptx!);
    const masters = names.filter((n) => /^ppt\/slideMasters\/[^/]+\.xml$/.test(n));
    expect(masters).toHaveLength(1);
    expect(await read(masters[0]!)).toContain('name="Band"');
    const layoutNames = await Promise.all(names.filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n)).map(async (n) => /<p:cSld name="([^"]*)"/.exec(await read(n))![1]));
    expect(layoutNames.sort()).toEqual(['Blank', 'Section Header', 'Title Only', 'Title Slide', 'Title and Content']);
    const presRels = await read('ppt/_rels/presentation.xml.rels');
    const themeTarget = /Type="[^"]*\/theme" Target="([^"]+)"/.exec(presRels)![1]!;
    expect(await read(path.posix.join('ppt', themeTarget))).toContain('<a:latin typeface="Georgia"/>');
    expect(names.some((n) => n.startsWith('ppt/media/') && n.includes('ref-image1'))).toBe(true);
    const deck = await readPptx(o.pptx!);
    expect(deck.slides.flatMap((s) => s.texts).join(' ')).not.toContain('Example slide');
    expect(deck.slides).toHaveLength(o.slideModel!.slides.length);
  });

  it('puts each slide on its layout by name', async () => {
    const { read } = await parts(o.pptx!);
    const layoutOf = async (n: number) => {
      const target = /Type="[^"]*\/slideLayout" Target="([^"]+)"/.exec(await read(`ppt/slides/_rels/slide${n}.xml.rels`))![1]!;
      return /<p:cSld name="([^"]*)"/.exec(await read(path.posix.join('ppt/slides', target)))![1];
    };
    const kinds = await Promise.all(o.slideModel!.slides.map((s) => layoutOf(s.number)));
    const titles = o.slideModel!.slides.map((s) => s.title);
    expect(kinds[0]).toBe('Title Slide');
    expect(kinds[titles.indexOf('Trade')]).toBe('Section Header');
    expect(kinds[titles.indexOf('Exports')]).toBe('Title and Content');
    expect(kinds[titles.indexOf('Exports by year')]).toBe('Title Only');
    expect(kinds[titles.indexOf('')]).toBe('Blank');
  });

  it('puts titles into title placeholders, where the outline finds them', async () => {
    const { read } = await parts(o.pptx!);
    const exports = o.slideModel!.slides.find((s) => s.title === 'Exports')!;
    const xml = await read(`ppt/slides/slide${exports.number}.xml`);
    const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph type="title"\/>[\s\S]*?<\/p:sp>/.exec(xml)![0];
    expect(title).toContain('<a:t>Exports</a:t>');
    // The layout places and styles it.
    expect(title).toContain('<p:spPr/>');
    expect(title).not.toMatch(/\ssz="/);
    expect(await read('ppt/slides/slide1.xml')).toContain('<p:ph type="ctrTitle"/>');
  });

  it("lays the body out in the content layout's area", () => {
    const exports = o.slideModel!.slides.find((s) => s.title === 'Exports')!;
    const body = exports.items.filter((i) => i.type === 'text' && i.role !== 'source-line');
    expect(body.length).toBeGreaterThan(0);
    // The template's content placeholder: 1.0 in from the left, 11.33 in wide, from 1.75 in down.
    for (const it of body) {
      expect(it.x).toBeCloseTo(1, 5);
      expect(it.x + it.w).toBeCloseTo(12.333, 2);
      expect(it.y).toBeGreaterThanOrEqual(1.75 - 1e-9);
    }
  });

  it('keeps the invariants of every deck', async () => {
    const deck = await readPptx(o.pptx!);
    expect(deck.dangling).toEqual([]);
    expect(deck.malformed).toEqual([]);
    for (const s of deck.slides) expect(new Set(s.shapeIds).size, s.file).toBe(s.shapeIds.length);
    const { read } = await parts(o.pptx!);
    const types = await read('[Content_Types].xml');
    expect(types).toContain('PartName="/ppt/slideMasters/slideMaster1.xml"');
    expect(types).toContain('PartName="/ppt/theme/ref-theme1.xml"');
    const again = await buildPptx(req(dir), { write: false });
    expect(again.pptx!.equals(o.pptx!)).toBe(true);
  });

  it.runIf(soffice)('opens in LibreOffice Impress, every slide drawn', { timeout: 120_000 }, () => {
    expect(pagesInImpress(o.pptx!)).toBe(o.slideModel!.slides.length);
  });

  it('warns about a layout name the template lacks, and uses another', async () => {
    const d = copyFixture('brand');
    edit(d, 'templates/corporate-deck/document.md.hbs', 'reference-deck: ../../corporate/corporate.pptx', 'reference-deck:\n  file: ../../corporate/corporate.pptx\n  layouts:\n    content: Two Content');
    const r = await buildPptx(req(d), { write: false });
    const w = r.diagnostics.filter((x) => x.rule === 'brand/missing-layout');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toBe('reference deck `../../corporate/corporate.pptx` has no layout named `Two Content`; content slides go on `Title Slide`');
    expect(r.pptx).toBeDefined();
  });

  it('refuses a file that is not a deck', async () => {
    const d = copyFixture('brand');
    edit(d, 'templates/corporate-deck/document.md.hbs', 'corporate/corporate.pptx', 'corporate/fake.pptx');
    writeFileSync(path.join(d, 'corporate', 'fake.pptx'), 'not a zip');
    const r = await buildPptx(req(d), { write: false });
    expect(r.pptx).toBeUndefined();
    expect(r.diagnostics.find((x) => x.rule === 'brand/bad-reference-deck')!.message).toContain('is not a zip file');
  });
});

describe('a deck on a template saved by LibreOffice Impress', async () => {
  const d = copyFixture('brand');
  edit(d, 'templates/corporate-deck/document.md.hbs', 'reference-deck: ../../corporate/corporate.pptx', 'reference-deck:\n  file: ../../corporate/corporate-libreoffice.pptx\n  layouts:\n    content: Title, Content\n    section: Title Only\n    blank: Blank Slide');
  const o = await buildPptx(req(d), { write: false });

  it('goes on its layouts by the names given, and keeps the invariants', async () => {
    expect(o.diagnostics.filter((x) => x.severity !== 'info')).toEqual([]);
    const deck = await readPptx(o.pptx!);
    expect(deck.dangling).toEqual([]);
    expect(deck.malformed).toEqual([]);
    expect(deck.slides).toHaveLength(o.slideModel!.slides.length);
    const { read } = await parts(o.pptx!);
    const target = /Type="[^"]*\/slideLayout" Target="([^"]+)"/.exec(await read('ppt/slides/_rels/slide3.xml.rels'))![1]!;
    expect(await read(path.posix.join('ppt/slides', target))).toContain('<p:cSld name="Title, Content"');
  });

  it.runIf(soffice)('opens in LibreOffice Impress, every slide drawn', { timeout: 120_000 }, () => {
    expect(pagesInImpress(o.pptx!)).toBe(o.slideModel!.slides.length);
  });
});

// The brand file: the repository's `_brand.yml` is the default look; a
// fixture of another topic (invented figures) with its own brand builds a
// brief and a deck in its colours, fonts and logo.
import { inflateSync } from 'node:zlib';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { brandFileOf, loadBrand } from '../../src/brand/load-brand.js';
import { buildPdf, buildPptx } from '../../src/build.js';
import { rgbComponents } from '../../src/render/pdf/content-stream.js';
import { defaultTheme } from '../../src/theme/theme.js';
import { copyFixture, edit, fixtures, root } from '../helpers.js';
import { readPdf } from '../render/read-pdf.js';
import { readPptx } from '../render/read-pptx.js';

const dir = path.join(fixtures, 'brand');
const req = (template: string) => ({ templatesDir: path.join(dir, 'templates'), template, dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });

/** Every content stream of a PDF, inflated. */
function contentStreams(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  let out = '';
  for (const m of raw.matchAll(/\/Filter\s*\/FlateDecode[^>]*>>\s*stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      out += inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      // A font or image stream cut at a stray "endstream": not content.
    }
  }
  return out;
}

describe("the repository's _brand.yml", () => {
  it('is the default look, field for field', () => {
    const r = loadBrand({ file: path.join(root, '_brand.yml'), root });
    expect(r.diagnostics).toEqual([]);
    const { fonts, ...rest } = r.value;
    const { fonts: defaultFonts, ...defaults } = defaultTheme;
    expect(rest).toEqual(defaults);
    expect(fonts).toBe(defaultFonts);
  });

  it('is found at the project root, or where briefdeck.yaml names it', () => {
    expect(brandFileOf(root)).toBe(path.join(root, '_brand.yml'));
    expect(brandFileOf(root, 'brands/x.yml')).toBe(path.join(root, 'brands', 'x.yml'));
    expect(brandFileOf(path.join(fixtures, 'mini'))).toBeUndefined();
  });
});

describe('a project with its own brand', async () => {
  const brand = loadBrand({ file: path.join(dir, '_brand.yml'), root: dir });
  const [pdf, pptx] = await Promise.all([buildPdf(req('brief'), { write: false }), buildPptx(req('deck'), { write: false })]);

  it('loads without a problem', () => {
    expect([...pdf.diagnostics, ...pptx.diagnostics].map((d) => d.rule)).not.toContain('render/missing-glyph');
    expect(brand.diagnostics).toEqual([]);
    expect(brand.value.name).toBe('Horticulture Export Council');
    expect(brand.value.colors.accent).toBe('#7a1f3d');
    expect(brand.value.colors.chartPalette).toEqual(['#7a1f3d', '#f2b134', '#3f7d3a', '#1d5c8c']);
    expect(brand.value.font).toMatchObject({ family: 'Liberation Sans', headingFamily: 'DejaVu Serif' });
    expect(Object.keys(brand.value.logo).sort()).toEqual(['large', 'medium', 'small']);
  });

  it('sets the brief in the brand fonts, embedded, with no missing-glyph warning for its text', async () => {
    expect(pdf.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const read = await readPdf(pdf.pdf!);
    const fonts = read.fonts.map((f) => f.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts).toContain('LiberationSans');
    expect(fonts).toContain('DejaVuSerif-Bold');
    expect(fonts.some((f) => f.startsWith('BeVietnamPro'))).toBe(false);
    expect(read.text).toContain('Overview');
  });

  it("draws the brief in the brand's colours and shows its logo", () => {
    const streams = contentStreams(pdf.pdf!);
    expect(streams).toContain(`${rgbComponents('#7a1f3d')} rg`);
    expect(streams).not.toContain(`${rgbComponents(defaultTheme.colors.accent)} rg`);
    // The logo opens the title block: the first item of the first page.
    const first = pdf.pageModel!.pages[0]!.items[0]!;
    expect(first.type).toBe('image');
    expect(pdf.pageModel!.images![first.type === 'image' ? first.image : -1]!.file).toBe(brand.value.logo.medium!.file);
    expect(pdf.pdf!.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });

  it("colours success, warning and danger callouts in the brand's semantic colours, in the brief and the deck", async () => {
    const d = copyFixture('brand');
    edit(d, '_brand.yml', '  warning: saffron', '  warning: saffron\n  success: leaf\n  danger: "#a4161a"');
    const boxes = ':::callout[Done]{kind=success}\nShipped.\n:::\n\n:::callout[Careful]{kind=warning}\nLate.\n:::\n\n:::callout[Stop]{kind=danger}\nBlocked.\n:::\n\n';
    edit(d, 'templates/brief/document.md.hbs', '## Overview', `## Overview\n\n${boxes}`);
    edit(d, 'templates/deck/document.md.hbs', '## Exports\n', `## Exports\n\n${boxes}`);
    const r = (t: string) => ({ templatesDir: path.join(d, 'templates'), template: t, dataDir: path.join(d, 'data'), outDir: path.join(d, 'out') });
    const [b, k] = await Promise.all([buildPdf(r('brief'), { write: false }), buildPptx(r('deck'), { write: false })]);
    expect(b.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    const streams = contentStreams(b.pdf!);
    for (const rule of ['#3f7d3a', '#f2b134', '#a4161a']) expect(streams).toContain(`${rgbComponents(rule)} rg`);
    const fills = k.slideModel!.slides.flatMap((s) => s.items.flatMap((i) => (i.type === 'text' && i.fill ? [i.fill] : [])));
    expect(fills).toEqual(expect.arrayContaining(['#e8efe7', '#fdf6e7', '#f4e3e4']));
  });

  it('puts the brand in the theme XML, so that PowerPoint offers its colours and fonts', async () => {
    expect(pptx.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const zip = await JSZip.loadAsync(pptx.pptx!);
    const themeXml = await zip.file('ppt/theme/theme1.xml')!.async('string');
    expect(themeXml).toContain('<a:clrScheme name="Horticulture Export Council">');
    expect(themeXml).toContain('<a:dk1><a:srgbClr val="262626"/></a:dk1>');
    expect(themeXml).toContain('<a:accent1><a:srgbClr val="7A1F3D"/></a:accent1>');
    expect(themeXml).toContain('<a:accent2><a:srgbClr val="F2B134"/></a:accent2>');
    expect(themeXml).toMatch(/<a:majorFont>\s*<a:latin typeface="DejaVu Serif"\/>/);
    expect(themeXml).toMatch(/<a:minorFont>\s*<a:latin typeface="Liberation Sans"\/>/);
  });

  it('shows the logo on the title slide and on the master of the others', async () => {
    const deck = await readPptx(pptx.pptx!);
    expect(deck.dangling).toEqual([]);
    expect(deck.malformed).toEqual([]);
    expect(deck.slides[0]!.pictures).toHaveLength(1);
    const zip = await JSZip.loadAsync(pptx.pptx!);
    const layouts = Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/_rels\/.*\.rels$/.test(n));
    const withImage = await Promise.all(layouts.map(async (n) => /\/image"/.test(await zip.file(n)!.async('string'))));
    expect(withImage.some(Boolean)).toBe(true);
    expect(Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/')).length).toBeGreaterThanOrEqual(2);
  });

  it("colours native charts with the brand's chart colours and names its font", async () => {
    const deck = await readPptx(pptx.pptx!);
    const charts = deck.slides.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.some((c) => c.xml.includes('<a:srgbClr val="7A1F3D"'))).toBe(true);
    expect(charts.every((c) => !c.xml.includes('<a:srgbClr val="0B4F8A"'))).toBe(true);
    expect(charts[0]!.xml).toContain('typeface="Liberation Sans"');
  });

  it("renders Vega charts (the brief's) with the brand font and colours", () => {
    const svg = pdf.pageModel!.svgs[0]!;
    expect(svg).toContain('Liberation Sans');
    expect(svg.toLowerCase()).toContain('#7a1f3d');
  });

  it('builds byte-identically twice', async () => {
    const [pdf2, pptx2] = await Promise.all([buildPdf(req('brief'), { write: false }), buildPptx(req('deck'), { write: false })]);
    expect(pdf2.pdf!.equals(pdf.pdf!)).toBe(true);
    expect(pptx2.pptx!.equals(pptx.pptx!)).toBe(true);
  });

  it('sets Vietnamese exactly in a brand font that has it, and warns where the brand font lacks it', async () => {
    const d = copyFixture('brand');
    // Headings are set in DejaVu Serif (Vietnamese), the text in Liberation Sans 1.07 (none).
    edit(d, 'templates/brief/document.md.hbs', '## Overview', '## Cảng Hải Phòng – Lạng Sơn');
    edit(d, 'templates/deck/document.md.hbs', '## Exports\n', '## Cảng Hải Phòng – Lạng Sơn\n');
    const r = (t: string) => ({ templatesDir: path.join(d, 'templates'), template: t, dataDir: path.join(d, 'data'), outDir: path.join(d, 'out') });
    const [b, k] = await Promise.all([buildPdf(r('brief'), { write: false }), buildPptx(r('deck'), { write: false })]);
    expect([...b.diagnostics, ...k.diagnostics].filter((x) => x.rule === 'render/missing-glyph')).toEqual([]);
    expect((await readPdf(b.pdf!)).text).toContain('Cảng Hải Phòng – Lạng Sơn');
    expect((await readPptx(k.pptx!)).slides.flatMap((s) => s.texts)).toContain('Cảng Hải Phòng – Lạng Sơn');
    edit(d, 'templates/brief/document.md.hbs', '- Exports:', '- Cảng Hải Phòng:');
    const h = await buildPdf(r('brief'), { write: false });
    expect(h.diagnostics.filter((x) => x.rule === 'render/missing-glyph').map((x) => x.message)).toContain('the font LiberationSans cannot draw `ả` (U+1EA3); it will show as a blank box');
  });
});

describe('the slide preview (briefdeck watch) of a branded deck', async () => {
  const { slidesToSvg, chartSvgsOf } = await import('../../src/render/svg/slides-to-svg.js');
  const o = await buildPptx(req('deck'), { write: false });
  const svgs = slidesToSvg(o.slideModel!, chartSvgsOf(o.prepared!.document), o.prepared!.theme);

  it("draws in the brand's fonts and colours, with the logo and the images", () => {
    const all = svgs.join('\n');
    expect(all).toContain('font-family="DejaVu Serif"');
    expect(all).toContain('font-family="Liberation Sans"');
    expect(all).toContain('#7a1f3d');
    expect(all).not.toContain('Be Vietnam Pro');
    expect(svgs[0]).toMatch(/<image [^>]*href="data:image\/png;base64,/);
    const route = o.slideModel!.slides.find((s) => s.title === 'The route')!;
    expect(svgs[route.number - 1]).toContain('<title>A line from Nairobi to Amsterdam, the air-freight route</title>');
  });
});

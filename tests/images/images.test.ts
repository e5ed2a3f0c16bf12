// Images in a brief and a deck: `![alt](path){width=…}` and `::image[caption]{…}`,
// PNG, JPEG and SVG files inside the project, checked before anything
// decodes them (header, pixel and byte limits, a truncated file); alt text
// required (a warning), a caption that cites a source.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildPdf, buildPptx } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { loadImage } from '../../src/images/load-image.js';
import { defaultLimits } from '../../src/limits.js';
import { copyFixture, edit, fixtures, lineOf } from '../helpers.js';
import { readPdf } from '../render/read-pdf.js';
import { readPptx } from '../render/read-pptx.js';

const dir = path.join(fixtures, 'brand');
const req = (d: string, template: string) => ({ templatesDir: path.join(d, 'templates'), template, dataDir: path.join(d, 'data'), outDir: path.join(d, 'out') });

/** A PNG of `w` × `h` pixels as its header says, with `idat` bytes of data (a valid, complete file for small sizes). */
function png(w: number, h: number, complete = true): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    return Buffer.concat([len, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const parts = [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.alloc(Math.min(h, 4) * (1 + 3 * Math.min(w, 4)))))];
  if (complete) parts.push(chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

describe('images in the brand fixture', async () => {
  const [pdf, pptx] = await Promise.all([buildPdf(req(dir, 'brief'), { write: false }), buildPptx(req(dir, 'deck'), { write: false })]);

  it('puts both images of the brief in the PDF, with the caption and its citation', async () => {
    expect(pdf.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const images = pdf.pageModel!.pages.flatMap((p) => p.items.filter((i) => i.type === 'image'));
    // The logo, the SVG (60 % of the text width) and the PNG (40 %).
    expect(images).toHaveLength(3);
    const textWidth = pdf.pageModel!.widthPt - 124;
    expect(images[1]!.w).toBeCloseTo(textWidth * 0.6, 3);
    expect(images[2]!.w).toBeCloseTo(textWidth * 0.4, 3);
    expect(images[1]).toMatchObject({ alt: 'A line from Nairobi to Amsterdam, the air-freight route' });
    const read = await readPdf(pdf.pdf!);
    expect(read.text).toMatch(/Air-freight route, Nairobi to Amsterdam \(invented sketch\) ?\[1\]/);
    expect(pdf.pdf!.toString('latin1').match(/\/Subtype\s*\/Image/g)!.length).toBeGreaterThanOrEqual(2);
  });

  it('puts the image on its slide with alt text and the caption, and the caption names the source', async () => {
    expect(pptx.diagnostics.filter((d) => d.severity !== 'info')).toEqual([]);
    const slide = pptx.slideModel!.slides.find((s) => s.title === 'The route')!;
    const item = slide.items.find((i) => i.type === 'image')!;
    expect(item).toMatchObject({ altText: 'A line from Nairobi to Amsterdam, the air-freight route' });
    expect(item.y + item.h).toBeLessThanOrEqual(6.65);
    const deck = await readPptx(pptx.pptx!);
    const read = deck.slides[slide.number - 1]!;
    expect(read.pictures).toHaveLength(1);
    expect(read.texts.join(' ')).toContain('Air-freight route (invented sketch)');
    expect(deck.dangling).toEqual([]);
  });
});

describe('a JPEG image', () => {
  it('is drawn in the brief and on a slide', async () => {
    const d = copyFixture('brand');
    // title-slide.jpg: the corporate template's title slide, drawn by LibreOffice and saved as JPEG by pdftoppm.
    edit(d, 'templates/brief/document.md.hbs', '## Overview', '## Overview\n\n![The corporate title slide](../images/title-slide.jpg)');
    edit(d, 'templates/deck/document.md.hbs', '## Exports\n', '## Exports\n\n![The corporate title slide](../images/title-slide.jpg)\n');
    const [b, k] = await Promise.all([buildPdf(req(d, 'brief'), { write: false }), buildPptx(req(d, 'deck'), { write: false })]);
    expect([...b.diagnostics, ...k.diagnostics].filter((x) => x.severity === 'error')).toEqual([]);
    expect(b.pageModel!.images!.some((i) => i.kind === 'jpeg' && i.widthPx === 161 && i.heightPx === 90)).toBe(true);
    expect(b.pdf!.toString('latin1')).toMatch(/\/Filter\s*\/DCTDecode/);
    const deck = await readPptx(k.pptx!);
    expect(deck.names.some((n) => /^ppt\/media\/.*\.jpe?g$/.test(n))).toBe(true);
  });
});

describe('image problems', () => {
  it('warns when the alt text is empty, at the image', async () => {
    const d = copyFixture('brand');
    edit(d, 'templates/brief/document.md.hbs', '![Packhouse to airport, an invented sketch]', '![]');
    const o = await buildPdf(req(d, 'brief'), { write: false });
    const w = o.diagnostics.filter((x) => x.rule === 'image/missing-alt');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toBe(messages['image/missing-alt'].text({ path: 'templates/images/route-map.png' }));
    expect(w[0]!.position).toMatchObject({ file: path.join(d, 'templates/brief/document.md.hbs'), line: lineOf(d, 'templates/brief/document.md.hbs', '![](') });
    expect(o.pdf).toBeDefined();
  });

  it('refuses a width outside 10–100 %, and a missing file, naming the image', async () => {
    const d = copyFixture('brand');
    edit(d, 'templates/brief/document.md.hbs', '{width=40%}', '{width=400%}');
    edit(d, 'templates/brief/document.md.hbs', 'src="../images/route-map.svg"', 'src="../images/nowhere.svg"');
    const o = await buildPdf(req(d, 'brief'), { write: false });
    expect(o.pdf).toBeUndefined();
    expect(o.diagnostics.filter((x) => x.severity === 'error').map((x) => x.rule).sort()).toEqual(['document/bad-attribute', 'project/missing-file']);
  });

  it('refuses a 50,000 × 50,000 header before decoding it', () => {
    const d = copyFixture('brand');
    const file = path.join(d, 'huge.png');
    writeFileSync(file, png(50_000, 50_000));
    const r = loadImage({ file, name: 'huge.png', at: { file, line: 1, column: 1 }, root: d, limits: defaultLimits, alt: 'x' });
    expect(r).toMatchObject({ rule: 'limit/exceeded', severity: 'error' });
    expect((r as { message: string }).message).toContain('huge.png is 50,000 × 50,000 pixels');
  });

  it('refuses a truncated PNG and JPEG, a file that is no image, and one over the byte limit', () => {
    const d = copyFixture('brand');
    const at = (name: string) => ({ file: path.join(d, name), name, at: { file: path.join(d, name), line: 1, column: 1 }, root: d, limits: defaultLimits, alt: 'x' });
    writeFileSync(path.join(d, 'cut.png'), png(4, 4, false));
    writeFileSync(path.join(d, 'cut.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xc0, 0, 11, 8, 0, 4, 0, 4, 1, 1, 0x11, 0]));
    writeFileSync(path.join(d, 'text.png'), 'not an image at all');
    writeFileSync(path.join(d, 'ok.png'), png(4, 4));
    const message = (r: unknown) => (r as { message?: string }).message ?? '';
    expect(message(loadImage(at('cut.png')))).toContain('cut short');
    expect(message(loadImage(at('cut.jpg')))).toContain('cut short');
    expect(message(loadImage(at('text.png')))).toContain('header');
    expect(loadImage(at('ok.png'))).toMatchObject({ kind: 'png', widthPx: 4, heightPx: 4 });
    expect(loadImage({ ...at('ok.png'), limits: { ...defaultLimits, imageBytes: 20 } })).toMatchObject({ rule: 'limit/exceeded' });
  });

  it('refuses an SVG that would fetch another file, and an image outside the project', () => {
    const d = copyFixture('brand');
    writeFileSync(path.join(d, 'fetch.svg'), '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10"><image xlink:href="file:///etc/passwd" width="10" height="10"/></svg>');
    const at = (file: string) => ({ file, name: file, at: { file, line: 1, column: 1 }, root: d, limits: defaultLimits, alt: 'x' });
    expect((loadImage(at(path.join(d, 'fetch.svg'))) as { message: string }).message).toContain('refers to another file');
    expect(loadImage(at(path.join(fixtures, 'mini', 'data', 'dataset.yaml')))).toMatchObject({ rule: 'io/outside-project' });
  });
});

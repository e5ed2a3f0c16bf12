// Page model → PDF bytes. The only code that knows pdfkit (with the helpers
// beside it): it draws what the layout placed as content operators, embeds
// the bundled fonts (subset), draws charts as vector graphics from programs
// compiled from their SVG (svg-to-pdfkit for SVG those do not cover), and
// writes metadata and bookmarks. Tagged (PDF/UA-1): every item is marked
// content of its structure element or an artifact (tag-tree.ts). Dates come
// from the document, so the same input gives the same bytes.
import { bundledFonts, fontStyles, type FontSet } from '../../theme/fonts.js';
import type { FontStyle } from '../../theme/theme.js';
import { PageContent, pdfNumber, rgbComponents } from './content-stream.js';
import { DocFonts } from './doc-fonts.js';
import { chartProgram, drawChart, type ChartTarget } from './draw-chart.js';
import { encodeRun, showRun } from './glyph-run.js';
import type { LineItem, PageModel, RectItem, TextItem } from './page-model.js';
import { claimPdfUa, escapeXmpInfo, internals, sortDestinationsByBytes, taggingInternals } from './pdfkit-internals.js';
import { TagTree } from './tag-tree.js';
import { memoiseSubsetEncoding } from './subset-cache.js';

type PDFKit = typeof import('pdfkit');

/** svg-to-pdfkit asks for a font by CSS family/weight/style; all chart text uses the bundled font. */
function fontCallback(_family: string, bold: boolean, italic: boolean): FontStyle {
  if (bold) return italic ? 'boldItalic' : 'bold';
  return italic ? 'italic' : 'regular';
}

/** The PDF's creation date: `SOURCE_DATE_EPOCH` (reproducible builds) if set, else the document date. */
export function creationDate(documentDate: string, env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env['SOURCE_DATE_EPOCH'];
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  const padded = documentDate.length === 4 ? `${documentDate}-01-01` : documentDate.length === 7 ? `${documentDate}-01` : documentDate;
  return new Date(`${padded}T00:00:00Z`);
}

/** `faces`: the theme's fonts, the very ones the layout measured with. */
export async function pagesToPdf(model: PageModel, date: Date = creationDate(model.info.date), faces: FontSet = bundledFonts): Promise<Buffer> {
  const { default: PDFDocument } = (await import('pdfkit')) as { default: PDFKit };
  // Only a chart the compiled programs cannot draw needs svg-to-pdfkit.
  const SVGtoPDF = model.svgs.some((svg) => !chartProgram(svg)) || model.images?.some((i) => i.kind === 'svg') ? (await import('svg-to-pdfkit')).default : undefined;
  const info: PDFKit.DocumentInfo = { Title: model.info.title, Creator: 'briefdeck', Producer: 'briefdeck (PDFKit)', CreationDate: date, ModDate: date };
  if (model.info.author) info.Author = model.info.author;
  if (model.info.subject) info.Subject = model.info.subject;
  if (model.info.keywords) info.Keywords = model.info.keywords;
  const doc = new PDFDocument({
    size: [model.widthPt, model.heightPt],
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would load Helvetica, and a default Be Vietnam Pro
    // would make pdfkit compare fonts (slowly) when 'regular' is first used.
    font: null as unknown as string,
    lang: model.info.lang,
    displayTitle: true,
    pdfVersion: '1.7',
    // Tagged; the PDF/UA claim is added to the XMP below (pdfkit's `subset: 'PDF/UA'`
    // would also give every font a CIDSet, a PDF/A-1 requirement, at a cost each build).
    tagged: true,
    info,
  } as PDFKit.PDFDocumentOptions);
  escapeXmpInfo(doc);
  claimPdfUa(doc);
  sortDestinationsByBytes(doc);
  // The same Buffer objects the layout measured with: fontkit parses each once per process.
  for (const style of fontStyles) doc.registerFont(style, faces.buffer(style));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });

  const outlineStack: { level: number; item: PDFKit.PDFOutline }[] = [];
  const fonts = new DocFonts(doc, faces);
  const content = new PageContent(internals(doc));
  const tags = new TagTree(taggingInternals(doc), model.structure, model.heightPt);
  /** A colour as "r g b", or undefined after pdfkit has set it (a colour syntax we do not parse). */
  const rgb = (css: string, stroke: boolean): string | undefined => {
    const c = rgbComponents(css);
    if (c) return c;
    content.flush();
    if (stroke) doc.strokeColor(css);
    else doc.fillColor(css);
    return undefined;
  };
  const drawText = (t: TextItem) => {
    const text = t.text.replace(/\n/g, '');
    if (text) {
      const font = fonts.use(t.font);
      const fill = rgb(t.color, false);
      if (fill) content.fillRgb(fill);
      content.text(font.id, t.sizePt, showRun(encodeRun(font, text), t.sizePt, t.x, t.y));
    }
    if (t.link) {
      const { ascent, descent } = faces.verticalMetrics(t.font, t.sizePt);
      // PDF/UA: a link annotation is in the structure tree, via its Link element (tag-tree writes it).
      if (t.struct !== undefined) tags.link(t.struct, t.x, t.y - ascent, t.width, ascent + descent, t.link, model.structure[t.struct]!.contents ?? t.text);
      else if ('url' in t.link) doc.link(t.x, t.y - ascent, t.width, ascent + descent, t.link.url);
      else doc.goTo(t.x, t.y - ascent, t.width, ascent + descent, t.link.dest);
    }
  };
  const drawRect = (r: RectItem) => {
    const fill = r.fill && rgb(r.fill, false);
    const stroke = r.stroke && rgb(r.stroke, true);
    const ops = [`${pdfNumber(r.x)} ${pdfNumber(r.y)} ${pdfNumber(r.w)} ${pdfNumber(r.h)} re`, r.fill && r.stroke ? 'B' : r.fill ? 'f' : r.stroke ? 'S' : 'n'];
    if (stroke) ops.unshift(`${stroke} RG`);
    if (fill) ops.unshift(`${fill} rg`);
    content.op(ops.join('\n'));
  };
  const drawLine = (l: LineItem) => {
    const stroke = rgb(l.color, true);
    const ops = [`${pdfNumber(l.widthPt)} w`, `${pdfNumber(l.x1)} ${pdfNumber(l.y1)} m`, `${pdfNumber(l.x2)} ${pdfNumber(l.y2)} l`, 'S'];
    if (stroke) ops.unshift(`${stroke} RG`);
    content.op(ops.join('\n'));
  };

  const chartTarget: ChartTarget = {
    content,
    fonts,
    opacity(fill, stroke) {
      content.flush();
      if (fill !== undefined) doc.fillOpacity(fill);
      if (stroke !== undefined) doc.strokeOpacity(stroke);
    },
  };

  for (const page of model.pages) {
    content.endMarked();
    content.flush();
    doc.addPage({ size: [model.widthPt, model.heightPt], margin: 0 });
    tags.beginPage();
    for (const entry of model.outline.filter((o) => o.page === page.number)) {
      while (outlineStack.length && outlineStack[outlineStack.length - 1]!.level >= entry.level) outlineStack.pop();
      const parent = outlineStack[outlineStack.length - 1]?.item ?? doc.outline;
      outlineStack.push({ level: entry.level, item: parent.addItem(entry.title) });
    }
    for (const it of page.items) {
      if (it.type !== 'dest') {
        const bdc = tags.enter(it);
        if (bdc) content.beginMarked(bdc);
      }
      switch (it.type) {
        case 'text':
          drawText(it);
          break;
        case 'rect':
          drawRect(it);
          break;
        case 'line':
          drawLine(it);
          break;
        case 'svg': {
          const svg = model.svgs[it.svg]!;
          const program = chartProgram(svg);
          if (program) {
            drawChart(program, it.x, it.y, it.w, it.h, chartTarget);
            break;
          }
          content.flush();
          SVGtoPDF!(doc, svg, it.x, it.y, { width: it.w, height: it.h, preserveAspectRatio: 'xMinYMin meet', fontCallback });
          break;
        }
        case 'image': {
          const image = model.images![it.image]!;
          content.flush();
          if (image.kind === 'svg') SVGtoPDF!(doc, image.bytes.toString('utf8'), it.x, it.y, { width: it.w, height: it.h, preserveAspectRatio: 'xMinYMin meet', fontCallback });
          else doc.image(image.bytes, it.x, it.y, { width: it.w, height: it.h });
          break;
        }
        case 'dest':
          doc.addNamedDestination(it.name, 'XYZ', 0, it.y, null);
          break;
        default: {
          const never: never = it;
          throw new Error(`unknown page item ${JSON.stringify(never)}`);
        }
      }
    }
  }
  content.endMarked();
  content.flush();
  tags.finish();
  for (const font of new Set(Object.values(internals(doc)._fontFamilies))) memoiseSubsetEncoding(font.font, font.subset);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

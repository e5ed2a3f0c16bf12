// Slide model → PPTX bytes. The only file that knows pptxgenjs. Charts that
// PowerPoint can draw become native charts with their data embedded (so
// "Edit data" works) and number formats with the data's decimals; other
// charts become PNG pictures with alt text. PPTX cannot embed fonts: every
// run names the theme font and its language; the theme names fallbacks.
import type { FontStyle, Theme, ThemeImage } from '../../theme/theme.js';
import { themeXmlRewrite } from './theme-xml.js';
import { mergeReferenceDeck, titleBlockShapeName, titleShapeName, type ReferenceDeck } from './reference-deck.js';
import { normalizePptx } from './normalize-pptx.js';
import { xmlSafeDeep } from '../../facts/clean-text.js';
import { textPartsRewrite } from './text-parts.js';
import { accessibleSlideXml } from './accessible-parts.js';
import type { NativeChart } from '../../charts/native-chart.js';
import type { ChartItem, Paragraph, SlideModel, TableItem, TextItem, TextRun } from './slide-model.js';
import { footerBoxes } from './footer-boxes.js';

type PptxGen = typeof import('pptxgenjs').default;
type Pres = InstanceType<PptxGen>;
type PSlide = ReturnType<Pres['addSlide']>;

const hex = (color: string) => color.replace('#', '').toUpperCase();
const bold = (f: FontStyle) => f === 'bold' || f === 'boldItalic' || f === 'semibold' || f === 'heading' || f === 'subheading';
/** Headings name the theme's heading font (PowerPoint's "+mj"), other text its body font. */
const face = (f: FontStyle, theme: Theme) => (f === 'heading' || f === 'subheading' ? theme.font.headingFamily : theme.font.family);
const italic = (f: FontStyle) => f === 'italic' || f === 'boldItalic';

function runProps(r: TextRun, lang: string, theme: Theme) {
  return {
    text: r.text,
    options: {
      fontFace: face(r.font, theme),
      fontSize: r.superscript ? Math.round(r.sizePt * 0.65) : r.sizePt,
      bold: bold(r.font),
      italic: italic(r.font),
      color: hex(r.color),
      lang: r.lang ?? lang,
      ...(r.superscript ? { superscript: true } : {}),
      ...(r.url ? { hyperlink: { url: r.url } } : {}),
    },
  };
}

function paragraphsProps(paragraphs: readonly Paragraph[], lang: string, theme: Theme) {
  const out: ReturnType<typeof runProps>[] = [];
  paragraphs.forEach((p, i) => {
    p.runs.forEach((r, j) => {
      const prop = runProps(r, lang, theme) as ReturnType<typeof runProps> & { options: Record<string, unknown> };
      // pptxgenjs takes paragraph properties from any run of the paragraph: set them on all.
      if (p.bullet) Object.assign(prop.options, { bullet: p.numbered ? { type: 'number', indent: 22 } : { indent: 18 }, indentLevel: p.level });
      if (j === p.runs.length - 1 && i < paragraphs.length - 1) prop.options['breakLine'] = true;
      if (j === 0) prop.options['paraSpaceAfter'] = 6;
      out.push(prop);
    });
  });
  return out;
}

function addText(slide: PSlide, t: TextItem, lang: string, theme: Theme, onReference: boolean): void {
  slide.addText(paragraphsProps(t.paragraphs, lang, theme) as never, {
    // The title slide's block is its title: the title placeholder of our layout, or on a
    // reference deck the centred-title placeholder (reference-deck.ts finds it by name).
    ...(t.role === 'title-block' ? (onReference ? { objectName: titleBlockShapeName } : { placeholder: 'title' }) : {}),
    x: t.x,
    y: t.y,
    w: t.w,
    h: t.h,
    valign: t.valign,
    align: t.align,
    margin: 6,
    fit: 'none',
    ...(t.fill ? { fill: { color: hex(t.fill) } } : {}),
  });
}

function addTable(slide: PSlide, t: TableItem, lang: string, theme: Theme): void {
  const cell = (runs: TextRun[], header: boolean, i: number) => ({
    text: runs.map((r) => runProps(r, lang, theme)) as never,
    options: { align: t.align[i] ?? 'left', valign: 'middle' as const, ...(header ? { fill: { color: hex(theme.colors.tableHeaderFill) }, bold: true } : {}) },
  });
  const rows = [t.header.map((runs, i) => cell(runs, true, i)), ...t.rows.map((r) => r.map((runs, i) => cell(runs, false, i)))];
  // Row heights from the slide model: without them pptxgenjs writes `h="0"` and PowerPoint shrinks every row to its text.
  slide.addTable(rows as never, { x: t.x, y: t.y, w: t.w, h: t.h, rowH: t.rowHeights, colW: t.columnWidths, fontFace: theme.font.family, fontSize: t.sizePt, border: { type: 'solid', pt: 0.5, color: hex(theme.colors.rule) }, margin: 3, autoPage: false });
}

function addChart(pres: Pres, slide: PSlide, ch: ChartItem, pngs: Buffer[], theme: Theme): void {
  const n = ch.native;
  if (!n) {
    const png = ch.picture !== undefined ? pngs[ch.picture] : undefined;
    if (png) slide.addImage({ data: `image/png;base64,${png.toString('base64')}`, x: ch.x, y: ch.y, w: ch.w, h: ch.h, altText: ch.altText });
    return;
  }
  const types = { bar: pres.ChartType.bar, line: pres.ChartType.line, area: pres.ChartType.area, pie: pres.ChartType.pie, doughnut: pres.ChartType.doughnut, scatter: pres.ChartType.scatter };
  const font = theme.font.family;
  // pptxgenjs adds `_dataIndex` to the series it is given and wraps their
  // labels: hand it copies so the slide model stays as built.
  const data = n.series.map((s) => ({ name: s.name, labels: [...s.labels], values: [...s.values] }));
  const axis = n.valueAxis ?? {};
  slide.addChart(types[n.kind] as never, data as never, {
    x: ch.x,
    y: ch.y,
    w: ch.w,
    h: ch.h,
    altText: ch.altText,
    barDir: n.direction,
    barGrouping: n.grouping,
    // One colour per series, or per point. A single colour matters: with more
    // than one, pptxgenjs colours each bar of a single series differently.
    // pptxgenjs picks a random colour past the end of the list, so the list
    // is always long enough (native-chart cycles the palette as Vega does).
    chartColors: n.colors.map(hex),
    showValue: n.showValues,
    // pptxgenjs defaults to `#,##0`, which would print 1.2 as "1". The empty
    // third section hides the zeros that fill the gaps of a coloured series.
    // Series with another format, and qualified values, are patched in the XML (patchChartXml).
    dataLabelFormatCode: labelCode(n.numberFormat),
    valAxisLabelFormatCode: axis.formatCode ?? n.numberFormat.replace(/\.0+$/, ''),
    ...(axis.min !== undefined ? { valAxisMinVal: axis.min } : {}),
    ...(axis.max !== undefined ? { valAxisMaxVal: axis.max } : {}),
    lineDataSymbol: n.markers ? 'circle' : 'none',
    // Vega's points are not joined; pptxgenjs draws a scatter's points joined unless the line has no width.
    ...(n.kind === 'scatter' ? { lineSize: 0 } : {}),
    lineDataSymbolSize: 6,
    dataLabelFontFace: font,
    dataLabelFontSize: 12,
    catAxisLabelFontFace: font,
    catAxisLabelFontSize: 12,
    valAxisLabelFontFace: font,
    valAxisLabelFontSize: 11,
    legendFontFace: font,
    legendFontSize: 12,
    showLegend: n.legend !== undefined,
    legendPos: n.legend ?? 'b',
    catAxisOrientation: n.direction === 'bar' ? 'maxMin' : 'minMax',
    valGridLine: { color: 'E4E8EC', size: 0.5 },
    catGridLine: { style: 'none' },
  } as never);
}

/** An image as pptxgenjs takes it: PNG and JPEG as they are, SVG drawn to PNG by the caller's `svgToPng`. */
async function imageData(image: ThemeImage, svgToPng: SvgToPng): Promise<string> {
  if (image.kind === 'svg') return `image/png;base64,${(await svgToPng(image.bytes.toString('utf8'))).toString('base64')}`;
  return `image/${image.kind};base64,${image.bytes.toString('base64')}`;
}

/**
 * The layouts (pptxgenjs writes each "slide master" as a layout of one
 * master) every slide is put on: `title` has the title placeholder that
 * holds each slide's title, which PowerPoint's accessibility checker and
 * screen readers read as the slide title; `body`, with the brand's logo in
 * the top-right corner, 0.3 in high, above the title's text, is for every
 * slide but the title slide (undefined when the brand has no logo).
 */
function layoutMasters(pres: Pres, model: SlideModel, images: readonly string[]): { title: string; body?: string } {
  const placeholder = { placeholder: { options: { name: 'title', type: 'title', x: 0.6, y: 0.35, w: model.widthIn - 1.2, h: 0.9 }, text: '' } };
  pres.defineSlideMaster({ title: 'Title', objects: [placeholder] } as never);
  if (model.masterLogo === undefined) return { title: 'Title' };
  const logo = model.images![model.masterLogo]!;
  const h = 0.3;
  const w = Math.min(2, (h * logo.widthPx) / logo.heightPx);
  pres.defineSlideMaster({ title: 'Brand', objects: [placeholder, { image: { data: images[model.masterLogo]!, x: model.widthIn - 0.35 - w, y: 0.08, w, h: (w * logo.heightPx) / logo.widthPx, altText: logo.alt } }] } as never);
  return { title: 'Title', body: 'Brand' };
}

/** A label format whose zero section is empty (gaps of a coloured series stay unlabelled). */
const labelCode = (f: string) => (/[;"\[]/.test(f) || f === 'General' ? f : `${f};-${f};;`);
const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * pptxgenjs writes one label format for the whole chart. Here each series
 * gets its own (`c:ser/c:dLbls/c:numFmt`), and a point whose label differs
 * (a qualified value, "over 200"; a value with fewer decimals under a
 * trimming format) a label of its own (`c:dLbl`) whose format carries the
 * word as a literal: the label stays linked to the value if the data is edited.
 */
export function patchChartXml(xml: string, n: NativeChart): string {
  if (!n.showValues) return xml;
  let k = 0;
  return xml.replace(/<c:ser>[\s\S]*?<\/c:ser>/g, (ser) => {
    const s = n.series[k];
    k += 1;
    if (!s) return ser;
    const code = xmlAttr(labelCode(s.numberFormat));
    let out = ser;
    if (n.kind === 'pie' || n.kind === 'doughnut') out = out.replace(/(<c:numFmt formatCode=")[^"]*(")/g, `$1${code}$2`);
    else out = out.replace(/(<c:dLbls>[\s\S]*?<c:numFmt formatCode=")[^"]*(")/, `$1${code}$2`);
    const formats = s.pointFormats;
    if (!formats?.some(Boolean)) return out;
    const txPr = /<c:dLbls>[\s\S]*?(<c:txPr>[\s\S]*?<\/c:txPr>)/.exec(out)?.[1] ?? '';
    if (n.kind === 'pie' || n.kind === 'doughnut') {
      // pptxgenjs already writes one c:dLbl per slice: give those that differ their own format.
      return out.replace(/<c:dLbl>\s*<c:idx val="(\d+)"\/>\s*<c:numFmt formatCode="[^"]*"/g, (m, idx: string) => {
        const f = formats[Number(idx)];
        return f ? `<c:dLbl><c:idx val="${idx}"/><c:numFmt formatCode="${xmlAttr(f)}"` : m;
      });
    }
    const dLbl = formats
      .map((f, i) => (f ? `<c:dLbl><c:idx val="${i}"/><c:numFmt formatCode="${xmlAttr(f)}" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>${txPr}<c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbl>` : ''))
      .join('');
    // c:dLbl elements come first in c:dLbls (CT_DLbls).
    return out.replace('<c:dLbls>', `<c:dLbls>${dLbl}`);
  });
}

/**
 * An SVG (a chart's picture, an SVG logo) drawn to PNG at twice slide
 * resolution in the theme's fonts. The caller draws: this writer is a bundle
 * of its own (dist/pptx-writer.cjs), which then holds no fonts (fontkit and
 * brotli, 1.8 MB of code to load again, and Unicode tables to inflate again).
 */
export type SvgToPng = (svg: string) => Promise<Buffer>;

/** `reference`: the corporate template to build on, and the layout part of each slide (1-based) in it. */
export async function slidesToPptx(built: SlideModel, date: Date, theme: Theme, svgToPng: SvgToPng, reference?: { deck: ReferenceDeck; layoutOf: (slideNumber: number) => string }): Promise<Buffer> {
  // Last line of defence: the loaders strip control characters and lone
  // surrogates from data, but any that reach here (text, notes, chart
  // categories and series names, which also fill the embedded workbook)
  // would make a part XML 1.0 cannot hold, and PowerPoint would refuse it.
  const model = xmlSafeDeep(built);
  // A fresh instance per deck; its chart counter is module-global, which
  // normalizePptx undoes by renumbering.
  const { default: PptxGenJS } = (await import('pptxgenjs')) as unknown as { default: PptxGen };
  const pres = new PptxGenJS();
  if (reference) {
    pres.defineLayout({ name: 'REFERENCE', width: model.widthIn, height: model.heightIn });
    pres.layout = 'REFERENCE';
  } else pres.layout = model.widthIn > 12 ? 'LAYOUT_WIDE' : 'LAYOUT_4x3';
  pres.title = model.info.title;
  pres.company = '';
  if (model.info.author) pres.author = model.info.author;
  if (model.info.subject) pres.subject = model.info.subject;
  pres.theme = { headFontFace: theme.font.headingFamily, bodyFontFace: theme.font.family };
  const pngs = await Promise.all(model.pictures.map((p) => svgToPng(p.svg)));
  const images = await Promise.all((model.images ?? []).map((i) => imageData(i, svgToPng)));
  // A reference deck brings its own masters (and logo), and its titles become its placeholders by name.
  const masters = reference ? { title: '' } : layoutMasters(pres, model, images);
  const titleName = reference ? { objectName: titleShapeName } : { placeholder: 'title' };
  const lang = model.info.lang;
  const c = theme.colors;
  for (const s of model.slides) {
    const slide = reference ? pres.addSlide() : pres.addSlide({ masterName: s.kind !== 'title' && masters.body ? masters.body : masters.title });
    if (s.kind === 'content' && s.title) {
      slide.addText([runProps({ text: s.title, font: 'heading', sizePt: 28, color: c.accent }, lang, theme)] as never, { x: 0.6, y: 0.35, w: model.widthIn - 1.2, h: 0.9, valign: 'bottom', margin: 6, fit: 'none', ...titleName });
      if (!reference) slide.addShape(pres.ShapeType.line, { x: 0.6, y: 1.3, w: model.widthIn - 1.2, h: 0, line: { color: hex(c.accent), width: 1.5 } });
    }
    if (s.kind === 'section') {
      slide.addText([runProps({ text: s.title, font: 'heading', sizePt: 40, color: c.accent }, lang, theme)] as never, { x: 0.6, y: 2.8, w: model.widthIn - 1.2, h: 1.5, valign: 'middle', margin: 6, fit: 'none', ...titleName });
    }
    for (const it of s.items) {
      switch (it.type) {
        case 'text':
          addText(slide, it, lang, theme, reference !== undefined);
          break;
        case 'rect':
          slide.addShape(pres.ShapeType.rect, { x: it.x, y: it.y, w: it.w, h: it.h, fill: { color: hex(it.fill) }, line: { color: hex(it.fill), width: 0 } });
          break;
        case 'table':
          addTable(slide, it, lang, theme);
          break;
        case 'chart':
          addChart(pres, slide, it, pngs, theme);
          break;
        case 'image':
          slide.addImage({ data: images[it.image]!, x: it.x, y: it.y, w: it.w, h: it.h, altText: it.altText });
          break;
        default: {
          const never: never = it;
          throw new Error(`unknown slide item ${JSON.stringify(never)}`);
        }
      }
    }
    if (s.footer) {
      for (const b of footerBoxes(s.footer, model.widthIn, model.heightIn, theme)) {
        slide.addText([runProps({ text: b.text, font: b.font, sizePt: b.sizePt, color: b.color }, lang, theme)] as never, { x: b.x, y: b.y, w: b.w, h: b.h, align: b.align, margin: 0, fit: 'none' });
      }
    }
    // Written again as one paragraph per line, in the deck's language, by textPartsRewrite.
    if (s.notes.length) slide.addNotes(s.notes.join('\n'));
  }
  // Stored, not deflated: normalizePptx rewrites the zip anyway and compresses once.
  const written = (await pres.write({ outputType: 'nodebuffer', compression: false })) as Buffer;
  const raw = reference ? await mergeReferenceDeck(written, reference.deck, reference.layoutOf) : written;
  const natives = model.slides.flatMap((sl) => sl.items.flatMap((it) => (it.type === 'chart' && it.native ? [it.native] : [])));
  const textParts = textPartsRewrite(model);
  const themeXml = themeXmlRewrite(theme);
  // Chart parts are numbered in order of creation (normalizePptx renumbers them so).
  return normalizePptx(raw, date, (name, xml) => {
    const chartNo = /^ppt\/charts\/chart(\d+)\.xml$/.exec(name)?.[1];
    const native = chartNo ? natives[Number(chartNo) - 1] : undefined;
    const slide = /^ppt\/slides\/slide(\d+)\.xml$/.exec(name)?.[1];
    const accessible = slide && model.slides[Number(slide) - 1] ? accessibleSlideXml(xml, model.slides[Number(slide) - 1]!) : xml;
    return themeXml(name, textParts(name, native ? patchChartXml(accessible, native) : accessible));
  });
}

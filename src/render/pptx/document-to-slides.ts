// Document tree → slide model (pure). A level-2 heading starts a slide (its
// title), a level-1 heading makes a section slide, `---` or `::pagebreak`
// starts a new slide; `:::notes` become speaker notes. Text is measured with
// the real font: what does not fit is shrunk a little, and a warning names
// the slide when even that is not enough. Long tables continue on the next
// slide with their header row repeated.
import type { Diagnostic, Position, Result } from '../../diagnostics/diagnostic.js';
import { report } from '../../diagnostics/messages.js';
import type { Block, Chart, Citation, Document, Image, Inline, KeyFigures, SourceEntry, Table } from '../../document/nodes.js';
import { assertNever } from '../../document/nodes.js';
import { plainText } from '../../document/plain-text.js';
import { toNativeChart, type NativeChart } from '../../charts/native-chart.js';
import { tableAltWords, words } from '../../format/locale.js';
import { calloutColors, defaultTheme, slideSizes, type FontStyle, type Theme, type ThemeImage } from '../../theme/theme.js';
import { breakLines } from '../layout/break-lines.js';
import type { Run } from '../layout/inline-runs.js';
import { columnWidths } from '../layout/layout-table.js';
import type { Paragraph, Slide, SlideItem, SlideModel, TextRun } from './slide-model.js';

const DEFAULT_MX = 0.6;
const DEFAULT_BODY_TOP = 1.45;
/** Body text ends here; below it, the slide's source line (6.7–7.0) and the footer (7.0–7.3). */
const DEFAULT_BODY_BOTTOM = 6.65;
/**
 * The deck's look and width, set by `documentToSlides(doc, theme)` for its
 * own (synchronous) run and put back after it: the builder's helpers read
 * them as they read the layout constants here.
 */
let c = defaultTheme.colors;
let fonts = defaultTheme.fonts;
let W: number = slideSizes['16:9'].widthIn;
let H: number = slideSizes['16:9'].heightIn;
/** The body area (left edge, width, top, bottom) and the source line just below it. */
let MX = DEFAULT_MX;
let BW = W - 2 * MX;
let BODY_TOP = DEFAULT_BODY_TOP;
let BODY_BOTTOM = DEFAULT_BODY_BOTTOM;
let SOURCE_LINE_Y = BODY_BOTTOM + 0.05;
let onReference = false;
const measure: typeof fonts.measure = (text, style, sizePt) => fonts.measure(text, style, sizePt);
const BODY_PT = 18;
const MIN_PT = 12;
const PT = 72;
/** Where a content slide's items go, in inches: below the title band, above the source line and footer, inside the side margins. */
export function bodyAreaOf(widthIn: number): SlideFrame['body'] {
  return { top: DEFAULT_BODY_TOP, bottom: DEFAULT_BODY_BOTTOM, left: DEFAULT_MX, right: widthIn - DEFAULT_MX };
}

/** The slide and its body area, in inches: our own for 16:9 and 4:3, or a reference deck's (its size and its "Title and Content" body placeholder). */
export interface SlideFrame {
  widthIn: number;
  heightIn: number;
  body: { top: number; bottom: number; left: number; right: number };
  /** A reference deck's master draws its own decoration: no accent band of ours on the title slide. */
  onReference?: boolean;
}

export function defaultFrame(theme: Theme): SlideFrame {
  const { widthIn, heightIn } = slideSizes[theme.slides];
  return { widthIn, heightIn, body: bodyAreaOf(widthIn) };
}
/** The body area of a 16:9 deck. */
export const bodyArea = bodyAreaOf(slideSizes['16:9'].widthIn);

function toRuns(nodes: readonly Inline[], font: FontStyle, sizePt: number, color: string): TextRun[] {
  const out: TextRun[] = [];
  const walk = (list: readonly Inline[], f: FontStyle, url?: string, lang?: string) => {
    for (const n of list) {
      switch (n.type) {
        case 'text':
          out.push({ text: n.value.replace(/\s+/g, ' '), font: f, sizePt, color: url ? c.link : color, ...(url ? { url } : {}), ...(lang ? { lang } : {}) });
          break;
        case 'strong':
          walk(n.children, f === 'italic' ? 'boldItalic' : 'bold', url, lang);
          break;
        case 'emphasis':
          walk(n.children, f === 'bold' ? 'boldItalic' : 'italic', url, lang);
          break;
        case 'link':
          walk(n.children, f, n.url, lang);
          break;
        case 'lang':
          walk(n.children, f, url, n.lang);
          break;
        case 'citation':
          out.push({ text: `[${n.number}]`, font: 'regular', sizePt, color: c.link, superscript: true, ...(n.factIds.length ? { facts: n.factIds } : {}) });
          break;
        case 'footnote-ref':
          out.push({ text: String(n.number), font: 'regular', sizePt, color: c.link, superscript: true });
          break;
        case 'break':
          out.push({ text: ' ', font: f, sizePt, color });
          break;
        default:
          assertNever(n);
      }
    }
  };
  walk(nodes, font);
  return out;
}

/** A paragraph's lines set in a box `wIn` wide (bullets indent, superscripts are small). */
function setLines(p: Paragraph, wIn: number) {
  const indent = p.bullet ? 0.35 + 0.35 * p.level : 0;
  const runs: Run[] = p.runs.map((r) => ({ text: r.text, font: r.font, sizePt: r.superscript ? r.sizePt * 0.6 : r.sizePt, color: r.color, risePt: r.superscript ? 1 : 0, position: { file: '', line: 1, column: 1 } }));
  return breakLines(runs, (wIn - indent - 0.2) * PT, 1.2, fonts);
}

/** Height in inches of paragraphs set in a box `wIn` wide. */
function textHeight(paragraphs: readonly Paragraph[], wIn: number): number {
  let h = 0;
  for (const p of paragraphs) h += setLines(p, wIn).reduce((s, l) => s + l.heightPt, 0) / PT + 0.08;
  return h + 0.1;
}

function scale(paragraphs: Paragraph[], sizePt: number): Paragraph[] {
  return paragraphs.map((p) => ({ ...p, runs: p.runs.map((r) => ({ ...r, sizePt: p.level > 0 ? sizePt - 2 : sizePt })) }));
}

class SlideBuilder {
  readonly slides: Slide[] = [];
  readonly pictures: SlideModel['pictures'] = [];
  /** Logos and the document's images (SlideModel.images). */
  readonly images: ThemeImage[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Where each slide starts in the template, for diagnostics. */
  readonly positions = new Map<Slide, Position>();
  /** Citation numbers shown on each slide's body, and in its notes. */
  readonly cited = new Map<Slide, Set<number>>();
  readonly citedInNotes = new Map<Slide, Set<number>>();
  /** Numbers already named by a chart's own source line on the slide. */
  readonly chartCited = new Map<Slide, Set<number>>();
  private current: Slide | undefined;
  private y = BODY_TOP;
  private title = '';
  private position: Position | undefined;

  constructor(private readonly doc: Document) {}

  private footer(n: number) {
    return { marking: this.doc.meta.marking ?? '', date: this.doc.meta.dateText, number: String(n) };
  }

  newSlide(title: string, position: Position | undefined, kind: Slide['kind'] = 'content'): Slide {
    const n = this.slides.length + 1;
    const slide: Slide = { number: n, kind, title, items: [], notes: [] };
    if (kind !== 'title') slide.footer = this.footer(n);
    this.slides.push(slide);
    if (position) this.positions.set(slide, position);
    this.current = slide;
    this.y = BODY_TOP;
    this.title = title;
    this.position = position;
    return slide;
  }

  /** Record the citations in `nodes` as shown on the current slide (or in its notes). */
  cite(nodes: readonly Citation[], into: 'body' | 'notes' | 'chart' = 'body'): void {
    const map = into === 'body' ? this.cited : into === 'notes' ? this.citedInNotes : this.chartCited;
    const slide = this.slide();
    const set = map.get(slide) ?? new Set<number>();
    for (const c of nodes) set.add(c.number);
    map.set(slide, set);
  }

  private slide(): Slide {
    return this.current ?? this.newSlide(this.title, this.position);
  }

  private room(): number {
    return BODY_BOTTOM - this.y;
  }

  /** A text box at the cursor; shrinks to fit, warns (naming the slide) if it cannot. */
  addText(paragraphs: Paragraph[], at: Position, fill?: string): void {
    const slide = this.slide();
    const w = BW;
    let size = BODY_PT;
    let sized = scale(paragraphs, size);
    let h = textHeight(sized, w);
    while (h > this.room() && size > MIN_PT) {
      size -= 1;
      sized = scale(paragraphs, size);
      h = textHeight(sized, w);
    }
    if (h > this.room()) {
      this.diagnostics.push(report('render/overflow', at, { what: `text on slide ${slide.number} (“${slide.title}”)`, detail: `it needs ${h.toFixed(1)} in and ${this.room().toFixed(1)} in is left even at ${MIN_PT} pt; split the slide with \`---\`` }));
      h = Math.max(0.3, this.room());
    }
    const item: SlideItem = { type: 'text', x: MX, y: this.y, w, h, paragraphs: sized, valign: 'top', align: 'left' };
    if (fill) item.fill = fill;
    slide.items.push(item);
    this.y += h + 0.1;
  }

  addChart(chart: Chart): void {
    const slide = this.slide();
    const sourceRuns = toRuns(chart.sourceLine, 'regular', 11, c.muted);
    const native = nativeChartOf(chart);
    // A native chart holds every row; a picture of a thinned line says it is thinned.
    const noteText = [chart.noteLine, native || chart.noData ? undefined : chart.drawing?.note].filter((t) => t !== undefined).join(' ');
    const note = noteText ? [{ runs: [{ text: noteText, font: 'italic' as const, sizePt: 11, color: c.muted }], bullet: false, level: 0 }] : [];
    const captionH = textHeight([{ runs: sourceRuns, bullet: false, level: 0 }, ...note], BW);
    const titleH = 0.4;
    // The chart, its title and its caption (0.05 in below it) end at the foot of the body.
    const h = Math.max(1.5, this.room() - captionH - titleH - 0.05);
    slide.items.push({ type: 'text', x: MX, y: this.y, w: BW, h: titleH, paragraphs: [{ runs: [{ text: chart.title, font: 'bold', sizePt: 16, color: c.text }, { text: `   ${chart.unitLine}`, font: 'regular', sizePt: 12, color: c.muted }], bullet: false, level: 0 }], valign: 'top', align: 'left' });
    this.y += titleH;
    if (chart.noData) {
      // An empty series: a text box where the chart would be (no native chart, no picture).
      slide.items.push({ type: 'text', x: MX, y: this.y, w: BW, h, paragraphs: [{ runs: [{ text: chart.noData, font: 'regular', sizePt: 16, color: c.muted }], bullet: false, level: 0 }], valign: 'middle', align: 'center' });
      this.y += h + 0.05;
      slide.items.push({ type: 'text', x: MX, y: this.y, w: BW, h: captionH, paragraphs: [{ runs: sourceRuns, bullet: false, level: 0 }, ...note], valign: 'top', align: 'left' });
      this.y += captionH;
      this.cite(citationsIn(chart.sourceLine), 'chart');
      return;
    }
    // Made once by the charts stage (chartAltText): from the data Vega drew, or for a native chart (not drawn in a deck build) from the spec's rows.
    const altText = chart.altText ?? `${chart.title}. ${chart.unitLine}`;
    const item: SlideItem = { type: 'chart', x: MX, y: this.y, w: BW, h, title: chart.title, altText };
    if (native) item.native = native;
    else if (chart.rendered) {
      this.pictures.push({ svg: chart.rendered.svg, widthPx: chart.rendered.widthPx, heightPx: chart.rendered.heightPx });
      item.picture = this.pictures.length - 1;
      // Keep the picture's proportions inside the box.
      const ratio = chart.rendered.heightPx / chart.rendered.widthPx;
      if (item.w * ratio > h) item.w = h / ratio;
      else item.h = item.w * ratio;
    }
    slide.items.push(item);
    this.y += item.h + 0.05;
    slide.items.push({ type: 'text', x: MX, y: this.y, w: BW, h: captionH, paragraphs: [{ runs: sourceRuns, bullet: false, level: 0 }, ...note], valign: 'top', align: 'left' });
    this.y += captionH;
    this.cite(citationsIn(chart.sourceLine), 'chart');
  }

  /** An image under the cursor, as large as the room left allows (or its `width=` share), its caption below. */
  addImage(im: Image): void {
    const loaded = im.loaded;
    if (!loaded) return;
    const slide = this.slide();
    const captionRuns = toRuns(im.caption, 'regular', 11, c.muted);
    const captionH = captionRuns.length ? textHeight([{ runs: captionRuns, bullet: false, level: 0 }], BW) : 0;
    let w = im.widthPercent !== undefined ? ((BW) * im.widthPercent) / 100 : Math.min(BW, loaded.widthPx / 96);
    let h = (w * loaded.heightPx) / loaded.widthPx;
    const room = Math.max(1, this.room() - captionH - 0.05);
    if (h > room) {
      w *= room / h;
      h = room;
    }
    this.images.push(loaded);
    slide.items.push({ type: 'image', x: MX, y: this.y, w, h, image: this.images.length - 1, altText: im.alt });
    this.y += h + 0.05;
    if (captionRuns.length) {
      slide.items.push({ type: 'text', x: MX, y: this.y, w: BW, h: captionH, paragraphs: [{ runs: captionRuns, bullet: false, level: 0 }], valign: 'top', align: 'left' });
      this.y += captionH;
    }
    this.cite(citationsIn(im.caption), 'chart');
  }

  /**
   * Key figures as boxes: up to four in a row, more in two rows. When nothing else follows them on
   * the slide they use the body: taller boxes (at most 4.2 in, and 1.25 × their width), larger values, the block centred
   * vertically, and a lone figure or two no wider than 5.2 in, centred. Otherwise a 2.2 in row at
   * the top leaves room for what follows.
   */
  addKeyFigures(k: KeyFigures, fillBody: boolean): void {
    const slide = this.slide();
    const n = Math.max(1, k.figures.length);
    const perRow = n <= 4 ? n : Math.ceil(n / 2);
    const rowCount = Math.ceil(n / perRow);
    const gap = 0.25;
    const bodyW = BW;
    const w = Math.min(fillBody ? 5.2 : bodyW, (bodyW - gap * (perRow - 1)) / perRow);
    const room = this.room();
    // No taller than 4.2 in, nor much taller than wide (a narrow box would be mostly empty fill).
    const h = fillBody ? Math.max(1.5, Math.min(4.2, Math.max(2.6, w * 1.25), (room - gap * (rowCount - 1)) / rowCount)) : 2.2;
    const blockH = rowCount * h + gap * (rowCount - 1);
    const top = fillBody ? this.y + Math.max(0, (room - blockH) / 2) : this.y;
    // One value size for all boxes: as large as the box height allows, shrunk until the widest value
    // fits its box and every box's text fits its height.
    const maxPt = fillBody ? Math.min(60, Math.max(28, Math.floor(h * 14))) : 28;
    const labelPt = fillBody && h >= 3 ? 18 : 14;
    const smallPt = fillBody && h >= 3 ? 14 : 12;
    const widest = Math.max(...k.figures.map((f) => measure(f.value, 'bold', 1)));
    const paragraphsAt = (f: KeyFigures['figures'][number], valuePt: number): Paragraph[] => [
      { runs: [{ text: f.value, font: 'bold', sizePt: valuePt, color: c.accent, ...(f.citations.some((ct) => ct.factIds.length) ? { facts: f.citations.flatMap((ct) => ct.factIds) } : {}) }], bullet: false, level: 0 },
      { runs: [{ text: f.label, font: 'semibold', sizePt: labelPt, color: c.text }, ...f.citations.map((ct) => ({ text: `[${ct.number}]`, font: 'regular' as const, sizePt: labelPt, color: c.link, superscript: true, ...(ct.factIds.length ? { facts: ct.factIds } : {}) }))], bullet: false, level: 0 },
      { runs: [{ text: f.period, font: 'regular', sizePt: smallPt, color: c.muted }], bullet: false, level: 0 },
      ...(f.change ? [{ runs: [{ text: f.change, font: 'regular' as const, sizePt: smallPt, color: c.text }], bullet: false, level: 0 }] : []),
    ];
    let valuePt = Math.max(16, Math.min(maxPt, Math.floor(((w - 0.45) * PT) / widest)));
    while (valuePt > 16 && k.figures.some((f) => textHeight(paragraphsAt(f, valuePt), w) > h)) valuePt -= 2;
    k.figures.forEach((f, i) => {
      const row = Math.floor(i / perRow);
      const inRow = Math.min(perRow, k.figures.length - row * perRow);
      const x = MX + (bodyW - (inRow * w + gap * (inRow - 1))) / 2 + (i % perRow) * (w + gap);
      slide.items.push({ type: 'text', x, y: top + row * (h + gap), w, h, fill: c.accentLight, valign: 'middle', align: 'left', paragraphs: paragraphsAt(f, valuePt) });
    });
    this.y = top + blockH + 0.2;
  }

  addTable(t: Table): void {
    const size = 12;
    const head = t.header.map((cell) => toRuns(cell.children, 'bold', size, c.text));
    const rows = t.rows.map((r) => r.map((cell) => toRuns(cell.children, 'regular', size, c.text)));
    const asRuns = (cells: TextRun[][]): Run[][] => cells.map((runs) => runs.map((r) => ({ ...r, risePt: 0, position: t.position })));
    const widthsPt = columnWidths([asRuns(head), ...rows.map(asRuns)], (BW) * PT, fonts);
    // A row is as tall as its tallest cell: its lines broken with the real font, each line as tall as
    // PowerPoint sets Be Vietnam Pro at single spacing ((winAscent 1261 + winDescent 265) / 1000 em:
    // a row given less grows, and the table would run off the slide), inside the cell margins (3 pt
    // each side, as slidesToPptx sets them) plus 2 pt. The writer pins these heights.
    const margin = 3;
    const pptLineHeight = 1.53;
    const cellLines = (runs: TextRun[], wPt: number) => breakLines(runs.map((r) => ({ ...r, risePt: 0, position: t.position })), wPt - 2 * margin, pptLineHeight, fonts);
    const rowHeight = (cells: TextRun[][]) => Math.max(...cells.map((runs, i) => (cellLines(runs, widthsPt[i]!).reduce((s, l) => s + l.heightPt, 0) + 2 * margin + 2) / PT), 0.3);
    const headH = rowHeight(head);
    const heights = rows.map(rowHeight);
    let start = 0;
    // Continuation slides are titled from the slide the table starts on, not from the last one ("… (continued) (continued)").
    const baseTitle = this.title;
    while (start < rows.length || start === 0) {
      if (this.room() < headH + (heights[start] ?? 0)) this.newSlide(this.title, this.position);
      let h = headH;
      let end = start;
      while (end < rows.length && h + heights[end]! <= this.room()) h += heights[end++]!;
      if (end === start && start < rows.length) h += heights[end++]!;
      const rowHeights = [headH, ...heights.slice(start, end)];
      // A piece the table continues after fills the body to its foot: the rows share what is left
      // (less than a row), so every continued slide ends at the same line.
      if (end < rows.length && h < this.room()) {
        const extra = (this.room() - h) / (end - start);
        for (let i = 1; i < rowHeights.length; i++) rowHeights[i]! += extra;
        h = this.room();
      }
      this.cite(t.rows.slice(start, end).flatMap((r) => r.flatMap((cell) => citationsIn(cell.children))));
      const altText = tableAltWords[this.doc.meta.locale](head.map((cell) => cell.map((r) => r.text).join('')), end - start);
      this.slide().items.push({ type: 'table', x: MX, y: this.y, w: BW, h, columnWidths: widthsPt.map((p) => p / PT), header: head, rows: rows.slice(start, end), align: t.align, sizePt: size, rowHeights, altText });
      this.y += h + 0.15;
      start = end;
      if (start >= rows.length) break;
      // The table goes on: next slide, same title, header repeated.
      this.newSlide(`${baseTitle} (${words[this.doc.meta.locale]['continued'] ?? 'cont.'})`, this.position);
    }
  }

  addSources(entries: readonly SourceEntry[], title: string, at: Position): void {
    const perSlide = 6;
    for (let i = 0; i < entries.length; i += perSlide) {
      this.newSlide(title, at);
      const paragraphs: Paragraph[] = entries.slice(i, i + perSlide).map((e) => ({
        runs: [
          { text: `[${e.number}] `, font: 'regular', sizePt: 14, color: c.muted },
          { text: `${e.publisher}, `, font: 'regular', sizePt: 14, color: c.text },
          { text: e.title, font: 'italic', sizePt: 14, color: c.text },
          { text: e.date ? `, ${e.date}.` : '.', font: 'regular', sizePt: 14, color: c.text },
          ...(e.url ? [{ text: ` ${e.url}`, font: 'regular' as const, sizePt: 14, color: c.link, url: e.url }] : []),
        ],
        bullet: false,
        level: 0,
      }));
      this.addText(paragraphs, at);
    }
  }

  addNotes(blocks: readonly Block[]): void {
    // One paragraph per notes paragraph or list item; a soft line break inside a paragraph is a space, as on the slide.
    const paragraphText = (nodes: readonly Inline[]) => nodes.map(notesText).join('').replace(/\s+/g, ' ').trim();
    const paragraphs = blocks.flatMap((b) =>
      b.type === 'paragraph' ? [paragraphText(b.children)] : b.type === 'list' ? b.items.map((it) => `• ${it.children.map((x) => (x.type === 'paragraph' ? paragraphText(x.children) : '')).join(' ')}`) : [],
    );
    this.slide().notes.push(...paragraphs.filter(Boolean));
  }
}

/** A character the font cannot draw, once per slide: PowerPoint would show a box or another font. */
function glyphWarnings(slides: readonly Slide[], positions: ReadonlyMap<Slide, Position>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const slide of slides) {
    const runs = slide.items.flatMap((it) => (it.type === 'text' ? it.paragraphs.flatMap((p) => p.runs) : it.type === 'table' ? [...it.header, ...it.rows.flat()].flat() : []));
    const seen = new Set<string>();
    for (const r of [...runs, ...slide.notes.map((text) => ({ text, font: 'regular' as FontStyle }))]) {
      for (const ch of fonts.missingGlyphs(r.text, r.font)) {
        if (seen.has(ch)) continue;
        seen.add(ch);
        const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
        out.push(report('render/missing-glyph', positions.get(slide) ?? { file: '', line: 1, column: 1 }, { char: ch, code, font: `${fonts.name(r.font)} (slide ${slide.number})` }));
      }
    }
  }
  return out;
}

/** Every citation inside inline content. */
function citationsIn(nodes: readonly Inline[]): Citation[] {
  const out: Citation[] = [];
  const walk = (list: readonly Inline[]) => {
    for (const n of list) {
      if (n.type === 'citation') out.push(n);
      else if ('children' in n) walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

/** Every citation inside a block (tables and charts are counted where they are laid out). */
function blockCitations(b: Block): Citation[] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return citationsIn(b.children);
    case 'list':
      return b.items.flatMap((it) => it.children.flatMap(blockCitations));
    case 'callout':
    case 'notes':
      return b.children.flatMap(blockCitations);
    case 'key-figures':
      return b.figures.flatMap((f) => f.citations);
    default:
      return [];
  }
}

/**
 * Per-slide provenance: a source line above the footer naming every source
 * cited in the slide's body that no chart caption on it names already, and
 * the full references of everything cited on the slide (body and notes) at
 * the end of the speaker notes, so the presenter can answer "where is that from?".
 */
function addSlideSources(sb: SlideBuilder, sources: readonly SourceEntry[], locale: Document['meta']['locale']): void {
  const byNumber = new Map(sources.map((e) => [e.number, e]));
  const label = words[locale]['sources']!;
  for (const slide of sb.slides) {
    const body = [...(sb.cited.get(slide) ?? [])];
    const charted = sb.chartCited.get(slide) ?? new Set<number>();
    const line = body.filter((n) => !charted.has(n)).sort((a, b) => a - b);
    if (slide.kind === 'content' && line.length) {
      const text = `${label}: ${line.map((n) => `[${n}] ${byNumber.get(n)?.publisher ?? ''}`).join('; ')}`;
      // One line at 10 pt if it fits, else smaller; at 8 pt it may take two lines, and still ends above the footer.
      const para = (sizePt: number): Paragraph => ({ runs: [{ text, font: 'regular', sizePt, color: c.muted }], bullet: false, level: 0 });
      const size = [10, 9].find((pt) => setLines(para(pt), BW).length === 1) ?? 8;
      slide.items.push({ type: 'text', role: 'source-line', x: MX, y: SOURCE_LINE_Y - (size === 8 ? 0.04 : 0), w: BW, h: size === 8 ? 0.34 : 0.28, paragraphs: [para(size)], valign: 'top', align: 'left' });
    }
    const all = [...new Set([...body, ...charted, ...(sb.citedInNotes.get(slide) ?? [])])].sort((a, b) => a - b);
    if (all.length === 0) continue;
    const refs = all.map((n) => byNumber.get(n)).filter((e): e is SourceEntry => e !== undefined).map((e) => `[${e.number}] ${e.publisher}, ${e.title}${e.date ? `, ${e.date}` : ''}.${e.url ? ` ${e.url}` : ''}`);
    slide.notes.push(`${label}:`, ...refs);
  }
}

/** Nothing after block `i` shows on its slide: the next block that draws something starts a new slide, or there is none. */
function lastOnSlide(blocks: readonly Block[], i: number): boolean {
  const next = blocks.slice(i + 1).find((b) => b.type !== 'notes' && b.type !== 'footnote-list');
  return !next || next.type === 'heading' || next.type === 'page-break' || next.type === 'thematic-break' || next.type === 'sources-list';
}

function notesText(n: Inline): string {
  return n.type === 'citation' ? `[${n.number}]` : plainText(n);
}

function paragraphsOf(b: Block): Paragraph[] {
  if (b.type === 'paragraph') return [{ runs: toRuns(b.children, 'regular', BODY_PT, c.text), bullet: false, level: 0 }];
  if (b.type === 'list') {
    const out: Paragraph[] = [];
    const walk = (items: typeof b.items, level: number, ordered: boolean) => {
      for (const it of items) {
        for (const child of it.children) {
          if (child.type === 'paragraph') out.push({ runs: toRuns(child.children, 'regular', BODY_PT, c.text), bullet: true, level, ...(ordered ? { numbered: true } : {}) });
          else if (child.type === 'list') walk(child.items, level + 1, child.ordered);
        }
      }
    };
    walk(b.items, 0, b.ordered);
    return out;
  }
  return [];
}

export function documentToSlides(doc: Document, theme: Theme = defaultTheme, frame: SlideFrame = defaultFrame(theme)): Result<SlideModel> {
  const saved = { c, fonts, W, H, MX, BW, BODY_TOP, BODY_BOTTOM, SOURCE_LINE_Y, onReference };
  c = theme.colors;
  fonts = theme.fonts;
  ({ widthIn: W, heightIn: H } = frame);
  MX = frame.body.left;
  BW = frame.body.right - frame.body.left;
  BODY_TOP = frame.body.top;
  BODY_BOTTOM = frame.body.bottom;
  SOURCE_LINE_Y = BODY_BOTTOM + 0.05;
  onReference = frame.onReference === true;
  try {
    return slidesOf(doc, theme);
  } finally {
    ({ c, fonts, W, H, MX, BW, BODY_TOP, BODY_BOTTOM, SOURCE_LINE_Y, onReference } = saved);
  }
}

function slidesOf(doc: Document, theme: Theme): Result<SlideModel> {
  const sb = new SlideBuilder(doc);
  const first = doc.children[0]?.position;
  const titleSlide = sb.newSlide(doc.meta.title, first, 'title');
  if (!onReference) titleSlide.items.push({ type: 'rect', x: 0, y: 0, w: W, h: 0.18, fill: c.accent });
  titleSlide.items.push({
    type: 'text',
    role: 'title-block',
    x: MX,
    y: 2.2,
    w: BW,
    h: 2.6,
    valign: 'top',
    align: 'left',
    paragraphs: [
      ...(doc.meta.marking ? [{ runs: [{ text: doc.meta.marking.toUpperCase(), font: 'bold' as const, sizePt: 14, color: c.accent }], bullet: false, level: 0 }] : []),
      { runs: [{ text: doc.meta.title, font: 'heading', sizePt: 40, color: c.text }], bullet: false, level: 0 },
      ...(doc.meta.subtitle ? [{ runs: [{ text: doc.meta.subtitle, font: 'regular' as const, sizePt: 20, color: c.muted }], bullet: false, level: 0 }] : []),
      { runs: [{ text: [doc.meta.dateText, doc.meta.author].filter(Boolean).join('  ·  '), font: 'regular', sizePt: 14, color: c.muted }], bullet: false, level: 0 },
      { runs: [{ text: doc.meta.dataAsOfText, font: 'regular', sizePt: 14, color: c.muted }], bullet: false, level: 0 },
    ],
  });
  // The brand's logo: large on the title slide (top right, 1 in high at most), small on the master of every other slide.
  const images = sb.images;
  const titleLogo = theme.logo.large ?? theme.logo.medium ?? theme.logo.small;
  if (titleLogo) {
    const h = Math.min(1, (3 * titleLogo.heightPx) / titleLogo.widthPx);
    const w = (h * titleLogo.widthPx) / titleLogo.heightPx;
    images.push(titleLogo);
    titleSlide.items.push({ type: 'image', x: W - MX - w, y: 0.6, w, h, image: images.length - 1, altText: titleLogo.alt });
  }
  const masterLogo = theme.logo.small ?? theme.logo.medium ?? theme.logo.large;
  if (masterLogo && masterLogo !== titleLogo) images.push(masterLogo);
  let pending: Paragraph[] = [];
  let pendingAt: Position | undefined;
  const flush = () => {
    if (pending.length && pendingAt) sb.addText(pending, pendingAt);
    pending = [];
    pendingAt = undefined;
  };
  for (const [i, b] of doc.children.entries()) {
    if (b.type === 'notes') sb.cite(blockCitations(b), 'notes');
    // A heading's citations belong to the slide it starts: recorded once it is made.
    else if (b.type !== 'heading') sb.cite(blockCitations(b));
    switch (b.type) {
      case 'heading':
        flush();
        sb.newSlide(b.children.map(plainText).join(''), b.position, b.level === 1 ? 'section' : 'content');
        sb.cite(blockCitations(b));
        break;
      case 'paragraph':
      case 'list':
        pending.push(...paragraphsOf(b));
        pendingAt ??= b.position;
        break;
      case 'callout':
        flush();
        sb.addText([...(b.title ? [{ runs: [{ text: b.title, font: 'bold' as const, sizePt: BODY_PT, color: calloutColors(c, b.kind).rule }], bullet: false, level: 0 }] : []), ...b.children.flatMap(paragraphsOf)], b.position, calloutColors(c, b.kind).fill);
        break;
      case 'key-figures':
        flush();
        sb.addKeyFigures(b, lastOnSlide(doc.children, i));
        break;
      case 'chart':
        flush();
        sb.addChart(b);
        break;
      case 'image':
        flush();
        sb.addImage(b);
        break;
      case 'table':
        flush();
        sb.addTable(b);
        break;
      case 'notes':
        sb.addNotes(b.children);
        break;
      case 'page-break':
      case 'thematic-break':
        flush();
        sb.newSlide('', b.position);
        break;
      case 'sources-list':
        flush();
        sb.addSources(b.entries, b.title, b.position);
        break;
      case 'footnote-list':
        break;
      default:
        assertNever(b);
    }
  }
  flush();
  addSlideSources(sb, doc.sources, doc.meta.locale);
  sb.diagnostics.push(...glyphWarnings(sb.slides, sb.positions));
  const info: SlideModel['info'] = { title: doc.meta.title, lang: doc.meta.locale === 'vi' ? 'vi-VN' : 'en-GB', date: doc.meta.date };
  if (doc.meta.author) info.author = doc.meta.author;
  if (doc.meta.subject) info.subject = doc.meta.subject;
  const model: SlideModel = { widthIn: W, heightIn: H, slides: sb.slides, pictures: sb.pictures, info };
  if (images.length) model.images = images;
  if (masterLogo) model.masterLogo = images.indexOf(masterLogo);
  return { value: model, diagnostics: sb.diagnostics };
}

/** The chart's native (editable) PowerPoint chart, when the spec is one a native chart can show. */
function nativeChartOf(chart: Chart): NativeChart | undefined {
  // Series colours from the deck's theme (the brand's chart colours) while a deck is being built.
  return chart.noData ? undefined : toNativeChart(chart.spec, chart.decimals, chart.qualifiers, c);
}

/** True when the deck shows the chart as a picture of Vega's drawing (no native chart for it). */
export function drawnAsPicture(chart: Chart): boolean {
  return !chart.noData && nativeChartOf(chart) === undefined;
}

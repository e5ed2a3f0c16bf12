// Slide model → one SVG per slide: the deck as the preview (`briefdeck watch`)
// and `npm run preview` show it, laid out with the same font measurements and
// line breaking the slide model was fitted with. A preview, not PowerPoint:
// PowerPoint lays text out itself. Cited numbers and citation markers carry
// `data-facts` (the slide's provenance map); charts are the Vega SVGs.
import { documentCharts } from '../../charts/render-charts.js';
import type { Document } from '../../document/nodes.js';
import { defaultTheme, type FontStyle, type Theme } from '../../theme/theme.js';
import { breakLines, type Line } from '../layout/break-lines.js';
import type { Run } from '../layout/inline-runs.js';
import type { ChartItem, Paragraph, Slide, SlideModel, TableItem, TextItem, TextRun } from '../pptx/slide-model.js';
import { citedNumberSpan } from './cited-number.js';
import { footerBoxes } from '../pptx/footer-boxes.js';

/** SVG user units per inch: 96, as CSS pixels, so a 13.33 in slide is 1280 px wide. */
const PX = 96;
const PT = PX / 72;
/** Text box inset, as slides-to-pptx sets it (`margin: 6`, points). */
const BOX_MARGIN_PT = 6;
const TABLE_MARGIN_PT = 3;
const PARA_SPACE_AFTER_PT = 6;
const LINE_HEIGHT = 1.2;
/** The deck's look, set by `slidesToSvg(…, theme)` for its own (synchronous) run and put back after it. */
let theme: Theme = defaultTheme;
let c = theme.colors;

/** XML text: markup escaped, and characters XML 1.0 cannot hold (controls, lone surrogates) left out. */
export function xmlText(s: string): string {
  return s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const n = (v: number) => String(Math.round(v * 100) / 100);

function fontAttrs(font: FontStyle, sizePt: number, color: string): string {
  const weight = font === 'bold' || font === 'boldItalic' || font === 'heading' ? 700 : font === 'semibold' || font === 'subheading' ? 600 : 400;
  const style = font === 'italic' || font === 'boldItalic' ? ' font-style="italic"' : '';
  const family = font === 'heading' || font === 'subheading' ? theme.font.headingFamily : theme.font.family;
  return `font-family="${xmlText(family)}" font-size="${n(sizePt * PT)}" font-weight="${weight}"${style} fill="${xmlText(color)}"`;
}

/** What a chart item is drawn from: the Vega SVG of the document's chart (native charts), or the model's picture. */
export type ChartSvgFor = (item: ChartItem, index: number) => string | undefined;

/**
 * The slide's charts drawn from the document's rendered Vega SVGs: by title,
 * else in order. (A deck build draws only its picture charts with Vega: run
 * `renderCharts(doc)` first so the native ones have their SVG too.)
 */
export function chartSvgsOf(doc: Document): ChartSvgFor {
  const charts = documentCharts(doc);
  return (item, i) => (charts.find((c) => c.title === item.title && c.rendered) ?? charts[i])?.rendered?.svg;
}

interface Ctx {
  model: SlideModel;
  chartSvg: ChartSvgFor;
  chartIndex: number;
}

/** A run with the facts it shows: the paragraph's runs split so a cited number is its own run. */
interface FactRun extends Run {
  facts?: string[];
  url?: string;
}

/** Runs of a paragraph as the layout takes them; a superscript is smaller and raised, as PowerPoint draws it. */
function paragraphRuns(p: Paragraph): FactRun[] {
  const out: FactRun[] = [];
  const runs = p.runs;
  runs.forEach((r, i) => {
    const size = p.level > 0 ? r.sizePt : r.sizePt;
    const base: FactRun = { text: r.text, font: r.font, sizePt: r.superscript ? Math.round(size * 0.65) : size, color: r.color, risePt: r.superscript ? size * 0.33 : 0, position: { file: '', line: 1, column: 1 } };
    if (r.url) base.url = r.url;
    if (r.facts) base.facts = r.facts;
    // The number a citation marker follows is what it cites: mark it with the marker's facts.
    const next = runs[i + 1];
    const span = !r.superscript && !r.facts && next?.superscript && next.facts ? citedNumberSpan(r.text) : undefined;
    if (span && next?.facts) {
      const parts: [string, string[] | undefined][] = [
        [r.text.slice(0, span.start), undefined],
        [r.text.slice(span.start, span.end), next.facts],
        [r.text.slice(span.end), undefined],
      ];
      for (const [text, facts] of parts) if (text) out.push({ ...base, text, ...(facts ? { facts } : {}) });
    } else out.push(base);
  });
  return out;
}

function lineSvg(line: Line, x: number, baseline: number): string {
  return line.segments
    .filter((s) => s.text.trim() !== '')
    .map((s) => {
      const r = s.run as FactRun;
      const facts = r.facts ? ` class="bd-fact" data-facts="${xmlText(r.facts.join(' '))}"` : '';
      const decoration = r.url ? ' text-decoration="underline"' : '';
      return `<text x="${n((x + s.x) * PT)}" y="${n((baseline - r.risePt) * PT)}" ${fontAttrs(r.font, r.sizePt, r.color)}${decoration}${facts} xml:space="preserve">${xmlText(s.text.trimEnd())}</text>`;
    })
    .join('');
}

/** Paragraphs in a box (all in points): lines placed by valign/align; returns the SVG. */
function paragraphsSvg(paragraphs: readonly Paragraph[], box: { x: number; y: number; w: number; h: number }, valign: TextItem['valign'], align: TextItem['align'], marginPt: number): string {
  const inner = box.w - 2 * marginPt;
  const set = paragraphs.map((p) => {
    const indent = p.bullet ? 0.35 * 72 * (p.level + 1) : 0;
    return { p, indent, lines: breakLines(paragraphRuns(p), Math.max(1, inner - indent), LINE_HEIGHT, theme.fonts) };
  });
  const height = set.reduce((h, s, i) => h + s.lines.reduce((a, l) => a + l.heightPt, 0) + (i < set.length - 1 ? PARA_SPACE_AFTER_PT : 0), 0);
  let y = box.y + marginPt + (valign === 'middle' ? (box.h - 2 * marginPt - height) / 2 : valign === 'bottom' ? box.h - 2 * marginPt - height : 0);
  let out = '';
  let number = 0;
  for (const { p, indent, lines } of set) {
    number = p.numbered ? number + 1 : 0;
    lines.forEach((line, i) => {
      const x = box.x + marginPt + indent + (align === 'right' ? inner - indent - line.widthPt : align === 'center' ? (inner - indent - line.widthPt) / 2 : 0);
      if (i === 0 && p.bullet) {
        const first = p.runs[0];
        const size = first?.sizePt ?? 18;
        out += `<text x="${n((box.x + marginPt + indent - 0.3 * 72) * PT)}" y="${n((y + line.baselinePt) * PT)}" ${fontAttrs('regular', size, first?.color ?? c.text)}>${p.numbered ? `${number}.` : '•'}</text>`;
      }
      out += lineSvg(line, x, y + line.baselinePt);
      y += line.heightPt;
    });
    y += PARA_SPACE_AFTER_PT;
  }
  return out;
}

const boxPt = (b: { x: number; y: number; w: number; h: number }) => ({ x: b.x * 72, y: b.y * 72, w: b.w * 72, h: b.h * 72 });

function textItemSvg(t: TextItem): string {
  const b = boxPt(t);
  const fill = t.fill ? `<rect x="${n(b.x * PT)}" y="${n(b.y * PT)}" width="${n(b.w * PT)}" height="${n(b.h * PT)}" fill="${xmlText(t.fill)}"/>` : '';
  return fill + paragraphsSvg(t.paragraphs, b, t.valign, t.align, BOX_MARGIN_PT);
}

function tableSvg(t: TableItem): string {
  const b = boxPt(t);
  let out = '';
  let y = b.y;
  const rows: TextRun[][][] = [t.header, ...t.rows];
  rows.forEach((row, ri) => {
    const h = (t.rowHeights[ri] ?? 0.4) * 72;
    let x = b.x;
    if (ri === 0) out += `<rect x="${n(b.x * PT)}" y="${n(y * PT)}" width="${n(b.w * PT)}" height="${n(h * PT)}" fill="${xmlText(c.tableHeaderFill)}"/>`;
    row.forEach((cell, ci) => {
      const w = (t.columnWidths[ci] ?? 1) * 72;
      const runs = cell.map((r) => (ri === 0 ? { ...r, font: 'bold' as const } : r));
      out += paragraphsSvg([{ runs, bullet: false, level: 0 }], { x, y, w, h }, 'middle', t.align[ci] ?? 'left', TABLE_MARGIN_PT);
      out += `<rect x="${n(x * PT)}" y="${n(y * PT)}" width="${n(w * PT)}" height="${n(h * PT)}" fill="none" stroke="${xmlText(c.rule)}" stroke-width="${n(0.5 * PT)}"/>`;
      x += w;
    });
    y += h;
  });
  return out;
}

/** A Vega SVG placed in a box: its outer element given the box's position and size, its own viewBox kept. */
function placeSvg(svg: string, b: { x: number; y: number; w: number; h: number }, attrs = ''): string {
  const open = /^\s*(?:<\?xml[^>]*>\s*)?<svg\b([^>]*)>/.exec(svg);
  if (!open) return '';
  let head = open[1]!;
  const w = /\bwidth="([\d.]+)"/.exec(head)?.[1];
  const h = /\bheight="([\d.]+)"/.exec(head)?.[1];
  head = head.replace(/\s(?:x|y|width|height)="[^"]*"/g, '');
  if (!/\bviewBox=/.test(head) && w && h) head += ` viewBox="0 0 ${w} ${h}"`;
  return `<svg${head} x="${n(b.x * PT)}" y="${n(b.y * PT)}" width="${n(b.w * PT)}" height="${n(b.h * PT)}" preserveAspectRatio="xMidYMid meet"${attrs}>${svg.slice(open[0].length)}`;
}

function chartSvg(ch: ChartItem, ctx: Ctx): string {
  const index = ctx.chartIndex++;
  const picture = ch.picture !== undefined ? ctx.model.pictures[ch.picture]?.svg : undefined;
  const svg = picture ?? ctx.chartSvg(ch, index);
  const b = boxPt(ch);
  const label = ` role="img" aria-label="${xmlText(ch.altText || ch.title)}"`;
  if (svg) return placeSvg(svg, b, label);
  return `<rect x="${n(b.x * PT)}" y="${n(b.y * PT)}" width="${n(b.w * PT)}" height="${n(b.h * PT)}" fill="none" stroke="${xmlText(c.rule)}"/>`;
}

function slideSvg(s: Slide, ctx: Ctx): string {
  const W = ctx.model.widthIn;
  const H = ctx.model.heightIn;
  let body = `<rect width="${n(W * PX)}" height="${n(H * PX)}" fill="#ffffff"/>`;
  const titleRun = (sizePt: number): Paragraph => ({ runs: [{ text: s.title, font: 'heading', sizePt, color: c.accent }], bullet: false, level: 0 });
  if (s.kind === 'content' && s.title) {
    body += paragraphsSvg([titleRun(28)], boxPt({ x: 0.6, y: 0.35, w: W - 1.2, h: 0.9 }), 'bottom', 'left', BOX_MARGIN_PT);
    body += `<line x1="${n(0.6 * PX)}" y1="${n(1.3 * PX)}" x2="${n((W - 0.6) * PX)}" y2="${n(1.3 * PX)}" stroke="${xmlText(c.accent)}" stroke-width="${n(1.5 * PT)}"/>`;
  }
  if (s.kind === 'section') body += paragraphsSvg([titleRun(40)], boxPt({ x: 0.6, y: 2.8, w: W - 1.2, h: 1.5 }), 'middle', 'left', BOX_MARGIN_PT);
  for (const it of s.items) {
    switch (it.type) {
      case 'text':
        body += textItemSvg(it);
        break;
      case 'rect': {
        const b = boxPt(it);
        body += `<rect x="${n(b.x * PT)}" y="${n(b.y * PT)}" width="${n(b.w * PT)}" height="${n(b.h * PT)}" fill="${xmlText(it.fill)}"/>`;
        break;
      }
      case 'table':
        body += tableSvg(it);
        break;
      case 'chart':
        body += chartSvg(it, ctx);
        break;
      case 'image': {
        const image = ctx.model.images![it.image]!;
        const b = boxPt(it);
        body += `<image x="${n(b.x * PT)}" y="${n(b.y * PT)}" width="${n(b.w * PT)}" height="${n(b.h * PT)}" href="data:${image.kind === 'svg' ? 'image/svg+xml' : `image/${image.kind}`};base64,${image.bytes.toString('base64')}"><title>${xmlText(it.altText)}</title></image>`;
        break;
      }
      default: {
        const never: never = it;
        throw new Error(`unknown slide item ${JSON.stringify(never)}`);
      }
    }
  }
  if (s.footer) {
    for (const b of footerBoxes(s.footer, W, H, theme)) {
      body += paragraphsSvg([{ runs: [{ text: b.text, font: b.font, sizePt: b.sizePt, color: b.color }], bullet: false, level: 0 }], boxPt(b), 'top', b.align, 0);
    }
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(W * PX)} ${n(H * PX)}" width="${n(W * PX)}" height="${n(H * PX)}" data-slide="${s.number}" lang="${xmlText(ctx.model.info.lang)}"><title>${xmlText(s.title || ctx.model.info.title)}</title>${body}</svg>`;
}

/** Every slide as an SVG document (1 in = 96 units), in order, in `look` (the brand's colours and fonts). */
export function slidesToSvg(model: SlideModel, chartSvgFor: ChartSvgFor = () => undefined, look: Theme = defaultTheme): string[] {
  const ctx: Ctx = { model, chartSvg: chartSvgFor, chartIndex: 0 };
  const saved = theme;
  theme = look;
  c = look.colors;
  try {
    return model.slides.map((s) => slideSvg(s, ctx));
  } finally {
    theme = saved;
    c = saved.colors;
  }
}

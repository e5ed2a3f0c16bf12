// Layout invariants over every fixture (issue 9): each page's body items lie
// inside the body frame, nothing overlaps anything else, and blocks appear
// in the order the author wrote them.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf, type BuildOutcome } from '../../src/build.js';
import type { Block, Document, Inline } from '../../src/document/nodes.js';
import { plainText } from '../../src/document/plain-text.js';
import { runningItems } from '../../src/render/pdf/document-to-pages.js';
import type { PageItem, PageModel } from '../../src/render/pdf/page-model.js';
import { defaultTheme, type Theme } from '../../src/theme/theme.js';
import { fixtures, root } from '../helpers.js';

/** Float slack: positions are sums of fractional widths. */
const eps = 0.01;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  item: PageItem;
}

/**
 * An item's rectangle. Text: its advance width by its em box (one em tall,
 * split at the baseline in the font's ascent:descent ratio), which every
 * line height we use (≥ 1.15) holds; the font's full ascent + descent
 * (1.265 em, room for stacked Vietnamese marks) is taller than a tight line
 * by design. Rules: the stroke's extent. Dest items take no room.
 */
export function itemBox(item: PageItem, theme: Theme = defaultTheme): Box | undefined {
  switch (item.type) {
    case 'text': {
      const m = theme.fonts.verticalMetrics(item.font, item.sizePt);
      const above = (m.ascent / (m.ascent + m.descent)) * item.sizePt;
      return { x0: item.x, y0: item.y - above, x1: item.x + item.width, y1: item.y - above + item.sizePt, item };
    }
    case 'rect':
    case 'svg':
    case 'image':
      return { x0: item.x, y0: item.y, x1: item.x + item.w, y1: item.y + item.h, item };
    case 'line': {
      // Butt caps (pdfkit's default): the stroke widens a rule across its direction only.
      const hx = item.x1 === item.x2 || item.y1 !== item.y2 ? item.widthPt / 2 : 0;
      const hy = item.y1 === item.y2 || item.x1 !== item.x2 ? item.widthPt / 2 : 0;
      return { x0: Math.min(item.x1, item.x2) - hx, y0: Math.min(item.y1, item.y2) - hy, x1: Math.max(item.x1, item.x2) + hx, y1: Math.max(item.y1, item.y2) + hy, item };
    }
    case 'dest':
      return undefined;
    default: {
      const never: never = item;
      return never;
    }
  }
}

const intersects = (a: Box, b: Box) => Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0) > eps && Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > eps;
const contains = (outer: Box, inner: Box) => inner.x0 >= outer.x0 - eps && inner.x1 <= outer.x1 + eps && inner.y0 >= outer.y0 - eps && inner.y1 <= outer.y1 + eps;
const describeBox = (b: Box) => `${b.item.type}${b.item.type === 'text' ? ` "${b.item.text}"` : b.item.type === 'svg' ? ` "${b.item.title}"` : ''} [${b.x0.toFixed(1)}, ${b.y0.toFixed(1)} – ${b.x1.toFixed(1)}, ${b.y1.toFixed(1)}]`;

/**
 * What may share room: a box (rect) may hold items whole (its text, its
 * accent bar) but never cut through one; a rule may border a box; text,
 * rules and charts never overlap each other.
 */
function overlapProblem(a: Box, b: Box): string | undefined {
  if (!intersects(a, b)) return undefined;
  const ta = a.item.type;
  const tb = b.item.type;
  if (ta === 'line' && tb === 'line') return undefined;
  if ((ta === 'line' && tb === 'rect') || (ta === 'rect' && tb === 'line')) return undefined;
  if (ta === 'rect' || tb === 'rect') return contains(a, b) || contains(b, a) ? undefined : 'cuts through';
  return 'overlaps';
}

/** Body items of each page: the page minus its running header and footer (checked to be exactly those). */
function bodyItems(model: PageModel, doc: Document, theme: Theme): PageItem[][] {
  return model.pages.map((p) => {
    const running = runningItems(doc, p.number, model.pages.length, theme);
    const tail = p.items.slice(p.items.length - running.length);
    expect(tail).toEqual(running);
    return p.items.slice(0, p.items.length - running.length);
  });
}

function problemsOf(model: PageModel, doc: Document, theme: Theme): string[] {
  const P = theme.page;
  const frame = { x0: P.marginLeftPt, y0: P.marginTopPt, x1: P.widthPt - P.marginRightPt, y1: P.heightPt - P.marginBottomPt };
  const problems: string[] = [];
  bodyItems(model, doc, theme).forEach((items, i) => {
    const boxes = items.map((it) => itemBox(it, theme)).filter((b): b is Box => b !== undefined);
    for (const b of boxes) {
      if (!contains({ ...frame, item: b.item }, b)) problems.push(`page ${i + 1}: ${describeBox(b)} is outside the body frame`);
    }
    for (let j = 0; j < boxes.length; j++) {
      for (let k = j + 1; k < boxes.length; k++) {
        const why = overlapProblem(boxes[j]!, boxes[k]!);
        if (why) problems.push(`page ${i + 1}: ${describeBox(boxes[j]!)} ${why} ${describeBox(boxes[k]!)}`);
      }
    }
  });
  return problems;
}

/** The start of a run of inlines, up to its first citation (the PDF draws that as "[1]"). */
function leadText(inlines: readonly Inline[]): string {
  let s = '';
  for (const n of inlines) {
    if (n.type === 'citation' || n.type === 'footnote-ref') break;
    s += plainText(n);
  }
  return s.replace(/\s+/g, '').slice(0, 30);
}

/** One probe per top-level block that can be recognised in the page model, in document order. */
function probes(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'heading' || b.type === 'paragraph') out.push(leadText(b.children));
    else if (b.type === 'chart') out.push(b.title.replace(/\s+/g, ''), b.rendered ? svgToken(b.title) : (b.noData ?? '').replace(/\s+/g, ''));
    else if (b.type === 'callout' && b.title) out.push(b.title.replace(/\s+/g, ''));
    else if (b.type === 'key-figures' && b.figures[0]) out.push(b.figures[0].value.replace(/\s+/g, ''));
  }
  return out.filter((p) => p !== '');
}
const svgToken = (title: string) => `⟦chart:${title.replace(/\s+/g, '')}⟧`;

/** The body as a reader meets it: pages in turn, lines top to bottom, items on a line left to right. */
function readingStream(model: PageModel, doc: Document, theme: Theme): string {
  let stream = '';
  for (const items of bodyItems(model, doc, theme)) {
    const boxes = items.map((it) => itemBox(it, theme)).filter((b): b is Box => b !== undefined && (b.item.type === 'text' || b.item.type === 'svg'));
    boxes.sort((a, b) => a.y0 - b.y0);
    // Items whose vertical extents overlap by half the smaller one share a line (a raised citation mark too).
    const lines: Box[][] = [];
    for (const b of boxes) {
      const line = lines.at(-1);
      const last = line?.at(-1);
      if (line && last && Math.min(last.y1, b.y1) - Math.max(line[0]!.y0, b.y0) >= 0.5 * Math.min(last.y1 - last.y0, b.y1 - b.y0)) line.push(b);
      else lines.push([b]);
    }
    for (const line of lines) {
      line.sort((a, b) => a.x0 - b.x0);
      for (const b of line) stream += b.item.type === 'text' ? b.item.text.replace(/\s+/g, '') : b.item.type === 'svg' ? svgToken(b.item.title) : '';
    }
  }
  return stream;
}

interface Case {
  name: string;
  templatesDir: string;
  template: string;
  dataDir: string;
  locale?: 'en' | 'vi';
}

const cases: Case[] = readdirSync(fixtures, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(path.join(fixtures, d.name, 'data')))
  .flatMap((d): Case[] => {
    const dir = path.join(fixtures, d.name);
    const templatesDir = path.join(dir, 'templates');
    const own = existsSync(path.join(templatesDir, 'brief')) ? [{ name: `${d.name} brief`, templatesDir, template: 'brief' }] : [];
    // Without templates of its own, `standard-brief` falls back to the built-in one.
    return [...own, { name: `${d.name} standard-brief`, templatesDir, template: 'standard-brief' }].map((c) => ({ ...c, dataDir: path.join(dir, 'data') }));
  })
  // The bundled example is the longest brief there is, and Vietnamese sets longer lines.
  .concat([
    { name: 'bundled example brief', templatesDir: path.join(root, 'templates'), template: 'brief', dataDir: path.join(root, 'data', 'vietnam-china') },
    { name: 'standard standard-brief vi', templatesDir: path.join(fixtures, 'standard', 'templates'), template: 'standard-brief', dataDir: path.join(fixtures, 'standard', 'data'), locale: 'vi' },
  ]);

describe.each(cases)('$name', async (c) => {
  const { templatesDir, template, dataDir } = c;
  const outcome: BuildOutcome = await buildPdf({ templatesDir, template, dataDir, outDir: '/nonexistent', ...(c.locale ? { locale: c.locale } : {}) }, { write: false });
  const model = outcome.pageModel!;
  const doc = outcome.prepared!.document;

  it('builds a page model', () => {
    expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(model.pages.length).toBeGreaterThan(0);
  });
  it('keeps every body item inside the body frame, and no item over another', () => {
    expect(problemsOf(model, doc, outcome.prepared!.theme)).toEqual([]);
  });
  it('shows blocks in the order they were written', () => {
    const stream = readingStream(model, doc, outcome.prepared!.theme);
    let at = 0;
    const found: string[] = [];
    for (const p of probes(doc.children)) {
      const i = stream.indexOf(p, at);
      // Report the probe and where it was, so a failure names the block that jumped.
      expect({ after: found.at(-1) ?? '(start)', probe: p, inOrder: i >= 0 }).toEqual({ after: found.at(-1) ?? '(start)', probe: p, inOrder: true });
      at = i + p.length;
      found.push(p);
    }
    expect(found.length).toBeGreaterThan(0);
  });
});

// Document tree → page model (pure): title block, body fragments,
// pagination, then running header (marking, date) and footer (title,
// "Page X of Y") once the page count is known.
import type { Diagnostic, Result } from '../../diagnostics/diagnostic.js';
import type { Document } from '../../document/nodes.js';
import { words } from '../../format/locale.js';
import { defaultTheme, type Theme } from '../../theme/theme.js';
import type { Fragment } from '../layout/fragment.js';
import { layoutSections } from '../layout/layout-blocks.js';
import { openStruct } from '../layout/structure.js';
import { paginate } from '../layout/paginate.js';
import { plainRuns, textFragments, type LayoutContext, type TextStyle } from '../layout/text-blocks.js';
import type { LinkTarget, PageItem, PageModel, TextItem } from './page-model.js';
import { footnoteDest, sourceDest } from '../layout/inline-runs.js';

function titleBlock(doc: Document, ctx: LayoutContext): Fragment[] {
  const { colors: c, sizePt: size } = ctx.theme;
  const at = doc.children[0]?.position ?? { file: '', line: 1, column: 1 };
  const titleStyle: TextStyle = { font: 'heading', sizePt: size.title, color: c.text, lineHeight: 1.18 };
  const subStyle: TextStyle = { font: 'regular', sizePt: size.subtitle, color: c.muted, lineHeight: 1.3 };
  const metaStyle: TextStyle = { font: 'regular', sizePt: size.small, color: c.muted };
  const out: Fragment[] = [];
  // The brand's logo opens the title block, at the left, 36 pt high (narrower if a wide logo would pass half the text width).
  const logo = ctx.theme.logo.medium ?? ctx.theme.logo.large ?? ctx.theme.logo.small;
  if (logo) {
    const h = Math.min(36, (ctx.width / 2) * (logo.heightPx / logo.widthPx));
    ctx.images.push(logo);
    out.push({ heightPt: h + 10, spaceBeforePt: 0, keepWithNext: true, items: [{ type: 'image', x: ctx.x, y: 0, w: (h * logo.widthPx) / logo.heightPx, h, image: ctx.images.length - 1, alt: logo.alt }] });
  }
  out.push(...textFragments(plainRuns(doc.meta.title, titleStyle, at), titleStyle, openStruct(ctx, 'H1'), { keepAll: true }));
  if (doc.meta.subtitle) out.push(...textFragments(plainRuns(doc.meta.subtitle, subStyle, at), subStyle, openStruct(ctx, 'P'), { spaceBeforePt: 4, keepAll: true }));
  const meta = [doc.meta.dateText, doc.meta.author, doc.meta.dataAsOfText].filter(Boolean).join('  ·  ');
  out.push(...textFragments(plainRuns(meta, metaStyle, at), metaStyle, openStruct(ctx, 'P'), { spaceBeforePt: 6 }));
  out.push({ heightPt: 6, spaceBeforePt: 2, keepWithNext: false, items: [{ type: 'line', x1: ctx.x, y1: 3, x2: ctx.x + ctx.width, y2: 3, color: c.accent, widthPt: 1.2 }] });
  return out;
}

function text(theme: Theme, x: number, y: number, s: string, style: TextStyle, align: 'left' | 'right' = 'left'): TextItem {
  const width = theme.fonts.measure(s, style.font, style.sizePt);
  return { type: 'text', x: align === 'right' ? x - width : x, y, text: s, font: style.font, sizePt: style.sizePt, color: style.color, width, artifact: 'Pagination' };
}

/** Running header and footer of one page: the only items outside the body frame, artifacts of pagination. */
export function runningItems(doc: Document, pageNumber: number, pageCount: number, theme: Theme = defaultTheme): PageItem[] {
  const { page: P, colors: c, sizePt: size } = theme;
  const left = P.marginLeftPt;
  const right = P.widthPt - P.marginRightPt;
  const headerY = P.marginTopPt - 22;
  const footerY = P.heightPt - P.marginBottomPt + 26;
  const markStyle: TextStyle = { font: 'bold', sizePt: size.header, color: c.accent };
  const muted: TextStyle = { font: 'regular', sizePt: size.header, color: c.muted };
  const w = words[doc.meta.locale];
  const pageText = doc.meta.locale === 'vi' ? `${w['page']} ${pageNumber}/${pageCount}` : `${w['page']} ${pageNumber} ${w['of']} ${pageCount}`;
  const items: PageItem[] = [];
  if (doc.meta.marking) items.push(text(theme, left, headerY, doc.meta.marking.toUpperCase(), markStyle));
  items.push(text(theme, right, headerY, doc.meta.dateText, muted, 'right'));
  items.push({ type: 'line', x1: left, y1: headerY + 5, x2: right, y2: headerY + 5, color: c.rule, widthPt: 0.5, artifact: 'Pagination' });
  items.push({ type: 'line', x1: left, y1: footerY - 11, x2: right, y2: footerY - 11, color: c.rule, widthPt: 0.5, artifact: 'Pagination' });
  items.push(text(theme, left, footerY, doc.meta.title, muted));
  items.push(text(theme, right, footerY, pageText, muted, 'right'));
  return items;
}

/** Citation and footnote links described for a screen reader (the annotation's Contents). */
function linkDescriptions(doc: Document): (target: LinkTarget) => string | undefined {
  const w = words[doc.meta.locale];
  const byDest = new Map(doc.sources.map((e) => [sourceDest(e.number), `${w['source']} ${e.number}: ${e.publisher}`]));
  for (const b of doc.children) if (b.type === 'footnote-list') for (const item of b.items) byDest.set(footnoteDest(item.number), `${w['note']} ${item.number}`);
  return (target) => ('dest' in target ? byDest.get(target.dest) : undefined);
}

export function documentToPages(doc: Document, theme: Theme = defaultTheme): Result<PageModel> {
  const P = theme.page;
  const diagnostics: Diagnostic[] = [];
  const structure: PageModel['structure'] = [{ role: 'Document', parent: -1 }];
  const ctx: LayoutContext = { theme, x: P.marginLeftPt, width: P.widthPt - P.marginLeftPt - P.marginRightPt, diagnostics, svgs: [], images: [], warnedGlyphs: new Set(), structure, struct: 0, describeLink: linkDescriptions(doc) };
  const fragments = [...titleBlock(doc, ctx), ...layoutSections(doc.children, ctx, 10)];
  const { pages, outline } = paginate(fragments, { topPt: P.marginTopPt, bottomPt: P.heightPt - P.marginBottomPt }, diagnostics);
  for (const p of pages) p.items.push(...runningItems(doc, p.number, pages.length, theme));
  const info: PageModel['info'] = { title: doc.meta.title, lang: doc.meta.locale, date: doc.meta.date };
  if (doc.meta.author) info.author = doc.meta.author;
  if (doc.meta.subject) info.subject = doc.meta.subject;
  if (doc.meta.keywords) info.keywords = doc.meta.keywords.join(', ');
  const model: PageModel = { widthPt: P.widthPt, heightPt: P.heightPt, pages, outline, svgs: ctx.svgs, structure, info };
  if (ctx.images.length) model.images = ctx.images;
  return { value: model, diagnostics };
}

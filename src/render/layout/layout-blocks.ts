// Document blocks → fragments for the paginator: headings, paragraphs,
// lists, tables, charts, key figures, callouts and the source list.
import { assertNever, type Block, type Callout, type Chart, type Heading, type Inline, type KeyFigures, type List, type SourcesList, type FootnoteList, type Image } from '../../document/nodes.js';
import { plainText } from '../../document/plain-text.js';
import { calloutColors, type Theme } from '../../theme/theme.js';
import { shiftItems, stack, type Fragment } from './fragment.js';
import { footnoteDest, sourceDest, type Run } from './inline-runs.js';
import { layoutTable } from './layout-table.js';
import { openStruct } from './structure.js';
import { report } from '../../diagnostics/messages.js';
import { plainRuns, runsFor, textFragments, checkGlyphs, type LayoutContext, type TextStyle } from './text-blocks.js';

const paragraphSpace = 6;
/** Gap between a rule that opens a block (charts, notes) and its first line. */
const ruleGap = 4;
/** Height of the "No data" frame drawn for a chart of an empty series. */
const noDataHeightPt = 90;

interface Styles {
  c: Theme['colors'];
  size: Theme['sizePt'];
  fonts: Theme['fonts'];
  bodyStyle: TextStyle;
  smallMuted: TextStyle;
  bodyHeightPt: number;
  headingStyles: Record<Heading['level'], { style: TextStyle; spaceBefore: number }>;
}

const stylesByTheme = new WeakMap<Theme, Styles>();

/** The block styles of a theme, made once per theme. */
function stylesOf(theme: Theme): Styles {
  let s = stylesByTheme.get(theme);
  if (s) return s;
  const c = theme.colors;
  const size = theme.sizePt;
  s = {
    c,
    size,
    fonts: theme.fonts,
    bodyStyle: { font: 'regular', sizePt: size.body, color: c.text },
    smallMuted: { font: 'regular', sizePt: size.small, color: c.muted, lineHeight: 1.35 },
    bodyHeightPt: theme.page.heightPt - theme.page.marginTopPt - theme.page.marginBottomPt,
    headingStyles: {
      1: { style: { font: 'heading', sizePt: size.h1, color: c.accent, lineHeight: 1.25 }, spaceBefore: 18 },
      2: { style: { font: 'heading', sizePt: size.h2, color: c.accent, lineHeight: 1.25 }, spaceBefore: 14 },
      3: { style: { font: 'subheading', sizePt: size.h3, color: c.text, lineHeight: 1.25 }, spaceBefore: 10 },
      4: { style: { font: 'subheading', sizePt: size.h4, color: c.text, lineHeight: 1.3 }, spaceBefore: 8 },
    },
  };
  stylesByTheme.set(theme, s);
  return s;
}

function heading(h: Heading, ctx: LayoutContext): Fragment[] {
  const { headingStyles } = stylesOf(ctx.theme);
  const { style, spaceBefore } = headingStyles[h.level];
  const frags = textFragments(runsFor(ctx.theme, h.children, style), style, openStruct(ctx, `H${h.level}`), { spaceBeforePt: spaceBefore, keepAll: true });
  // A heading is never left alone at the bottom of a page: it keeps with what follows.
  for (const f of frags) f.keepWithNext = true;
  frags[0]!.items.unshift({ type: 'dest', name: h.id, y: 0 });
  frags[0]!.outline = { title: h.children.map(plainText).join(''), level: h.level };
  frags[frags.length - 1]!.heightPt += 3;
  return frags;
}

function list(l: List, ctx: LayoutContext, spaceBeforePt: number): Fragment[] {
  const { c, size, fonts } = stylesOf(ctx.theme);
  // Markers are right-aligned in the indent, which grows with "10." and up.
  const widestMarker = l.ordered ? fonts.measure(`${l.start + l.items.length - 1}.`, 'regular', size.body) : 0;
  const indent = Math.max(14, widestMarker + 9);
  const out: Fragment[] = [];
  const listCtx = openStruct(ctx, 'L');
  l.items.forEach((item, i) => {
    const itemCtx = openStruct(listCtx, 'LI');
    const label = openStruct(itemCtx, 'Lbl').struct;
    const inner = layoutBlocks(item.children, { ...openStruct(itemCtx, 'LBody'), x: ctx.x + indent, width: ctx.width - indent }, 2);
    const first = inner[0];
    if (!first) return;
    const marker = l.ordered ? `${l.start + i}.` : '•';
    const markerWidth = fonts.measure(marker, 'regular', size.body);
    first.items.unshift({ type: 'text', x: ctx.x + indent - 5 - markerWidth, y: first.firstBaselinePt ?? size.body, text: marker, font: 'regular', sizePt: size.body, color: l.ordered ? c.text : c.accent, width: markerWidth, struct: label });
    first.spaceBeforePt = i === 0 ? spaceBeforePt : 2.5;
    out.push(...inner);
  });
  return out;
}

/** The chart's note line, and what was drawn of a thinned line, in small italics. */
function noteFragments(ch: Chart, ctx: LayoutContext): Fragment[] {
  const { smallMuted } = stylesOf(ctx.theme);
  const style: TextStyle = { ...smallMuted, font: 'italic' };
  const note = [ch.noteLine, ch.rendered ? ch.drawing?.note : undefined].filter((t) => t !== undefined).join(' ');
  return note ? textFragments(plainRuns(note, style, ch.position), style, ctx) : [];
}

function chart(ch: Chart, outer: LayoutContext, spaceBeforePt: number): Fragment[] {
  const { c, size, fonts, bodyStyle, smallMuted, bodyHeightPt } = stylesOf(outer.theme);
  // The block is a Div: its title, unit, source and note are paragraphs around the Figure.
  const ctx = openStruct(outer, 'Div');
  const p = (): LayoutContext => openStruct(ctx, 'P');
  const titleStyle: TextStyle = { font: 'bold', sizePt: size.body + 0.5, color: c.text, lineHeight: 1.3 };
  const parts: Fragment[] = [];
  parts.push(...textFragments(plainRuns(ch.title, titleStyle, ch.position), titleStyle, p()));
  parts.push(...textFragments(plainRuns(ch.unitLine, smallMuted, ch.position), smallMuted, p()));
  const r = ch.rendered;
  if (r) {
    checkGlyphs(plainRuns(r.labels.join(' '), bodyStyle, ch.position), ctx);
    // A chart taller than a page is shrunk until its whole block (rule, title, unit, source, note) fits one page body.
    // Measured only: a scratch tree, so the captions' elements are made once, below.
    const scratch: LayoutContext = { ...ctx, structure: [] };
    const captions = [...textFragments(runsFor(ctx.theme, ch.sourceLine, smallMuted), smallMuted, scratch), ...noteFragments(ch, scratch)];
    const fixedPt = ruleGap + 2 + stack([...parts, ...captions]).heightPt + 3 + 4;
    const scale = Math.min(1, ctx.width / r.widthPx, (bodyHeightPt - fixedPt) / r.heightPx);
    const w = r.widthPx * scale;
    const h = r.heightPx * scale;
    ctx.svgs.push(r.svg);
    const figure = openStruct(ctx, 'Figure', { alt: ch.altText ?? ch.title }).struct;
    parts.push({ heightPt: h + 4, spaceBeforePt: 3, keepWithNext: false, items: [{ type: 'svg', x: ctx.x, y: 0, w, h, svg: ctx.svgs.length - 1, title: ch.title, struct: figure }] });
  } else if (ch.noData) {
    // An empty series: a framed "No data" where the chart would be, so the reader sees the gap is known.
    const h = noDataHeightPt;
    const sizePt = size.body;
    const w = fonts.measure(ch.noData, 'regular', sizePt);
    parts.push({
      heightPt: h + 4,
      spaceBeforePt: 3,
      keepWithNext: false,
      items: [
        { type: 'rect', x: ctx.x, y: 0, w: ctx.width, h, fill: c.accentLight },
        { type: 'text', x: ctx.x + (ctx.width - w) / 2, y: h / 2 + sizePt * 0.35, text: ch.noData, font: 'regular', sizePt, color: c.muted, width: w, struct: p().struct },
      ],
    });
  }
  parts.push(...textFragments(runsFor(ctx.theme, ch.sourceLine, smallMuted), smallMuted, p()));
  parts.push(...noteFragments(ch, p()));
  // The whole chart block moves as one: title, chart and source never part.
  // The rule above it belongs to the block (not to the space before, which a
  // page top drops), so it never pokes above the body frame into the header.
  const { items, heightPt } = stack(parts, ruleGap);
  items.push({ type: 'line', x1: ctx.x, y1: 0.25, x2: ctx.x + ctx.width, y2: 0.25, color: c.rule, widthPt: 0.5 });
  return [{ heightPt: heightPt + 2, spaceBeforePt: spaceBeforePt + 6 - ruleGap, keepWithNext: false, items }];
}

/**
 * An image with its caption below (small and muted, citations linked, as a
 * chart's source line), kept together. Its width: the `width=` share of the
 * text width, else its own size at 96 pixels to the inch, never wider than
 * the text; shrunk to fit one page body with its caption.
 */
function image(im: Image, outer: LayoutContext, spaceBeforePt: number): Fragment[] {
  const { smallMuted, bodyHeightPt } = stylesOf(outer.theme);
  const loaded = im.loaded;
  // Not loaded: the images stage reported why, and the build stops.
  if (!loaded) return [];
  // A Div: the Figure (its alt text from the directive) and its caption's paragraph.
  const ctx = openStruct(outer, 'Div');
  const figure = openStruct(ctx, 'Figure', { alt: im.alt }).struct;
  const captions = im.caption.length ? textFragments(runsFor(ctx.theme, im.caption, smallMuted), smallMuted, openStruct(ctx, 'P'), { spaceBeforePt: 4 }) : [];
  const captionPt = captions.length ? stack(captions).heightPt + 4 : 0;
  let w = im.widthPercent !== undefined ? (ctx.width * im.widthPercent) / 100 : Math.min(ctx.width, loaded.widthPx * 0.75);
  let h = (w * loaded.heightPx) / loaded.widthPx;
  const maxH = bodyHeightPt - captionPt - 4;
  if (h > maxH) {
    w *= maxH / h;
    h = maxH;
  }
  ctx.images.push(loaded);
  const picture: Fragment = { heightPt: h, spaceBeforePt: 0, keepWithNext: false, items: [{ type: 'image', x: ctx.x, y: 0, w, h, image: ctx.images.length - 1, alt: im.alt, struct: figure }] };
  const { items, heightPt } = stack([picture, ...captions]);
  return [{ heightPt, spaceBeforePt: spaceBeforePt + 4, keepWithNext: false, items }];
}

function keyFigures(k: KeyFigures, outer: LayoutContext, spaceBeforePt: number): Fragment[] {
  const { c, size, fonts, smallMuted } = stylesOf(outer.theme);
  // The strip is a Div of Divs, one per figure, each a few paragraphs.
  const ctx = openStruct(outer, 'Div');
  const n = Math.max(1, k.figures.length);
  const gap = 8;
  const boxW = (ctx.width - gap * (n - 1)) / n;
  const pad = 7;
  // One value size for the strip, shrunk until the widest value fits its box.
  const widest = Math.max(...k.figures.map((f) => fonts.measure(f.value, 'bold', size.keyFigureValue)));
  const fitted = Math.max(9, Math.min(size.keyFigureValue, (size.keyFigureValue * (boxW - 2 * pad)) / widest));
  const valueStyle: TextStyle = { font: 'bold', sizePt: fitted, color: c.accent, lineHeight: 1.15 };
  const labelStyle: TextStyle = { font: 'semibold', sizePt: size.small, color: c.text, lineHeight: 1.3 };
  const changeStyle: TextStyle = { font: 'regular', sizePt: size.small, color: c.text, lineHeight: 1.3 };
  const boxes = k.figures.map((f, i) => {
    const figure: LayoutContext = { ...openStruct(ctx, 'Div'), x: ctx.x + i * (boxW + gap) + pad, width: boxW - 2 * pad };
    const inner = () => openStruct(figure, 'P');
    const cites: Inline[] = f.citations;
    const parts = [
      ...textFragments(plainRuns(f.value, valueStyle, f.position), valueStyle, inner()),
      ...textFragments(runsFor(ctx.theme, [{ type: 'text', value: f.label, position: f.position }, ...cites], labelStyle), labelStyle, inner(), { spaceBeforePt: 2 }),
      ...(f.period ? textFragments(plainRuns(f.period, smallMuted, f.position), smallMuted, inner()) : []),
      ...(f.change ? textFragments(plainRuns(f.change, changeStyle, f.position), changeStyle, inner(), { spaceBeforePt: 2 }) : []),
    ];
    return stack(parts, pad);
  });
  const h = Math.max(...boxes.map((b) => b.heightPt)) + 7;
  const items: Fragment['items'] = [];
  boxes.forEach((b, i) => {
    const x = ctx.x + i * (boxW + gap);
    items.push({ type: 'rect', x, y: 0, w: boxW, h, fill: c.accentLight });
    items.push({ type: 'rect', x, y: 0, w: boxW, h: 2.5, fill: c.accent });
    items.push(...b.items);
  });
  return [{ heightPt: h, spaceBeforePt: spaceBeforePt + 4, keepWithNext: false, items }];
}

function callout(box: Callout, ctx: LayoutContext, spaceBeforePt: number): Fragment[] {
  const { c, size } = stylesOf(ctx.theme);
  const pad = 9;
  // A callout is a Div (Aside is PDF 2.0): a group read where it stands.
  const inner: LayoutContext = { ...openStruct(ctx, 'Div'), x: ctx.x + pad + 3, width: ctx.width - 2 * pad - 3 };
  const { fill, rule: bar } = calloutColors(c, box.kind);
  const titleStyle: TextStyle = { font: 'bold', sizePt: size.body + 0.5, color: bar };
  const parts = [...(box.title ? textFragments(plainRuns(box.title, titleStyle, box.position), titleStyle, openStruct(inner, 'P')) : []), ...layoutBlocks(box.children, inner, box.title ? 3 : 0)];
  const { items, heightPt } = stack(parts, pad - 2);
  const h = heightPt + pad;
  return [{ heightPt: h, spaceBeforePt: spaceBeforePt + 4, keepWithNext: false, items: [{ type: 'rect', x: ctx.x, y: 0, w: ctx.width, h, fill }, { type: 'rect', x: ctx.x, y: 0, w: 3, h, fill: bar }, ...items] }];
}

/**
 * A numbered entry with a hanging label (`[3]`, `2.`) and a link target, in
 * `ctx`'s element: a list item's label is its Lbl beside the LBody; a
 * note's label opens its P (PDF/UA-1 keeps Lbl to lists).
 */
function hangingEntry(label: string, runs: Run[], dest: string, style: TextStyle, ctx: LayoutContext, spaceBeforePt: number, body: 'LBody' | 'P'): Fragment[] {
  const { c, fonts } = stylesOf(ctx.theme);
  const indent = 22;
  const labelStruct = body === 'LBody' ? openStruct(ctx, 'Lbl').struct : undefined;
  const bodyCtx = openStruct(ctx, body);
  const frags = textFragments(runs, style, { ...bodyCtx, x: ctx.x + indent, width: ctx.width - indent }, { spaceBeforePt, keepAll: true });
  const first = frags[0]!;
  first.items.unshift({ type: 'dest', name: dest, y: 0 }, { type: 'text', x: ctx.x, y: first.firstBaselinePt ?? style.sizePt, text: label, font: 'regular', sizePt: style.sizePt, color: c.muted, width: fonts.measure(label, 'regular', style.sizePt), struct: labelStruct ?? bodyCtx.struct });
  return frags;
}

function sourcesList(s: SourcesList, ctx: LayoutContext): Fragment[] {
  const { c, size } = stylesOf(ctx.theme);
  const out = heading({ type: 'heading', level: 2, id: 'sources', children: [{ type: 'text', value: s.title, position: s.position }], position: s.position }, ctx);
  const style: TextStyle = { font: 'regular', sizePt: size.small + 0.5, color: c.text, lineHeight: 1.35 };
  const list = openStruct(ctx, 'L');
  for (const e of s.entries) {
    const runs: Run[] = [
      ...plainRuns(`${e.publisher}, `, style, s.position),
      ...plainRuns(e.title, { ...style, font: 'italic' }, s.position),
      ...plainRuns(e.date ? `, ${e.date}.` : '.', style, s.position),
    ];
    if (e.url) runs.push({ text: ` ${e.url}`, font: 'regular', sizePt: style.sizePt, color: c.link, risePt: 0, link: { url: e.url }, position: s.position });
    out.push(...hangingEntry(`[${e.number}]`, runs, sourceDest(e.number), style, openStruct(list, 'LI'), 4, 'LBody'));
  }
  return out;
}

function footnoteList(f: FootnoteList, ctx: LayoutContext): Fragment[] {
  const { c, size } = stylesOf(ctx.theme);
  const style: TextStyle = { font: 'regular', sizePt: size.small + 0.5, color: c.text, lineHeight: 1.35 };
  const out: Fragment[] = [];
  const notes = openStruct(ctx, 'Div');
  for (const item of f.items) {
    const inlines = item.children.flatMap((b) => (b.type === 'paragraph' ? b.children : []));
    const note = openStruct(notes, 'Note', { id: footnoteDest(item.number) });
    out.push(...hangingEntry(`${item.number}.`, runsFor(ctx.theme, inlines, style), footnoteDest(item.number), style, note, 3, 'P'));
  }
  const first = out[0];
  if (first) {
    // The rule is inside the fragment, as for charts: a page top cannot push it into the header.
    first.items = [{ type: 'line', x1: ctx.x, y1: 0.25, x2: ctx.x + 120, y2: 0.25, color: c.rule, widthPt: 0.5 }, ...shiftItems(first.items, ruleGap)];
    if (first.firstBaselinePt !== undefined) first.firstBaselinePt += ruleGap;
    first.heightPt += ruleGap;
    first.spaceBeforePt = 14 - ruleGap;
  }
  return out;
}

export function layoutBlock(b: Block, ctx: LayoutContext, spaceBeforePt: number): Fragment[] {
  const frags = layoutBlockInner(b, ctx, spaceBeforePt);
  for (const f of frags) f.position ??= b.position;
  return frags;
}

function layoutBlockInner(b: Block, ctx: LayoutContext, spaceBeforePt: number): Fragment[] {
  const { c, bodyStyle } = stylesOf(ctx.theme);
  switch (b.type) {
    case 'heading':
      return heading(b, ctx);
    case 'paragraph':
      return textFragments(runsFor(ctx.theme, b.children, bodyStyle), bodyStyle, openStruct(ctx, 'P'), { spaceBeforePt });
    case 'list':
      return list(b, ctx, spaceBeforePt);
    case 'table':
      return layoutTable(b, ctx, spaceBeforePt + 4);
    case 'chart':
      return chart(b, ctx, spaceBeforePt);
    case 'image':
      return image(b, ctx, spaceBeforePt);
    case 'key-figures':
      return keyFigures(b, ctx, spaceBeforePt);
    case 'callout':
      return callout(b, ctx, spaceBeforePt);
    case 'page-break':
      return [{ heightPt: 0, spaceBeforePt: 0, keepWithNext: false, items: [], pageBreakBefore: true }];
    case 'thematic-break':
      return [{ heightPt: 8, spaceBeforePt: spaceBeforePt + 4, keepWithNext: false, items: [{ type: 'line', x1: ctx.x, y1: 4, x2: ctx.x + ctx.width, y2: 4, color: c.rule, widthPt: 0.6 }] }];
    case 'sources-list':
      return sourcesList(b, ctx);
    case 'footnote-list':
      return footnoteList(b, ctx);
    case 'notes':
      // Speaker notes belong to decks; a brief leaves them out.
      return [];
    default:
      return assertNever(b);
  }
}

export function layoutBlocks(blocks: readonly Block[], ctx: LayoutContext, firstSpacePt = 0): Fragment[] {
  const out: Fragment[] = [];
  blocks.forEach((b, i) => out.push(...layoutBlock(b, ctx, i === 0 ? firstSpacePt : paragraphSpace)));
  return out;
}

/**
 * The document's top-level blocks, each heading opening a Sect that holds
 * it and what follows up to the next heading of its level or higher (the
 * source list counts as a level-2 heading).
 */
export function layoutSections(blocks: readonly Block[], ctx: LayoutContext, firstSpacePt = 0): Fragment[] {
  const out: Fragment[] = [];
  const open: { level: number; ctx: LayoutContext }[] = [];
  // The brief's title is the level-1 heading everything follows.
  let previous = 1;
  blocks.forEach((b, i) => {
    const level = b.type === 'heading' ? b.level : b.type === 'sources-list' ? 2 : undefined;
    if (level !== undefined) {
      if (level > previous + 1) ctx.diagnostics.push(report('render/heading-level-skipped', b.position, { level, previous }));
      previous = level;
      while (open.length && open[open.length - 1]!.level >= level) open.pop();
      open.push({ level, ctx: openStruct(open[open.length - 1]?.ctx ?? ctx, 'Sect') });
    }
    out.push(...layoutBlock(b, open[open.length - 1]?.ctx ?? ctx, i === 0 ? firstSpacePt : paragraphSpace));
  });
  return out;
}

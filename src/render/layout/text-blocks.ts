// Paragraph-like text → fragments: one per line, with orphan and widow
// control (the first two and the last two lines of a paragraph stay
// together) and the glyph-coverage check on every run.
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { report } from '../../diagnostics/messages.js';
import type { Inline } from '../../document/nodes.js';
import type { FontStyle, Theme, ThemeImage } from '../../theme/theme.js';
import { breakLines } from './break-lines.js';
import { lineItems, type Fragment } from './fragment.js';
import { inlineRuns, type Run } from './inline-runs.js';
import { runTagger, type StructContext } from './structure.js';

export interface TextStyle {
  font: FontStyle;
  sizePt: number;
  color: string;
  lineHeight?: number;
}

export interface LayoutContext extends StructContext {
  /** The look: fonts that measure the text, colours, page size. */
  theme: Theme;
  x: number;
  width: number;
  diagnostics: Diagnostic[];
  svgs: string[];
  /** Images placed so far (PageModel.images). */
  images: ThemeImage[];
  /** `file:line:char` already warned about, so a character is reported once per place. */
  warnedGlyphs: Set<string>;
}

export function checkGlyphs(runs: readonly Run[], ctx: LayoutContext): void {
  for (const r of runs) {
    for (const ch of ctx.theme.fonts.missingGlyphs(r.text, r.font)) {
      const key = `${r.position.file}:${r.position.line}:${ch}`;
      if (ctx.warnedGlyphs.has(key)) continue;
      ctx.warnedGlyphs.add(key);
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      ctx.diagnostics.push(report('render/missing-glyph', r.position, { char: ch, code, font: ctx.theme.fonts.name(r.font) }));
    }
  }
}

export function runsFor(theme: Theme, nodes: readonly Inline[], style: TextStyle): Run[] {
  return inlineRuns(nodes, { font: style.font, sizePt: style.sizePt, color: style.color, linkColor: theme.colors.link });
}

/** Runs → line fragments at `ctx.x`, `ctx.width`. */
export function textFragments(runs: readonly Run[], style: TextStyle, ctx: LayoutContext, opts: { spaceBeforePt?: number; keepAll?: boolean; align?: 'left' | 'right' | 'center' } = {}): Fragment[] {
  checkGlyphs(runs, ctx);
  const lines = breakLines(runs, ctx.width, style.lineHeight ?? ctx.theme.lineHeight, ctx.theme.fonts);
  const n = lines.length;
  const tag = runTagger(runs, ctx);
  return lines.map((line, i) => ({
    heightPt: line.heightPt,
    spaceBeforePt: i === 0 ? (opts.spaceBeforePt ?? 0) : 0,
    // Orphans: line 1 keeps with line 2; widows: the penultimate keeps with the last.
    keepWithNext: opts.keepAll === true ? i < n - 1 : n > 1 && (i === 0 || i === n - 2),
    items: lineItems(line, ctx.x, 0, opts.align ?? 'left', ctx.width, tag),
    firstBaselinePt: line.baselinePt,
  }));
}

export function plainRuns(text: string, style: TextStyle, position: Run['position']): Run[] {
  return [{ text, font: style.font, sizePt: style.sizePt, color: style.color, risePt: 0, position }];
}

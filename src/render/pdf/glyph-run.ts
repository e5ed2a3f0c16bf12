// Text as PDF glyph runs: the embedded font shapes the text (kerning and
// mark positioning) and its glyphs join the document's subset, and
// the positions become one TJ array with kerning adjustments, as pdfkit's
// `text()` writes it. The space is y-down (pdfkit's page space, or a
// chart's), so the text matrix flips glyphs upright.
import { pdfNumber as n } from './content-stream.js';
import type { EmbeddedFont, GlyphPosition, LaidGlyph } from './pdfkit-internals.js';

export interface GlyphRun {
  hex: string[];
  positions: GlyphPosition[];
  /** Advance of the whole run, in 1/1000 em. */
  advance: number;
}

interface LaidRun {
  glyphs: LaidGlyph[];
  positions: GlyphPosition[];
  advance: number;
}

/**
 * Shaped runs by fontkit font and text. pdfkit keeps its own only for one
 * document, and rebuilds each run's arrays word by word; the shaping does
 * not depend on the document, only the subset ids do.
 */
const laidRuns = new WeakMap<object, Map<string, LaidRun>>();
/** A long watch session shows many texts; past this many per font, start afresh. */
const maxRuns = 50_000;

function laidRun(font: EmbeddedFont, text: string): LaidRun {
  let runs = laidRuns.get(font.font);
  if (!runs) laidRuns.set(font.font, (runs = new Map()));
  let run = runs.get(text);
  if (!run) {
    const { glyphs, positions } = font.layout(text);
    let advance = 0;
    for (const p of positions) advance += p.xAdvance;
    run = { glyphs, positions, advance };
    if (runs.size >= maxRuns) runs.clear();
    runs.set(text, run);
  }
  return run;
}

/** `text` as glyphs of the document's subset: what pdfkit's `font.encode` does, minus reshaping. */
export function encodeRun(font: EmbeddedFont, text: string): GlyphRun {
  const { glyphs, positions, advance } = laidRun(font, text);
  const hex: string[] = new Array(glyphs.length);
  for (let i = 0; i < glyphs.length; i++) {
    const glyph = glyphs[i]!;
    const gid = font.subset.includeGlyph(glyph.id);
    hex[i] = `0000${gid.toString(16)}`.slice(-4);
    font.widths[gid] ??= glyph.advanceWidth * font.scale;
    font.unicode[gid] ??= glyph.codePoints;
  }
  return { hex, positions, advance };
}

/** Text-showing operators for `run` at `sizePt`, its baseline origin at (x, y). */
export function showRun(run: GlyphRun, sizePt: number, x: number, y: number): string {
  const { hex, positions } = run;
  const scale = sizePt / 1000;
  const out = [`1 0 0 -1 ${n(x)} ${n(y)} Tm`];
  // Segments of glyphs, each followed by the kerning adjustment after its last glyph.
  const tj: string[] = [];
  let last = 0;
  const segment = (end: number) => {
    if (last < end) {
      const p = positions[end - 1]!;
      tj.push(`<${hex.slice(last, end).join('')}> ${n(-(p.xAdvance - p.advanceWidth))}`);
    }
    last = end;
  };
  const flush = (end: number) => {
    segment(end);
    if (tj.length) out.push(`[${tj.join(' ')}] TJ`);
    tj.length = 0;
  };
  let offset = false;
  let i = 0;
  for (; i < positions.length; i++) {
    const p = positions[i]!;
    if (p.xOffset || p.yOffset) {
      // A glyph placed off the pen position (a stacked diacritic): its own text matrix.
      flush(i);
      out.push(`1 0 0 -1 ${n(x + p.xOffset * scale)} ${n(y - p.yOffset * scale)} Tm`);
      flush(i + 1);
      offset = true;
    } else {
      if (offset) {
        out.push(`1 0 0 -1 ${n(x)} ${n(y)} Tm`);
        offset = false;
      }
      if (p.xAdvance - p.advanceWidth !== 0) segment(i + 1);
    }
    x += p.xAdvance * scale;
  }
  flush(i);
  return out.join('\n');
}

// Font faces by style, loaded with fontkit: one place for font files, text
// widths and glyph coverage. PDF layout, chart text measurement and coverage
// warnings all use the same measurements, so what is measured is what is
// drawn. The bundled Be Vietnam Pro (SIL OFL 1.1, full Vietnamese coverage)
// is the default set; a brand (src/brand) makes a set from its own files.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from './fontkit-shared.js';
import { contentHash, diskMemo } from '../util/disk-memo.js';
import type { FontStyle } from './theme.js';

const require = createRequire(import.meta.url);
const pkg = '@expo-google-fonts/be-vietnam-pro';

export const fontStyles: readonly FontStyle[] = ['regular', 'bold', 'italic', 'boldItalic', 'semibold', 'heading', 'subheading'];

/** One font file, parsed once. */
export interface FontFace {
  /** Real path of the file (resvg draws chart pictures from files). */
  file: string;
  buffer: Buffer;
  font: fontkit.Font;
  widths: Map<string, number>;
  /** The code points it draws, as sorted [first, last] pairs, once asked for (`drawsCodePoint`). */
  coverage?: number[] | null;
}

/** SHA-1 of the face's bytes: every face is parsed through fontkit-shared's `create`, which keeps it. */
function faceHash(f: FontFace): string {
  return fontkit.fontBytesHash(f.font)!;
}

/**
 * Whether the face has a glyph for `cp`. The face's coverage comes from the
 * disk cache (by the font's bytes): a cold build then never decodes the
 * cmap of a face whose words are all in the shaping cache (fontkit took
 * about 5 ms a face for it). Held to fontkit's hasGlyphForCodePoint over
 * every code point by tests/theme/font-coverage.test.ts.
 */
export function drawsCodePoint(f: FontFace, cp: number): boolean {
  // (An entry that is not a list of ranges, damaged or written by hand, is worked out again.)
  const ranges = (f.coverage ??= diskMemo('coverage', contentHash('coverage', faceHash(f)), () => coverageRanges(f.font), undefined, { valid: isCoverage }));
  // A font with no Unicode cmap (a legacy Mac Roman one, say): its character set is not in code points; fontkit translates.
  if (ranges === null) return f.font.hasGlyphForCodePoint(cp);
  let lo = 0;
  let hi = ranges.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[2 * mid]!) hi = mid - 1;
    else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

function isCoverage(v: unknown): v is number[] | null {
  return v === null || (Array.isArray(v) && v.length % 2 === 0 && v.every((n) => Number.isInteger(n)));
}

function coverageRanges(font: fontkit.Font): number[] | null {
  if ((font as unknown as { _cmapProcessor: { encoding: unknown } })._cmapProcessor.encoding) return null;
  const cps = font.characterSet.filter((cp) => font.hasGlyphForCodePoint(cp)).sort((a, b) => a - b);
  const ranges: number[] = [];
  for (const cp of cps) {
    if (ranges.length && ranges[ranges.length - 1] === cp - 1) ranges[ranges.length - 1] = cp;
    else if (!ranges.length || ranges[ranges.length - 1]! < cp) ranges.push(cp, cp);
  }
  return ranges;
}

/** A parsed face per file, shared by every set that uses it (fontkit-shared memoises by buffer too). */
const faces = new Map<string, FontFace>();

/**
 * The face in `file`; `buffer` when the caller has read it already (through
 * project-files, for a brand font): a file whose bytes changed is parsed
 * again. Compared byte for byte, not hashed: `create` hashes them once.
 */
export function fontFace(file: string, buffer?: Buffer): FontFace {
  let f = faces.get(file);
  if (!f || (buffer && f.buffer !== buffer && !f.buffer.equals(buffer))) {
    const bytes = buffer ?? readFileSync(file);
    const font = fontkit.create(bytes) as fontkit.Font;
    f = { file, buffer: bytes, font, widths: new Map() };
    faces.set(file, f);
  }
  return f;
}

/**
 * The faces a document is set in, one per style. `heading` and `subheading`
 * are the headings' bold and semibold faces: the base faces unless a brand
 * names a headings family.
 */
export class FontSet {
  private readonly loaded = new Map<FontStyle, FontFace>();

  constructor(
    /** Family names as viewers list them: `family` for text, `headingFamily` for headings. */
    readonly family: string,
    readonly headingFamily: string,
    private readonly load: (style: FontStyle) => FontFace,
  ) {}

  face(style: FontStyle): FontFace {
    let f = this.loaded.get(style);
    if (!f) {
      f = this.load(style);
      this.loaded.set(style, f);
    }
    return f;
  }

  buffer(style: FontStyle): Buffer {
    return this.face(style).buffer;
  }

  /** PostScript name, as PDF viewers list it. */
  name(style: FontStyle): string {
    return this.face(style).font.postscriptName;
  }

  /** The first style drawn with the same face as `style`: one embedded font per face in a PDF. */
  canonicalStyle(style: FontStyle): FontStyle {
    const face = this.face(style);
    return fontStyles.find((s) => this.face(s) === face) ?? style;
  }

  /** Distinct font files, for resvg. */
  files(): string[] {
    return [...new Set(fontStyles.map((s) => this.face(s).file))];
  }

  private digested?: string;

  /** A digest of the faces (their bytes): what the chart caches key on. */
  digest(): string {
    if (this.digested === undefined) {
      const h = createHash('sha1');
      for (const s of fontStyles) h.update(faceHash(this.face(s)));
      this.digested = `${this.family}/${this.headingFamily}/${h.digest('hex').slice(0, 12)}`;
    }
    return this.digested;
  }

  /** Width of `text` in points at `sizePt`, with the font's kerning (as pdfkit draws it). */
  measure(text: string, style: FontStyle, sizePt: number): number {
    const f = this.face(style);
    let units = f.widths.get(text);
    if (units === undefined) {
      units = f.font.layout(text).advanceWidth;
      f.widths.set(text, units);
    }
    return (units / f.font.unitsPerEm) * sizePt;
  }

  /** Ascent and descent (positive) in points. */
  verticalMetrics(style: FontStyle, sizePt: number): { ascent: number; descent: number } {
    const f = this.face(style).font;
    return { ascent: (f.ascent / f.unitsPerEm) * sizePt, descent: (-f.descent / f.unitsPerEm) * sizePt };
  }

  /** Characters of `text` the font has no glyph for (whitespace and controls excepted). */
  missingGlyphs(text: string, style: FontStyle = 'regular'): string[] {
    const face = this.face(style);
    const missing = new Set<string>();
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (cp < 0x20 || ch === '\u00a0' || ch === '\u200b') continue;
      if (!drawsCodePoint(face, cp)) missing.add(ch);
    }
    return [...missing];
  }
}

const bundledFiles: Record<FontStyle, string> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf',
  semibold: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
  heading: '700Bold/BeVietnamPro_700Bold.ttf',
  subheading: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
};

/** The bundled file for `style`. */
export function bundledFontPath(style: FontStyle): string {
  return require.resolve(`${pkg}/${bundledFiles[style]}`);
}

/** The bundled file for `style` (the watch preview serves these to the browser). */
export const fontPath = bundledFontPath;

export const bundledFamily = 'Be Vietnam Pro';

/** The bundled Be Vietnam Pro: the default set, and the fallback for any style a brand leaves out. */
export const bundledFonts = new FontSet(bundledFamily, bundledFamily, (style) => fontFace(bundledFontPath(style)));

/**
 * Sets by family name, for Vega's text measurement (a global hook that sees
 * only the item's font family). A set registers itself when a theme is made.
 */
const byFamily = new Map<string, FontSet>([[bundledFamily, bundledFonts]]);

export function registerFontSet(set: FontSet): void {
  byFamily.set(set.family, set);
}

/** The set whose family a CSS font list (`"Brand Sans", sans-serif`) names first; the bundled set otherwise. */
export function fontSetForFamily(family: string | undefined): FontSet {
  const first = (family ?? '').split(',')[0]!.trim().replace(/^["']|["']$/g, '');
  return byFamily.get(first) ?? bundledFonts;
}

/** Vega/CSS font weight and style → our style name. */
export function styleFor(weight: string | number | undefined, italic: boolean): FontStyle {
  const w = weight === 'bold' ? 700 : Number(weight ?? 400) || 400;
  if (w >= 650) return italic ? 'boldItalic' : 'bold';
  if (w >= 550) return italic ? 'boldItalic' : 'semibold';
  return italic ? 'italic' : 'regular';
}

// The bundled font (Be Vietnam Pro, SIL OFL 1.1, full Vietnamese coverage),
// loaded with fontkit: one place for font files, text widths and glyph
// coverage. PDF layout, chart text measurement and coverage warnings all use
// the same measurements, so what is measured is what is drawn.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from './fontkit-shared.js';
import type { FontStyle } from './theme.js';

const require = createRequire(import.meta.url);
const pkg = '@expo-google-fonts/be-vietnam-pro';

const files: Record<FontStyle, string> = {
  regular: '400Regular/BeVietnamPro_400Regular.ttf',
  bold: '700Bold/BeVietnamPro_700Bold.ttf',
  italic: '400Regular_Italic/BeVietnamPro_400Regular_Italic.ttf',
  boldItalic: '700Bold_Italic/BeVietnamPro_700Bold_Italic.ttf',
  semibold: '600SemiBold/BeVietnamPro_600SemiBold.ttf',
};

export const fontStyles = Object.keys(files) as FontStyle[];

export function fontPath(style: FontStyle): string {
  return require.resolve(`${pkg}/${files[style]}`);
}

interface LoadedFont {
  buffer: Buffer;
  font: fontkit.Font;
  widths: Map<string, number>;
}

const loaded = new Map<FontStyle, LoadedFont>();

function load(style: FontStyle): LoadedFont {
  let f = loaded.get(style);
  if (!f) {
    const buffer = readFileSync(fontPath(style));
    f = { buffer, font: fontkit.create(buffer) as fontkit.Font, widths: new Map() };
    loaded.set(style, f);
  }
  return f;
}

export function fontBuffer(style: FontStyle): Buffer {
  return load(style).buffer;
}

/** PostScript name, as PDF viewers list it. */
export function fontName(style: FontStyle): string {
  return load(style).font.postscriptName;
}

/** Width of `text` in points at `sizePt`, with the font's kerning (as pdfkit draws it). */
export function measure(text: string, style: FontStyle, sizePt: number): number {
  const f = load(style);
  let units = f.widths.get(text);
  if (units === undefined) {
    units = f.font.layout(text).advanceWidth;
    f.widths.set(text, units);
  }
  return (units / f.font.unitsPerEm) * sizePt;
}

/** Ascent and descent (positive) in points. */
export function verticalMetrics(style: FontStyle, sizePt: number): { ascent: number; descent: number } {
  const f = load(style).font;
  return { ascent: (f.ascent / f.unitsPerEm) * sizePt, descent: (-f.descent / f.unitsPerEm) * sizePt };
}

/** Characters of `text` the font has no glyph for (whitespace and controls excepted). */
export function missingGlyphs(text: string, style: FontStyle = 'regular'): string[] {
  const f = load(style).font;
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x20 || ch === '\u00a0' || ch === '\u200b') continue;
    if (!f.hasGlyphForCodePoint(cp)) missing.add(ch);
  }
  return [...missing];
}

/** Vega/CSS font weight and style → our style name. */
export function styleFor(weight: string | number | undefined, italic: boolean): FontStyle {
  const w = weight === 'bold' ? 700 : Number(weight ?? 400) || 400;
  if (w >= 650) return italic ? 'boldItalic' : 'bold';
  if (w >= 550) return italic ? 'boldItalic' : 'semibold';
  return italic ? 'italic' : 'regular';
}

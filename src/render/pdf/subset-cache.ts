// Font subsetting, memoised. At `doc.end()` pdfkit asks fontkit to encode a
// subset font from the glyphs the document used: it decodes every glyph
// and rebuilds the tables, about as slow as drawing all the text. The bytes
// depend only on the font and the glyph ids in order of first use, so a
// rebuild that uses the same glyphs (watch mode, tests) reuses them.
import type { FontSubset } from './pdfkit-internals.js';

interface Encoded {
  bytes: Uint8Array;
  /** The subset's glyph list after encoding: compound glyphs add their components. */
  glyphs: number[];
}

/** Per fontkit font: glyph list → encoded subset, most recent last. */
const cache = new WeakMap<object, Map<string, Encoded>>();
/** Enough for a few documents built in turn (brief, deck notes, tests) without growing without bound. */
const perFont = 8;

export function memoiseSubsetEncoding(font: object, subset: FontSubset): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    let entries = cache.get(font);
    if (!entries) cache.set(font, (entries = new Map()));
    const key = subset.glyphs.join(',');
    let hit = entries.get(key);
    if (hit) {
      entries.delete(key);
      subset.glyphs = [...hit.glyphs];
      subset.mapping = {};
      hit.glyphs.forEach((g, i) => (subset.mapping[g] = i));
    } else {
      const bytes = encode();
      hit = { bytes, glyphs: [...subset.glyphs] };
      if (entries.size >= perFont) entries.delete(entries.keys().next().value!);
    }
    entries.set(key, hit);
    return hit.bytes;
  };
}

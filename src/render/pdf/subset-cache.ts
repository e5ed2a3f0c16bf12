// Font subsetting, memoised. At `doc.end()` pdfkit asks fontkit to encode a
// subset font from the glyphs the document used: it decodes every glyph
// and rebuilds the tables, about as slow as drawing all the text. The bytes
// depend only on the font and the glyph ids in order of first use, so a
// rebuild that uses the same glyphs (watch mode, tests) reuses them, and so
// does a new process (the CLI), from the disk cache.
import { fontBytesHash } from '../../theme/fontkit-shared.js';
import { contentHash, diskMemo } from '../../util/disk-memo.js';
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

/** The font's bytes (name and version, for a font not parsed through fontkit-shared): another file gets other entries, even under a name and version another project's font has too. */
function fontKey(font: object): string {
  const f = font as { postscriptName?: string; version?: string | number };
  return fontBytesHash(font) ?? `${f.postscriptName ?? 'font'}\u0000${String(f.version ?? '')}`;
}

export function memoiseSubsetEncoding(font: object, subset: FontSubset): void {
  const encode = subset.encode.bind(subset);
  subset.encode = () => {
    let entries = cache.get(font);
    if (!entries) cache.set(font, (entries = new Map()));
    const key = subset.glyphs.join(',');
    let hit = entries.get(key);
    if (hit) entries.delete(key);
    else {
      const stored = diskMemo('subsets', contentHash('subset', fontKey(font), key), () => ({ bytes: Buffer.from(encode()).toString('base64'), glyphs: [...subset.glyphs] }));
      hit = { bytes: new Uint8Array(Buffer.from(stored.bytes, 'base64')), glyphs: stored.glyphs };
      if (entries.size >= perFont) entries.delete(entries.keys().next().value!);
    }
    // What encoding would have left behind: the glyph list with compound glyphs' components, and its mapping.
    subset.glyphs = [...hit.glyphs];
    subset.mapping = {};
    hit.glyphs.forEach((g, i) => (subset.mapping[g] = i));
    entries.set(key, hit);
    return hit.bytes;
  };
}

// drawsCodePoint (src/theme/fonts.ts) answers from coverage ranges kept in
// the disk cache; here it is held to fontkit's own cmap lookup over every
// code point of the first three planes, for the bundled faces and a brand's.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { create } from '../../src/theme/fontkit-shared.js';
import { bundledFontPath, drawsCodePoint, fontFace, type FontFace } from '../../src/theme/fonts.js';
import { fixtures } from '../helpers.js';

const files = [bundledFontPath('regular'), bundledFontPath('boldItalic'), path.join(fixtures, 'brand', 'fonts', 'LiberationSans-Regular.ttf'), path.join(fixtures, 'brand', 'fonts', 'DejaVuSerif-Bold.ttf')];

describe('a face draws a code point', () => {
  it.each(files.map((f) => [path.basename(f), f]))('exactly when fontkit finds a glyph for it (%s)', (_name, file) => {
    const face = fontFace(file);
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x2ffff; cp++) if (drawsCodePoint(face, cp) !== face.font.hasGlyphForCodePoint(cp)) wrong.push(cp.toString(16));
    expect(wrong).toEqual([]);
    // Vietnamese is covered by the bundled font; a code point no font has is not.
    if (file.includes('BeVietnam')) expect([...'Việt Nam – Trung Quốc ₫'].every((c) => drawsCodePoint(face, c.codePointAt(0)!))).toBe(true);
    expect(drawsCodePoint(face, 0x10fffd)).toBe(false);
  });
});

describe('coverage read back from the disk cache', () => {
  it('is worked out again when the entry is not a list of ranges (damaged, or written by hand)', () => {
    const cache = mkdtempSync(path.join(os.tmpdir(), 'briefdeck-coverage-'));
    vi.stubEnv('BRIEFDECK_CACHE_DIR', cache);
    try {
      const bytes = readFileSync(bundledFontPath('regular'));
      const face = (): FontFace => ({ file: bundledFontPath('regular'), buffer: bytes, font: create(bytes) as FontFace['font'], widths: new Map() });
      expect(drawsCodePoint(face(), 0x1ec7)).toBe(true);
      const dir = path.join(cache, 'coverage');
      for (const damaged of ['{}', '[1, 2, 3]', '"ranges"']) {
        for (const f of readdirSync(dir)) writeFileSync(path.join(dir, f), damaged);
        expect(drawsCodePoint(face(), 0x1ec7), damaged).toBe(true);
      }
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  });
});

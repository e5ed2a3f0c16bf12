// An invariant over every fixture's deck (its own deck template, or the
// standard deck when it has none), in both languages, read from the slide
// model: every item is on the slide; on content slides every item but the
// source line is inside the body (below the title band, above the source
// line and footer, inside the side margins); no two items overlap, and none
// overlaps the source line.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { bodyArea } from '../../src/render/pptx/document-to-slides.js';
import type { Box, SlideItem } from '../../src/render/pptx/slide-model.js';
import { fixtures } from '../helpers.js';

const decks = readdirSync(fixtures)
  .filter((name) => existsSync(path.join(fixtures, name, 'data', 'dataset.yaml')))
  .flatMap((name) => {
    const own = existsSync(path.join(fixtures, name, 'templates', 'deck', 'document.md.hbs'));
    return (['en', 'vi'] as const).map((locale) => ({ name, template: own ? 'deck' : 'standard-deck', locale }));
  });

const EPS = 0.005;
const overlap = (a: Box, b: Box) => a.x < b.x + b.w - EPS && b.x < a.x + a.w - EPS && a.y < b.y + b.h - EPS && b.y < a.y + a.h - EPS;
const describeItem = (it: SlideItem) => `${it.type} at (${it.x.toFixed(2)}, ${it.y.toFixed(2)}) ${it.w.toFixed(2)}×${it.h.toFixed(2)}`;

describe.each(decks)('$name $template ($locale)', ({ name, template, locale }) => {
  it('keeps every item on the slide and in the body, with no two overlapping', async () => {
    const dir = path.join(fixtures, name);
    const outcome = await buildPptx({ templatesDir: path.join(dir, 'templates'), template, dataDir: path.join(dir, 'data'), outDir: '/nonexistent', locale }, { write: false });
    const model = outcome.slideModel!;
    expect(model.slides.length).toBeGreaterThan(1);
    for (const slide of model.slides) {
      const where = `slide ${slide.number} (${slide.title})`;
      for (const it of slide.items) {
        expect(it.x >= -EPS && it.y >= -EPS && it.x + it.w <= model.widthIn + EPS && it.y + it.h <= model.heightIn + EPS, `${where}: ${describeItem(it)} is off the slide`).toBe(true);
      }
      if (slide.kind !== 'content') continue;
      const content = slide.items.filter((it) => !(it.type === 'text' && it.role === 'source-line'));
      const sourceLines = slide.items.filter((it) => it.type === 'text' && it.role === 'source-line');
      expect(sourceLines.length, where).toBeLessThanOrEqual(1);
      for (const s of sourceLines) expect(s.y >= bodyArea.bottom - EPS && s.y + s.h <= 7.0 + EPS, `${where}: the source line ${describeItem(s)} leaves its band`).toBe(true);
      for (const it of content) {
        const inside = it.x >= bodyArea.left - EPS && it.x + it.w <= bodyArea.right + EPS && it.y >= bodyArea.top - EPS && it.y + it.h <= bodyArea.bottom + EPS;
        expect(inside, `${where}: ${describeItem(it)} leaves the body`).toBe(true);
      }
      for (const [i, a] of slide.items.entries()) {
        for (const b of slide.items.slice(i + 1)) expect(overlap(a, b), `${where}: ${describeItem(a)} overlaps ${describeItem(b)}`).toBe(false);
      }
    }
  });
});

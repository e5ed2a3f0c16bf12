import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { expectGolden, stableJson } from '../golden.js';
import { copyFixture, edit, fixtures, lineOf } from '../helpers.js';
import { readPptx } from './read-pptx.js';

const dir = path.join(fixtures, 'mini');
const req = (d: string) => ({ templatesDir: path.join(d, 'templates'), template: 'deck', dataDir: path.join(d, 'data'), outDir: path.join(d, 'out') });

describe('mini deck', async () => {
  const outcome = await buildPptx(req(dir), { write: false });

  it('matches its slide model golden', () => {
    expectGolden(path.join(dir, 'expected', 'slides.json'), stableJson(outcome.slideModel, dir));
  });

  it('warns, naming the slide, when text does not fit even when shrunk', () => {
    const overflow = outcome.diagnostics.filter((d) => d.rule === 'render/overflow');
    expect(overflow).toHaveLength(1);
    expect(overflow[0]!.message).toMatch(/^text on slide 4 \(“Too much”\) does not fit/);
    expect(overflow[0]!.position.line).toBe(lineOf(dir, 'templates/deck/document.md.hbs', '{{#each facts}}') + 1);
    // The box is cut to the slide: nothing runs off it.
    for (const s of outcome.slideModel!.slides) for (const it of s.items) expect(it.y + it.h).toBeLessThanOrEqual(7.5);
  });

  it('turns a bar chart into a native chart with the series values', async () => {
    const deck = await readPptx(outcome.pptx!);
    expect(deck.slides[2]!.charts[0]!.values).toEqual([171.9, 260.65]);
    expect(deck.slides[1]!.notes.split(/\r?\n/)[0]).toBe("Say over US$200 billion[2] according to Viet Nam's statistics.");
    expect(deck.slides[1]!.notes).toMatch(/^\[2\] Viet Nam News, /m);
    expect(deck.slides[1]!.texts.join(' ')).toContain('Lào Cai – Hà Nội – Hải Phòng');
  });

  it('warns about characters the font cannot draw, naming the slide', async () => {
    const d = copyFixture('mini');
    edit(d, 'templates/deck/document.md.hbs', '- Route:', '- Chongqing (重庆) route:');
    const o = await buildPptx(req(d), { write: false });
    const w = o.diagnostics.filter((x) => x.rule === 'render/missing-glyph');
    expect(w.map((x) => x.message)).toEqual([
      messages['render/missing-glyph'].text({ char: '重', code: 'U+91CD', font: 'BeVietnamPro-Regular (slide 2)' }),
      messages['render/missing-glyph'].text({ char: '庆', code: 'U+5E86', font: 'BeVietnamPro-Regular (slide 2)' }),
    ]);
  });
});

// Speaker notes and languages in the deck's XML: every run of slides and
// notes is tagged with the document's language (pptxgenjs tags notes en-US),
// and notes are one `a:p` per paragraph (pptxgenjs puts line breaks inside
// one run).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPptx } from '../../src/build.js';
import { copyFixture, edit, fixtures } from '../helpers.js';
import { readPptx } from './read-pptx.js';

const req = (d: string, locale: 'en' | 'vi') => ({ templatesDir: path.join(d, 'templates'), template: 'deck', dataDir: path.join(d, 'data'), outDir: '/nonexistent', locale });

async function parts(bytes: Uint8Array, pattern: RegExp) {
  const deck = await readPptx(bytes);
  const names = deck.names.filter((n) => pattern.test(n)).sort();
  return Promise.all(names.map(async (name) => ({ name, xml: await deck.zip.file(name)!.async('string') })));
}

/** The paragraphs of a notes slide's body placeholder, each as the texts of its runs. */
function notesParagraphs(xml: string): string[][] {
  const body = /<p:ph type="body"[^>]*\/>[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(xml)![1]!;
  return [...body.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => [...p[1]!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]!));
}

describe.each([
  ['vi', 'vi-VN'],
  ['en', 'en-GB'],
] as const)('a %s deck', async (locale, lang) => {
  const dir = path.join(fixtures, 'mini');
  const outcome = await buildPptx(req(dir, locale), { write: false });

  it(`tags every run, paragraph end and field of slides and notes ${lang}`, async () => {
    const xmls = await parts(outcome.pptx!, /^ppt\/(slides\/slide|notesSlides\/notesSlide)\d+\.xml$/);
    expect(xmls.filter((p) => p.name.startsWith('ppt/notesSlides/')).length).toBe(outcome.slideModel!.slides.length);
    for (const { name, xml } of xmls) {
      const langs = [...xml.matchAll(/<a:(?:rPr|endParaRPr)\b[^>]*?\slang="([^"]*)"/g)].map((m) => m[1]);
      expect(langs.length, name).toBeGreaterThan(0);
      expect(new Set(langs), name).toEqual(new Set([lang]));
    }
  });

  it('writes notes as one paragraph per line of the slide model, with no line break inside a run', async () => {
    const xmls = await parts(outcome.pptx!, /^ppt\/notesSlides\/notesSlide\d+\.xml$/);
    for (const { name, xml } of xmls) {
      const n = Number(/(\d+)\.xml$/.exec(name)![1]);
      const paragraphs = notesParagraphs(xml);
      for (const p of paragraphs) for (const t of p) expect(t, name).not.toMatch(/[\r\n]/);
      const model = outcome.slideModel!.slides[n - 1]!.notes;
      if (model.length) expect(paragraphs.map((p) => p.join('')), name).toEqual(model.map((t) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')));
      else expect(paragraphs.flat().join(''), name).toBe('');
    }
    // The Trade slide: the notes paragraph, then the references (a heading and one paragraph per reference).
    const trade = notesParagraphs(xmls.find((p) => p.name === 'ppt/notesSlides/notesSlide2.xml')!.xml).map((p) => p.join(''));
    expect(trade).toHaveLength(4);
    expect(trade[0]).toMatch(/^Say .*\[2\]/);
    expect(trade[1]).toBe(locale === 'vi' ? 'Nguồn tham khảo:' : 'Sources:');
    expect(trade[2]).toMatch(/^\[1\] General Administration of Customs, /);
    expect(trade[3]).toMatch(/^\[2\] Viet Nam News, /);
  });
});

describe('notes paragraphs', () => {
  it('a notes paragraph written over two lines is one paragraph; each list item is one', async () => {
    const d = copyFixture('mini');
    edit(d, 'templates/deck/document.md.hbs', ':::notes\nSay', ':::notes\nFirst line\nsecond line of the same paragraph.\n\n- one point\n- another point\n\nSay');
    const o = await buildPptx(req(d, 'en'), { write: false });
    const notes = o.slideModel!.slides[1]!.notes;
    expect(notes.slice(0, 4)).toEqual(['First line second line of the same paragraph.', '• one point', '• another point', expect.stringMatching(/^Say /)]);
    const [xml] = await parts(o.pptx!, /^ppt\/notesSlides\/notesSlide2\.xml$/);
    expect(notesParagraphs(xml!.xml).slice(0, 3)).toEqual([['First line second line of the same paragraph.'], ['• one point'], ['• another point']]);
  });
});

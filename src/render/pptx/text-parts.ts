// PowerPoint XML parts as pptxgenjs wrote them → the same parts with the
// slide model's notes and language. pptxgenjs writes speaker notes as one
// run tagged `en-US` with the line breaks inside it (`addNotes` takes a
// string and no options), and tags paragraph ends and field runs `en-US`
// whatever the text's language, so a `vi` deck's notes are spell-checked
// (and read aloud) as English. Here each notes body becomes one `a:p` per
// paragraph, and every run of slides and notes carries the document language.
import type { SlideModel } from './slide-model.js';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The notes placeholder's paragraphs: one `a:p` per paragraph (an empty notes body keeps one empty paragraph, as PowerPoint writes it). */
export function notesParagraphsXml(paragraphs: readonly string[], lang: string): string {
  if (paragraphs.length === 0) return `<a:p><a:endParaRPr lang="${lang}" dirty="0"/></a:p>`;
  return paragraphs.map((p) => `<a:p><a:r><a:rPr lang="${lang}" dirty="0"/><a:t>${escapeXml(p)}</a:t></a:r></a:p>`).join('');
}

/** Every run and paragraph end tagged `lang` (`altLang`, the UI language hint, is left alone), but runs in a language the text marks (`keep`). */
export function retagLanguage(xml: string, lang: string, keep: ReadonlySet<string> = new Set()): string {
  return xml.replace(/(<a:(?:rPr|endParaRPr|defRPr)\b[^>]*?\s)lang="([^"]*)"/g, (m, head: string, found: string) => (keep.has(found) ? m : `${head}lang="${lang}"`));
}

// The body placeholder of pptxgenjs's notes slide, and the paragraphs in it.
const NOTES_BODY = /(<p:ph type="body" idx="1"\/><\/p:nvPr><\/p:nvSpPr><p:spPr\/><p:txBody><a:bodyPr\/><a:lstStyle\/>)[\s\S]*?(<\/p:txBody>)/;

/** A rewrite of one XML part (by its name in the package) for `normalizePptx`. */
export function textPartsRewrite(model: SlideModel): (name: string, xml: string) => string {
  const lang = model.info.lang;
  const marked = new Set<string>();
  for (const s of model.slides) {
    for (const it of s.items) {
      const runs = it.type === 'text' ? it.paragraphs.flatMap((p) => p.runs) : it.type === 'table' ? [...it.header, ...it.rows.flat()].flat() : [];
      for (const r of runs) if (r.lang && r.lang !== lang) marked.add(r.lang);
    }
  }
  return (name, xml) => {
    // pptxgenjs writes notesSlideN for slideN, one for every slide.
    const notes = /^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(name);
    if (notes) {
      const slide = model.slides[Number(notes[1]) - 1];
      if (!slide || !NOTES_BODY.test(xml)) throw new Error(`${name}: no notes body placeholder where pptxgenjs writes one`);
      return retagLanguage(xml.replace(NOTES_BODY, (_m, open: string, close: string) => `${open}${notesParagraphsXml(slide.notes, lang)}${close}`), lang);
    }
    if (/^ppt\/slides\/slide\d+\.xml$/.test(name)) return retagLanguage(xml, lang, marked);
    return xml;
  };
}

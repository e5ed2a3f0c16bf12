import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../src/build.js';
import { parseMarkdown, parseWhole, splitSections } from '../../src/document/parse-markdown.js';
import { fixtures, root } from '../helpers.js';

const markdownOf = (dir: string, template: string, data: string) =>
  prepareDocument({ templatesDir: path.join(dir, 'templates'), template, dataDir: data, outDir: '/nonexistent' }).value!.markdown;

describe('parsing Markdown by sections', () => {
  const documents = {
    'bundled brief': markdownOf(root, 'brief', path.join(root, 'data', 'vietnam-china')),
    'bundled deck': markdownOf(root, 'deck', path.join(root, 'data', 'vietnam-china')),
    'mini brief': markdownOf(path.join(fixtures, 'mini'), 'brief', path.join(fixtures, 'mini', 'data')),
    // The standard templates on another topic (invented figures).
    'standard brief, chile-korea': markdownOf(root, 'standard-brief', path.join(fixtures, 'standard', 'data')),
    'standard deck, chile-korea': markdownOf(root, 'standard-deck', path.join(fixtures, 'standard', 'data')),
  };

  it.each(Object.entries(documents))('gives the tree the whole text parses to: %s', (_name, text) => {
    expect(splitSections(text).length).toBeGreaterThan(1);
    expect(parseMarkdown(text)).toEqual(parseWhole(text));
  });

  it('re-parses only the section that changed, and still equals the whole parse', () => {
    const text = documents['bundled brief'];
    const edited = text.replace('692,500 tonnes', '692,600 tonnes');
    expect(edited).not.toBe(text);
    const before = splitSections(text).map((s) => s.text);
    const after = splitSections(edited).map((s) => s.text);
    expect(after.filter((s, i) => s !== before[i])).toHaveLength(1);
    expect(parseMarkdown(edited)).toEqual(parseWhole(edited));
  });

  it('gives the whole parse on random sequences of blocks that can run on after a blank line', () => {
    // Lists (loose and tight), quotes, indented and fenced code, tables, setext headings, raw HTML, directives.
    const pieces = [
      '# Heading', 'Para with **bold** and :cite[x]{#a}.', 'Line one\nlazy line two', '- item\n- item', '- item\n\n  continued', '1. first\n2. second',
      '3) third', '> quoted\nlazy', '    indented code', '```\ncode\n\nmore\n```', '| a | b |\n| - | - |\n| 1 | 2 |', 'Title\n=====', 'Sub\n---', '***', '<div>\nhtml\n</div>',
      '<!--\n\n# in a comment\n-->', '::chart{spec="x"}', ':::notes\nInside\n\nstill\n:::', '::::outer\n\nText\n:::\n\nMore\n::::',
      '1. ```\n   code\n   ```', '``` `x`\n\nnot code', '> [foo]: /url', 'A [foo] reference', 'Para\n\u00a0\nnot blank', '- [bar]: /u\n\n[bar]', '2024 was a year.', '12. a list that starts at 12', '![alt](a.png)', '**Bold start**', 'Text  \nhard break', '* star item', '+ plus item',
    ];
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    let cut = 0;
    for (let round = 0; round < 300; round++) {
      const blocks = Array.from({ length: 3 + random(8) }, () => pieces[random(pieces.length)]!);
      const body = blocks.map((b, i) => (i && random(4) === 0 ? `${b}` : `${b}\n`)).join('\n');
      // Front matter with a blank line and a comment in it, sometimes; and the same with CRLF line ends.
      const text = random(3) === 0 ? `---\ntitle: x\n\n# comment\n---\n\n${body}` : body;
      for (const t of [text, text.replaceAll('\n', '\r\n')]) expect(parseMarkdown(t), JSON.stringify(t)).toEqual(parseWhole(t));
      if (splitSections(text).length > 1) cut++;
    }
    // Most of them were cut: the comparison is of the cut parse.
    expect(cut).toBeGreaterThan(100);
  });

  it('parses whole a text with a raw HTML block that runs across blank lines', () => {
    expect(splitSections('Text\n\n<!--\n\n# not a heading\n-->\n\n# A\n')).toHaveLength(1);
    expect(splitSections('<pre>\n\nText\n</pre>\n')).toHaveLength(1);
  });

  it('does not cut inside front matter, code fences or directive containers, nor where footnotes are used', () => {
    const cuts = (t: string) => splitSections(t).map((s) => s.text.split('\n')[0]);
    expect(cuts('---\ntitle: x\n\n# not a heading\n---\n\n# A\n\n:::notes\n\n# in notes\n:::\n\n```\n\n# in code\n```\n\n# B\n')).toEqual(['---', '# A', '# B']);
    expect(splitSections('# A\n\nText[^1].\n\n# B\n\n[^1]: Note.\n')).toHaveLength(1);
  });
});

// Links that must not be live: `javascript:` and `file:` URLs from
// sources.yaml and from template Markdown links. Only http:, https: and
// mailto: become links, in the PDF (/URI) and in the deck (hyperlink
// relationships); the rest is printed as text with a warning.
import path from 'node:path';
import JSZip from 'jszip';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildPdf, buildPptx } from '../../src/build.js';
import { messages } from '../../src/diagnostics/messages.js';
import { decideLink } from '../../src/document/safe-link.js';
import { copyFixture, edit, lineOf } from '../helpers.js';
import { readPdf } from '../render/read-pdf.js';

// No caches, so every build here runs every stage (restored after each test: test files share a process).
beforeEach(() => {
  vi.stubEnv('BRIEFDECK_NO_CACHE', '1');
});

const live = /^(https?:|mailto:)/;
const hostileLinks = [
  '[run me](javascript:alert(document.domain))',
  '[passwords](file:///etc/passwd)',
  '[mixed case](JaVaScRiPt:alert(1))',
  '[data](data:text/html,<b>x</b>)',
  '[ok](https://example.org/ok?a=1&b=2)',
  '[write](mailto:desk@example.org)',
  '<javascript:void(0)>',
].join(' and ');

function hostileMini(): string {
  const dir = copyFixture('mini');
  edit(dir, 'data/sources.yaml', 'url: https://example.org/gacc', 'url: javascript:alert(1)');
  edit(dir, 'data/sources.yaml', 'date: 2024-11-04', 'date: 2024-11-04\n    url: file:///etc/passwd');
  edit(dir, 'templates/brief/document.md.hbs', '{{> signoff}}', `Links: ${hostileLinks}.\n\n{{> signoff}}`);
  edit(dir, 'templates/deck/document.md.hbs', '- Route:', `- Links: ${hostileLinks}.\n- Route:`);
  return dir;
}

const req = (dir: string, template: string) => ({ templatesDir: path.join(dir, 'templates'), template, dataDir: path.join(dir, 'data'), outDir: path.join(dir, 'out') });

describe('links', async () => {
  const dir = hostileMini();
  const pdf = await buildPdf(req(dir, 'brief'), { write: false });
  const deck = await buildPptx(req(dir, 'deck'), { write: false });

  it('warns for each link that is not made live, naming the file and line', () => {
    for (const [outcome, template] of [[pdf, 'brief'], [deck, 'deck']] as const) {
      const warnings = outcome.diagnostics.filter((d) => d.rule === 'link/unsafe-scheme');
      const file = path.join(dir, 'templates', template, 'document.md.hbs');
      const line = lineOf(dir, `templates/${template}/document.md.hbs`, 'Links:');
      expect(warnings.filter((w) => w.position.file === file).map((w) => [w.position.line, w.message])).toEqual([
        [line, messages['link/unsafe-scheme'].text({ url: 'javascript:alert(document.domain)', scheme: 'javascript' })],
        [line, messages['link/unsafe-scheme'].text({ url: 'file:///etc/passwd', scheme: 'file' })],
        [line, messages['link/unsafe-scheme'].text({ url: 'JaVaScRiPt:alert(1)', scheme: 'javascript' })],
        [line, messages['link/unsafe-scheme'].text({ url: 'data:text/html,<b>x</b>', scheme: 'data' })],
        [line, messages['link/unsafe-scheme'].text({ url: 'javascript:void(0)', scheme: 'javascript' })],
      ]);
      const sources = path.join(dir, 'data', 'sources.yaml');
      expect(warnings.filter((w) => w.position.file === sources).map((w) => [w.position.line, w.position.column, w.message])).toEqual(
        expect.arrayContaining([
          [lineOf(dir, 'data/sources.yaml', 'javascript:'), 10, messages['link/unsafe-scheme'].text({ url: 'javascript:alert(1)', scheme: 'javascript' })],
          [lineOf(dir, 'data/sources.yaml', 'file:'), 10, messages['link/unsafe-scheme'].text({ url: 'file:///etc/passwd', scheme: 'file' })],
        ]),
      );
      expect(outcome.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    }
  });

  it('the PDF links only to http(s) and mailto, and prints the rest as text', async () => {
    const read = await readPdf(pdf.pdf!);
    const urls = read.links.map((l) => l.url).filter((u): u is string => u !== undefined);
    expect(urls).toEqual(expect.arrayContaining(['https://example.org/ok?a=1&b=2', 'mailto:desk@example.org']));
    for (const u of urls) expect(u).toMatch(live);
    // pdfjs hides a `javascript:` URI (no url, no dest), so read the /URI entries of the file too.
    for (const l of read.links) expect(l.url !== undefined || l.dest !== undefined, JSON.stringify(l)).toBe(true);
    const uris = [...Buffer.from(pdf.pdf!).toString('latin1').matchAll(/\/URI\s*\(((?:[^()\\]|\\.)*)\)/g)].map((m) => m[1]!);
    expect(uris.length).toBeGreaterThanOrEqual(2);
    for (const u of uris) expect(u).toMatch(live);
    expect(read.text).toContain('run me');
    expect(read.text).toContain('passwords');
    // A source URL that is not live is printed (as text) after its title.
    expect(read.text).toContain('javascript:alert(1)');
  });

  it('every hyperlink relationship of the deck points at http(s) or mailto', async () => {
    const zip = await JSZip.loadAsync(deck.pptx!);
    const targets: string[] = [];
    for (const rels of Object.keys(zip.files).filter((n) => /^ppt\/(slides|notesSlides)\/_rels\/.*\.rels$/.test(n))) {
      const xml = await zip.file(rels)!.async('string');
      const part = await zip.file(rels.replace(/_rels\/(.*)\.rels$/, '$1'))!.async('string');
      for (const m of xml.matchAll(/<Relationship ([^>]*)\/>/g)) {
        const attr = (k: string) => new RegExp(`${k}="([^"]*)"`).exec(m[1]!)?.[1] ?? '';
        if (!attr('Type').endsWith('/hyperlink')) continue;
        // Each one is used by an r:id in its part.
        expect(part).toContain(`r:id="${attr('Id')}"`);
        targets.push(attr('Target').replace(/&amp;/g, '&'));
      }
    }
    expect(targets).toEqual(expect.arrayContaining(['https://example.org/ok?a=1&b=2', 'mailto:desk@example.org']));
    for (const t of targets) expect(t).toMatch(live);
    // Every r:id a hyperlink click names resolves to one of those relationships.
    for (const slide of Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))) {
      const xml = await zip.file(slide)!.async('string');
      const rels = await zip.file(slide.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'))!.async('string');
      for (const m of xml.matchAll(/<a:hlinkClick r:id="([^"]+)"/g)) {
        const rel = new RegExp(`<Relationship [^>]*Id="${m[1]}"[^>]*/>`).exec(rels)?.[0] ?? '';
        expect(rel, `${slide} ${m[1]}`).toMatch(/Target="(https?:|mailto:)/);
      }
    }
  });
});

describe('decideLink: the one place that decides', () => {
  it.each([
    ['https://example.org/a', true],
    ['HTTP://EXAMPLE.ORG/', true],
    ['mailto:a@example.org', true],
    ['javascript:alert(1)', false],
    [' javascript:alert(1)', false],
    ['java\tscript:alert(1)', false],
    ['vbscript:x', false],
    ['file:///etc/passwd', false],
    ['data:text/html,x', false],
    ['#section', false],
    ['relative/page.html', false],
    ['https://', false],
  ])('%j live: %s', (url, isLive) => {
    expect(decideLink(url).live).toBe(isLive);
  });

  it('percent-encodes what could break a PDF string or an XML attribute', () => {
    expect(decideLink('https://example.org/a b"<c>')).toEqual({ live: true, url: 'https://example.org/a%20b%22%3Cc%3E' });
  });
});
